/**
 * The SQLite ballot writer thread (see sqlite-writer.ts): its own connection to the store's file, running the same
 * batch transaction as the in-process path. It answers a batch only once the batch is durable: its COMMIT returned
 * and then an fdatasync of the -wal file, begun after that COMMIT, returned (wal-sync.ts). The sync runs off this
 * thread's event loop, so the next batch is committed while the previous one's sync is under way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TallySpec } from '@linli/core';
import { AggregateRegistry } from '../ledger/aggregates';
import { SqliteBallots } from './sqlite-ballots';
import { SqliteElectorates } from './sqlite-electorate';
import { openDatabase } from './sqlite-schema';
import { WalSync } from './wal-sync';
import { decodeBatch, encodeOutcomes } from './writer-messages';

export type WriterRequest =
  | {
      id: number;
      /** The batch as writer-messages.ts encodes it. */
      batch: string;
      /** The tally spec of every consultation in the batch (the running totals are folded here). */
      specs: Array<[string, TallySpec]>;
    }
  /** Close the connection the safe way (see below) and end the thread. */
  | { close: true };

export type WriterReply =
  | { ready: true }
  /**
   * The outcomes as writer-messages.ts encodes them, and `tallies`: JSON of `[consultationId, TallyRecord][]`, each
   * consultation of the batch as this commit left it, which the main thread shows once the batch is durable.
   */
  | { id: number; outcomes: string; tallies: string }
  /** `fatal`: the -wal file could not be synced; the thread takes no more batches. */
  | { id: number; error: string; fatal?: true }
  | { closed: true };

/**
 * About 1,000 WAL pages between checkpoints, SQLite's own default: a code ballot writes about two pages and a batch
 * a few more (the tally row, the tree's last leaves).
 */
const CHECKPOINT_AFTER_BALLOTS = 400;

const port = parentPort;
if (!port) throw new Error('sqlite-writer.worker runs as a worker thread');
const file = (workerData as { file: string }).file;
// The main thread opened and migrated the file already; this connection only writes ballots.
const db = openDatabase(file);
// SQLite must never checkpoint from this connection on its own: with synchronous=OFF it would copy frames into the
// database file without syncing, and the -wal file's later rewrite could then lose them (wal-sync.ts).
db.pragma('wal_autocheckpoint = 0');
db.pragma('synchronous = OFF');
const wal = new WalSync(`${file}-wal`);
const ballots = new SqliteBallots(db, new SqliteElectorates(db));
const registry = new AggregateRegistry();
let sinceCheckpoint = 0;

/** A PASSIVE checkpoint with the connection's syncs on: the WAL synced first, the database file after. */
function checkpoint() {
  db.pragma('synchronous = FULL');
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.pragma('synchronous = OFF');
  }
  sinceCheckpoint = 0;
}

port.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    // Back to FULL before closing: should this be the file's last connection, SQLite checkpoints on close.
    db.pragma('synchronous = FULL');
    db.close();
    wal.close();
    port.postMessage({ closed: true } satisfies WriterReply);
    port.close();
    return;
  }
  const { id, batch, specs } = request;
  let outcomes: string;
  let tallies: string;
  try {
    for (const [consultationId, spec] of specs) registry.register(consultationId, spec);
    const ballotsIn = decodeBatch(batch);
    outcomes = encodeOutcomes(ballotsIn, ballots.append(ballotsIn, registry));
    tallies = JSON.stringify(ballots.lastTallies);
    sinceCheckpoint += ballotsIn.length;
  } catch (error) {
    // The transaction rolled back: nothing of this batch is stored.
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
    return;
  }
  wal.afterCommit((error) => {
    port.postMessage(
      (error
        ? { id, error: `the ballots could not be made durable: ${error.message}`, fatal: true }
        : { id, outcomes, tallies }) satisfies WriterReply,
    );
  });
  // Between batches, as SQLite's own autocheckpoint would run at the end of a COMMIT.
  if (sinceCheckpoint >= CHECKPOINT_AFTER_BALLOTS) checkpoint();
});
port.postMessage({ ready: true } satisfies WriterReply);
