/**
 * One event stream per server for every widget on the page. Widgets subscribe to a consultation; subscriptions
 * made within a few milliseconds of each other are gathered into one `GET /api/v1/events?consultations=a,b` connection. Each event on it
 * names its subject (`{"consultation": "a", "data": …}`), and is handed to that consultation's listeners only.
 * The browser's EventSource resumes with Last-Event-ID after a drop; when the set of subjects changes the stream
 * is reopened with the resume id in the query, so nothing committed in between is missed.
 */

export const EVENT_TYPES = ['tally', 'progress', 'proposal', 'phase', 'meeting', 'evaluation'] as const;
export type StreamEventType = (typeof EVENT_TYPES)[number];
export type StreamListener = (type: StreamEventType, data: unknown) => void;

/** The part of EventSource the stream uses, so tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

const CLOSED = 2;
const GATHER_MS = 50;

export class SharedStream {
  private readonly listeners = new Map<string, Set<StreamListener>>();
  private readonly openListeners = new Set<() => void>();
  private source: EventSourceLike | null = null;
  /** Subjects the current connection carries, sorted and joined: reopen only when this changes. */
  private connectedKey = '';
  private scheduled = false;
  private lastEventId = '';
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;

  constructor(
    readonly server: string,
    private readonly factory: EventSourceFactory = (url) => new EventSource(url) as unknown as EventSourceLike,
    // A short wait gathers every widget of the page (they upgrade and load in separate tasks) into one connection.
    private readonly schedule: (fn: () => void) => void = (fn) => setTimeout(fn, GATHER_MS),
  ) {}

  /** Listens to one consultation's events; returns the unsubscribe function. */
  subscribe(consultation: string, listener: StreamListener): () => void {
    let set = this.listeners.get(consultation);
    if (!set) {
      set = new Set();
      this.listeners.set(consultation, set);
    }
    set.add(listener);
    this.reconcile();
    return () => {
      const current = this.listeners.get(consultation);
      if (!current?.delete(listener)) return;
      if (current.size === 0) this.listeners.delete(consultation);
      this.reconcile();
    };
  }

  /** Called whenever the connection (re)opens: the server answers again, so queued work may be sent. */
  onOpen(listener: () => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  get connections(): number {
    return this.source ? 1 : 0;
  }

  get url(): string | null {
    return this.connectedKey ? this.urlFor(this.connectedKey) : null;
  }

  private reconcile(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const key = [...this.listeners.keys()].sort().join(',');
      if (key === this.connectedKey && (this.source || !key)) return;
      this.close();
      this.connectedKey = key;
      if (key) this.open();
    });
  }

  private urlFor(key: string): string {
    const base = `${this.server.replace(/\/+$/, '')}/api/v1/events?consultations=${encodeURIComponent(key)}`;
    return this.lastEventId ? `${base}&lastEventId=${encodeURIComponent(this.lastEventId)}` : base;
  }

  private open(): void {
    const source = this.factory(this.urlFor(this.connectedKey));
    this.source = source;
    source.onopen = () => {
      this.retries = 0;
      for (const listener of this.openListeners) listener();
    };
    source.onerror = () => {
      // EventSource retries by itself after a dropped connection; only a refused one (CLOSED) needs us.
      if (source.readyState !== CLOSED || this.source !== source) return;
      this.source = null;
      const delay = Math.min(30_000, 1000 * 2 ** this.retries++);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (!this.source && this.connectedKey) this.open();
      }, delay);
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => this.dispatch(type, event));
    }
  }

  private dispatch(type: StreamEventType, event: MessageEvent): void {
    if (event.lastEventId) this.lastEventId = event.lastEventId;
    let parsed: { consultation?: string; data?: unknown };
    try {
      parsed = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const listeners = parsed.consultation ? this.listeners.get(parsed.consultation) : undefined;
    for (const listener of listeners ?? []) {
      try {
        listener(type, parsed.data);
      } catch (error) {
        // One widget's failure must not starve the others on the page.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
  }
}

const streams = new Map<string, SharedStream>();

/** The page's one stream for `server` (trailing slashes do not make a second one). */
export function sharedStream(server: string): SharedStream {
  const key = server.replace(/\/+$/, '');
  let stream = streams.get(key);
  if (!stream) {
    stream = new SharedStream(key);
    streams.set(key, stream);
  }
  return stream;
}
