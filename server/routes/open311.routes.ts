// Open311 GeoReport v2 at /open311/v2: paths, inputs, one answer per status. No logic.
import { createRoute, z } from '@hono/zod-openapi';
import {
  Open311CreateRequest,
  Open311CreateResponse,
  Open311Error,
  Open311ListQuery,
  Open311Service,
  Open311ServiceRequestList,
} from '@linli/core';

import { json } from './openapi';

const tags = ['open311'];
// Open311 answers errors in its own format (GeoReport v2: a list of {code, description}), not the project's
// `{"error": …}`, so these routes declare their refusals with this helper instead of errors().
const error = (description: string) => json(Open311Error, `${description} (Open311 error list)`);

export const listServices = createRoute({
  method: 'get',
  path: '/services.json',
  tags,
  summary: 'The service catalogue: the categories a 街道 hotline takes, grouped by 承办单位',
  request: { query: z.object({ jurisdiction_id: z.string().optional() }) },
  responses: { 200: json(z.array(Open311Service), 'every service'), 429: error('too many requests') },
});

export const listRequests = createRoute({
  method: 'get',
  path: '/requests.json',
  tags,
  summary: 'Service requests, newest first: the last 90 days unless dated, at most 1000; no reporter data',
  request: { query: Open311ListQuery },
  responses: {
    200: json(Open311ServiceRequestList, 'the matching requests'),
    400: error('a filter is malformed; the description names it'),
    429: error('too many requests'),
  },
});

export const createRequest = createRoute({
  method: 'post',
  path: '/requests.json',
  tags,
  summary: 'Report a problem (api_key: a staff token); it becomes a new Issue from the portal "open311"',
  request: {
    body: {
      // Not `required`: zod-openapi then validates only the media type actually sent (required runs both).
      required: false,
      content: {
        'application/x-www-form-urlencoded': { schema: Open311CreateRequest },
        'application/json': { schema: Open311CreateRequest },
      },
    },
  },
  responses: {
    201: json(Open311CreateResponse, 'created'),
    400: error('a field is missing or malformed; the description names it'),
    403: error('api_key is missing, unknown or revoked'),
    413: error('the body is larger than the limit'),
    415: error('the body is neither a form nor JSON'),
    429: error('too many requests'),
  },
});

export const getRequest = createRoute({
  method: 'get',
  path: '/requests/{id}.json',
  tags,
  summary: 'One service request, as a list of one',
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: json(Open311ServiceRequestList, 'the request'),
    404: error('no such request'),
    429: error('too many requests'),
  },
});
