/**
 * Ballots cast while the server cannot be reached wait in the page's storage (localStorage, so a reload or
 * another tab keeps them) and are sent when the server answers again. Each keeps the Idempotency-Key of the first
 * attempt: if that attempt did reach the server, a resend returns the same receipt instead of a second ballot, so
 * the ballot counts exactly once however many times the page, or several tabs, retry it.
 */
import { LinliError } from './http';

export interface BallotBody {
  choices?: string[];
  allocation?: Record<string, number>;
  code?: string;
  token?: string;
  voterKey?: string;
}

export interface QueuedBallot {
  /** The Idempotency-Key, also the entry's id. */
  key: string;
  server: string;
  consultation: string;
  body: BallotBody;
  queuedAt: string;
  attempts: number;
}

export type QueueEvent =
  | { type: 'queued'; item: QueuedBallot }
  | { type: 'sending'; item: QueuedBallot }
  | { type: 'sent'; item: QueuedBallot; receipt: unknown }
  | { type: 'failed'; item: QueuedBallot; error: LinliError }
  | { type: 'waiting'; item: QueuedBallot; error: LinliError };

export type Sender = (item: QueuedBallot) => Promise<unknown>;

/** The subset of Storage the queue needs (localStorage in a page, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const QUEUE_KEY = 'linli.ballot-queue.v1';

export class BallotQueue {
  private readonly listeners = new Set<(event: QueueEvent) => void>();
  private readonly inFlight = new Set<string>();
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly send: Sender,
  ) {}

  list(): QueuedBallot[] {
    try {
      const parsed = JSON.parse(this.store.getItem(QUEUE_KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedBallot[]) : [];
    } catch {
      return [];
    }
  }

  pending(server: string, consultation: string): QueuedBallot | undefined {
    return this.list().find((q) => q.server === server && q.consultation === consultation);
  }

  on(listener: (event: QueueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  enqueue(item: Omit<QueuedBallot, 'queuedAt' | 'attempts'>): QueuedBallot {
    const entry: QueuedBallot = { ...item, queuedAt: new Date().toISOString(), attempts: 0 };
    this.write([...this.list().filter((q) => q.key !== item.key), entry]);
    this.emit({ type: 'queued', item: entry });
    return entry;
  }

  /** Sends every queued ballot once; concurrent calls share one pass. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.pass().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async pass(): Promise<void> {
    for (const item of this.list()) {
      if (this.inFlight.has(item.key)) continue;
      this.inFlight.add(item.key);
      this.emit({ type: 'sending', item });
      try {
        const receipt = await this.send(item);
        this.remove(item.key);
        this.emit({ type: 'sent', item, receipt });
      } catch (error) {
        const failure =
          error instanceof LinliError ? error : new LinliError('network', 'unreachable', String(error), String(error));
        if (failure.retryable) {
          this.update(item.key, (q) => ({ ...q, attempts: q.attempts + 1 }));
          this.emit({ type: 'waiting', item, error: failure });
          // The server is still away: the rest would fail the same way; try them all next time.
          break;
        }
        // Refused for good (a used code, voting closed): keeping it would only retry a refusal for ever.
        this.remove(item.key);
        this.emit({ type: 'failed', item, error: failure });
      } finally {
        this.inFlight.delete(item.key);
      }
    }
  }

  private write(items: QueuedBallot[]): void {
    this.store.setItem(QUEUE_KEY, JSON.stringify(items));
  }

  private remove(key: string): void {
    this.write(this.list().filter((q) => q.key !== key));
  }

  private update(key: string, fn: (q: QueuedBallot) => QueuedBallot): void {
    this.write(this.list().map((q) => (q.key === key ? fn(q) : q)));
  }

  private emit(event: QueueEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
