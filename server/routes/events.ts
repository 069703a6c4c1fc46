import { SlugParam } from '@linli/core';
import { snapshotOf } from '../events/feed';
import { openEventStream, SSE_HEADERS } from '../events/sse';
import { params } from '../http/validate';
import { type RouteDeps, router } from './deps';

/** GET /consultations/:slug/events: live tally, progress, proposal and phase events (server-sent events). */
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
  return app;
}
