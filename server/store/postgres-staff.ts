import { StoreConflict } from './errors';
import { isUniqueViolation, type PgPool } from './postgres-schema';
import { insertPg, staffActionRow } from './row-writes';
import { type StaffActionRow, staffActionFromRow } from './rows';
import type { SiteKeyRecord, StaffActionRecord, TokenRecord } from './types';

/**
 * What the staff side keeps on PostgreSQL: host sites' keys, staff tokens (hashed), departments, the log of staff
 * actions, and the refused voting codes the ballot limits count (in the database, so every instance sees them).
 */
export class PostgresStaff {
  constructor(private readonly pool: PgPool) {}

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

  async recordStaffAction(r: StaffActionRecord) {
    await insertPg(this.pool, 'staff_actions', staffActionRow(r));
  }

  async listStaffActions(consultationId: string) {
    const { rows } = await this.pool.query<StaffActionRow>(
      `SELECT consultation_id, at, actor, department, action, detail FROM staff_actions
       WHERE consultation_id = $1 ORDER BY at, ord`,
      [consultationId],
    );
    return rows.map(staffActionFromRow);
  }

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
}
