/**
 * Moving a SQLite install into PostgreSQL: every row of every table (ballots with their hashes, receipts,
 * idempotency keys, rolls with code hashes, frozen electorates, tokens, site keys, the staff log…) copied as it
 * is, in one PostgreSQL transaction, parents before children. Nothing is recomputed, so every receipt a resident
 * holds still resolves and the chain verifies as before. The target must be empty; both sides are migrated to
 * the same schema version first.
 */

import type { PostgresStore } from './postgres';
import type { PgClient } from './postgres-schema';
import { inTransaction } from './postgres-schema';
import type { SqliteStore } from './sqlite';

/** Tables that are not data: the migration ledger (each side keeps its own) and per-database settings. */
const SKIPPED = new Set(['schema_migrations']);
/** meta rows that belong to one database only (a legacy pepper is moved out of SQLite on open, never copied). */
const SKIPPED_META = new Set(['pepper', 'pepper_fingerprint']);
const CHUNK = 500;

export interface TransferReport {
  /** Rows copied per table, in copy order. */
  tables: Array<{ table: string; rows: number }>;
}

/** Tables of the SQLite schema ordered so that every table comes after the tables its foreign keys name. */
function tablesInOrder(source: SqliteStore): string[] {
  const tables = (
    source.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as Array<{ name: string }>
  )
    .map((r) => r.name)
    .filter((t) => !SKIPPED.has(t));
  const parents = new Map(
    tables.map((t) => [
      t,
      (source.db.prepare(`PRAGMA foreign_key_list("${t}")`).all() as Array<{ table: string }>)
        .map((fk) => fk.table)
        .filter((p) => p !== t),
    ]),
  );
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t)) return;
    if (path.has(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    path.add(t);
    for (const p of parents.get(t) ?? []) if (tables.includes(p)) visit(p, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function isEmptyTarget(client: PgClient, tables: readonly string[]): Promise<string | null> {
  for (const table of tables) {
    const where = table === 'meta' ? ` WHERE key <> ALL($1::text[])` : '';
    const { rows } = await client.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM ${table}${where}`,
      table === 'meta' ? [[...SKIPPED_META]] : [],
    );
    if (rows[0]!.n > 0) return table;
  }
  return null;
}

async function copyTable(source: SqliteStore, client: PgClient, table: string): Promise<number> {
  const columns = (source.db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map(
    (c) => c.name,
  );
  // rowid order is insertion order, which PostgreSQL's `ord` columns then record for the tables sorted by it.
  const rows = source.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all() as unknown[][];
  const keep = table === 'meta' ? rows.filter((r) => !SKIPPED_META.has(String(r[columns.indexOf('key')]))) : rows;
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < keep.length; start += CHUNK) {
    const chunk = keep.slice(start, start + CHUNK);
    const values = chunk
      .map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
      .join(', ');
    const params = chunk.flatMap((row) => row.map((v) => (typeof v === 'bigint' ? v.toString() : v)));
    await client.query(`INSERT INTO ${table} (${list}) VALUES ${values}`, params);
  }
  return keep.length;
}

/** Copies every row from `source` into the empty `target`, all or nothing. */
export async function transferSqliteToPostgres(source: SqliteStore, target: PostgresStore): Promise<TransferReport> {
  const sourceVersion = source.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number };
  const { rows } = await target.pool.query<{ v: number }>('SELECT MAX(version) AS v FROM schema_migrations');
  if (sourceVersion.v !== rows[0]!.v) {
    throw new Error(`schema versions differ (SQLite ${sourceVersion.v}, PostgreSQL ${rows[0]!.v}): upgrade both first`);
  }
  const tables = tablesInOrder(source);
  return inTransaction(target.pool, async (client) => {
    const taken = await isEmptyTarget(client, tables);
    if (taken) throw new Error(`the target database is not empty (table ${taken} has rows); move into an empty one`);
    const report: TransferReport = { tables: [] };
    for (const table of tables) report.tables.push({ table, rows: await copyTable(source, client, table) });
    return report;
  });
}
