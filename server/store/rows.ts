/** Row shapes shared by both stores (same columns in SQLite and PostgreSQL) and their mapping to records. */
import type { Milestone, Phase, ProgressUpdate, Proposal, ProposalStatus, Receipt } from '@linli/core';
import { entryHash, type HashFormat, sameBallotContent } from '../ledger/chain';
import type {
  AggregateReducer,
  AppendOutcome,
  BallotContent,
  BallotToAppend,
  ConsultationDoc,
  ConsultationRecord,
  FrozenElectorate,
  RollUnitRecord,
  StaffActionRecord,
  StoredBallot,
  VoterBallot,
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

export interface MilestoneRow {
  id: string;
  title: string;
  due: string | null;
  done: number;
  weight: number;
}

export interface ProgressUpdateRow {
  id: string;
  at: string;
  text: string;
  by: string | null;
  phase: Phase | null;
}

export interface StaffActionRow {
  consultation_id: string | null;
  at: string;
  actor: string;
  department: string | null;
  action: string;
  detail: string;
}

export const milestoneFromRow = (m: MilestoneRow): Milestone => ({
  id: m.id,
  title: m.title,
  ...(m.due ? { due: m.due } : {}),
  done: m.done === 1,
  weight: m.weight,
});

export const progressUpdateFromRow = (u: ProgressUpdateRow): ProgressUpdate => ({
  id: u.id,
  at: u.at,
  text: u.text,
  ...(u.by !== null ? { by: u.by } : {}),
  ...(u.phase !== null ? { phase: u.phase } : {}),
});

/** A consultation as both stores give it: its row, its milestones and updates in order, and its ballot count. */
export const consultationFromRows = (
  row: ConsultationRow,
  milestones: MilestoneRow[],
  updates: ProgressUpdateRow[],
  ballots: number,
): ConsultationRecord => ({
  id: row.id,
  slug: row.slug,
  phase: row.phase,
  doc: JSON.parse(row.doc) as ConsultationDoc,
  progressManual: row.progress_manual,
  autoPublish: row.auto_publish === 1,
  milestones: milestones.map(milestoneFromRow),
  updates: updates.map(progressUpdateFromRow),
  ballots,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const staffActionFromRow = (r: StaffActionRow): StaffActionRecord => ({
  consultationId: r.consultation_id,
  at: r.at,
  actor: r.actor,
  department: r.department,
  action: r.action,
  detail: r.detail,
});

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

/** Reads a voter's ballot (both stores): the row and the Idempotency-Key stored on it. */
export const VOTER_BALLOT_COLUMNS =
  'consultation_id, seq, receipt_id, content, weight_area, weight_count, ballot_hash, prev_hash, chain_hash, at, hash_format, idempotency_key';

export const voterBallotOf = (row: BallotRow & { idempotency_key: string | null }): VoterBallot => ({
  idempotencyKey: row.idempotency_key,
  content: JSON.parse(row.content) as BallotContent,
  receipt: receiptOf(row),
});

/**
 * What a ballot's own earlier row means for it (both stores, inside the batch's transaction): the voter's row sent
 * with the same Idempotency-Key is this request again — replayed, or refused when its content differs; any other row
 * of the voter is a second ballot.
 */
export function againstEarlier(b: BallotToAppend, earlier: VoterBallot): AppendOutcome {
  if (b.idempotencyKey === undefined || earlier.idempotencyKey !== b.idempotencyKey)
    return { ok: false, refusal: { reason: 'already_voted' } };
  if (!sameBallotContent(earlier.content, b.content)) return { ok: false, refusal: { reason: 'key_reused' } };
  return { ok: true, receipt: earlier.receipt, replayed: true };
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
