// Live events: the server-sent event stream of one consultation.
import { createRoute, z } from '@hono/zod-openapi';
import { ConsultationEventsQuery, EventsQuery, LastEventIdHeaders, SlugParam } from '@linli/core';
import { errors } from './openapi';

const stream = (description: string) => ({
  content: { 'text/event-stream': { schema: z.string() } },
  description,
});

export const consultationEvents = createRoute({
  method: 'get',
  path: '/consultations/{slug}/events',
  tags: ['events'],
  summary:
    'Server-sent events: tally, progress, proposal ({"proposals": […]}), phase; at most about one flush a second. ' +
    'Resume with Last-Event-ID (or ?lastEventId=).',
  request: { params: SlugParam, query: ConsultationEventsQuery, headers: LastEventIdHeaders },
  responses: {
    200: stream('the stream: a snapshot (phase, progress, tally) first, then live events and heartbeats'),
    ...errors(400, 404),
  },
});

export const subjectEvents = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  summary:
    'The same events for several consultations and communities on one connection (every widget on a page shares ' +
    'it); each event\'s data is {"consultation", "data"}',
  request: { query: EventsQuery, headers: LastEventIdHeaders },
  responses: {
    200: stream('the stream: a snapshot per subject first, then live events and heartbeats'),
    ...errors(400, 404),
  },
});
