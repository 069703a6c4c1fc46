/**
 * Fan-out of live events to many SSE subscribers. Cheap per client by construction: each event is serialized
 * and encoded once and the same bytes are queued on every subscriber's stream; there is one coalescing timer
 * per consultation that has pending events and one heartbeat timer for the whole hub, never a timer per client.
 *
 * A consultation's stream flushes at most once per window (about a second): within it the latest value of each
 * type wins, and per-item events (proposals) are batched into one event listing every item that changed, so a
 * board receiving many wishes at once costs its viewers one frame, not one per wish.
 */

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/** Where a subscriber's bytes go. `send` returns false when the client is too far behind to keep. */
export interface Sink {
  send(bytes: Uint8Array): boolean;
  close(): void;
}

export interface HubEvent {
  type: string;
  data: unknown;
}

/** Data now, or a function that reads the latest value when the coalesced event is finally sent. */
export type EventData = unknown | (() => Promise<unknown>);

export interface HubOptions {
  /** Minimum gap between two flushes of one consultation's pending events. */
  coalesceMs?: number;
  heartbeatMs?: number;
  /** Events kept per consultation for Last-Event-ID resume. */
  ringSize?: number;
  clock?: Clock;
  /** Distinguishes this process's event ids from an earlier run's, whose sequence numbers mean nothing now. */
  epoch?: string;
  onError?: (error: unknown, context: { slug: string; type: string }) => void;
}

interface Subscriber {
  sink: Sink;
  /** On a stream carrying several consultations each event names its subject: `{"consultation", "data"}`. */
  named: boolean;
  /** Until the snapshot is written, live events wait here so they arrive after it, in order. */
  held: Uint8Array[] | null;
}

/** One emitted event, kept for resume; the subject-naming encoding is made only if such a subscriber needs it. */
interface RingEntry {
  seq: number;
  bytes: Uint8Array;
  type: string;
  json: string;
  named?: Uint8Array;
}

/** A pending event: the latest value of its type, or a batch of items (latest version of each, by id). */
type Pending = { type: string; data: EventData } | { type: string; field: string; items: Map<string, unknown> };

interface Channel {
  subscribers: Set<Subscriber>;
  /** Event type → what goes out at the next flush, in the order the types first appeared in the window. */
  pending: Map<string, Pending>;
  timer: unknown;
  flushing: boolean;
  lastFlush: number;
  /** Recent events for resume; `floor` is the last seq a resuming client may hold without missing anything. */
  ring: RingEntry[];
  floor: number;
}

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(': heartbeat\n\n');

export function encodeEvent(id: string, type: string, data: unknown): Uint8Array {
  return encodeJson(id, type, JSON.stringify(data));
}

// JSON.stringify never emits a raw newline, so the payload is always one `data:` line.
const encodeJson = (id: string, type: string, json: string) =>
  encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${json}\n\n`);

/** The same event for a stream that carries several consultations: `{"consultation": slug, "data": …}`. */
export const encodeNamedEvent = (id: string, type: string, slug: string, data: unknown) =>
  encodeJson(id, type, namedJson(slug, JSON.stringify(data)));

const namedJson = (slug: string, json: string) => `{"consultation":${JSON.stringify(slug)},"data":${json}}`;

export class EventHub {
  private readonly channels = new Map<string, Channel>();
  private readonly coalesceMs: number;
  private readonly ringSize: number;
  private readonly clock: Clock;
  private readonly heartbeat: unknown;
  private readonly onError: NonNullable<HubOptions['onError']>;
  readonly epoch: string;
  /** One sequence for the whole hub, so a channel dropped when idle and created again never reuses an id. */
  private seq = 0;
  private closed = false;

  constructor(options: HubOptions = {}) {
    this.coalesceMs = options.coalesceMs ?? 1000;
    this.ringSize = options.ringSize ?? 128;
    this.clock = options.clock ?? systemClock;
    this.epoch = options.epoch ?? Math.floor(Math.random() * 36 ** 6).toString(36);
    this.onError = options.onError ?? (() => {});
    this.heartbeat = this.clock.setInterval(() => this.beat(), options.heartbeatMs ?? 15_000);
  }

  /** `${epoch}-${seq}`: the id of the latest event on any channel, for a snapshot written now. */
  currentId(): string {
    return `${this.epoch}-${this.seq}`;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.subscribers.size;
    return n;
  }

  /**
   * Adds a subscriber. When `lastEventId` can be resumed from the ring, the missed events are sent and
   * `resumed` is true; otherwise the caller writes a snapshot and calls `ready()` to release live events.
   */
  subscribe(
    slug: string,
    sink: Sink,
    lastEventId?: string,
    options: { named?: boolean } = {},
  ): { resumed: boolean; ready: () => void; unsubscribe: () => void } {
    const channel = this.channel(slug);
    const subscriber: Subscriber = { sink, held: [], named: options.named ?? false };
    channel.subscribers.add(subscriber);
    const unsubscribe = () => this.remove(slug, subscriber);
    const ready = () => {
      const held = subscriber.held ?? [];
      subscriber.held = null;
      for (const bytes of held) if (!this.deliver(slug, subscriber, bytes)) return;
    };
    const replay = this.replayable(channel, lastEventId);
    if (replay) {
      for (const entry of replay) subscriber.held?.push(this.bytesFor(slug, entry, subscriber));
      ready();
    }
    return { resumed: replay !== null, ready, unsubscribe };
  }

  /** Queues an event; events of one type within the coalescing window collapse to the latest. */
  publish(slug: string, type: string, data: EventData): void {
    const channel = this.listened(slug);
    if (!channel) return;
    channel.pending.set(type, { type, data });
    this.schedule(slug, channel);
  }

  /**
   * Queues one item of a batched event: every item published within the window goes out in one `type` event
   * with data `{[field]: [items…]}`; an item published twice (same id) is sent once, in its latest version.
   */
  publishItem(slug: string, type: string, field: string, id: string, item: unknown): void {
    const channel = this.listened(slug);
    if (!channel) return;
    let entry = channel.pending.get(type);
    if (!entry || !('items' in entry)) {
      entry = { type, field, items: new Map() };
      channel.pending.set(type, entry);
    }
    entry.items.delete(id);
    entry.items.set(id, item);
    this.schedule(slug, channel);
  }

  /** The channel when someone listens; otherwise moves the floor so a later resume takes a snapshot. */
  private listened(slug: string): Channel | null {
    if (this.closed) return null;
    const channel = this.channels.get(slug);
    if (channel && channel.subscribers.size > 0) return channel;
    this.seq += 1;
    if (channel) {
      channel.ring = [];
      channel.floor = this.seq;
    }
    return null;
  }

  close(): void {
    this.closed = true;
    this.clock.clearInterval(this.heartbeat);
    for (const channel of this.channels.values()) {
      if (channel.timer !== null) this.clock.clearTimeout(channel.timer);
      for (const subscriber of channel.subscribers) subscriber.sink.close();
      channel.subscribers.clear();
    }
    this.channels.clear();
  }

  private channel(slug: string): Channel {
    let channel = this.channels.get(slug);
    if (!channel) {
      channel = {
        subscribers: new Set(),
        pending: new Map(),
        timer: null,
        flushing: false,
        lastFlush: Number.NEGATIVE_INFINITY,
        ring: [],
        floor: this.seq,
      };
      this.channels.set(slug, channel);
    }
    return channel;
  }

  private bytesFor(slug: string, entry: RingEntry, subscriber: Subscriber): Uint8Array {
    if (!subscriber.named) return entry.bytes;
    entry.named ??= encodeJson(`${this.epoch}-${entry.seq}`, entry.type, namedJson(slug, entry.json));
    return entry.named;
  }

  private replayable(channel: Channel, lastEventId: string | undefined): RingEntry[] | null {
    const match = lastEventId && /^([a-z0-9]+)-(\d+)$/.exec(lastEventId.trim());
    if (!match || match[1] !== this.epoch) return null;
    const last = Number(match[2]);
    if (last > this.seq || last < channel.floor) return null;
    return channel.ring.filter((e) => e.seq > last);
  }

  private schedule(slug: string, channel: Channel): void {
    if (channel.timer !== null || channel.flushing) return;
    // Leading edge: the first event after a quiet second goes out at once; later ones wait for the window.
    const wait = Math.max(0, channel.lastFlush + this.coalesceMs - this.clock.now());
    channel.timer = this.clock.setTimeout(() => {
      channel.timer = null;
      void this.flush(slug, channel);
    }, wait);
  }

  private async flush(slug: string, channel: Channel): Promise<void> {
    channel.flushing = true;
    channel.lastFlush = this.clock.now();
    const batch = [...channel.pending.values()];
    channel.pending.clear();
    try {
      for (const entry of batch) {
        const { type } = entry;
        let value: unknown;
        try {
          if ('items' in entry) value = { [entry.field]: [...entry.items.values()] };
          else value = typeof entry.data === 'function' ? await (entry.data as () => Promise<unknown>)() : entry.data;
        } catch (error) {
          this.onError(error, { slug, type });
          continue;
        }
        if (this.closed) return;
        this.emit(slug, channel, type, value);
      }
    } finally {
      channel.flushing = false;
    }
    if (channel.pending.size > 0) this.schedule(slug, channel);
    else if (channel.subscribers.size === 0 && channel.timer === null) this.channels.delete(slug);
  }

  private emit(slug: string, channel: Channel, type: string, data: unknown): void {
    this.seq += 1;
    const json = JSON.stringify(data);
    const entry: RingEntry = { seq: this.seq, bytes: encodeJson(`${this.epoch}-${this.seq}`, type, json), type, json };
    channel.ring.push(entry);
    if (channel.ring.length > this.ringSize) {
      const dropped = channel.ring.shift()!;
      channel.floor = dropped.seq;
    }
    for (const subscriber of channel.subscribers) {
      const bytes = this.bytesFor(slug, entry, subscriber);
      if (subscriber.held) subscriber.held.push(bytes);
      else this.deliver(slug, subscriber, bytes);
    }
  }

  private deliver(slug: string, subscriber: Subscriber, bytes: Uint8Array): boolean {
    let ok = false;
    try {
      ok = subscriber.sink.send(bytes);
    } catch {
      ok = false;
    }
    if (!ok) {
      // A client that stopped reading must not hold memory for ever: drop it; EventSource reconnects and resumes.
      this.remove(slug, subscriber);
      subscriber.sink.close();
    }
    return ok;
  }

  private remove(slug: string, subscriber: Subscriber): void {
    const channel = this.channels.get(slug);
    if (!channel?.subscribers.delete(subscriber)) return;
    if (channel.subscribers.size === 0 && channel.pending.size === 0 && channel.timer === null && !channel.flushing) {
      this.channels.delete(slug);
    }
  }

  private beat(): void {
    // A stream carrying several consultations is subscribed on each of their channels: one heartbeat is enough.
    const beaten = new Set<Sink>();
    for (const [slug, channel] of this.channels) {
      for (const subscriber of channel.subscribers) {
        if (subscriber.held || beaten.has(subscriber.sink)) continue;
        beaten.add(subscriber.sink);
        this.deliver(slug, subscriber, HEARTBEAT);
      }
    }
  }
}
