/**
 * The PostgreSQL store, for any number of stateless `linli serve` instances on one database. Same schema and
 * migrations as SQLite (migrations.ts), same contract (types.ts). Everything an instance must agree on lives in
 * the database: the ballot chain (postgres-ballots.ts), idempotency keys, refused-code counts; live events travel
 * between instances over LISTEN/NOTIFY (postgres-notify.ts).
 */
import { createHash } from 'node:crypto';
import type { Milestone, Phase, ProgressUpdate, Proposal, ProposalStatus } from '@linli/core';
import { freezeElectorate, PostgresBallots } from './postgres-ballots';
import { PostgresConsultations } from './postgres-consultations';
import { getPublishedIssuesPg, listPublishedIssuesPg, publishIssuesPg } from './postgres-issues';
import { PostgresBroadcast } from './postgres-notify';
import { PostgresRoll } from './postgres-roll';
import { inTransaction, migratePostgres, openPool, type PgPool } from './postgres-schema';
import { PostgresStaff } from './postgres-staff';
import { insertPg, proposalRow } from './row-writes';
import { type ElectorateRow, frozenOf, type ProposalRow, proposalOf } from './rows';
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
} from './types';

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly ballots: PostgresBallots;
  private readonly roll: PostgresRoll;
  private readonly consultations: PostgresConsultations;
  private readonly staff: PostgresStaff;
  private closed = false;

  constructor(
    readonly pool: PgPool,
    readonly broadcast: PostgresBroadcast,
    private readonly pepperValue: string,
  ) {
    this.ballots = new PostgresBallots(pool);
    this.roll = new PostgresRoll(pool);
    this.consultations = new PostgresConsultations(pool);
    this.staff = new PostgresStaff(pool);
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

  // Consultations (postgres-consultations.ts) -------------------------------------------------------------------

  getConsultationBySlug(slug: string) {
    return this.consultations.bySlug(slug);
  }
  getConsultationById(id: string) {
    return this.consultations.byId(id);
  }
  listConsultations() {
    return this.consultations.list();
  }
  insertConsultation(r: Omit<ConsultationRecord, 'ballots'>) {
    return this.consultations.insert(r);
  }
  updateConsultation(
    id: string,
    f: { doc: ConsultationDoc; progressManual: number | null; autoPublish: boolean; updatedAt: string },
  ) {
    return this.consultations.update(id, f);
  }
  setPhase(id: string, from: Phase, to: Phase, at: string) {
    return this.consultations.setPhase(id, from, to, at);
  }
  upsertMilestone(consultationId: string, milestone: Milestone, at: string) {
    return this.consultations.upsertMilestone(consultationId, milestone, at);
  }
  addProgressUpdate(consultationId: string, update: ProgressUpdate, progressManual: number | null | undefined) {
    return this.consultations.addProgressUpdate(consultationId, update, progressManual);
  }

  // Proposals ------------------------------------------------------------------------------------------------------

  async insertProposal(p: Proposal) {
    await insertPg(this.pool, 'proposals', proposalRow(p));
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

  // Sites, tokens, departments, the staff log, refused codes (postgres-staff.ts); published issues ------------------

  addSiteKey(key: SiteKeyRecord, at: string) {
    return this.staff.addSiteKey(key, at);
  }
  getSiteKeys(sites: readonly string[]) {
    return this.staff.getSiteKeys(sites);
  }
  insertToken(hash: string, record: { name: string; department: string | null }, at: string) {
    return this.staff.insertToken(hash, record, at);
  }
  findToken(hash: string) {
    return this.staff.findToken(hash);
  }
  insertDepartment(name: string, at: string) {
    return this.staff.insertDepartment(name, at);
  }
  listDepartments() {
    return this.staff.listDepartments();
  }
  recordStaffAction(r: StaffActionRecord) {
    return this.staff.recordStaffAction(r);
  }
  listStaffActions(consultationId: string) {
    return this.staff.listStaffActions(consultationId);
  }
  codeFailures(key: string, since: number) {
    return this.staff.codeFailures(key, since);
  }
  addCodeFailure(key: string, at: number, forgetUpTo: number) {
    return this.staff.addCodeFailure(key, at, forgetUpTo);
  }

  publishIssues(key: string, issues: readonly PublishedIssueInput[], by: string, at: string) {
    return publishIssuesPg(this.pool, key, issues, by, at);
  }
  listPublishedIssues(limit: number) {
    return listPublishedIssuesPg(this.pool, limit);
  }
  getPublishedIssues(ids: readonly string[]) {
    return getPublishedIssuesPg(this.pool, ids);
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.broadcast.close();
    await this.pool.end();
  }
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
