/** Row shapes shared by both stores (same columns in SQLite and PostgreSQL) and their mapping to records. */
import type { Phase, Proposal, ProposalStatus, Receipt } from '@linli/core';
import type { HashFormat } from '../ledger/chain';
import type { BallotContent, FrozenElectorate, RollUnitRecord, StoredBallot } from './types';

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
