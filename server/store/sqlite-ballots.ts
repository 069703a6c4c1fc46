/**
 * The ballot box in SQLite: one transaction per group-commit batch. Every ballot is checked (phase, the voter's
 * earlier ballot — a replay of its Idempotency-Key or a second ballot —, roll code still valid) by writing it, and a
 * refused ballot leaves nothing behind (`writeLinked`), so one refusal never aborts the others in its batch, while
 * the batch still costs a single sync.
 */
import type { Receipt } from '@linli/core';
import { chainHash } from '../ledger/chain';
import {
  againstEarlier,
  appendedTo,
  type BallotRow,
  type BoxHead,
  ballotHashOf,
  receiptOf,
  storedBallotOf,
  VOTER_BALLOT_COLUMNS,
  voterBallotOf,
} from './rows';
import type { SqliteElectorates } from './sqlite-electorate';
import { isConstraintError, type SqliteDb } from './sqlite-schema';
import type { AggregateReducer, AppendOutcome, BallotToAppend, StoredBallot, TallyRecord, VoterBallot } from './types';

/** Thrown inside a ballot's savepoint when its roll unit's code is not current or has voted: undoes the savepoint. */
const ROLL_REFUSED = new Error('roll unit refused the ballot');

/** A box with no ballot yet, as `tally` reads it. */
const NO_TALLY: TallyRecord = { aggregate: null, ballots: 0, headSeq: 0, headHash: null };

/** Prepared statements and the batch transaction, bound to one database. */
export class SqliteBallots {
  private readonly q;
  private readonly batchTx;
  private readonly writeFirst;
  transactions = 0;
  written = 0;
  /**
   * Each consultation of the last batch as its transaction left it: what `tally` reads back once it has committed,
   * kept from the batch itself so that the writer thread need not read, parse and re-serialise the row per batch.
   */
  lastTallies: Array<[string, TallyRecord]> = [];

  constructor(
    db: SqliteDb,
    private readonly electorates: SqliteElectorates,
  ) {
    this.q = {
      phase: db.prepare('SELECT phase FROM consultations WHERE id = ?'),
      tally: db.prepare('SELECT aggregate, ballots, head_seq, head_hash FROM tallies WHERE consultation_id = ?'),
      byVoter: db.prepare(`SELECT ${VOTER_BALLOT_COLUMNS} FROM ballots WHERE consultation_id = ? AND voter_hash = ?`),
      byReceipt: db.prepare('SELECT * FROM ballots WHERE receipt_id = ?'),
      unit: db.prepare('SELECT code_hash, voted FROM roll_units WHERE consultation_id = ? AND unit = ?'),
      insert: db.prepare(`INSERT INTO ballots (consultation_id, seq, receipt_id, voter_hash, content, weight_area,
        weight_count, ballot_hash, prev_hash, chain_hash, at, hash_format, idempotency_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      // The roll check and the mark in one statement: it changes a row only for the unit's current code, unvoted.
      markVoted: db.prepare(
        'UPDATE roll_units SET voted = 1 WHERE consultation_id = ? AND unit = ? AND code_hash = ? AND voted = 0',
      ),
      // Undoes markVoted exactly: it changed `voted` from 0 to 1 and nothing else.
      unmarkVoted: db.prepare('UPDATE roll_units SET voted = 0 WHERE consultation_id = ? AND unit = ?'),
      saveTally: db.prepare(`INSERT INTO tallies (consultation_id, aggregate, ballots, head_seq, head_hash)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (consultation_id) DO UPDATE SET aggregate = excluded.aggregate,
        ballots = excluded.ballots, head_seq = excluded.head_seq, head_hash = excluded.head_hash`),
      list: db.prepare('SELECT * FROM ballots WHERE consultation_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    };
    // The first ballot of a box also freezes its electorate (several rows): it is written in a savepoint, which a
    // refusal undoes whole. Made once: better-sqlite3 builds four wrapper functions per db.transaction() call.
    this.writeFirst = db.transaction((b: BallotToAppend, hash: string) =>
      this.writeLinked(b, 1, hash, this.electorates.genesisForFirstBallot(b.consultationId, b.at)),
    );
    this.batchTx = db.transaction((batch: readonly BallotToAppend[], reducer: AggregateReducer) => {
      const heads = new Map<string, BoxHead>();
      const outcomes = batch.map((ballot) => {
        const head = heads.get(ballot.consultationId) ?? this.loadHead(ballot.consultationId, reducer);
        heads.set(ballot.consultationId, head);
        return this.appendOne(ballot, head, reducer);
      });
      const tallies: Array<[string, TallyRecord]> = [];
      for (const [id, head] of heads) {
        if (!head.dirty && head.seq === 0) {
          tallies.push([id, NO_TALLY]);
          continue;
        }
        const aggregate = reducer.save(id, head.state);
        if (head.dirty) this.q.saveTally.run(id, JSON.stringify(aggregate), head.ballots, head.seq, head.hash);
        tallies.push([id, { aggregate, ballots: head.ballots, headSeq: head.seq, headHash: head.hash }]);
      }
      this.lastTallies = tallies;
      return outcomes;
    });
  }

  private loadHead(consultationId: string, reducer: AggregateReducer): BoxHead {
    const phase = (this.q.phase.get(consultationId) as { phase: string } | undefined)?.phase ?? null;
    const row = this.q.tally.get(consultationId) as
      | { aggregate: string; ballots: number; head_seq: number; head_hash: string }
      | undefined;
    return {
      phase,
      seq: row?.head_seq ?? 0,
      // Before the first ballot there is no previous hash yet: it is the genesis, fixed when the roll is frozen.
      hash: row?.head_hash ?? '',
      ballots: row?.ballots ?? 0,
      state: reducer.load(consultationId, row ? JSON.parse(row.aggregate) : null),
      dirty: false,
    };
  }

  private appendOne(b: BallotToAppend, head: BoxHead, reducer: AggregateReducer): AppendOutcome {
    if (head.phase === null) return { ok: false, refusal: { reason: 'no_consultation' } };
    if (head.phase !== 'voting') {
      return { ok: false, refusal: { reason: 'not_voting', phase: head.phase } };
    }
    // Checked here, in the transaction: two requests of one voter (or one key) can both pass the desk first. The
    // common case (a first ballot, its code unused) asks nothing before writing: the roll unit's UPDATE and the
    // ballots table's unique voter index decide, and only a refused write reads why, in the order the checks had
    // when they were asked first (the voter's earlier ballot, then the code). Two statements per ballot, not four.
    const seq = head.seq + 1;
    const hash = ballotHashOf(b, seq);
    let chained: string;
    try {
      chained = seq === 1 ? this.writeFirst(b, hash) : this.writeLinked(b, seq, hash, head.hash);
    } catch (error) {
      if (error === ROLL_REFUSED || isConstraintError(error)) return this.refusalOf(b, error === ROLL_REFUSED);
      throw error;
    }
    return appendedTo(head, reducer, b, { seq, ballotHash: hash, chainHash: chained });
  }

  /**
   * A ballot's two writes, with no savepoint of their own (two statements fewer per ballot): the roll unit's guarded
   * UPDATE first, so that a refused code writes nothing; then the INSERT, which SQLite undoes alone when a unique
   * index refuses it (a statement's own rollback; the transaction goes on), and then the unit's mark is undone here.
   */
  private writeLinked(b: BallotToAppend, seq: number, hash: string, prev: string): string {
    const cid = b.consultationId;
    if (b.rollUnit && this.q.markVoted.run(cid, b.rollUnit.unit, b.rollUnit.codeHash).changes === 0) {
      throw ROLL_REFUSED;
    }
    const chained = chainHash(prev, hash);
    try {
      this.q.insert.run(
        cid,
        seq,
        b.receiptId,
        b.voterHash,
        JSON.stringify(b.content),
        b.weight.areaHundredths,
        b.weight.count,
        hash,
        prev,
        chained,
        b.at,
        b.hashFormat,
        b.idempotencyKey ?? null,
      );
    } catch (error) {
      // Any other failure rolls the whole batch back (nobody is answered), so only a refusal needs the undo.
      if (b.rollUnit && isConstraintError(error)) this.q.unmarkVoted.run(cid, b.rollUnit.unit);
      throw error;
    }
    return chained;
  }

  /** Why a ballot's write was refused (nothing of it is stored): a replay, a second ballot, or its code. */
  private refusalOf(b: BallotToAppend, rollRefused: boolean): AppendOutcome {
    const earlier = this.findVoterBallot(b.consultationId, b.voterHash);
    if (earlier) return againstEarlier(b, earlier);
    if (rollRefused && b.rollUnit) {
      const unit = this.q.unit.get(b.consultationId, b.rollUnit.unit) as
        | { code_hash: string | null; voted: number }
        | undefined;
      if (!unit || unit.code_hash !== b.rollUnit.codeHash) return { ok: false, refusal: { reason: 'code_invalid' } };
      return { ok: false, refusal: { reason: 'code_used' } };
    }
    return { ok: false, refusal: { reason: 'already_voted' } };
  }

  /** One transaction (one fsync) for the whole batch. */
  append(batch: readonly BallotToAppend[], reducer: AggregateReducer): AppendOutcome[] {
    const outcomes = this.batchTx.immediate(batch, reducer);
    this.transactions += 1;
    this.written += outcomes.filter((o) => o.ok && !o.replayed).length;
    return outcomes;
  }

  getReceipt(receiptId: string): Receipt | null {
    const row = this.q.byReceipt.get(receiptId) as BallotRow | undefined;
    return row ? receiptOf(row) : null;
  }

  list(consultationId: string, after: number, limit: number): StoredBallot[] {
    return (this.q.list.all(consultationId, after, limit) as BallotRow[]).map(storedBallotOf);
  }

  tally(consultationId: string): TallyRecord {
    const row = this.q.tally.get(consultationId) as
      | { aggregate: string; ballots: number; head_seq: number; head_hash: string }
      | undefined;
    if (!row) return { aggregate: null, ballots: 0, headSeq: 0, headHash: null };
    return {
      aggregate: JSON.parse(row.aggregate),
      ballots: row.ballots,
      headSeq: row.head_seq,
      headHash: row.head_hash,
    };
  }

  findVoterBallot(consultationId: string, voterHash: string): VoterBallot | null {
    const row = this.q.byVoter.get(consultationId, voterHash) as
      | (BallotRow & { idempotency_key: string | null })
      | undefined;
    return row ? voterBallotOf(row) : null;
  }
}
