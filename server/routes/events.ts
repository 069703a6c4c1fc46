import { EventsQuery, SlugParam } from '@linli/core';
import { snapshotOf } from '../events/feed';
import { openEventStream, openSubjectsStream, SSE_HEADERS } from '../events/sse';
import { params, query } from '../http/validate';
import { type RouteDeps, router } from './deps';

/** Live tally, progress, proposal and phase events (server-sent events): per consultation, or several on one stream. */
export function eventRoutes({ service, hub }: RouteDeps) {
  const app = router();
  app.get('/consultations/:slug/events', async (c) => {
    const { slug } = params(c, SlugParam);
    // Resolve the consultation first so an unknown slug is a JSON 404, not an empty stream.
    await service.getConsultation(slug);
    const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    // The snapshot is read after subscribing, so nothing committed in between can be missed.
    const snapshot = async () => snapshotOf(service, await service.getConsultation(slug));
    const stream = openEventStream(hub, slug, lastEventId, snapshot);
    return c.body(stream, 200, SSE_HEADERS);
  });

  // GET /events?consultations=a,b&communities=c: the same events for several subjects on one connection, so every
  // widget on a page shares one stream per server; each event's data is {"consultation", "data"}.
  app.get('/events', async (c) => {
    const { consultations, communities, lastEventId: resumeQuery } = query(c, EventsQuery);
    const slugs = new Set<string>();
    // Unknown slugs are a JSON 404 before the stream opens, as on the single-consultation stream.
    for (const slug of consultations) slugs.add((await service.getConsultation(slug)).slug);
    for (const community of communities) {
      for (const summary of await service.listConsultations({ community })) slugs.add(summary.slug);
    }
    const lastEventId = c.req.header('last-event-id') ?? resumeQuery;
    const snapshot = async (slug: string) => snapshotOf(service, await service.getConsultation(slug));
    return c.body(openSubjectsStream(hub, [...slugs], lastEventId, snapshot), 200, SSE_HEADERS);
  });
  return app;
}
