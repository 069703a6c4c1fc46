import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type SqliteDb = Database.Database;

/**
 * Opens the file with the durability settings the ballot guarantee rests on: WAL so readers never block the
 * writer, synchronous=FULL so a committed transaction survives power loss (WAL+NORMAL may lose the last commits),
 * foreign keys on, and a busy timeout so the CLI and a running server can share the file. The ballot writer thread's
 * connection then turns SQLite's own sync off and syncs the -wal file itself before answering (wal-sync.ts).
 */
export function openDatabase(file: string): SqliteDb {
  if (file !== ':memory:' && file !== '') privateFiles(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  cacheStatements(db);
  return db;
}

/**
 * Makes `db.prepare` return one compiled statement per SQL text. Compiling costs far more than running a simple
 * lookup, and the stores prepare where they query (a ballot passed through several such lookups). Statements
 * are reusable as long as none is iterated while reused (the stores never call `.iterate()`), and SQLite
 * recompiles a cached statement by itself after a schema change. The SQL texts are fixed in the code, so the
 * cache stays small; it is cleared should some dynamic text ever grow it past its bound.
 */
function cacheStatements(db: SqliteDb): void {
  const compile = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = compile(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as SqliteDb['prepare'];
}

/**
 * The database holds voter hashes, site secrets and token hashes: owner-only (0600), whatever the umask. The
 * file is created here with that mode, so SQLite gives its -wal and -shm files the same mode when it creates
 * them; a file an older version left readable to others is tightened.
 */
function privateFiles(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Applies every migration not yet recorded, each in its own transaction; returns the versions applied now. */
export function migrate(db: SqliteDb, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
  );
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    // IMMEDIATE: two processes starting at once must not both apply the same migration.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
      if (again) return;
      db.exec(`${migration.sql}\n${migration.sqlite ?? ''}`);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      done.push(migration.version);
    }).immediate();
  }
  return done;
}

export function schemaVersion(db: SqliteDb): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Whether an error is a SQLite constraint violation (unique, primary key, check). */
export const isConstraintError = (error: unknown) =>
  error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT');
