import { createRoute } from '@hono/zod-openapi';
import { json } from './openapi';
import * as s from './schemas';

export const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'Liveness, without touching the database (also at /healthz)',
  responses: { 200: json(s.HealthResponse, 'alive') },
});
