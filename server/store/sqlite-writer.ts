/**
 * Ballot batches written on their own thread. better-sqlite3 is synchronous: a batch's COMMIT waits for its fsync
 * with the event loop stopped, so while one batch becomes durable no request is parsed and no read answered, and
 * the next batch cannot even gather. The writer thread holds a second connection to the same file and runs the very
 * same batch transaction (SqliteBallots.append); the main thread keeps its connection for reads (WAL: readers never
 * wait for the writer) and goes on accepting ballots, which the group committer gathers into the next batch.
 *
 * Group commit with overlap: the thread syncs the -wal file itself after each COMMIT, off its event loop
 * (wal-sync.ts), so up to `PIPELINE` batches are in flight: while one batch's sync is under way the next is
 * committed and then waits for its own sync.
 *
 * The guarantee is unchanged: a batch's outcomes come back only once it is durable (its COMMIT returned, then a sync
 * of the -wal file begun after it returned), and only then does any caller hear of its ballot.
 *
 * The thread starts on the first batch and answers `ready` once its connection is open; batches that come
 * earlier are written in-process (synchronous=FULL, one at a time, never beside the thread's). Where the thread
 * cannot run (an in-memory database, a bundle without the entry), every batch stays in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TallySpec } from '@linli/core';
import type { WriterReply, WriterRequest } from './sqlite-writer.worker';
import type { AppendOutcome, BallotToAppend, TallyRecord } from './types';
import { decodeOutcomes, encodeBatch } from './writer-messages';

/**
 * Batches in flight to the thread at once. Two is what overlap needs (one syncing while the next commits), and
 * more only splits the same clients into smaller batches, each with a commit's fixed cost.
 */
export const PIPELINE = 2;

interface Waiting {
  batch: readonly BallotToAppend[];
  resolve(outcomes: AppendOutcome[]): void;
  reject(error: Error): void;
}

/**
 * How to start the thread: from source, a bootstrap that registers tsx's TypeScript loader in the thread before
 * importing the entry (Node 20 gives worker threads neither the main thread's loader hooks nor its `--import`);
 * from the compiled CLI, `sqlite-writer.mjs`, which scripts/build-cli.mjs emits at the bundle's root (this code sits
 * there or in `cli/`). Null when neither is at hand.
 */
function entry(): { code: string; eval: true } | { code: URL; eval: false } | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const source = new URL('./sqlite-writer.worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
    return { code, eval: true };
  }
  for (const candidate of ['./sqlite-writer.mjs', '../sqlite-writer.mjs']) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { code: url, eval: false };
  }
  return null;
}

export class SqliteWriter {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private readonly specsSent = new Map<string, TallySpec>();
  private nextId = 1;
  private failed = false;
  private started: Promise<boolean> | null = null;
  private onStarted: ((running: boolean) => void) | null = null;
  private onClosed: (() => void) | null = null;
  /** Batches sent and not yet answered. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /**
   * Each consultation's tally as of its last durable batch. Other readers of the file may see a committed batch up
   * to one sync time before it is durable; what the store shows comes from here (sqlite.ts), so no count, ballot-box
   * entry or receipt is shown for a ballot that a power cut could still take back.
   */
  readonly durable = new Map<string, TallyRecord>();
  ready = false;
  transactions = 0;
  written = 0;

  constructor(private readonly file: string) {}

  /** Whether batches can go to the thread now; starts the thread on first use. */
  available(): boolean {
    if (this.ready) return true;
    void this.start();
    return false;
  }

  /** Starts the thread (once); resolves true once it takes batches, false when it cannot run here. */
  start(): Promise<boolean> {
    if (this.started) return this.started;
    this.started = new Promise<boolean>((resolve) => {
      this.onStarted = resolve;
    });
    const where = this.failed ? null : entry();
    if (!where) {
      this.failed = true;
      this.settle(false);
      return this.started;
    }
    const worker = new Worker(where.code, { eval: where.eval, workerData: { file: this.file } });
    worker.unref();
    worker.on('message', (reply: WriterReply) => {
      if ('ready' in reply) {
        this.ready = true;
        this.settle(true);
        return;
      }
      if ('closed' in reply) return this.onClosed?.();
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!waiting) return;
      if ('error' in reply) {
        if (reply.fatal) {
          // The -wal file could not be synced: later batches go in-process, where SQLite's own sync decides.
          process.emitWarning(`the SQLite writer thread stopped: ${reply.error}`);
          this.ready = false;
          this.failed = true;
          this.durable.clear();
        }
        return waiting.reject(new Error(reply.error));
      }
      for (const [cid, tally] of JSON.parse(reply.tallies) as Array<[string, TallyRecord]>) {
        if ((this.durable.get(cid)?.headSeq ?? -1) < tally.headSeq) this.durable.set(cid, tally);
      }
      const outcomes = decodeOutcomes(waiting.batch, reply.outcomes);
      this.transactions += 1;
      this.written += outcomes.filter((o) => o.ok && !o.replayed).length;
      waiting.resolve(outcomes);
    });
    const stop = (error: Error) => {
      // A thread that died mid-batch took its transaction with it (rolled back): nobody was told of a ballot in it.
      this.ready = false;
      this.failed = true;
      this.worker = null;
      // From now on the file is the record: every later write is in-process with synchronous=FULL, whose sync also
      // covers whatever the thread committed before it.
      this.durable.clear();
      this.settle(false);
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    worker.on('error', (error) => {
      // Ballots go on being written in-process, more slowly: say why, once.
      process.emitWarning(`the SQLite writer thread failed, ballots are written on the main thread: ${error.message}`);
      stop(error);
    });
    worker.on('exit', (code) => stop(new Error(`the SQLite writer thread stopped (exit code ${code})`)));
    this.worker = worker;
    return this.started;
  }

  private settle(running: boolean) {
    this.onStarted?.(running);
    this.onStarted = null;
  }

  /** Writes one batch on the thread; resolves once its transaction has committed. */
  append(batch: readonly BallotToAppend[], specs: Array<[string, TallySpec]>): Promise<AppendOutcome[]> {
    const worker = this.worker;
    if (!worker || !this.ready) return Promise.reject(new Error('the SQLite writer thread is not running'));
    const id = this.nextId++;
    const sent = new Promise((resolve, reject) => {
      this.waiting.set(id, { batch, resolve, reject });
      // The thread stays unreferenced while idle, so an open store never keeps a process alive by itself.
      worker.ref();
      // A spec goes again only when the desk holds a new one (at most once a second): the thread keeps the last.
      const changed = specs.filter(([cid, spec]) => this.specsSent.get(cid) !== spec);
      for (const [cid, spec] of changed) this.specsSent.set(cid, spec);
      worker.postMessage({ id, batch: encodeBatch(batch), specs: changed } satisfies WriterRequest);
    }).finally(() => {
      this.inFlight.delete(sent);
      if (this.waiting.size === 0) this.worker?.unref();
    }) as Promise<AppendOutcome[]>;
    this.inFlight.add(sent);
    return sent;
  }

  /** Resolves once every batch sent so far has been answered (durable, or failed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** How many batches may be in flight at once: the thread's pipeline, or one for in-process writes. */
  get depth(): number {
    return this.ready ? PIPELINE : 1;
  }

  /**
   * Stops the thread (the group committer has drained: nothing is in flight). The thread closes its connection
   * itself, syncs back on (sqlite-writer.worker.ts); terminating it instead would skip that.
   */
  async close(): Promise<void> {
    const worker = this.worker;
    this.failed = true;
    this.ready = false;
    this.settle(false);
    if (!worker) return;
    this.worker = null;
    const closed = new Promise<void>((resolve) => {
      this.onClosed = resolve;
      worker.once('exit', () => resolve());
    });
    worker.ref();
    worker.postMessage({ close: true } satisfies WriterRequest);
    await closed;
    await worker.terminate();
  }
}
