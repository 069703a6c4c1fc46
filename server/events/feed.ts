import type { ConsultationView } from '@linli/core';
import type { DomainEvent, LinliService } from '../domain/service';
import type { EventHub, HubEvent } from './hub';

/**
 * Connects committed domain events to the hub. A `tally` event carries only a hint: the coalesced event reads
 * the public tally when it is sent, so a burst of ballots costs one read per second, not one per ballot.
 */
export function connectFeed(service: LinliService, hub: EventHub): () => void {
  const publicTally = (slug: string) => () => service.getTally(slug);
  return service.events.subscribe((event: DomainEvent) => {
    switch (event.type) {
      case 'tally':
        hub.publish(event.slug, 'tally', publicTally(event.slug));
        break;
      case 'phase': {
        hub.publish(event.slug, 'phase', event.data);
        // Results shown only after close may become visible with this phase.
        hub.publish(event.slug, 'tally', publicTally(event.slug));
        break;
      }
      case 'proposal': {
        // Batched, not coalesced: every proposal that changed within the window must reach the board, but in
        // one frame (`{"proposals": […]}`), so six wishes posted at once are one event, not six.
        hub.publishItem(event.slug, 'proposal', 'proposals', event.data.id, event.data);
        break;
      }
      default:
        hub.publish(event.slug, event.type, event.data);
    }
  });
}

/** What a new subscriber sees first: the current phase, progress and (when there is a ballot) tally. */
export async function snapshotOf(service: LinliService, view: ConsultationView): Promise<HubEvent[]> {
  const events: HubEvent[] = [
    { type: 'phase', data: { phase: view.phase } },
    { type: 'progress', data: { progress: view.progress, milestones: view.milestones } },
  ];
  if (view.ballot) events.push({ type: 'tally', data: await service.getTally(view.slug) });
  return events;
}
