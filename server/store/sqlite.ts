import type { Milestone, Phase, ProgressUpdate, Proposal, ProposalStatus } from '@linli/core';
import { AggregateRegistry } from '../ledger/aggregates';
import { StoreConflict } from './errors';
import {
  consultationRow,
  insertRow,
  MILESTONE_UPSERT,
  milestoneRow,
  progressUpdateRow,
  proposalRow,
  SQLITE_PARAM,
  staffActionRow,
} from './row-writes';
import { type ConsultationRow, type ProposalRow, proposalOf } from './rows';
import { SqliteBallots } from './sqlite-ballots';
import { SqliteElectorates } from './sqlite-electorate';
import { getPublishedIssuesSqlite, listPublishedIssuesSqlite, publishIssuesSqlite } from './sqlite-issues';
import { resolvePepper } from './sqlite-pepper';
import { SqliteRoll } from './sqlite-roll';
import { isConstraintError, migrate, openDatabase, type SqliteDb } from './sqlite-schema';
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
  TokenRecord,
} from './types';

/** The default store: one SQLite file, one process writing (the group committer serialises ballot writes). */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly broadcast = null;
  readonly ballots: SqliteBallots;
  readonly electorates: SqliteElectorates;
  private readonly roll: SqliteRoll;
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

  private record(row: ConsultationRow | undefined): ConsultationRecord | null {
    if (!row) return null;
    const milestones = (
      this.db.prepare('SELECT * FROM milestones WHERE consultation_id = ? ORDER BY position, id').all(row.id) as Array<{
        id: string;
        title: string;
        due: string | null;
        done: number;
        weight: number;
      }>
    ).map(
      (m): Milestone => ({
        id: m.id,
        title: m.title,
        ...(m.due ? { due: m.due } : {}),
        done: m.done === 1,
        weight: m.weight,
      }),
    );
    const updates = (
      this.db
        .prepare('SELECT * FROM progress_updates WHERE consultation_id = ? ORDER BY at, rowid')
        .all(row.id) as Array<{
        id: string;
        at: string;
        text: string;
        by: string | null;
        phase: Phase | null;
      }>
    ).map(
      (u): ProgressUpdate => ({
        id: u.id,
        at: u.at,
        text: u.text,
        ...(u.by !== null ? { by: u.by } : {}),
        ...(u.phase !== null ? { phase: u.phase } : {}),
      }),
    );
    return {
      id: row.id,
      slug: row.slug,
      phase: row.phase,
      doc: JSON.parse(row.doc) as ConsultationDoc,
      progressManual: row.progress_manual,
      autoPublish: row.auto_publish === 1,
      milestones,
      updates,
      ballots: this.tallyShown(row.id).ballots,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async getConsultationBySlug(slug: string) {
    return this.record(
      this.db.prepare('SELECT * FROM consultations WHERE slug = ?').get(slug) as ConsultationRow | undefined,
    );
  }

  async getConsultationById(id: string) {
    return this.record(
      this.db.prepare('SELECT * FROM consultations WHERE id = ?').get(id) as ConsultationRow | undefined,
    );
  }

  async listConsultations() {
    const rows = this.db
      .prepare('SELECT * FROM consultations ORDER BY created_at DESC, slug')
      .all() as ConsultationRow[];
    return rows.map((row) => this.record(row)!);
  }

  async insertConsultation(r: Omit<ConsultationRecord, 'ballots'>) {
    try {
      this.db.transaction(() => {
        this.insert('consultations', consultationRow(r));
        for (const [i, m] of r.milestones.entries()) this.writeMilestone(r.id, m, i, r.createdAt);
        for (const u of r.updates) this.writeUpdate(r.id, u);
      })();
    } catch (error) {
      if (isConstraintError(error)) {
        throw new StoreConflict('consultation_slug', `a consultation with slug "${r.slug}" already exists`, 'slug');
      }
      throw error;
    }
  }

  async updateConsultation(
    id: string,
    f: { doc: ConsultationDoc; progressManual: number | null; autoPublish: boolean; updatedAt: string },
  ) {
    this.db
      .prepare(`UPDATE consultations SET doc = ?, community = ?, progress_manual = ?, auto_publish = ?, updated_at = ?
        WHERE id = ?`)
      .run(JSON.stringify(f.doc), f.doc.community, f.progressManual, f.autoPublish ? 1 : 0, f.updatedAt, id);
  }

  async setPhase(id: string, from: Phase, to: Phase, at: string) {
    const result = this.db
      .prepare('UPDATE consultations SET phase = ?, updated_at = ? WHERE id = ? AND phase = ?')
      .run(to, at, id, from);
    return result.changes === 1;
  }

  /** One row, declared once for both stores (row-writes.ts). */
  private insert(table: string, row: Parameters<typeof insertRow>[1], tail?: string) {
    const { sql, values } = insertRow(table, row, SQLITE_PARAM, tail);
    return this.db.prepare(sql).run(...values);
  }

  private writeMilestone(consultationId: string, m: Milestone, position: number, at: string) {
    this.insert('milestones', milestoneRow(consultationId, m, position, at), MILESTONE_UPSERT);
  }

  private writeUpdate(consultationId: string, u: ProgressUpdate) {
    this.insert('progress_updates', progressUpdateRow(consultationId, u));
  }

  async upsertMilestone(consultationId: string, milestone: Milestone, at: string) {
    this.db.transaction(() => {
      const existing = this.db
        .prepare('SELECT position FROM milestones WHERE consultation_id = ? AND id = ?')
        .get(consultationId, milestone.id) as { position: number } | undefined;
      const next = this.db
        .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM milestones WHERE consultation_id = ?')
        .get(consultationId) as { p: number };
      this.writeMilestone(consultationId, milestone, existing?.position ?? next.p, at);
      this.db.prepare('UPDATE consultations SET updated_at = ? WHERE id = ?').run(at, consultationId);
    })();
  }

  async addProgressUpdate(consultationId: string, update: ProgressUpdate, progressManual: number | null | undefined) {
    this.db.transaction(() => {
      this.writeUpdate(consultationId, update);
      if (progressManual !== undefined) {
        this.db
          .prepare('UPDATE consultations SET progress_manual = ? WHERE id = ?')
          .run(progressManual, consultationId);
      }
      this.db.prepare('UPDATE consultations SET updated_at = ? WHERE id = ?').run(update.at, consultationId);
    })();
  }

  // Proposals ------------------------------------------------------------------------------------------------------

  async insertProposal(p: Proposal) {
    this.insert('proposals', proposalRow(p));
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

  // Sites, tokens, departments ----------------------------------------------------------------------------------

  async addSiteKey(key: SiteKeyRecord, at: string) {
    this.db
      .prepare('INSERT INTO site_keys (site, kind, material, kid, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(key.site, key.kind, key.material, key.kid, at);
  }

  async getSiteKeys(sites: readonly string[]) {
    if (sites.length === 0) return [];
    const marks = sites.map(() => '?').join(', ');
    return this.db
      .prepare(
        `SELECT site, kind, material, kid FROM site_keys WHERE site IN (${marks}) ORDER BY created_at DESC, rowid DESC`,
      )
      .all(...sites) as SiteKeyRecord[];
  }

  async insertToken(hash: string, record: { name: string; department: string | null }, at: string) {
    this.db
      .prepare('INSERT INTO tokens (hash, name, department, created_at) VALUES (?, ?, ?, ?)')
      .run(hash, record.name, record.department, at);
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const row = this.db.prepare('SELECT name, department, revoked FROM tokens WHERE hash = ?').get(hash) as
      | { name: string; department: string | null; revoked: number }
      | undefined;
    return row ? { name: row.name, department: row.department, revoked: row.revoked === 1 } : null;
  }

  async insertDepartment(name: string, at: string) {
    try {
      this.db.prepare('INSERT INTO departments (name, created_at) VALUES (?, ?)').run(name, at);
    } catch (error) {
      if (isConstraintError(error))
        throw new StoreConflict('department', `department "${name}" already exists`, 'name');
      throw error;
    }
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

  async recordStaffAction(r: StaffActionRecord) {
    this.insert('staff_actions', staffActionRow(r));
  }

  async listStaffActions(consultationId: string) {
    const rows = this.db
      .prepare(
        `SELECT consultation_id, at, actor, department, action, detail FROM staff_actions
         WHERE consultation_id = ? ORDER BY at, rowid`,
      )
      .all(consultationId) as Array<{
      consultation_id: string | null;
      at: string;
      actor: string;
      department: string | null;
      action: string;
      detail: string;
    }>;
    return rows.map(
      (r): StaffActionRecord => ({
        consultationId: r.consultation_id,
        at: r.at,
        actor: r.actor,
        department: r.department,
        action: r.action,
        detail: r.detail,
      }),
    );
  }

  async listDepartments() {
    return (this.db.prepare('SELECT name FROM departments ORDER BY rowid').all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
  }

  async codeFailures(key: string, since: number) {
    return (
      this.db.prepare('SELECT at FROM code_failures WHERE key = ? AND at > ? ORDER BY at').all(key, since) as Array<{
        at: number;
      }>
    ).map((r) => r.at);
  }

  async codeFailureKeys(since: number) {
    return (
      this.db.prepare('SELECT DISTINCT key FROM code_failures WHERE at > ?').all(since) as Array<{ key: string }>
    ).map((r) => r.key);
  }

  async addCodeFailure(key: string, at: number, forgetUpTo: number) {
    this.db.transaction(() => {
      // Every key's old failures go, so an address scan cannot grow the table beyond one window's failures.
      this.db.prepare('DELETE FROM code_failures WHERE at <= ?').run(forgetUpTo);
      this.db.prepare('INSERT INTO code_failures (key, at) VALUES (?, ?)').run(key, at);
    })();
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
