/**
 * The ballot box in PostgreSQL: one transaction per group-commit batch, as in SQLite, but safe with any number of
 * instances writing at once. Each consultation's row is locked (FOR NO KEY UPDATE, in id order so two instances
 * never deadlock) before its chain head is read, so seqs stay contiguous and every chainHash extends the head
 * another instance committed. One ballot per voter and one use per code are enforced by unique constraints and
 * conditional writes in a single statement per ballot, not by a read before the write (an Idempotency-Key is stored on
 * its voter's ballot, so the voter's constraint also makes it answer once); a refused ballot's own side effects are undone in the same transaction, so it never fails the others.
 */
import type { Receipt } from '@linli/core';
import { chainHash } from '../ledger/chain';
import { electorateDigest, electorateSnapshot, genesisOf } from '../ledger/electorate';
import type { PgClient, PgPool } from './postgres-schema';
import { inTransaction } from './postgres-schema';
import {
  againstEarlier,
  appendedTo,
  type BallotRow,
  type BoxHead,
  ballotHashOf,
  type ElectorateRow,
  frozenOf,
  receiptOf,
  storedBallotOf,
  VOTER_BALLOT_COLUMNS,
  voterBallotOf,
} from './rows';
import type {
  AggregateReducer,
  AppendOutcome,
  BallotToAppend,
  FrozenElectorate,
  StoredBallot,
  TallyRecord,
  VoterBallot,
} from './types';

/**
 * A transaction that waits for its WAL flush: `txid_current()` gives it a transaction id, so its COMMIT writes a
 * commit record and, with synchronous_commit on (the pool's setting), returns only once the WAL is on disk up to it.
 */
const FLUSH = 'SELECT txid_current()';

/**
 * One ballot in one round trip. The code is marked used, then the ballot row is inserted with its Idempotency-Key;
 * the insert runs only when the code step succeeded, and a unique constraint that refuses it (the voter's earlier
 * ballot) makes it a no-op. The two flags say how far it went.
 */
const APPEND_ONE = `
WITH unit AS (
  UPDATE roll_units SET voted = 1
  WHERE $5::text IS NOT NULL AND consultation_id = $1 AND unit = $5::text AND code_hash = $6::text AND voted = 0
  RETURNING 1
), ins AS (
  INSERT INTO ballots (consultation_id, seq, receipt_id, voter_hash, content, weight_area, weight_count, ballot_hash,
    prev_hash, chain_hash, at, hash_format, idempotency_key)
  SELECT $1, $7, $4, $3, $8, $9::bigint, $10, $11, $12, $13, $14, $15, $2::text
  WHERE $5::text IS NULL OR EXISTS (SELECT 1 FROM unit)
  ON CONFLICT DO NOTHING RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM unit) AS unit, EXISTS (SELECT 1 FROM ins) AS ins`;

/**
 * A run of ballots of one consultation in one statement: APPEND_ONE's three steps for every row at once, each row
 * carrying the seq and hashes it gets if every ballot before it in the run is stored. Nearly every batch is stored
 * whole; when any row is refused (a key or code already used, a double vote within the run), fewer rows are inserted
 * than sent, and the caller rolls the statement back and takes the per-ballot path, which finds who and why.
 */
const APPEND_MANY = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::bigint[],
    $10::int[], $11::text[], $12::text[], $13::text[], $14::text[], $15::int[])
    AS t(key, voter_hash, receipt_id, unit, code_hash, seq, content, weight_area, weight_count, ballot_hash, prev_hash,
      chain_hash, at, hash_format)
), unit AS (
  UPDATE roll_units r SET voted = 1 FROM input
  WHERE input.unit IS NOT NULL AND r.consultation_id = $1 AND r.unit = input.unit AND r.code_hash = input.code_hash
    AND r.voted = 0
  RETURNING input.receipt_id
), ins AS (
  INSERT INTO ballots (consultation_id, seq, receipt_id, voter_hash, content, weight_area, weight_count, ballot_hash,
    prev_hash, chain_hash, at, hash_format, idempotency_key)
  SELECT $1, seq, receipt_id, voter_hash, content, weight_area, weight_count, ballot_hash, prev_hash, chain_hash, at,
    hash_format, key
  FROM input
  WHERE unit IS NULL OR receipt_id IN (SELECT receipt_id FROM unit)
  ON CONFLICT DO NOTHING RETURNING 1
)
SELECT count(*)::int AS inserted FROM ins`;

export class PostgresBallots {
  transactions = 0;
  written = 0;
  inRuns = 0;

  /** The last batch's COMMIT (not its flush): the next batch begins after it. */
  private committed: Promise<void> = Promise.resolve();

  constructor(private readonly pool: PgPool) {}

  /**
   * One transaction for the whole batch, answered once durable. Group commit with overlap, as SQLite's writer does
   * it (wal-sync.ts): the batch COMMITs without waiting for its WAL flush (synchronous_commit off for this
   * transaction only), which releases the consultation's lock at once, and then a transaction that does wait for its
   * flush (synchronous_commit on, a transaction id so that it writes a commit record) is run: the WAL is flushed in
   * order, so its flush covers this batch's commit record. Only then is any ballot of the batch answered. While this
   * batch waits for the disk, the next one takes the lock, writes and commits; it begins only after this one's COMMIT
   * returned (`committed`), so batches keep the order they were sent in.
   */
  async append(batch: readonly BallotToAppend[], reducer: AggregateReducer): Promise<AppendOutcome[]> {
    const previous = this.committed;
    let released!: () => void;
    this.committed = new Promise<void>((resolve) => {
      released = resolve;
    });
    let outcomes: AppendOutcome[];
    try {
      await previous;
      outcomes = await this.commitUnflushed(batch, reducer);
    } finally {
      released();
    }
    await this.pool.query(FLUSH);
    this.transactions += 1;
    this.written += outcomes.filter((o) => o.ok && !o.replayed).length;
    return outcomes;
  }

  private commitUnflushed(batch: readonly BallotToAppend[], reducer: AggregateReducer): Promise<AppendOutcome[]> {
    return inTransaction(
      this.pool,
      async (client) => {
        const heads = new Map<string, BoxHead>();
        // Lock every consultation of the batch first, in one order for all instances: no deadlock between batches.
        for (const id of [...new Set(batch.map((b) => b.consultationId))].sort()) {
          heads.set(id, await this.lockHead(client, id, reducer));
        }
        // Consultations are independent boxes (keys, codes and voters are per consultation): each one's ballots go in
        // as one statement when nothing is refused, else one by one, in the order they came.
        const results: AppendOutcome[] = new Array(batch.length);
        const runs = new Map<string, number[]>();
        batch.forEach((b, i) => {
          const run = runs.get(b.consultationId);
          if (run) run.push(i);
          else runs.set(b.consultationId, [i]);
        });
        for (const [id, run] of runs) {
          const head = heads.get(id)!;
          const ballots = run.map((i) => batch[i]!);
          const together = ballots.length > 1 ? await this.appendMany(client, ballots, head, reducer) : null;
          for (const [k, i] of run.entries())
            results[i] = together ? together[k]! : await this.appendOne(client, ballots[k]!, head, reducer);
        }
        for (const [id, head] of heads) {
          if (!head.dirty) continue;
          await client.query(
            `INSERT INTO tallies (consultation_id, aggregate, ballots, head_seq, head_hash) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (consultation_id) DO UPDATE SET aggregate = excluded.aggregate, ballots = excluded.ballots,
           head_seq = excluded.head_seq, head_hash = excluded.head_hash`,
            [id, JSON.stringify(reducer.save(id, head.state)), head.ballots, head.seq, head.hash],
          );
        }
        return results;
      },
      'BEGIN; SET LOCAL synchronous_commit TO OFF',
    );
  }

  /** Locks the consultation's row (phase changes wait for the batch) and reads the chain head under the lock. */
  private async lockHead(client: PgClient, consultationId: string, reducer: AggregateReducer): Promise<BoxHead> {
    const phase = await client.query<{ phase: string }>(
      'SELECT phase FROM consultations WHERE id = $1 FOR NO KEY UPDATE',
      [consultationId],
    );
    const { rows } = await client.query<{ aggregate: string; ballots: number; head_seq: number; head_hash: string }>(
      'SELECT aggregate, ballots, head_seq, head_hash FROM tallies WHERE consultation_id = $1',
      [consultationId],
    );
    const row = rows[0];
    return {
      phase: phase.rows[0]?.phase ?? null,
      seq: row?.head_seq ?? 0,
      hash: row?.head_hash ?? '',
      ballots: row?.ballots ?? 0,
      state: reducer.load(consultationId, row ? JSON.parse(row.aggregate) : null),
      dirty: false,
    };
  }

  private async appendOne(
    client: PgClient,
    b: BallotToAppend,
    head: BoxHead,
    reducer: AggregateReducer,
  ): Promise<AppendOutcome> {
    const cid = b.consultationId;
    if (head.phase === null) return { ok: false, refusal: { reason: 'no_consultation' } };
    if (head.phase !== 'voting') return { ok: false, refusal: { reason: 'not_voting', phase: head.phase } };
    const seq = head.seq + 1;
    // The first ballot freezes the electorate it is weighed against, in the same commit (see domain/electorate.ts).
    const frozeNow = seq === 1 ? await this.freezeForFirstBallot(client, cid, b.at) : null;
    const prev = frozeNow ? frozeNow.genesis : head.hash;
    const hash = ballotHashOf(b, seq);
    const chained = chainHash(prev, hash);
    const { rows } = await client.query<{ unit: boolean; ins: boolean }>(APPEND_ONE, [
      cid,
      b.idempotencyKey ?? null,
      b.voterHash,
      b.receiptId,
      b.rollUnit?.unit ?? null,
      b.rollUnit?.codeHash ?? null,
      seq,
      JSON.stringify(b.content),
      b.weight.areaHundredths === null ? null : b.weight.areaHundredths.toString(),
      b.weight.count,
      hash,
      prev,
      chained,
      b.at,
      b.hashFormat,
    ]);
    const done = rows[0]!;
    if (!done.ins) {
      const error = await this.refusal(client, b, done);
      if (frozeNow?.created) await client.query('DELETE FROM electorates WHERE consultation_id = $1', [cid]);
      return error;
    }
    // Folded in memory: the state was loaded under this transaction's lock and is saved in it, or dropped with it.
    return appendedTo(head, reducer, b, { seq, ballotHash: hash, chainHash: chained });
  }

  /** The ballots stored in one statement (APPEND_MANY), or null, with nothing stored, when any would be refused. */
  private async appendMany(
    client: PgClient,
    ballots: readonly BallotToAppend[],
    head: BoxHead,
    reducer: AggregateReducer,
  ): Promise<AppendOutcome[] | null> {
    // The first ballot freezes the electorate: that one takes the per-ballot path.
    if (head.phase !== 'voting' || head.seq === 0) return null;
    let prev = head.hash;
    const links = ballots.map((b, k) => {
      const seq = head.seq + 1 + k;
      const ballotHash = ballotHashOf(b, seq);
      const link = { seq, ballotHash, prevHash: prev, chainHash: chainHash(prev, ballotHash) };
      prev = link.chainHash;
      return link;
    });
    const column = <T>(f: (b: BallotToAppend, k: number) => T) => ballots.map(f);
    // A savepoint, not a round trip back: left open when the run is stored (COMMIT releases it), rolled back if not.
    await client.query('SAVEPOINT append_many');
    const { rows } = await client.query<{ inserted: number }>({
      name: 'append-many',
      text: APPEND_MANY,
      values: [
        ballots[0]!.consultationId,
        column((b) => b.idempotencyKey ?? null),
        column((b) => b.voterHash),
        column((b) => b.receiptId),
        column((b) => b.rollUnit?.unit ?? null),
        column((b) => b.rollUnit?.codeHash ?? null),
        column((_, k) => links[k]!.seq),
        column((b) => JSON.stringify(b.content)),
        column((b) => (b.weight.areaHundredths === null ? null : b.weight.areaHundredths.toString())),
        column((b) => b.weight.count),
        column((_, k) => links[k]!.ballotHash),
        column((_, k) => links[k]!.prevHash),
        column((_, k) => links[k]!.chainHash),
        column((b) => b.at),
        column((b) => b.hashFormat),
      ],
    });
    if (rows[0]?.inserted !== ballots.length) {
      await client.query('ROLLBACK TO SAVEPOINT append_many');
      return null;
    }
    this.inRuns += ballots.length;
    return ballots.map((b, k) => {
      const { seq, ballotHash, chainHash: chained } = links[k]!;
      return appendedTo(head, reducer, b, { seq, ballotHash, chainHash: chained });
    });
  }

  /** Why a ballot was not inserted; undoes the step of it that did happen (code marked used). */
  private async refusal(client: PgClient, b: BallotToAppend, done: { unit: boolean }): Promise<AppendOutcome> {
    const cid = b.consultationId;
    if (b.rollUnit && done.unit) {
      await client.query('UPDATE roll_units SET voted = 0 WHERE consultation_id = $1 AND unit = $2', [
        cid,
        b.rollUnit.unit,
      ]);
    }
    // The voter's earlier ballot (an earlier batch, or earlier in this one): this request's replay, or a second ballot.
    const earlier = await this.findVoterBallot(cid, b.voterHash, client);
    if (earlier) return againstEarlier(b, earlier);
    if (b.rollUnit && !done.unit) {
      const { rows } = await client.query<{ code_hash: string | null; voted: number }>(
        'SELECT code_hash, voted FROM roll_units WHERE consultation_id = $1 AND unit = $2',
        [cid, b.rollUnit.unit],
      );
      const unit = rows[0];
      if (!unit || unit.code_hash !== b.rollUnit.codeHash) return { ok: false, refusal: { reason: 'code_invalid' } };
      return { ok: false, refusal: { reason: 'code_used' } };
    }
    // Not the voter: a seq or receipt taken under our lock would mean a writer ignoring the lock. Abort.
    throw new Error(`ballot box of ${cid}: seq or receipt already taken; the batch is rolled back`);
  }

  /** Freezes the live roll unless already frozen; returns the genesis for the first ballot and whether it froze now. */
  private async freezeForFirstBallot(client: PgClient, cid: string, at: string) {
    const existing = await client.query<ElectorateRow>('SELECT * FROM electorates WHERE consultation_id = $1', [cid]);
    if (existing.rows[0]) return { genesis: genesisOf(cid, frozenOf(existing.rows[0])), created: false };
    const frozen = await freezeElectorate(client, cid, at, true);
    return { genesis: genesisOf(cid, frozen), created: true };
  }

  async getReceipt(receiptId: string): Promise<Receipt | null> {
    const { rows } = await this.pool.query<BallotRow>('SELECT * FROM ballots WHERE receipt_id = $1', [receiptId]);
    return rows[0] ? receiptOf(rows[0]) : null;
  }

  async list(consultationId: string, after: number, limit: number): Promise<StoredBallot[]> {
    const { rows } = await this.pool.query<BallotRow>(
      'SELECT * FROM ballots WHERE consultation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [consultationId, after, limit],
    );
    return rows.map(storedBallotOf);
  }

  async tally(consultationId: string): Promise<TallyRecord> {
    const { rows } = await this.pool.query<{ aggregate: string; ballots: number; head_seq: number; head_hash: string }>(
      'SELECT aggregate, ballots, head_seq, head_hash FROM tallies WHERE consultation_id = $1',
      [consultationId],
    );
    const row = rows[0];
    if (!row) return { aggregate: null, ballots: 0, headSeq: 0, headHash: null };
    return {
      aggregate: JSON.parse(row.aggregate),
      ballots: row.ballots,
      headSeq: row.head_seq,
      headHash: row.head_hash,
    };
  }

  async findVoterBallot(consultationId: string, voterHash: string, client?: PgClient): Promise<VoterBallot | null> {
    const { rows } = await (client ?? this.pool).query<BallotRow & { idempotency_key: string | null }>({
      name: 'voter-ballot',
      text: `SELECT ${VOTER_BALLOT_COLUMNS} FROM ballots WHERE consultation_id = $1 AND voter_hash = $2`,
      values: [consultationId, voterHash],
    });
    return rows[0] ? voterBallotOf(rows[0]) : null;
  }

  /**
   * The voter's ballot, for its receipt to be given again (a replay): its batch may have committed without waiting for
   * its flush (`append`), so a flush is waited for first; the read saw that commit, so the flush covers it.
   */
  async findVoterBallotDurable(consultationId: string, voterHash: string): Promise<VoterBallot | null> {
    const found = await this.findVoterBallot(consultationId, voterHash);
    if (found) await this.pool.query(FLUSH);
    return found;
  }
}

/** Records the live roll as the frozen electorate (inside the caller's transaction). */
export async function freezeElectorate(
  client: PgClient,
  cid: string,
  at: string,
  boundToChain: boolean,
): Promise<FrozenElectorate> {
  const { rows } = await client.query<{ unit: string; area_hundredths: number; headcount: number }>(
    'SELECT unit, area_hundredths, headcount FROM roll_units WHERE consultation_id = $1',
    [cid],
  );
  const units = rows.map((r) => ({ unit: r.unit, areaHundredths: BigInt(r.area_hundredths), headcount: r.headcount }));
  const snapshot = electorateSnapshot(units);
  const digest = electorateDigest(snapshot);
  const area = units.reduce((sum, u) => sum + u.areaHundredths, 0n);
  const count = units.reduce((sum, u) => sum + u.headcount, 0);
  await client.query(
    `INSERT INTO electorates (consultation_id, digest, snapshot, units, area_hundredths, headcount, bound_to_chain,
      frozen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [cid, digest, snapshot, units.length, area.toString(), count, boundToChain ? 1 : 0, at],
  );
  return { digest, snapshot, units: units.length, area, count, boundToChain, frozenAt: at };
}
