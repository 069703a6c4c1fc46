/**
 * The LinliService implementation: wires the domain modules to one store, one event bus and one ballot desk.
 */

import type {
  BallotRequest,
  ConsultationCreateInput,
  ConsultationPatchInput,
  MilestoneCreateRequest,
  ModerationRequest,
  Phase,
  ProgressUpdateRequest,
  ProposalSubmitRequest,
  SiteKeyRequest,
} from '@linli/core';
import { isPostgresUrl } from '../store/location';
import { openPostgresStore } from '../store/postgres';
import { openSqliteStore } from '../store/sqlite';
import type { Store, StoreStats } from '../store/types';
import { BallotDesk } from './ballots';
import * as consultations from './consultations';
import { type DomainContext, EventBus, isoNow, requireConsultation } from './context';
import * as issues from './issues';
import { renderNotice } from './notice';
import * as proposals from './proposals';
import type { CastOptions, CodeSheetOptions, LinliService, ProposalListOptions, StaffIdentity } from './service';
import { SharedEvents } from './shared-events';
import * as staff from './staff';
import { listStaffActions, recordStaffAction } from './staff-log';

export interface ServiceOptions {
  /** Clock for tests (phase windows, timestamps). */
  now?: () => Date;
  /** Largest group-commit batch. */
  maxBatch?: number;
}

export class Linli implements LinliService {
  readonly events = new EventBus();
  private readonly ctx: DomainContext;
  private readonly desk: BallotDesk;
  /** Events to and from the other instances on the same database (PostgreSQL); null for SQLite. */
  private readonly shared: SharedEvents | null;
  private closed = false;

  constructor(
    readonly store: Store,
    pepper: string,
    options: ServiceOptions = {},
  ) {
    const now = options.now ?? (() => new Date());
    this.shared = store.broadcast
      ? new SharedEvents(
          store.broadcast,
          (event) => this.events.emit(event),
          (slug) => this.desk.invalidate(slug),
        )
      : null;
    this.ctx = {
      store,
      pepper,
      now,
      emit: (event) => (this.shared ? this.shared.emit(event) : this.events.emit(event)),
      invalidate: (slug) => this.desk.invalidate(slug),
    };
    this.desk = new BallotDesk(this.ctx, options.maxBatch ? { maxBatch: options.maxBatch } : {});
  }

  /** Readies the ballot path before the first ballot arrives (a server calls it before it listens). */
  async warm(): Promise<void> {
    await this.store.warm?.();
  }

  /** Counters for tests and benchmarks: ballot transactions vs ballots written. */
  stats(): StoreStats & { batches: number } {
    return { ...this.store.stats(), batches: this.desk.committer.batches };
  }

  getConsultation(slug: string, options: { staff?: boolean } = {}) {
    return requireConsultation(this.ctx, slug, options.staff ?? false).then((r) => consultations.viewOf(this.ctx, r));
  }
  listConsultations(options?: { staff?: boolean; community?: string }) {
    return consultations.listConsultations(this.ctx, options);
  }
  async createConsultation(input: ConsultationCreateInput, by?: StaffIdentity) {
    const view = await consultations.createConsultation(this.ctx, input);
    await recordStaffAction(this.ctx, view.id, by, 'consultation.create', { slug: view.slug, phase: view.phase });
    return view;
  }
  async updateConsultation(slug: string, patch: ConsultationPatchInput, by?: StaffIdentity) {
    const view = await consultations.updateConsultation(this.ctx, slug, patch);
    const fields = Object.keys(patch).sort();
    await recordStaffAction(this.ctx, view.id, by, 'consultation.update', { fields });
    return view;
  }
  async changePhase(slug: string, to: Phase, by?: StaffIdentity) {
    const before = await requireConsultation(this.ctx, slug);
    const view = await consultations.changePhase(this.ctx, slug, to);
    // Ballots queued before the change are refused inside their transaction (phase re-checked there).
    await recordStaffAction(this.ctx, view.id, by, 'phase.change', { from: before.phase, to: view.phase });
    return view;
  }
  addMilestone(slug: string, input: MilestoneCreateRequest) {
    return consultations.addMilestone(this.ctx, slug, input);
  }
  updateMilestone(slug: string, milestoneId: string, patch: Partial<MilestoneCreateRequest>) {
    return consultations.updateMilestone(this.ctx, slug, milestoneId, patch);
  }
  addProgressUpdate(slug: string, input: ProgressUpdateRequest, by?: StaffIdentity) {
    return consultations.addProgressUpdate(this.ctx, slug, input, by);
  }

  listProposals(slug: string, options?: ProposalListOptions) {
    return proposals.listProposals(this.ctx, slug, options);
  }
  submitProposal(slug: string, input: ProposalSubmitRequest) {
    return proposals.submitProposal(this.ctx, slug, input);
  }
  supportProposal(proposalId: string, voterKey: string) {
    return proposals.supportProposal(this.ctx, proposalId, voterKey);
  }
  claimProposal(proposalId: string, claimedBy: string) {
    return proposals.claimProposal(this.ctx, proposalId, claimedBy);
  }
  async moderateProposal(proposalId: string, action: ModerationRequest, by?: StaffIdentity) {
    const proposal = await proposals.moderateProposal(this.ctx, proposalId, action, by);
    const into = 'into' in action ? { into: action.into } : {};
    await recordStaffAction(this.ctx, proposal.consultationId ?? null, by, 'proposal.moderate', {
      proposalId,
      action: action.action,
      status: proposal.status,
      ...into,
    });
    return proposal;
  }

  ballotEligibility(slug: string) {
    return this.desk.eligibility(slug);
  }
  castBallot(slug: string, input: BallotRequest, options?: CastOptions) {
    if (this.closed) return Promise.reject(new Error('the service is closed'));
    return this.desk.cast(slug, input, options);
  }
  getTally(slug: string, options?: { staff?: boolean; lang?: 'zh-CN' | 'en' | 'both' }) {
    return this.desk.tally(slug, options);
  }
  getReceipt(receiptId: string) {
    return this.desk.receipt(receiptId);
  }
  getBallotBox(slug: string, options?: { after?: number; limit?: number; staff?: boolean }) {
    return this.desk.ballotBox(slug, options);
  }
  getBallotBoxHead(slug: string, options?: { staff?: boolean }) {
    return this.desk.ballotBoxHead(slug, options?.staff ?? false);
  }
  /** The printable result notice (结果公示), public: what it shows is already public (tally, box head). */
  async noticeHtml(slug: string, options: { publicUrl: string }) {
    const view = await this.getConsultation(slug);
    const tally = await this.desk.tally(slug, { lang: 'zh-CN' });
    const { ballotBox, head } = await this.desk.ballotBoxHead(slug);
    return renderNotice({ view, tally, head, ballotBox, publicUrl: options.publicUrl, at: isoNow(this.ctx) });
  }
  auditVerify(slug: string) {
    return this.desk.audit(slug);
  }
  getFrozenElectorate(slug: string, options?: { staff?: boolean }) {
    return this.desk.frozenElectorate(slug, options?.staff ?? false);
  }

  async importRoll(slug: string, csvText: string, by?: StaffIdentity) {
    const result = await staff.importRoll(this.ctx, slug, csvText);
    const record = await requireConsultation(this.ctx, slug);
    await recordStaffAction(this.ctx, record.id, by, 'roll.import', { ...result });
    return result;
  }
  async issueCodes(slug: string, options: { reissue?: boolean; by?: StaffIdentity } = {}) {
    const codes = await staff.issueCodes(this.ctx, slug, options);
    const record = await requireConsultation(this.ctx, slug);
    // How many, never which: the codes themselves are shown once and stored hashed.
    await recordStaffAction(this.ctx, record.id, options.by, 'codes.issue', {
      codes: codes.length,
      reissue: options.reissue ?? false,
    });
    return codes;
  }
  listStaffActions(slug: string) {
    return listStaffActions(this.ctx, slug);
  }
  publishIssues(body: unknown, options: { key?: string; by: StaffIdentity }) {
    return issues.publishIssues(this.ctx, body, options);
  }
  listIssues() {
    return issues.listIssues(this.ctx);
  }
  getIssues(ids: readonly string[]) {
    return issues.getIssues(this.ctx, ids);
  }
  codeSheetHtml(slug: string, options: CodeSheetOptions) {
    return staff.codeSheetHtml(this.ctx, slug, options);
  }
  addSiteKey(site: string, key: SiteKeyRequest) {
    return staff.addSiteKey(this.ctx, site, key);
  }
  createToken(input: { name: string; department?: string }) {
    return staff.createToken(this.ctx, input);
  }
  authenticate(token: string) {
    return staff.authenticate(this.ctx, token);
  }
  addDepartment(name: string) {
    return staff.addDepartment(this.ctx, name);
  }
  listDepartments() {
    return this.store.listDepartments();
  }

  recentCodeFailures(key: string, since: number) {
    return this.store.codeFailures(key, since);
  }
  recordCodeFailure(key: string, at: number, forgetUpTo: number) {
    return this.store.addCodeFailure(key, at, forgetUpTo);
  }
  async codeFailureKeys(since: number) {
    return this.store.codeFailureKeys ? this.store.codeFailureKeys(since) : null;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.desk.committer.close();
    this.shared?.close();
    await this.store.close();
  }
}

/** Builds the service over an open store (reads or creates the install pepper). */
export async function createLinliService(store: Store, options: ServiceOptions = {}): Promise<Linli> {
  return new Linli(store, await store.pepper(), options);
}

/** Opens a SQLite file or a `postgres://` URL (migrations applied) and returns the service. */
export async function openLinliService(location: string, options: ServiceOptions = {}): Promise<Linli> {
  const store = isPostgresUrl(location) ? await openPostgresStore(location) : openSqliteStore(location);
  return createLinliService(store, options);
}
