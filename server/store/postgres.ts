/**
 * The PostgreSQL store, for any number of stateless `linli serve` instances on one database. Same schema and
 * migrations as SQLite (migrations.ts), same contract (types.ts). Everything an instance must agree on lives in
 * the database: the ballot chain (postgres-ballots.ts), idempotency keys, refused-code counts; live events travel
 * between instances over LISTEN/NOTIFY (postgres-notify.ts).
 */
import { createHash } from 'node:crypto';
import type { Milestone, Phase, ProgressUpdate, Proposal, ProposalStatus } from '@linli/core';
import { StoreConflict } from './errors';
import { freezeElectorate, PostgresBallots } from './postgres-ballots';
import { getPublishedIssuesPg, listPublishedIssuesPg, publishIssuesPg } from './postgres-issues';
import { PostgresBroadcast } from './postgres-notify';
import { PostgresRoll } from './postgres-roll';
import {
  inTransaction,
  isUniqueViolation,
  migratePostgres,
  openPool,
  type PgClient,
  type PgPool,
} from './postgres-schema';
import {
  consultationRow,
  insertRow,
  MILESTONE_UPSERT,
  milestoneRow,
  POSTGRES_PARAM,
  progressUpdateRow,
  proposalRow,
  staffActionRow,
} from './row-writes';
import { type ConsultationRow, type ElectorateRow, frozenOf, type ProposalRow, proposalOf } from './rows';
import { PEPPER_ENV } from './sqlite-pepper';
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

type Queryable = PgPool | PgClient;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly ballots: PostgresBallots;
  private readonly roll: PostgresRoll;
  private closed = false;

  constructor(
    readonly pool: PgPool,
    readonly broadcast: PostgresBroadcast,
    private readonly pepperValue: string,
  ) {
    this.ballots = new PostgresBallots(pool);
    this.roll = new PostgresRoll(pool);
  }

  async isEmpty() {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT (SELECT COUNT(*) FROM consultations)
      + (SELECT COUNT(*) FROM tokens) + (SELECT COUNT(*) FROM departments) AS n`);
    return rows[0]!.n === 0;
  }

  async pepper() {
    return this.pepperValue;
  }

  stats() {
    return {
      ballotTransactions: this.ballots.transactions,
      ballotsWritten: this.ballots.written,
      ballotsInRuns: this.ballots.inRuns,
    };
  }

  // Consultations --------------------------------------------------------------------------------------------------

  private async record(row: ConsultationRow | undefined): Promise<ConsultationRecord | null> {
    if (!row) return null;
    const [milestones, updates, tally] = await Promise.all([
      this.pool.query<{ id: string; title: string; due: string | null; done: number; weight: number }>(
        'SELECT * FROM milestones WHERE consultation_id = $1 ORDER BY position, id',
        [row.id],
      ),
      this.pool.query<{ id: string; at: string; text: string; by: string | null; phase: Phase | null }>(
        'SELECT * FROM progress_updates WHERE consultation_id = $1 ORDER BY at, ord',
        [row.id],
      ),
      this.pool.query<{ ballots: number }>('SELECT ballots FROM tallies WHERE consultation_id = $1', [row.id]),
    ]);
    return {
      id: row.id,
      slug: row.slug,
      phase: row.phase,
      doc: JSON.parse(row.doc) as ConsultationDoc,
      progressManual: row.progress_manual,
      autoPublish: row.auto_publish === 1,
      milestones: milestones.rows.map(
        (m): Milestone => ({
          id: m.id,
          title: m.title,
          ...(m.due ? { due: m.due } : {}),
          done: m.done === 1,
          weight: m.weight,
        }),
      ),
      updates: updates.rows.map(
        (u): ProgressUpdate => ({
          id: u.id,
          at: u.at,
          text: u.text,
          ...(u.by !== null ? { by: u.by } : {}),
          ...(u.phase !== null ? { phase: u.phase } : {}),
        }),
      ),
      ballots: tally.rows[0]?.ballots ?? 0,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async getConsultationBySlug(slug: string) {
    const { rows } = await this.pool.query<ConsultationRow>('SELECT * FROM consultations WHERE slug = $1', [slug]);
    return this.record(rows[0]);
  }

  async getConsultationById(id: string) {
    const { rows } = await this.pool.query<ConsultationRow>('SELECT * FROM consultations WHERE id = $1', [id]);
    return this.record(rows[0]);
  }

  async listConsultations() {
    const { rows } = await this.pool.query<ConsultationRow>(
      'SELECT * FROM consultations ORDER BY created_at DESC, slug',
    );
    return Promise.all(rows.map(async (row) => (await this.record(row))!));
  }

  async insertConsultation(r: Omit<ConsultationRecord, 'ballots'>) {
    try {
      await inTransaction(this.pool, async (client) => {
        await insert(client, 'consultations', consultationRow(r));
        for (const [i, m] of r.milestones.entries()) await writeMilestone(client, r.id, m, i, r.createdAt);
        for (const u of r.updates) await writeUpdate(client, r.id, u);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StoreConflict('consultation_slug', `a consultation with slug "${r.slug}" already exists`, 'slug');
      }
      throw error;
    }
  }

  async updateConsultation(
    id: string,
    f: { doc: ConsultationDoc; progressManual: number | null; autoPublish: boolean; updatedAt: string },
  ) {
    await this.pool.query(
      `UPDATE consultations SET doc = $1, community = $2, progress_manual = $3, auto_publish = $4, updated_at = $5
       WHERE id = $6`,
      [JSON.stringify(f.doc), f.doc.community, f.progressManual, f.autoPublish ? 1 : 0, f.updatedAt, id],
    );
  }

  async setPhase(id: string, from: Phase, to: Phase, at: string) {
    // Waits for a ballot batch holding this consultation's row: ballots committed before it count, later ones see it.
    const result = await this.pool.query(
      'UPDATE consultations SET phase = $1, updated_at = $2 WHERE id = $3 AND phase = $4',
      [to, at, id, from],
    );
    return result.rowCount === 1;
  }

  async upsertMilestone(consultationId: string, milestone: Milestone, at: string) {
    await inTransaction(this.pool, async (client) => {
      // The row lock orders concurrent upserts of one consultation, so two new milestones get distinct positions.
      await client.query('SELECT 1 FROM consultations WHERE id = $1 FOR NO KEY UPDATE', [consultationId]);
      const { rows } = await client.query<{ position: number | null; next: number }>(
        `SELECT (SELECT position FROM milestones WHERE consultation_id = $1 AND id = $2) AS position,
          (SELECT COALESCE(MAX(position), -1) + 1 FROM milestones WHERE consultation_id = $1) AS next`,
        [consultationId, milestone.id],
      );
      await writeMilestone(client, consultationId, milestone, rows[0]!.position ?? rows[0]!.next, at);
      await client.query('UPDATE consultations SET updated_at = $1 WHERE id = $2', [at, consultationId]);
    });
  }

  async addProgressUpdate(consultationId: string, update: ProgressUpdate, progressManual: number | null | undefined) {
    await inTransaction(this.pool, async (client) => {
      await writeUpdate(client, consultationId, update);
      if (progressManual !== undefined) {
        await client.query('UPDATE consultations SET progress_manual = $1 WHERE id = $2', [
          progressManual,
          consultationId,
        ]);
      }
      await client.query('UPDATE consultations SET updated_at = $1 WHERE id = $2', [update.at, consultationId]);
    });
  }

  // Proposals ------------------------------------------------------------------------------------------------------

  async insertProposal(p: Proposal) {
    await insert(this.pool, 'proposals', proposalRow(p));
  }

  async getProposal(id: string) {
    const { rows } = await this.pool.query<ProposalRow>('SELECT * FROM proposals WHERE id = $1', [id]);
    return rows[0] ? proposalOf(rows[0]) : null;
  }

  async listProposals(consultationId: string, filter: { statuses: readonly ProposalStatus[]; kind?: string }) {
    if (filter.statuses.length === 0) return [];
    const { rows } = await this.pool.query<ProposalRow>(
      `SELECT * FROM proposals WHERE consultation_id = $1 AND status = ANY($2::text[])
       AND ($3::text IS NULL OR kind = $3) ORDER BY supports DESC, created_at DESC, id`,
      [consultationId, [...filter.statuses], filter.kind ?? null],
    );
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
    const result = await this.pool.query(
      `UPDATE proposals SET status = $1, claimed_by = COALESCE($2, claimed_by), merged_into = COALESCE($3, merged_into),
       updated_at = $4 WHERE id = $5 AND status = ANY($6::text[])`,
      [fields.status, fields.claimedBy ?? null, fields.mergedInto ?? null, at, id, [...fromStatuses]],
    );
    return result.rowCount === 1;
  }

  async addSupport(proposalId: string, voterHash: string, at: string) {
    // One statement: the unique key refuses a second support, and the count moves only with an inserted row.
    const { rows } = await this.pool.query<{ added: boolean }>(
      `WITH ins AS (
         INSERT INTO supports (proposal_id, voter_hash, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1
       ), upd AS (
         UPDATE proposals SET supports = supports + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM ins) RETURNING 1
       ) SELECT EXISTS (SELECT 1 FROM upd) AS added`,
      [proposalId, voterHash, at],
    );
    return rows[0]!.added;
  }

  // Ballots --------------------------------------------------------------------------------------------------------

  appendBallots(batch: readonly BallotToAppend[], reducer: AggregateReducer) {
    return this.ballots.append(batch, reducer);
  }
  /** One batch flushing while the next commits (postgres-ballots.ts `append`). */
  ballotPipeline() {
    return 2;
  }
  getReceipt(receiptId: string) {
    return this.ballots.getReceipt(receiptId);
  }
  listBallots(consultationId: string, after: number, limit: number) {
    return this.ballots.list(consultationId, after, limit);
  }
  getTally(consultationId: string) {
    return this.ballots.tally(consultationId);
  }
  findVoterBallot(consultationId: string, voterHash: string) {
    return this.ballots.findVoterBallotDurable(consultationId, voterHash);
  }

  // Rolls ----------------------------------------------------------------------------------------------------------

  replaceRoll(consultationId: string, units: readonly RollUnitInput[]) {
    return this.roll.replace(consultationId, units);
  }
  rollTotals(consultationId: string) {
    return this.roll.totals(this.pool, consultationId);
  }
  async getFrozenElectorate(consultationId: string) {
    const { rows } = await this.pool.query<ElectorateRow>('SELECT * FROM electorates WHERE consultation_id = $1', [
      consultationId,
    ]);
    return rows[0] ? frozenOf(rows[0]) : null;
  }
  listRollUnits(consultationId: string) {
    return this.roll.list(consultationId);
  }
  assignCodes(consultationId: string, reissue: boolean, generate: () => { code: string; hash: string }) {
    return this.roll.assignCodes(consultationId, reissue, generate);
  }
  findRollUnitByCode(consultationId: string, codeHash: string) {
    return this.roll.findByCode(consultationId, codeHash);
  }
  listRollCodes(consultationId: string) {
    return this.roll.codes(consultationId);
  }

  /** Boxes begun before electorates were frozen (e.g. moved from an old SQLite file): record their roll, unbound. */
  async freezeStarted(at: string): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>(`SELECT t.consultation_id AS id FROM tallies t
        LEFT JOIN electorates e ON e.consultation_id = t.consultation_id
        WHERE e.consultation_id IS NULL AND t.ballots > 0 ORDER BY 1`);
      for (const { id } of rows) {
        await client.query('SELECT 1 FROM consultations WHERE id = $1 FOR NO KEY UPDATE', [id]);
        const again = await client.query('SELECT 1 FROM electorates WHERE consultation_id = $1', [id]);
        if (!again.rowCount) await freezeElectorate(client, id, at, false);
      }
      return rows.length;
    });
  }

  // Sites, tokens, departments ----------------------------------------------------------------------------------

  async addSiteKey(key: SiteKeyRecord, at: string) {
    await this.pool.query('INSERT INTO site_keys (site, kind, material, kid, created_at) VALUES ($1, $2, $3, $4, $5)', [
      key.site,
      key.kind,
      key.material,
      key.kid,
      at,
    ]);
  }

  async getSiteKeys(sites: readonly string[]) {
    if (sites.length === 0) return [];
    const { rows } = await this.pool.query<SiteKeyRecord>(
      'SELECT site, kind, material, kid FROM site_keys WHERE site = ANY($1::text[]) ORDER BY created_at DESC, ord DESC',
      [[...sites]],
    );
    return rows;
  }

  async insertToken(hash: string, record: { name: string; department: string | null }, at: string) {
    await this.pool.query('INSERT INTO tokens (hash, name, department, created_at) VALUES ($1, $2, $3, $4)', [
      hash,
      record.name,
      record.department,
      at,
    ]);
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const { rows } = await this.pool.query<{ name: string; department: string | null; revoked: number }>(
      'SELECT name, department, revoked FROM tokens WHERE hash = $1',
      [hash],
    );
    const row = rows[0];
    return row ? { name: row.name, department: row.department, revoked: row.revoked === 1 } : null;
  }

  async insertDepartment(name: string, at: string) {
    try {
      await this.pool.query('INSERT INTO departments (name, created_at) VALUES ($1, $2)', [name, at]);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new StoreConflict('department', `department "${name}" already exists`, 'name');
      throw error;
    }
  }

  async listDepartments() {
    const { rows } = await this.pool.query<{ name: string }>('SELECT name FROM departments ORDER BY ord');
    return rows.map((r) => r.name);
  }

  // Staff action log --------------------------------------------------------------------------------------------

  async publishIssues(key: string, issues: readonly PublishedIssueInput[], by: string, at: string) {
    return publishIssuesPg(this.pool, key, issues, by, at);
  }

  async listPublishedIssues(limit: number) {
    return listPublishedIssuesPg(this.pool, limit);
  }

  async getPublishedIssues(ids: readonly string[]) {
    return getPublishedIssuesPg(this.pool, ids);
  }

  async recordStaffAction(r: StaffActionRecord) {
    await insert(this.pool, 'staff_actions', staffActionRow(r));
  }

  async listStaffActions(consultationId: string) {
    const { rows } = await this.pool.query<{
      consultation_id: string | null;
      at: string;
      actor: string;
      department: string | null;
      action: string;
      detail: string;
    }>(
      `SELECT consultation_id, at, actor, department, action, detail FROM staff_actions
       WHERE consultation_id = $1 ORDER BY at, ord`,
      [consultationId],
    );
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

  // Guards ---------------------------------------------------------------------------------------------------------

  async codeFailures(key: string, since: number) {
    const { rows } = await this.pool.query<{ at: number }>(
      'SELECT at FROM code_failures WHERE key = $1 AND at > $2 ORDER BY at',
      [key, since],
    );
    return rows.map((r) => r.at);
  }

  async addCodeFailure(key: string, at: number, forgetUpTo: number) {
    await this.pool.query(
      `WITH gone AS (DELETE FROM code_failures WHERE at <= $3)
       INSERT INTO code_failures (key, at) VALUES ($1, $2)`,
      [key, at, forgetUpTo],
    );
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.broadcast.close();
    await this.pool.end();
  }
}

/** One row, declared once for both stores (row-writes.ts). */
async function insert(q: Queryable, table: string, row: Parameters<typeof insertRow>[1], tail?: string) {
  const { sql, values } = insertRow(table, row, POSTGRES_PARAM, tail);
  await q.query(sql, values);
}

async function writeMilestone(q: Queryable, consultationId: string, m: Milestone, position: number, at: string) {
  await insert(q, 'milestones', milestoneRow(consultationId, m, position, at), MILESTONE_UPSERT);
}

async function writeUpdate(q: Queryable, consultationId: string, u: ProgressUpdate) {
  await insert(q, 'progress_updates', progressUpdateRow(consultationId, u));
}

/**
 * The pepper of a PostgreSQL install comes from the environment (every instance needs the same one, and it must
 * not be in the database: see sqlite-pepper.ts). A fingerprint is kept in `meta` so an instance started with
 * another pepper refuses to run instead of silently failing every code.
 */
async function checkPepper(pool: PgPool, env: NodeJS.ProcessEnv): Promise<string> {
  const pepper = env[PEPPER_ENV]?.trim() ?? '';
  if (pepper.length < 32) {
    throw new Error(
      `${PEPPER_ENV} must be set to at least 32 characters of random text, the same on every instance ` +
        '(e.g. `openssl rand -base64 32`); a SQLite install moved here keeps the value of its linli.db.pepper file',
    );
  }
  const fingerprint = createHash('sha256').update(`linli-pepper-check:${pepper}`).digest('hex');
  const { rows } = await pool.query<{ value: string }>(
    `INSERT INTO meta (key, value) VALUES ('pepper_fingerprint', $1)
     ON CONFLICT (key) DO UPDATE SET value = meta.value RETURNING value`,
    [fingerprint],
  );
  if (rows[0]!.value !== fingerprint) {
    throw new Error(
      `${PEPPER_ENV} differs from the pepper this database was set up with; voting codes and voter hashes would ` +
        'stop matching. Use the original value on every instance.',
    );
  }
  return pepper;
}

/** Connects, applies pending migrations, checks the pepper and starts listening for other instances' events. */
export async function openPostgresStore(
  url: string,
  options: { env?: NodeJS.ProcessEnv; poolSize?: number; onError?: (error: unknown) => void } = {},
): Promise<PostgresStore> {
  const pool = openPool(url, options.poolSize);
  try {
    await migratePostgres(pool);
    const pepper = await checkPepper(pool, options.env ?? process.env);
    const broadcast = new PostgresBroadcast(url, pool, options.onError);
    await broadcast.start();
    const store = new PostgresStore(pool, broadcast, pepper);
    await store.freezeStarted(new Date().toISOString());
    return store;
  } catch (error) {
    await pool.end().catch(() => {});
    // AggregateError (every address refused) has an empty message of its own.
    const inner = (error as { errors?: Error[] }).errors?.[0];
    throw new Error((error as Error).message || inner?.message || String(error));
  }
}
