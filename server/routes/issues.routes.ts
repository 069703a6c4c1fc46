// Issues staff publish from the side panel: paths, inputs, one answer per status. No logic.
import { createRoute } from '@hono/zod-openapi';
import { IdempotencyHeaders } from '@linli/core';
import { errors, json, jsonBody, STAFF, writeErrors } from './openapi';
import * as s from './schemas';

const tags = ['issues'];

export const publishIssues = createRoute({
  method: 'post',
  path: '/issues',
  tags,
  summary: 'Publish clipped issues, one or {"issues": […]} (staff); the same Idempotency-Key replays (200)',
  security: STAFF,
  request: { headers: IdempotencyHeaders, body: jsonBody(s.IssuePublishRequest) },
  responses: {
    201: json(s.IssueList, 'published'),
    200: json(s.IssueList, 'replayed: the issues published by the earlier request with this Idempotency-Key'),
    ...writeErrors(409, 422),
  },
});

export const listIssues = createRoute({
  method: 'get',
  path: '/issues',
  tags,
  summary: 'Published issues (staff)',
  security: STAFF,
  responses: { 200: json(s.IssueList, 'the issues'), ...errors(403) },
});
