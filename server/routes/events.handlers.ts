import { snapshotOf } from '../events/feed';
import { openEventStream, SSE_HEADERS } from '../events/sse';
import type * as routes from './events.routes';
import type { AppRouteHandler } from './openapi';

export const consultationEvents: AppRouteHandler<typeof routes.consultationEvents> = async (c) => {
  const { service, hub } = c.var.deps;
  const { slug } = c.req.valid('param');
  // Resolve the consultation first so an unknown slug is a JSON 404, not an empty stream.
  await service.getConsultation(slug);
  const lastEventId = c.req.valid('header')['last-event-id'] ?? c.req.valid('query').lastEventId;
  // The snapshot is read after subscribing, so nothing committed in between can be missed.
  const snapshot = async () => snapshotOf(service, await service.getConsultation(slug));
  const stream = openEventStream(hub, slug, lastEventId, snapshot);
  return c.body(stream, 200, SSE_HEADERS);
};
