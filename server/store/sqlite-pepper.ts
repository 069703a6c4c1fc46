/**
 * The install's pepper: the HMAC key of one-time voting codes and of voter hashes. It is kept outside the
 * database on purpose. A copy of the database alone (a backup, a stolen file) then holds only HMACs it cannot
 * test guesses against: no voting code can be recovered from it, and no voter hash can be linked back to a unit,
 * a host site's user or a browser key. Someone holding both the database and the pepper can still try codes
 * offline; codes are long enough to make that impractical too (see domain/codes.ts).
 *
 * Source, in order: LINLI_CODE_PEPPER (for deployments that keep secrets in the environment or a secret store),
 * else the file `<database>.pepper` beside the database, created with mode 0600 on first use. Databases written
 * before this kept the pepper in their `meta` table; it is moved to the file (or checked against the variable)
 * and then wiped from the database file, so existing codes and receipts keep working.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import type { SqliteDb } from './sqlite-schema';

export const PEPPER_ENV = 'LINLI_CODE_PEPPER';
const MIN_PEPPER_CHARS = 32;

export const pepperFileOf = (databaseFile: string) => `${databaseFile}.pepper`;

function readPepperFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Creates the file atomically with `value`, or returns what another process already put there: written to a
 * private temporary file, then hard-linked into place, so no reader ever sees a half-written pepper.
 */
function createPepperFile(file: string, value: string): string {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${value}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readPepperFile(file) ?? value;
  } finally {
    unlinkSync(temp);
  }
}

function legacyPepper(db: SqliteDb): string | null {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'pepper'`).get() as { value: string } | undefined;
  return row?.value ?? null;
}

/** Deletes the old row so its bytes leave the file: zeroed in place (secure_delete) and the WAL emptied. */
function wipeLegacyPepper(db: SqliteDb): void {
  const previous = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  try {
    db.prepare(`DELETE FROM meta WHERE key = 'pepper'`).run();
  } finally {
    db.pragma(`secure_delete = ${Number(previous) ? 'ON' : 'OFF'}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function mismatch(source: string): Error {
  return new Error(
    `${source} holds a different pepper from the one this database was created with; voting codes and voter hashes ` +
      'would stop matching. Use the original pepper (it is still in the database, which this run did not change).',
  );
}

/** The pepper for this database, moving a legacy in-database pepper out first. */
export function resolvePepper(db: SqliteDb, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[PEPPER_ENV]?.trim() || null;
  if (configured !== null && configured.length < MIN_PEPPER_CHARS) {
    throw new Error(`${PEPPER_ENV} must be at least ${MIN_PEPPER_CHARS} characters of random text`);
  }
  const legacy = legacyPepper(db);
  if (db.memory) return configured ?? legacy ?? randomBytes(32).toString('base64url');
  let pepper: string;
  if (configured !== null) {
    if (legacy !== null && legacy !== configured) throw mismatch(PEPPER_ENV);
    pepper = configured;
  } else {
    const file = pepperFileOf(db.name);
    const existing = readPepperFile(file);
    if (existing !== null && legacy !== null && existing !== legacy) throw mismatch(file);
    pepper = existing ?? createPepperFile(file, legacy ?? randomBytes(32).toString('base64url'));
    if (legacy !== null && pepper !== legacy) throw mismatch(file);
  }
  // Only once the pepper is safely elsewhere (file fsynced, or the variable confirmed equal) is the row wiped.
  if (legacy !== null) wipeLegacyPepper(db);
  return pepper;
}
