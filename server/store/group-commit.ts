/**
 * Group commit: ballots that arrive while the event loop is busy are written together in one transaction, so
 * the fsync that makes a commit durable is paid once per batch instead of once per ballot. Each caller's promise
 * settles only after the transaction holding its ballot has committed.
 *
 * Flushing happens on setImmediate (after the current I/O phase, so every request parsed in this turn joins the
 * batch) or at once when the batch reaches `maxBatch`. As many flushes run at once as the store's pipeline allows
 * (`Store.ballotPipeline`: one, or two for SQLite's writer thread, which commits a batch while the one before it
 * syncs); arrivals meanwhile form the next batch — with an async store that is what makes batches grow under load.
 * A store with a pipeline keeps its batches in the order they were sent, so ballots keep their arrival order.
 */
import type { AggregateReducer, AppendOutcome, BallotToAppend, Store } from './types';

interface Pending {
  ballot: BallotToAppend;
  resolve(outcome: AppendOutcome): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Largest batch per transaction (bounds latency and transaction size). */
  maxBatch?: number;
  /** Called after each committed batch, e.g. to emit tally events. */
  onCommit?: (batch: readonly BallotToAppend[], outcomes: readonly AppendOutcome[]) => void;
}

export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly flushing = new Set<Promise<void>>();
  private readonly maxBatch: number;
  private closed = false;
  batches = 0;

  constructor(
    private readonly store: Store,
    private readonly reducer: AggregateReducer,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
  }

  /** Queues a validated ballot; resolves with its outcome once the batch has committed. */
  submit(ballot: BallotToAppend): Promise<AppendOutcome> {
    if (this.closed) return Promise.reject(new Error('the ballot box is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ ballot, resolve, reject });
      if (this.queue.length >= this.maxBatch && this.canFlush()) void this.flush();
      else this.schedule();
    });
  }

  private canFlush(): boolean {
    return this.flushing.size < (this.store.ballotPipeline?.() ?? 1);
  }

  private schedule() {
    if (this.scheduled || !this.canFlush()) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (!this.canFlush() || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    const flushing = (async () => {
      try {
        const outcomes = await this.store.appendBallots(
          batch.map((p) => p.ballot),
          this.reducer,
        );
        this.batches += 1;
        try {
          this.options.onCommit?.(
            batch.map((p) => p.ballot),
            outcomes,
          );
        } catch {
          // Listeners never undo a commit.
        }
        for (const [i, p] of batch.entries()) p.resolve(outcomes[i]!);
      } catch (error) {
        // The transaction rolled back: nothing in this batch is durable, so every caller hears so.
        for (const p of batch) p.reject(error);
      }
    })();
    this.flushing.add(flushing);
    await flushing;
    this.flushing.delete(flushing);
    if (this.queue.length > 0) {
      if (this.queue.length >= this.maxBatch) void this.flush();
      else this.schedule();
    }
  }

  /** Waits until everything queued so far has been written. */
  async drain(): Promise<void> {
    while (this.flushing.size > 0 || this.queue.length > 0) {
      if (this.flushing.size > 0) await Promise.all(this.flushing);
      else await this.flush();
    }
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }
}
