/**
 * The SQLite ballot writer thread (see sqlite-writer.ts): its own connection to the store's file, opened with the
 * same durability settings, running the same batch transaction as the in-process path. It answers a batch only
 * after COMMIT has returned, and with synchronous=FULL that is after the fsync: durable.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TallySpec } from '@linli/core';
import { AggregateRegistry } from '../ledger/aggregates';
import { SqliteBallots } from './sqlite-ballots';
import { SqliteElectorates } from './sqlite-electorate';
import { openDatabase } from './sqlite-schema';
import { decodeBatch, encodeOutcomes } from './writer-messages';

export interface WriterRequest {
  id: number;
  /** The batch as writer-messages.ts encodes it. */
  batch: string;
  /** The tally spec of every consultation in the batch (the running totals are folded here). */
  specs: Array<[string, TallySpec]>;
}

export type WriterReply =
  | { ready: true }
  /** The outcomes as writer-messages.ts encodes them. */
  | { id: number; outcomes: string }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('sqlite-writer.worker runs as a worker thread');
// The main thread opened and migrated the file already; this connection only writes ballots.
const db = openDatabase((workerData as { file: string }).file);
const ballots = new SqliteBallots(db, new SqliteElectorates(db));
const registry = new AggregateRegistry();

port.on('message', ({ id, batch, specs }: WriterRequest) => {
  let reply: WriterReply;
  try {
    for (const [consultationId, spec] of specs) registry.register(consultationId, spec);
    const ballotsIn = decodeBatch(batch);
    reply = { id, outcomes: encodeOutcomes(ballotsIn, ballots.append(ballotsIn, registry)) };
  } catch (error) {
    // The transaction rolled back: nothing of this batch is stored.
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies WriterReply);
