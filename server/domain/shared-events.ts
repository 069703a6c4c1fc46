/**
 * Domain events shared between the instances on one database. An event committed here is emitted locally and
 * sent to the others (the store's Broadcast: PostgreSQL NOTIFY); one received from another instance is emitted
 * locally only, so it reaches this instance's SSE subscribers through the same coalescing hub as a local one.
 *
 * `tally` events are hints ("ballots were added"): under load every group commit would send one, so they are
 * thinned to at most one per consultation per `tallyGapMs`, the latest winning. The hub reads the current tally
 * when it flushes, so a thinned hint loses nothing.
 */
import type { Broadcast } from '../store/types';
import type { DomainEvent } from './service';

const TALLY_GAP_MS = 200;

interface Held {
  timer: NodeJS.Timeout | null;
  last: number;
  pending: DomainEvent | null;
}

export class SharedEvents {
  private readonly tally = new Map<string, Held>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly broadcast: Broadcast,
    /** Emits an event to this instance's listeners. */
    private readonly local: (event: DomainEvent) => void,
    /** Drops cached facts about a consultation another instance changed. */
    private readonly invalidate: (slug: string) => void,
    private readonly tallyGapMs = TALLY_GAP_MS,
  ) {
    this.unsubscribe = broadcast.subscribe((message) => this.receive(message));
  }

  /** A change committed on this instance. */
  emit(event: DomainEvent): void {
    this.local(event);
    if (this.closed) return;
    if (event.type !== 'tally') {
      this.send(event);
      return;
    }
    let held = this.tally.get(event.slug);
    if (!held) {
      held = { timer: null, last: 0, pending: null };
      this.tally.set(event.slug, held);
    }
    held.pending = event;
    if (held.timer) return;
    const wait = Math.max(0, held.last + this.tallyGapMs - Date.now());
    const flush = () => {
      held.timer = null;
      held.last = Date.now();
      const pending = held.pending;
      held.pending = null;
      if (pending) this.send(pending);
      else this.tally.delete(event.slug);
    };
    if (wait === 0) flush();
    else {
      held.timer = setTimeout(flush, wait);
      held.timer.unref();
    }
  }

  private send(event: DomainEvent) {
    let text: string;
    try {
      text = JSON.stringify(event);
    } catch {
      return;
    }
    this.broadcast.publish(text);
  }

  private receive(message: string) {
    let event: DomainEvent;
    try {
      event = JSON.parse(message) as DomainEvent;
    } catch {
      return;
    }
    if (!event || typeof event.type !== 'string' || typeof event.slug !== 'string') return;
    // A ballot changes no cached fact; anything else (phase, schedule, ballot settings) may have.
    if (event.type !== 'tally') this.invalidate(event.slug);
    this.local(event);
  }

  /** Sends the last thinned hints and stops. */
  close(): void {
    if (this.closed) return;
    for (const held of this.tally.values()) {
      if (held.timer) clearTimeout(held.timer);
      if (held.pending) this.send(held.pending);
    }
    this.tally.clear();
    this.closed = true;
    this.unsubscribe();
  }
}
