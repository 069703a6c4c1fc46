import { type EventHub, encodeEvent, type HubEvent, type Sink } from './hub';

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
