import { createRoute, z } from '@hono/zod-openapi';
import { json } from './openapi';

export const openApiDocument = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['docs'],
  summary: 'This document: OpenAPI 3.1, generated from the route declarations',
  responses: { 200: json(z.record(z.string(), z.unknown()), 'the OpenAPI document') },
});
