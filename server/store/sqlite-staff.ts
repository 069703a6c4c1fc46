import { StoreConflict } from './errors';
import { insertSqlite, staffActionRow } from './row-writes';
import { type StaffActionRow, staffActionFromRow } from './rows';
import { isConstraintError, type SqliteDb } from './sqlite-schema';
import type { SiteKeyRecord, StaffActionRecord, TokenRecord } from './types';

/**
 * What the staff side keeps on SQLite: host sites' keys, staff tokens (hashed), departments, the log of staff actions,
 * and the refused voting codes the ballot limits count.
 */
export class SqliteStaff {
  constructor(private readonly db: SqliteDb) {}

  addSiteKey(key: SiteKeyRecord, at: string) {
    this.db
      .prepare('INSERT INTO site_keys (site, kind, material, kid, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(key.site, key.kind, key.material, key.kid, at);
  }

  getSiteKeys(sites: readonly string[]) {
    if (sites.length === 0) return [];
    const marks = sites.map(() => '?').join(', ');
    return this.db
      .prepare(
        `SELECT site, kind, material, kid FROM site_keys WHERE site IN (${marks}) ORDER BY created_at DESC, rowid DESC`,
      )
      .all(...sites) as SiteKeyRecord[];
  }

  insertToken(hash: string, record: { name: string; department: string | null }, at: string) {
    this.db
      .prepare('INSERT INTO tokens (hash, name, department, created_at) VALUES (?, ?, ?, ?)')
      .run(hash, record.name, record.department, at);
  }

  findToken(hash: string): TokenRecord | null {
    const row = this.db.prepare('SELECT name, department, revoked FROM tokens WHERE hash = ?').get(hash) as
      | { name: string; department: string | null; revoked: number }
      | undefined;
    return row ? { name: row.name, department: row.department, revoked: row.revoked === 1 } : null;
  }

  insertDepartment(name: string, at: string) {
    try {
      this.db.prepare('INSERT INTO departments (name, created_at) VALUES (?, ?)').run(name, at);
    } catch (error) {
      if (isConstraintError(error))
        throw new StoreConflict('department', `department "${name}" already exists`, 'name');
      throw error;
    }
  }

  listDepartments() {
    return (this.db.prepare('SELECT name FROM departments ORDER BY rowid').all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
  }

  recordStaffAction(r: StaffActionRecord) {
    insertSqlite(this.db, 'staff_actions', staffActionRow(r));
  }

  listStaffActions(consultationId: string) {
    const rows = this.db
      .prepare(
        `SELECT consultation_id, at, actor, department, action, detail FROM staff_actions
         WHERE consultation_id = ? ORDER BY at, rowid`,
      )
      .all(consultationId) as StaffActionRow[];
    return rows.map(staffActionFromRow);
  }

  codeFailures(key: string, since: number) {
    return (
      this.db.prepare('SELECT at FROM code_failures WHERE key = ? AND at > ? ORDER BY at').all(key, since) as Array<{
        at: number;
      }>
    ).map((r) => r.at);
  }

  codeFailureKeys(since: number) {
    return (
      this.db.prepare('SELECT DISTINCT key FROM code_failures WHERE at > ?').all(since) as Array<{ key: string }>
    ).map((r) => r.key);
  }

  addCodeFailure(key: string, at: number, forgetUpTo: number) {
    this.db.transaction(() => {
      // Every key's old failures go, so an address scan cannot grow the table beyond one window's failures.
      this.db.prepare('DELETE FROM code_failures WHERE at <= ?').run(forgetUpTo);
      this.db.prepare('INSERT INTO code_failures (key, at) VALUES (?, ?)').run(key, at);
    })();
  }
}
