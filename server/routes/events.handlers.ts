import { snapshotOf } from '../events/feed';
import { openEventStream, openSubjectsStream, SSE_HEADERS } from '../events/sse';
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

export const subjectEvents: AppRouteHandler<typeof routes.subjectEvents> = async (c) => {
  const { service, hub } = c.var.deps;
  const { consultations, communities, lastEventId: resumeQuery } = c.req.valid('query');
  const slugs = new Set<string>();
  // Unknown slugs are a JSON 404 before the stream opens, as on the single-consultation stream.
  for (const slug of consultations) slugs.add((await service.getConsultation(slug)).slug);
  for (const community of communities) {
    for (const summary of await service.listConsultations({ community })) slugs.add(summary.slug);
  }
  const lastEventId = c.req.valid('header')['last-event-id'] ?? resumeQuery;
  const snapshot = async (slug: string) => snapshotOf(service, await service.getConsultation(slug));
  return c.body(openSubjectsStream(hub, [...slugs], lastEventId, snapshot), 200, SSE_HEADERS);
};
