/** Row shapes shared by both stores (same columns in SQLite and PostgreSQL) and their mapping to records. */
import type { Phase, Proposal, ProposalStatus, Receipt } from '@linli/core';
import { entryHash, type HashFormat } from '../ledger/chain';
import type {
  AggregateReducer,
  AppendOutcome,
  BallotContent,
  BallotLookup,
  BallotToAppend,
  FrozenElectorate,
  RollUnitRecord,
  StoredBallot,
} from './types';

/** One consultation's box as a ballot batch holds it: the chain head, the running totals and whether they changed. */
export interface BoxHead {
  phase: string | null;
  seq: number;
  hash: string;
  ballots: number;
  state: unknown;
  dirty: boolean;
}

/** The ballotHash of a ballot appended at `seq`, in the format its box takes (the secret only in format 3). */
export const ballotHashOf = (b: BallotToAppend, seq: number) =>
  entryHash({
    format: b.hashFormat,
    seq,
    receiptId: b.receiptId,
    at: b.at,
    content: b.content,
    weight: b.weight,
    ...(b.secret !== undefined ? { secret: b.secret } : {}),
  });

/**
 * After a ballot's row is written (inside the batch's transaction): folds it into the running totals, moves the
 * head on, and gives its receipt. The batch saves the head when it commits, or drops it with the transaction.
 */
export function appendedTo(
  head: BoxHead,
  reducer: AggregateReducer,
  b: BallotToAppend,
  link: { seq: number; ballotHash: string; chainHash: string },
): AppendOutcome {
  reducer.add(b.consultationId, head.state, { content: b.content, weight: b.weight });
  head.seq = link.seq;
  head.hash = link.chainHash;
  head.ballots += 1;
  head.dirty = true;
  const receipt: Receipt = { receiptId: b.receiptId, consultationId: b.consultationId, ...link, at: b.at };
  return { ok: true, receipt, replayed: false };
}

export interface BallotRow {
  consultation_id: string;
  seq: number;
  receipt_id: string;
  content: string;
  weight_area: number | null;
  weight_count: number;
  ballot_hash: string;
  prev_hash: string;
  chain_hash: string;
  at: string;
  hash_format: HashFormat;
}

export const receiptOf = (row: BallotRow): Receipt => ({
  receiptId: row.receipt_id,
  consultationId: row.consultation_id,
  seq: row.seq,
  ballotHash: row.ballot_hash,
  chainHash: row.chain_hash,
  at: row.at,
});

export const storedBallotOf = (row: BallotRow): StoredBallot => ({
  seq: row.seq,
  receiptId: row.receipt_id,
  at: row.at,
  content: JSON.parse(row.content) as BallotContent,
  weight: { areaHundredths: row.weight_area === null ? null : BigInt(row.weight_area), count: row.weight_count },
  ballotHash: row.ballot_hash,
  prevHash: row.prev_hash,
  chainHash: row.chain_hash,
  hashFormat: row.hash_format,
});

export interface ConsultationRow {
  id: string;
  slug: string;
  phase: Phase;
  doc: string;
  progress_manual: number | null;
  auto_publish: number;
  created_at: string;
  updated_at: string;
}

export interface ProposalRow {
  id: string;
  consultation_id: string;
  kind: 'proposal' | 'wish';
  title: string;
  body: string;
  author_name: string;
  status: ProposalStatus;
  supports: number;
  claimed_by: string | null;
  merged_into: string | null;
  created_at: string;
}

export const proposalOf = (row: ProposalRow): Proposal & { mergedInto?: string } => ({
  schemaVersion: 1,
  id: row.id,
  consultationId: row.consultation_id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  authorName: row.author_name,
  status: row.status,
  supports: row.supports,
  ...(row.claimed_by !== null ? { claimedBy: row.claimed_by } : {}),
  ...(row.merged_into !== null ? { mergedInto: row.merged_into } : {}),
  createdAt: row.created_at,
});

export interface UnitRow {
  unit: string;
  name: string;
  area_hundredths: number;
  headcount: number;
  code_hash: string | null;
  voted: number;
}

export const unitOf = (row: UnitRow): RollUnitRecord => ({
  unit: row.unit,
  name: row.name,
  areaHundredths: BigInt(row.area_hundredths),
  headcount: row.headcount,
  voted: row.voted === 1,
  hasCode: row.code_hash !== null,
});

/**
 * A ballot's desk check in one statement, given each dialect's placeholder for every parameter in order (consultation
 * id, code hash, consultation id, scoped Idempotency-Key): at most one row for the roll unit the code hash names
 * (`part` 1) and one for what the key was used for (`part` 2). UNION ALL of two index lookups: in SQLite a third of
 * the cost of LEFT JOINs from a one-row subquery, and less than two statements.
 */
export const ballotLookupSql = (p: readonly [string, string, string, string]) => `
SELECT 1 AS part, unit, name, area_hundredths, headcount, code_hash, voted, NULL AS idem_voter,
  NULL AS consultation_id, NULL AS seq, NULL AS receipt_id, NULL AS content, NULL AS weight_area, NULL AS weight_count,
  NULL AS ballot_hash, NULL AS prev_hash, NULL AS chain_hash, NULL AS at, NULL AS hash_format
FROM roll_units WHERE consultation_id = ${p[0]} AND code_hash = ${p[1]}
UNION ALL
SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, i.voter_hash, b.consultation_id, b.seq, b.receipt_id, b.content,
  b.weight_area, b.weight_count, b.ballot_hash, b.prev_hash, b.chain_hash, b.at, b.hash_format
FROM idempotency i JOIN ballots b ON b.receipt_id = i.receipt_id WHERE i.consultation_id = ${p[2]} AND i.key = ${p[3]}`;

export type BallotLookupRow = (UnitRow & { part: 1 }) | (BallotRow & { part: 2; idem_voter: string });

export function ballotLookupOf(rows: readonly BallotLookupRow[]): BallotLookup {
  let unit: RollUnitRecord | null = null;
  let earlier: BallotLookup['earlier'] = null;
  for (const row of rows) {
    if (Number(row.part) === 1) unit = unitOf(row as UnitRow);
    else {
      const ballot = row as BallotRow & { idem_voter: string };
      earlier = {
        voterHash: ballot.idem_voter,
        content: JSON.parse(ballot.content) as BallotContent,
        receipt: receiptOf(ballot),
      };
    }
  }
  return { earlier, unit };
}

export interface ElectorateRow {
  digest: string;
  snapshot: string;
  units: number;
  area_hundredths: number;
  headcount: number;
  bound_to_chain: number;
  frozen_at: string;
}

export const frozenOf = (row: ElectorateRow): FrozenElectorate => ({
  digest: row.digest,
  snapshot: row.snapshot,
  units: row.units,
  area: BigInt(row.area_hundredths),
  count: row.headcount,
  boundToChain: row.bound_to_chain === 1,
  frozenAt: row.frozen_at,
});
