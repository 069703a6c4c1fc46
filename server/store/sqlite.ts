import type { Milestone, Phase, ProgressUpdate, Proposal, ProposalStatus } from '@linli/core';
import { AggregateRegistry } from '../ledger/aggregates';
import { insertSqlite, proposalRow } from './row-writes';
import { type ProposalRow, proposalOf } from './rows';
import { SqliteBallots } from './sqlite-ballots';
import { SqliteConsultations } from './sqlite-consultations';
import { SqliteElectorates } from './sqlite-electorate';
import { getPublishedIssuesSqlite, listPublishedIssuesSqlite, publishIssuesSqlite } from './sqlite-issues';
import { resolvePepper } from './sqlite-pepper';
import { SqliteRoll } from './sqlite-roll';
import { migrate, openDatabase, type SqliteDb } from './sqlite-schema';
import { SqliteStaff } from './sqlite-staff';
import { SqliteWriter } from './sqlite-writer';
import type {
  AggregateReducer,
  BallotToAppend,
  ConsultationDoc,
  ConsultationRecord,
  PublishedIssueInput,
  RollUnitInput,
  SiteKeyRecord,
  StaffActionRecord,
  Store,
} from './types';

/** The default store: one SQLite file, one process writing (the group committer serialises ballot writes). */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly broadcast = null;
  readonly ballots: SqliteBallots;
  readonly electorates: SqliteElectorates;
  private readonly roll: SqliteRoll;
  private readonly consultations: SqliteConsultations;
  private readonly staff: SqliteStaff;
  private closed = false;
  private pepperValue: string | null = null;

  /** `writer`: the ballot writer thread for a database file (sqlite-writer.ts); null keeps every write in-process. */
  constructor(
    readonly db: SqliteDb,
    private readonly writer: SqliteWriter | null = null,
  ) {
    this.electorates = new SqliteElectorates(db);
    this.ballots = new SqliteBallots(db, this.electorates);
    this.roll = new SqliteRoll(db);
    this.consultations = new SqliteConsultations(db, (id) => this.tallyShown(id).ballots);
    this.staff = new SqliteStaff(db);
  }

  async isEmpty() {
    const row = this.db
      .prepare(`SELECT (SELECT COUNT(*) FROM consultations) + (SELECT COUNT(*) FROM tokens)
        + (SELECT COUNT(*) FROM departments) AS n`)
      .get() as { n: number };
    return row.n === 0;
  }

  /** Kept outside the database file: see sqlite-pepper.ts for where, and what that protects. */
  async pepper() {
    this.pepperValue ??= resolvePepper(this.db);
    return this.pepperValue;
  }

  /** Starts the ballot writer thread now rather than with the first ballot (`linli serve` does, before listening). */
  async warm() {
    await this.writer?.start();
  }

  stats() {
    const thread = this.writer ?? { transactions: 0, written: 0 };
    return {
      ballotTransactions: this.ballots.transactions + thread.transactions,
      ballotsWritten: this.ballots.written + thread.written,
      threadTransactions: thread.transactions,
    };
  }

  // Consultations --------------------------------------------------------------------------------------------------

  async getConsultationBySlug(slug: string) {
    return this.consultations.bySlug(slug);
  }
  async getConsultationById(id: string) {
    return this.consultations.byId(id);
  }
  async listConsultations() {
    return this.consultations.list();
  }
  async insertConsultation(r: Omit<ConsultationRecord, 'ballots'>) {
    this.consultations.insert(r);
  }
  async updateConsultation(
    id: string,
    f: { doc: ConsultationDoc; progressManual: number | null; autoPublish: boolean; updatedAt: string },
  ) {
    this.consultations.update(id, f);
  }
  async setPhase(id: string, from: Phase, to: Phase, at: string) {
    return this.consultations.setPhase(id, from, to, at);
  }
  async upsertMilestone(consultationId: string, milestone: Milestone, at: string) {
    this.consultations.upsertMilestone(consultationId, milestone, at);
  }
  async addProgressUpdate(consultationId: string, update: ProgressUpdate, progressManual: number | null | undefined) {
    this.consultations.addProgressUpdate(consultationId, update, progressManual);
  }

  // Proposals ------------------------------------------------------------------------------------------------------

  async insertProposal(p: Proposal) {
    insertSqlite(this.db, 'proposals', proposalRow(p));
  }

  async getProposal(id: string) {
    const row = this.db.prepare('SELECT * FROM proposals WHERE id = ?').get(id) as ProposalRow | undefined;
    return row ? proposalOf(row) : null;
  }

  async listProposals(consultationId: string, filter: { statuses: readonly ProposalStatus[]; kind?: string }) {
    if (filter.statuses.length === 0) return [];
    const marks = filter.statuses.map(() => '?').join(', ');
    const kind = filter.kind ? ' AND kind = ?' : '';
    const rows = this.db
      .prepare(`SELECT * FROM proposals WHERE consultation_id = ? AND status IN (${marks})${kind}
        ORDER BY supports DESC, created_at DESC, id`)
      .all(consultationId, ...filter.statuses, ...(filter.kind ? [filter.kind] : [])) as ProposalRow[];
    return rows.map((row) => {
      const { mergedInto: _merged, ...proposal } = proposalOf(row);
      return proposal;
    });
  }

  async updateProposalStatus(
    id: string,
    fromStatuses: readonly ProposalStatus[],
    fields: { status: ProposalStatus; claimedBy?: string; mergedInto?: string },
    at: string,
  ) {
    const marks = fromStatuses.map(() => '?').join(', ');
    const result = this.db
      .prepare(`UPDATE proposals SET status = ?, claimed_by = COALESCE(?, claimed_by), merged_into = COALESCE(?, merged_into),
        updated_at = ? WHERE id = ? AND status IN (${marks})`)
      .run(fields.status, fields.claimedBy ?? null, fields.mergedInto ?? null, at, id, ...fromStatuses);
    return result.changes === 1;
  }

  async addSupport(proposalId: string, voterHash: string, at: string) {
    return this.db.transaction(() => {
      const added = this.db
        .prepare('INSERT OR IGNORE INTO supports (proposal_id, voter_hash, at) VALUES (?, ?, ?)')
        .run(proposalId, voterHash, at);
      if (added.changes === 0) return false;
      this.db.prepare('UPDATE proposals SET supports = supports + 1 WHERE id = ?').run(proposalId);
      return true;
    })();
  }

  // Ballots --------------------------------------------------------------------------------------------------------

  async appendBallots(batch: readonly BallotToAppend[], reducer: AggregateReducer) {
    // The thread folds the totals with its own registry, from the specs this one holds: only the domain's registry
    // can be described that way, so any other reducer is applied here.
    if (this.writer && reducer instanceof AggregateRegistry && this.writer.available()) {
      const ids = [...new Set(batch.map((b) => b.consultationId))];
      return this.writer.append(
        batch,
        ids.map((id) => [id, reducer.spec(id)]),
      );
    }
    // In-process commits sync (synchronous=FULL): the file is what these consultations show from now on.
    for (const b of batch) this.writer?.durable.delete(b.consultationId);
    return this.ballots.append(batch, reducer);
  }
  ballotPipeline() {
    return this.writer?.depth ?? 1;
  }

  /**
   * The tally as of the last durable batch (the writer thread's, sqlite-writer.ts `durable`), else as stored. The
   * ballot box and receipts are cut at its head: the thread's batch may be committed, and visible on this
   * connection, for up to one sync before it is durable.
   */
  private tallyShown(consultationId: string) {
    return this.writer?.durable.get(consultationId) ?? this.ballots.tally(consultationId);
  }
  private durableHead(consultationId: string): number {
    return this.writer?.durable.get(consultationId)?.headSeq ?? Number.POSITIVE_INFINITY;
  }
  async getReceipt(receiptId: string) {
    const receipt = this.ballots.getReceipt(receiptId);
    return receipt && receipt.seq <= this.durableHead(receipt.consultationId) ? receipt : null;
  }
  async listBallots(consultationId: string, after: number, limit: number) {
    const head = this.durableHead(consultationId);
    return this.ballots.list(consultationId, after, limit).filter((b) => b.seq <= head);
  }
  async getTally(consultationId: string) {
    return this.tallyShown(consultationId);
  }
  async findVoterBallot(consultationId: string, voterHash: string) {
    const found = this.ballots.findVoterBallot(consultationId, voterHash);
    // Its receipt is about to be given again (a replay): not before its batch is durable.
    if (found && found.receipt.seq > this.durableHead(consultationId)) await this.writer?.settled();
    return found;
  }

  // Rolls ----------------------------------------------------------------------------------------------------------

  async replaceRoll(consultationId: string, units: readonly RollUnitInput[]) {
    return this.roll.replace(consultationId, units);
  }
  async rollTotals(consultationId: string) {
    return this.roll.totals(consultationId);
  }
  async getFrozenElectorate(consultationId: string) {
    return this.electorates.get(consultationId);
  }
  async listRollUnits(consultationId: string) {
    return this.roll.list(consultationId);
  }
  async assignCodes(consultationId: string, reissue: boolean, generate: () => { code: string; hash: string }) {
    return this.roll.assignCodes(consultationId, reissue, generate);
  }
  async findRollUnitByCode(consultationId: string, codeHash: string) {
    return this.roll.findByCode(consultationId, codeHash);
  }
  async listRollCodes(consultationId: string) {
    return this.roll.codes(consultationId);
  }

  // Sites, tokens, departments, the staff log, refused codes (sqlite-staff.ts); published issues --------------------

  async addSiteKey(key: SiteKeyRecord, at: string) {
    this.staff.addSiteKey(key, at);
  }
  async getSiteKeys(sites: readonly string[]) {
    return this.staff.getSiteKeys(sites);
  }
  async insertToken(hash: string, record: { name: string; department: string | null }, at: string) {
    this.staff.insertToken(hash, record, at);
  }
  async findToken(hash: string) {
    return this.staff.findToken(hash);
  }
  async insertDepartment(name: string, at: string) {
    this.staff.insertDepartment(name, at);
  }
  async listDepartments() {
    return this.staff.listDepartments();
  }
  async recordStaffAction(r: StaffActionRecord) {
    this.staff.recordStaffAction(r);
  }
  async listStaffActions(consultationId: string) {
    return this.staff.listStaffActions(consultationId);
  }
  async codeFailures(key: string, since: number) {
    return this.staff.codeFailures(key, since);
  }
  async codeFailureKeys(since: number) {
    return this.staff.codeFailureKeys(since);
  }
  async addCodeFailure(key: string, at: number, forgetUpTo: number) {
    this.staff.addCodeFailure(key, at, forgetUpTo);
  }

  async publishIssues(key: string, issues: readonly PublishedIssueInput[], by: string, at: string) {
    return publishIssuesSqlite(this.db, key, issues, by, at);
  }
  async listPublishedIssues(limit: number) {
    return listPublishedIssuesSqlite(this.db, limit);
  }
  async getPublishedIssues(ids: readonly string[]) {
    return getPublishedIssuesSqlite(this.db, ids);
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.writer?.close();
    this.db.close();
  }
}

/** Opens (creating if needed) and migrates a SQLite store. */
export function openSqliteStore(file: string): SqliteStore {
  const db = openDatabase(file);
  migrate(db);
  const store = new SqliteStore(db, file === ':memory:' || file === '' ? null : new SqliteWriter(file));
  store.electorates.freezeStarted(new Date().toISOString());
  return store;
}
