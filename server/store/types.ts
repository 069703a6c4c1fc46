/**
 * The persistence contract. Every method is async so a PostgreSQL store (one pool, real transactions) fits the
 * same shape as the SQLite one; the domain layer never sees SQL. Records here are plain data: validation,
 * hashing policy and events live in the domain layer.
 */
import type { Consultation, Milestone, Phase, ProgressUpdate, Proposal, ProposalStatus, Receipt } from '@linli/core';
import type { HashFormat } from '../ledger/chain';
import type { BallotContent, BallotWeight, ElectorateUnit, FrozenElectorate } from '../ledger/types';
import type { StoreRefusal } from './errors';

export type { BallotContent, BallotWeight, ElectorateUnit, FrozenElectorate };

/** The consultation document as stored: milestones, updates and progress live in their own rows. */
export type ConsultationDoc = Omit<Consultation, 'milestones' | 'updates' | 'progress' | 'phase'>;

export interface ConsultationRecord {
  id: string;
  slug: string;
  phase: Phase;
  doc: ConsultationDoc;
  /** Manual progress set by staff, or null to derive it from milestones. */
  progressManual: number | null;
  autoPublish: boolean;
  milestones: Milestone[];
  updates: ProgressUpdate[];
  /** Ballots in the box (from the maintained tally row). */
  ballots: number;
  createdAt: string;
  updatedAt: string;
}

export interface RollTotals {
  units: number;
  /** Hundredths of m². */
  area: bigint;
  count: number;
}

export interface RollUnitInput {
  unit: string;
  name: string;
  areaHundredths: bigint;
  headcount: number;
}

export interface RollUnitRecord extends RollUnitInput {
  voted: boolean;
  hasCode: boolean;
}

/** A ballot the domain has validated, waiting in the group-commit queue. */
export interface BallotToAppend {
  consultationId: string;
  /** Hash of the voter's identity (unit, site+sub, or voterKey); unique per consultation. */
  voterHash: string;
  idempotencyKey?: string;
  /** For code eligibility: re-checked inside the transaction (still this code, not voted) and marked voted. */
  rollUnit?: { unit: string; codeHash: string };
  content: BallotContent;
  weight: BallotWeight;
  receiptId: string;
  at: string;
  /** How the ballotHash is formed (ledger/chain.ts): 2 for a `public` box, 3 for a `receipts` box. */
  hashFormat: HashFormat;
  /** Format 3: the secret the hash commits with; used for the hash only, never stored. */
  secret?: string;
}

export type AppendOutcome = { ok: true; receipt: Receipt; replayed: boolean } | { ok: false; refusal: StoreRefusal };

/** Folds ballots into the stored running totals; called synchronously inside the batch transaction. */
export interface AggregateReducer {
  /** `json` is null when the consultation has no tally row yet. */
  load(consultationId: string, json: unknown | null): unknown;
  add(consultationId: string, state: unknown, ballot: { content: BallotContent; weight: BallotWeight }): void;
  save(consultationId: string, state: unknown): unknown;
}

/** A stored ballot row, as the audit reads it (no voter identity). */
export interface StoredBallot {
  seq: number;
  receiptId: string;
  at: string;
  content: BallotContent;
  weight: BallotWeight;
  ballotHash: string;
  prevHash: string;
  chainHash: string;
  hashFormat: HashFormat;
}

/**
 * A voter's ballot as the desk needs it to answer a retry: the (scoped) Idempotency-Key it was sent with, its content
 * (a retry with another body is told apart from a replay) and the receipt to replay.
 */
export interface VoterBallot {
  idempotencyKey: string | null;
  content: BallotContent;
  receipt: Receipt;
}

export interface TallyRecord {
  aggregate: unknown | null;
  ballots: number;
  headSeq: number;
  headHash: string | null;
}

export interface SiteKeyRecord {
  site: string;
  kind: 'secret' | 'jwk';
  /** The secret (base64url) or the JWK JSON text. */
  material: string;
  kid: string | null;
}

export interface TokenRecord {
  name: string;
  department: string | null;
  revoked: boolean;
}

/** One staff action, as recorded (see migration 4). */
export interface StaffActionRecord {
  /** null for a proposal on a community board outside any consultation. */
  consultationId: string | null;
  at: string;
  actor: string;
  department: string | null;
  action: string;
  /** JSON object text. */
  detail: string;
}

export interface StoreStats {
  /** Transactions that wrote ballots (one per group-commit batch). */
  ballotTransactions: number;
  ballotsWritten: number;
  /** SQLite: how many of those transactions the writer thread ran (sqlite-writer.ts). */
  threadTransactions?: number;
  /** PostgreSQL: ballots stored as part of a run in one statement (postgres-ballots.ts APPEND_MANY). */
  ballotsInRuns?: number;
}

/** Messages between the processes sharing one database (PostgreSQL LISTEN/NOTIFY). */
export interface Broadcast {
  /** Sends to every other process (not back to this one). Best effort: a lost message is a late live update. */
  publish(message: string): void;
  subscribe(listener: (message: string) => void): () => void;
}

export interface PublishedIssueInput {
  /** The id the server gives it when new. */
  newId: string;
  clientId: string;
  /** The Issue as JSON, its `id` set to the server id by the store. */
  doc: Record<string, unknown>;
}

export interface PublishedIssueRecord {
  id: string;
  doc: Record<string, unknown>;
}

export interface PublishOutcome {
  ids: string[];
  replayed: boolean;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Live messages to the other instances on this database; null where one process is the whole install (SQLite). */
  readonly broadcast: Broadcast | null;
  /** Whether the database holds no consultation, token or department yet (the demo seeds only then). */
  isEmpty(): Promise<boolean>;
  /**
   * A per-install secret, created on first use (code hashing, voter hashing). Never stored in the database
   * itself, so a copy of the database alone cannot be used to test guessed codes.
   */
  pepper(): Promise<string>;
  stats(): StoreStats;
  /** Starts now what the store would otherwise start with the first ballot (SQLite: its writer thread). */
  warm?(): Promise<void>;

  // Consultations
  getConsultationBySlug(slug: string): Promise<ConsultationRecord | null>;
  getConsultationById(id: string): Promise<ConsultationRecord | null>;
  listConsultations(): Promise<ConsultationRecord[]>;
  /** Throws StoreConflict when the slug exists. */
  insertConsultation(record: Omit<ConsultationRecord, 'ballots'>): Promise<void>;
  updateConsultation(
    id: string,
    fields: { doc: ConsultationDoc; progressManual: number | null; autoPublish: boolean; updatedAt: string },
  ): Promise<void>;
  /** Compare-and-set: false when the phase is no longer `from` (a concurrent change won). */
  setPhase(id: string, from: Phase, to: Phase, at: string): Promise<boolean>;
  upsertMilestone(consultationId: string, milestone: Milestone, at: string): Promise<void>;
  /** `progressManual`: undefined leaves it, null clears it, a number sets it. */
  addProgressUpdate(
    consultationId: string,
    update: ProgressUpdate,
    progressManual: number | null | undefined,
  ): Promise<void>;

  // Proposals
  insertProposal(proposal: Proposal): Promise<void>;
  getProposal(id: string): Promise<(Proposal & { mergedInto?: string }) | null>;
  listProposals(
    consultationId: string,
    filter: { statuses: readonly ProposalStatus[]; kind?: string },
  ): Promise<Proposal[]>;
  /** Compare-and-set on status; false when the proposal is no longer in one of `fromStatuses`. */
  updateProposalStatus(
    id: string,
    fromStatuses: readonly ProposalStatus[],
    fields: { status: ProposalStatus; claimedBy?: string; mergedInto?: string },
    at: string,
  ): Promise<boolean>;
  /** Adds one support; false when this voter already supported it. */
  addSupport(proposalId: string, voterHash: string, at: string): Promise<boolean>;

  // Ballots
  /** Writes a batch in ONE transaction; one outcome per input, in order. A failed ballot never fails the others. */
  appendBallots(batch: readonly BallotToAppend[], reducer: AggregateReducer): Promise<AppendOutcome[]>;
  /**
   * How many `appendBallots` batches may be in flight at once (default one). More than one only where the store
   * writes batches in the order they were sent and answers each only once it is durable (SQLite's writer thread).
   */
  ballotPipeline?(): number;
  getReceipt(receiptId: string): Promise<Receipt | null>;
  listBallots(consultationId: string, after: number, limit: number): Promise<StoredBallot[]>;
  getTally(consultationId: string): Promise<TallyRecord>;
  /**
   * The ballot of this voter, with the Idempotency-Key it was sent with. Keys are found through their voter: a key is
   * scoped to the credential that sent it (domain/ballot-box.ts), the credential names one voter, and a voter casts
   * one ballot, so the voter's unique index answers "was this key used?" and no index on random keys is written per
   * ballot.
   */
  findVoterBallot(consultationId: string, voterHash: string): Promise<VoterBallot | null>;

  // Rolls
  /** Replaces the roll in one transaction; conflict once a ballot exists (the electorate is frozen). */
  replaceRoll(consultationId: string, units: readonly RollUnitInput[]): Promise<RollTotals>;
  rollTotals(consultationId: string): Promise<RollTotals | null>;
  /** The electorate frozen with the first ballot, or null while none has been cast. */
  getFrozenElectorate(consultationId: string): Promise<FrozenElectorate | null>;
  listRollUnits(consultationId: string): Promise<RollUnitRecord[]>;
  /**
   * In one transaction: for each unit without a code (or, with `reissue`, each unit that has not voted) calls
   * `generate(unit)` and stores its hash. Returns the units and plain codes generated.
   */
  assignCodes(
    consultationId: string,
    reissue: boolean,
    generate: () => { code: string; hash: string },
  ): Promise<Array<{ unit: string; code: string }>>;
  findRollUnitByCode(consultationId: string, codeHash: string): Promise<RollUnitRecord | null>;
  /** Every unit that holds a code, with its code's hash (the ballot desk indexes a frozen roll in memory). */
  listRollCodes(consultationId: string): Promise<Array<{ codeHash: string; unit: RollUnitRecord }>>;

  // Sites, tokens, departments
  addSiteKey(key: SiteKeyRecord, at: string): Promise<void>;
  getSiteKeys(sites: readonly string[]): Promise<SiteKeyRecord[]>;
  insertToken(hash: string, record: { name: string; department: string | null }, at: string): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | null>;
  /** Throws StoreConflict when it exists. */
  insertDepartment(name: string, at: string): Promise<void>;
  listDepartments(): Promise<string[]>;

  // Guards that must hold on every instance (kept in the database, not in a process)
  /** Times (ms since the epoch) of refused voting codes for `key` after `since`, oldest first. */
  codeFailures(key: string, since: number): Promise<number[]>;
  /** Records a refused code at `at` and forgets every key's failures at or before `forgetUpTo`. */
  addCodeFailure(key: string, at: number, forgetUpTo: number): Promise<void>;
  /**
   * Keys with a refused code after `since`, offered only by a store that one process alone writes (SQLite): that
   * process can then keep the list itself and skip the lookup for addresses with no failures. A store shared by
   * several instances (PostgreSQL) leaves it out, so every ballot asks the database.
   */
  codeFailureKeys?(since: number): Promise<string[]>;

  // Issues published by staff from the side panel
  /**
   * Stores the issues in one transaction: a `clientId` seen before updates its row (keeping its server id). The ids
   * are recorded under `key`; the same key again stores nothing and answers the first call's ids (`replayed`).
   */
  publishIssues(key: string, issues: readonly PublishedIssueInput[], by: string, at: string): Promise<PublishOutcome>;
  /** Newest first. */
  listPublishedIssues(limit: number): Promise<PublishedIssueRecord[]>;
  getPublishedIssues(ids: readonly string[]): Promise<PublishedIssueRecord[]>;

  // Staff action log (append-only)
  recordStaffAction(record: StaffActionRecord): Promise<void>;
  /** Oldest first. */
  listStaffActions(consultationId: string): Promise<StaffActionRecord[]>;

  close(): Promise<void>;
}
