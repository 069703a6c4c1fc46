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
 * A ballot's desk check in one statement, given each dialect's placeholders for the consultation id, the code hash
 * and the scoped Idempotency-Key: the roll unit the code hash names and what the key was used for, each left-joined
 * to one row so a missing part (or a null parameter) is simply null.
 */
export const ballotLookupSql = (p: { consultation: string; codeHash: string; key: string }) => `
SELECT u.unit AS u_unit, u.name AS u_name, u.area_hundredths AS u_area, u.headcount AS u_headcount,
  u.code_hash AS u_code_hash, u.voted AS u_voted, i.voter_hash AS idem_voter, b.consultation_id, b.seq, b.receipt_id,
  b.content, b.weight_area, b.weight_count, b.ballot_hash, b.prev_hash, b.chain_hash, b.at, b.hash_format
FROM (SELECT 1 AS one) AS one
LEFT JOIN roll_units u ON u.consultation_id = ${p.consultation} AND u.code_hash = ${p.codeHash}
LEFT JOIN idempotency i ON i.consultation_id = ${p.consultation} AND i.key = ${p.key}
LEFT JOIN ballots b ON b.receipt_id = i.receipt_id`;

export type BallotLookupRow = Partial<BallotRow> & {
  u_unit: string | null;
  u_name: string | null;
  u_area: number | string | null;
  u_headcount: number | null;
  u_code_hash: string | null;
  u_voted: number | null;
  idem_voter: string | null;
};

export function ballotLookupOf(row: BallotLookupRow | undefined): BallotLookup {
  if (!row) return { earlier: null, unit: null };
  const unit =
    row.u_unit === null
      ? null
      : unitOf({
          unit: row.u_unit,
          name: row.u_name ?? '',
          area_hundredths: row.u_area as number,
          headcount: row.u_headcount ?? 0,
          code_hash: row.u_code_hash,
          voted: row.u_voted ?? 0,
        });
  // A key whose ballot row is gone (it cannot be, the two are written together) reads as unused, as a join would.
  const earlier =
    row.idem_voter === null || row.receipt_id == null
      ? null
      : {
          voterHash: row.idem_voter,
          content: JSON.parse(row.content as string) as BallotContent,
          receipt: receiptOf(row as BallotRow),
        };
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
