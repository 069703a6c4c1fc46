/**
 * The PostgreSQL connection and schema: one pool per process, the same versioned migrations as SQLite (see
 * migrations.ts, `postgresSql`), applied under an advisory lock so several instances starting at once apply each
 * migration exactly once.
 */
import pg from 'pg';
import { MIGRATIONS, type Migration, postgresSql } from './migrations';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

/** Every 64-bit integer column holds a count, a seq or hundredths of m²: all far below 2^53, read as numbers. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${text} is beyond the safe range`);
  return n;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function openPool(url: string, max = 10): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    // A ballot is acknowledged only after its commit is flushed to the WAL on disk, whatever the server default.
    options: '-c synchronous_commit=on -c timezone=UTC',
    application_name: 'linli',
  });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

/** Runs `fn` in one transaction on one pooled client; rolls back on any error. `begin`: the statements opening it. */
export async function inTransaction<T>(
  pool: PgPool,
  fn: (client: PgClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Any number: the key of the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 0x6c696e6c69; // "linli"

/** Applies every migration not yet recorded, each in its own transaction; returns the versions applied now. */
export async function migratePostgres(pool: PgPool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const done: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(postgresSql(migration));
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
      }
      done.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return done;
}

export async function postgresSchemaVersion(pool: PgPool): Promise<number> {
  const { rows } = await pool.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Whether an error is a unique (or primary key) violation. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';
