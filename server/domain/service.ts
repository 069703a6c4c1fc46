/**
 * The domain contract between the HTTP layer and persistence. The HTTP layer codes against this file only:
 * every method validates its own input (throwing DomainError 'invalid' naming the field) so a route is a thin
 * mapping from request to call and from DomainError to status code.
 *
 * Status mapping (for the HTTP layer): invalid → 400, unauthorized → 401, forbidden → 403, not_found → 404,
 * conflict → 409, gone → 410, idempotency_key_reused → 422, payload_too_large → 413, rate_limited → 429 (with
 * `retryAfterSeconds`).
 */
import type {
  ApiIssue,
  BallotBoxEntry,
  BallotBoxResponse,
  BallotRequest,
  ConsultationCreateInput,
  ConsultationPatchInput,
  ConsultationSummary,
  ConsultationView,
  Eligibility,
  ErrorCode,
  EventType,
  FrozenElectorateView,
  Issue,
  IssuedCode,
  Lang,
  Milestone,
  MilestoneCreateRequest,
  MilestonePatchRequest,
  ModerationRequest,
  Phase,
  PhaseEventData,
  ProgressEventData,
  ProgressUpdate,
  ProgressUpdateRequest,
  Proposal,
  ProposalStatus,
  ProposalSubmitRequest,
  Receipt,
  RollImportResponse,
  SiteKeyRequest,
  StaffAction,
  TallyView,
} from '@linli/core';

/** A failure the caller can understand; never carries a stack trace or internal detail to a client. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly issues?: ApiIssue[];
  /** For `rate_limited`: seconds until the caller may retry. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; issues?: ApiIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    if (options.issues !== undefined) this.issues = options.issues;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

/**
 * Emitted after the change is committed, typed from the wire events (core/api/events):
 * - tally: `{ballots}`, a cheap hint only: the SSE layer coalesces and then reads `getTally` itself, because the
 *   tally may be hidden and its visibility depends on the reader
 * - progress, phase: the wire event's data
 * - proposal: one Proposal whenever the public board changes: it enters, changes within or leaves the public
 *   statuses (PUBLIC_PROPOSAL_STATUSES); the SSE layer batches them into `{"proposals": […]}`. Changes among
 *   pending/rejected are never broadcast
 * - meeting / evaluation: reserved for later work.
 */
export type DomainEvent = { slug: string } & (
  | { type: Extract<EventType, 'tally'>; data: { ballots: number } }
  | { type: Extract<EventType, 'progress'>; data: ProgressEventData }
  | { type: Extract<EventType, 'phase'>; data: PhaseEventData }
  | { type: Extract<EventType, 'proposal'>; data: Proposal }
  | { type: Extract<EventType, 'meeting' | 'evaluation'>; data: unknown }
);

export type DomainEventListener = (event: DomainEvent) => void;

export interface DomainEvents {
  /** Registers a listener (called synchronously after commit; must not throw); returns the unsubscribe function. */
  subscribe(listener: DomainEventListener): () => void;
}

// ---------------------------------------------------------------------------------------------------------------
// Views and inputs
// ---------------------------------------------------------------------------------------------------------------

/** Public list statuses; staff may ask for any status. */
export const PUBLIC_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['published', 'claimed', 'done', 'adopted'];

export interface ProposalListOptions {
  /** Statuses to include. Default: PUBLIC_PROPOSAL_STATUSES. Non-staff callers asking for others → forbidden. */
  status?: ProposalStatus[];
  kind?: 'proposal' | 'wish';
  staff?: boolean;
}

export interface CastOptions {
  /** Idempotency-Key header (1–128 printable chars). The same key for the same voter replays the receipt. */
  idempotencyKey?: string;
  /** Client IP, for logs and rate limiting of open ballots (the HTTP layer limits; see `ballotRateKey`). */
  clientIp?: string;
}

export interface CastResult {
  receipt: Receipt;
  /** True when this is the stored receipt of an earlier call with the same Idempotency-Key. */
  replayed: boolean;
}

/** What the ballot box answers besides its entries: its mode and the chain head. */
export type BallotBoxHead = Pick<BallotBoxResponse, 'ballotBox' | 'head'>;

export interface AuditReport {
  ok: boolean;
  chainOk: boolean;
  tallyOk: boolean;
  entries: number;
  /** One line per problem, e.g. `seq 12: ballotHash does not match the entry`. */
  problems: string[];
}

/** A staff member authenticated by a Bearer token. */
export interface StaffIdentity {
  name: string;
  department?: string;
}

export interface CodeSheetOptions {
  /** Base URL of the public voting page, e.g. `https://linli.example.org`. */
  publicUrl: string;
  /** Codes to print (from issueCodes); the sheet cannot be regenerated later since codes are stored hashed. */
  codes: IssuedCode[];
}

// ---------------------------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------------------------

export interface LinliService {
  readonly events: DomainEvents;

  // Consultations ------------------------------------------------------------------------------------------------
  /** The public view by slug; not_found when absent. Draft consultations are visible to staff only. */
  getConsultation(slug: string, options?: { staff?: boolean }): Promise<ConsultationView>;
  /** Summaries, newest first. Non-staff callers do not see drafts. */
  listConsultations(options?: { staff?: boolean; community?: string }): Promise<ConsultationSummary[]>;
  /** invalid on bad input (field named), conflict when the slug exists. */
  createConsultation(input: ConsultationCreateInput, by?: StaffIdentity): Promise<ConsultationView>;
  updateConsultation(slug: string, patch: ConsultationPatchInput, by?: StaffIdentity): Promise<ConsultationView>;
  /** Forward only (skipping allowed): conflict when `to` is not after the current phase. Emits `phase`. */
  changePhase(slug: string, to: Phase, by?: StaffIdentity): Promise<ConsultationView>;
  /** Emits `progress`. */
  addMilestone(slug: string, input: MilestoneCreateRequest): Promise<Milestone>;
  /** Emits `progress`; not_found for an unknown milestone id. */
  updateMilestone(slug: string, milestoneId: string, patch: MilestonePatchRequest): Promise<Milestone>;
  /** Appends a progress update (and optionally sets/clears manual progress). Emits `progress`. */
  addProgressUpdate(slug: string, input: ProgressUpdateRequest, by?: StaffIdentity): Promise<ProgressUpdate>;

  // Proposals and 微心愿 -------------------------------------------------------------------------------------------
  listProposals(slug: string, options?: ProposalListOptions): Promise<Proposal[]>;
  /**
   * Submits a proposal or wish: status `pending` (awaits moderation), or `published` when the consultation
   * has `autoPublish` (e.g. the demo `wishes` board). Emits `proposal` when published.
   */
  submitProposal(slug: string, input: ProposalSubmitRequest): Promise<Proposal>;
  /** One support per voterKey per proposal: conflict on a repeat; only published/claimed proposals. */
  supportProposal(proposalId: string, voterKey: string): Promise<Proposal>;
  /** Claims a published wish (kind `wish`): status → claimed; conflict when already claimed. Emits `proposal`. */
  claimProposal(proposalId: string, claimedBy: string): Promise<Proposal>;
  /** Staff moderation. merge needs `into` (a proposal of the same consultation). Emits `proposal`. */
  moderateProposal(proposalId: string, action: ModerationRequest, by?: StaffIdentity): Promise<Proposal>;

  // Ballots --------------------------------------------------------------------------------------------------------
  /**
   * Casts a ballot. Resolves only after the ballot is durable (committed with synchronous=FULL, in a group
   * commit with other concurrent ballots). Errors: invalid (content, naming the field, or a malformed
   * code/token/voterKey), forbidden (unknown code, bad token signature/audience/expiry), conflict (this voter
   * has voted — with another Idempotency-Key, or a used code), gone (voting closed / not yet open — the message
   * says which), not_found (slug).
   */
  castBallot(slug: string, input: BallotRequest, options?: CastOptions): Promise<CastResult>;
  /**
   * Who may vote in a consultation's ballot, without loading its whole view: the ballot route asks this on every
   * ballot (open ballots have their own rate limit). Errors as castBallot: not_found, or no ballot.
   */
  ballotEligibility(slug: string): Eligibility | Promise<Eligibility>;
  /** O(1): read from the maintained aggregate. Hidden per TallyView's rule unless `staff`. */
  getTally(slug: string, options?: { staff?: boolean; lang?: Lang | 'both' }): Promise<TallyView>;
  getReceipt(receiptId: string): Promise<Receipt>;
  /**
   * The public hash-chained log without voter identity, in seq order. `after` for paging (seq > after), `limit`
   * at most 10 000. While the tally is hidden (after_close, before implementing) entries omit `choices` and
   * `allocation` — otherwise the box would reveal the result — unless `staff`; hashes and weights stay, so a
   * resident can still find their receipt.
   */
  getBallotBox(slug: string, options?: { after?: number; limit?: number; staff?: boolean }): Promise<BallotBoxEntry[]>;
  /** The printable result notice (结果公示, A4, zh-CN) with the chain head and a QR code to the public box. */
  noticeHtml(slug: string, options: { publicUrl: string }): Promise<string>;
  /** The box's mode (`public` | `receipts`) and the chain head now: `{seq, chainHash}`, null before any ballot. */
  getBallotBoxHead(slug: string, options?: { staff?: boolean }): Promise<BallotBoxHead>;
  /** Recomputes every ballot hash, the chain and the tally from stored rows, and checks the roll against its freeze. */
  auditVerify(slug: string): Promise<AuditReport>;
  /** The electorate frozen with the first ballot (public: totals and digest, no unit), or null before it. */
  getFrozenElectorate(slug: string, options?: { staff?: boolean }): Promise<FrozenElectorateView | null>;

  // Rolls and codes ------------------------------------------------------------------------------------------------
  /** CSV import, all or nothing; invalid naming `line N` and the column. conflict when ballots exist. */
  importRoll(slug: string, csvText: string, by?: StaffIdentity): Promise<RollImportResponse>;
  /**
   * New one-time codes for units without one; with `reissue`, new codes for every unit that has not voted
   * (their old codes stop working). Plain codes are returned once and stored hashed.
   */
  issueCodes(slug: string, options?: { reissue?: boolean; by?: StaffIdentity }): Promise<IssuedCode[]>;
  /** Who did what to this consultation, oldest first (staff only). */
  listStaffActions(slug: string): Promise<StaffAction[]>;
  /** Publishes issues clipped by staff (one or many); the same Idempotency-Key again answers the first result. */
  publishIssues(
    body: unknown,
    options: { key?: string; by: StaffIdentity },
  ): Promise<{ issues: Issue[]; replayed: boolean }>;
  /** Published issues, newest first. */
  listIssues(): Promise<Issue[]>;
  /** Published issues by server id, whatever their age (unknown ids left out). */
  getIssues(ids: readonly string[]): Promise<Issue[]>;
  /** Printable A4 HTML sheet (zh-CN), one card per code with a QR code of the vote URL. */
  codeSheetHtml(slug: string, options: CodeSheetOptions): Promise<string>;

  // Sites, staff and departments --------------------------------------------------------------------------------
  /**
   * Key for signed eligibility. `site` is a consultation slug, or a consultation's `community` so one key serves
   * every consultation of that 小区. Tokens are verified against the slug's keys, then the community's keys.
   */
  addSiteKey(site: string, key: SiteKeyRequest): Promise<void>;
  /** Creates a staff token; the plaintext is returned once, only its sha256 is stored. */
  createToken(input: { name: string; department?: string }): Promise<string>;
  /** null for unknown or revoked tokens. */
  authenticate(token: string): Promise<StaffIdentity | null>;
  /** conflict when it exists. */
  addDepartment(name: string): Promise<void>;
  listDepartments(): Promise<string[]>;

  // Guards --------------------------------------------------------------------------------------------------------
  /**
   * Refused voting codes per key (address + consultation), in ms since the epoch after `since`, oldest first.
   * Kept in the store, so a lockout holds on every instance behind a load balancer and across restarts.
   */
  recentCodeFailures(key: string, since: number): Promise<number[]>;
  /** Records a refused code at `at`; failures at or before `forgetUpTo` (of any key) are dropped. */
  recordCodeFailure(key: string, at: number, forgetUpTo: number): Promise<void>;
  /**
   * Keys with refused codes after `since` when this process is the store's only writer (SQLite), so the caller
   * may track them itself; null when other instances write failures too (PostgreSQL) and each check must ask.
   */
  codeFailureKeys(since: number): Promise<string[] | null>;

  /** Flushes pending ballots, then closes the store. */
  close(): Promise<void>;
}

/**
 * Key for rate limiting open ballots: the HTTP layer counts per `clientIp` (and may add the slug).
 * Exposed so the limiter and the service agree on what an "open" ballot is.
 */
export const isOpenBallot = (view: Pick<ConsultationView, 'ballot'>) => view.ballot?.eligibility === 'open';
