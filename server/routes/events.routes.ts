// Live events: the server-sent event stream of one consultation.
import { createRoute, z } from '@hono/zod-openapi';
import { EventsQuery, LastEventIdHeaders, SlugParam } from '@linli/core';
import { errors } from './openapi';

export const consultationEvents = createRoute({
  method: 'get',
  path: '/consultations/{slug}/events',
  tags: ['events'],
  summary:
    'Server-sent events: tally, progress, proposal ({"proposals": […]}), phase; at most about one flush a second. ' +
    'Resume with Last-Event-ID (or ?lastEventId=).',
  request: { params: SlugParam, query: EventsQuery, headers: LastEventIdHeaders },
  responses: {
    200: {
      content: { 'text/event-stream': { schema: z.string() } },
      description: 'the stream: a snapshot (phase, progress, tally) first, then live events and heartbeats',
    },
    ...errors(400, 404, 429),
  },
});
