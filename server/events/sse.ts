import { type EventHub, encodeEvent, encodeNamedEvent, type HubEvent, type Sink } from './hub';

const encoder = new TextEncoder();

export interface SseOptions {
  /** Chunks a client may fall behind by before it is dropped (it reconnects and resumes). */
  maxQueued?: number;
  /** Reconnection delay suggested to EventSource, in ms. */
  retryMs?: number;
}

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // nginx would otherwise buffer the stream and deliver events in bursts.
  'X-Accel-Buffering': 'no',
};

/**
 * An event stream for one subscriber. A plain ReadableStream (rather than a per-client writer and transform)
 * keeps a subscriber down to one queue, and lets the hub enqueue the same encoded bytes everywhere.
 */
export function openEventStream(
  hub: EventHub,
  slug: string,
  lastEventId: string | undefined,
  snapshot: () => Promise<HubEvent[]>,
  options: SseOptions = {},
): ReadableStream<Uint8Array> {
  const maxQueued = options.maxQueued ?? 256;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let unsubscribe = () => {};
  const close = () => {
    if (!open) return;
    open = false;
    unsubscribe();
    try {
      controller.close();
    } catch {
      // Already cancelled by the client.
    }
  };
  const sink: Sink = {
    send(bytes) {
      if (!open) return false;
      if ((controller.desiredSize ?? 0) < -maxQueued) return false;
      controller.enqueue(bytes);
      return true;
    },
    close,
  };
  return new ReadableStream<Uint8Array>({
    start(ctl) {
      controller = ctl;
      // The first bytes go out at once so the response headers flush and EventSource reports "open".
      ctl.enqueue(encoder.encode(`retry: ${options.retryMs ?? 3000}\n: linli events for ${slug}\n\n`));
      const snapshotId = hub.currentId();
      const subscription = hub.subscribe(slug, sink, lastEventId);
      unsubscribe = subscription.unsubscribe;
      if (subscription.resumed) return;
      snapshot().then(
        (events) => {
          for (const event of events) if (!sink.send(encodeEvent(snapshotId, event.type, event.data))) return;
          subscription.ready();
        },
        () => subscription.ready(),
      );
    },
    cancel() {
      open = false;
      unsubscribe();
    },
  });
}

/**
 * One stream for several consultations (GET /events?consultations=a,b): subscribed on each one's channel, every
 * event naming its consultation. With Last-Event-ID each channel resumes on its own (event ids are one sequence
 * for the whole hub); a channel that cannot resume gets its snapshot instead, so a reconnect never misses a change.
 */
export function openSubjectsStream(
  hub: EventHub,
  slugs: readonly string[],
  lastEventId: string | undefined,
  snapshot: (slug: string) => Promise<HubEvent[]>,
  options: SseOptions = {},
): ReadableStream<Uint8Array> {
  const maxQueued = options.maxQueued ?? 256;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const unsubscribes: Array<() => void> = [];
  const unsubscribeAll = () => {
    for (const fn of unsubscribes.splice(0)) fn();
  };
  const sink: Sink = {
    send(bytes) {
      if (!open) return false;
      if ((controller.desiredSize ?? 0) < -maxQueued) return false;
      controller.enqueue(bytes);
      return true;
    },
    close() {
      if (!open) return;
      open = false;
      unsubscribeAll();
      try {
        controller.close();
      } catch {
        // Already cancelled by the client.
      }
    },
  };
  return new ReadableStream<Uint8Array>({
    start(ctl) {
      controller = ctl;
      ctl.enqueue(encoder.encode(`retry: ${options.retryMs ?? 3000}\n: linli events for ${slugs.join(',')}\n\n`));
      const snapshotId = hub.currentId();
      for (const slug of slugs) {
        const subscription = hub.subscribe(slug, sink, lastEventId, { named: true });
        unsubscribes.push(subscription.unsubscribe);
        if (subscription.resumed) continue;
        snapshot(slug).then(
          (events) => {
            for (const event of events) {
              if (!sink.send(encodeNamedEvent(snapshotId, event.type, slug, event.data))) return;
            }
            subscription.ready();
          },
          () => subscription.ready(),
        );
      }
    },
    cancel() {
      open = false;
      unsubscribeAll();
    },
  });
}
