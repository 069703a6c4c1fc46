import { existsSync, readFileSync } from 'node:fs';
import { isPostgresUrl, shownLocation } from '../store/location';
import { openPostgresStore } from '../store/postgres';
import { migratePostgres, openPool } from '../store/postgres-schema';
import { openSqliteStore } from '../store/sqlite';
import { PEPPER_ENV, pepperFileOf } from '../store/sqlite-pepper';
import { migrate, openDatabase } from '../store/sqlite-schema';
import { transferSqliteToPostgres } from '../store/transfer';
import { CliError, type Command, databaseLocation, parseCommandArgs } from './command';

export const migrateCommand: Command = {
  name: 'migrate',
  help: `
Usage: linli migrate [--db FILE | postgres://…]
       linli migrate --from ./linli.db --to postgres://user:pass@host/db

The first form applies every pending schema migration (linli serve also does this when it starts).

The second moves a SQLite install into an empty PostgreSQL database: every consultation, ballot (with its
hashes), receipt, idempotency key, roll and code, token, site key and the staff log, in one transaction, so
\`linli audit verify\` passes afterwards and residents' receipts still resolve. Voting codes and voter hashes
depend on the install's pepper: every instance on PostgreSQL must run with ${PEPPER_ENV} set to the SQLite
install's pepper (the content of its FILE.pepper, or the ${PEPPER_ENV} it ran with). Stop the SQLite server first.

Options:
  --db FILE|URL   database to migrate (default LINLI_DB, else ./linli.db)
  --from FILE     the SQLite database to move
  --to URL        the empty PostgreSQL database to move it into
  -h, --help      show this help

Exit codes: 0 done; 2 bad input or a refused move (nothing is written).

Example:
  linli migrate --from ./linli.db --to postgres://linli@db.example.org/linli
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('migrate', argv, {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    });
    if (positionals.length) throw new CliError(`linli migrate: unexpected argument "${positionals[0]}"`);
    if (values.from !== undefined || values.to !== undefined) return move(values.from, values.to, values.db);
    const db = databaseLocation(values.db);
    let applied: number[];
    try {
      if (isPostgresUrl(db)) {
        const pool = openPool(db, 1);
        try {
          applied = await migratePostgres(pool);
        } finally {
          await pool.end();
        }
      } else {
        const file = openDatabase(db);
        try {
          applied = migrate(file);
        } finally {
          file.close();
        }
      }
    } catch (error) {
      throw new CliError(`linli migrate: ${shownLocation(db)}: ${(error as Error).message}`);
    }
    process.stdout.write(
      applied.length
        ? `${shownLocation(db)}: applied migration(s) ${applied.join(', ')}\n`
        : `${shownLocation(db)}: schema is up to date\n`,
    );
    return 0;
  },
};

async function move(from: string | undefined, to: string | undefined, db: string | undefined): Promise<number> {
  if (db !== undefined) throw new CliError('linli migrate: --db cannot be combined with --from/--to');
  if (!from) throw new CliError('linli migrate: --from FILE (the SQLite database to move) is required with --to');
  if (!to) throw new CliError('linli migrate: --to postgres://… (the target database) is required with --from');
  if (isPostgresUrl(from)) throw new CliError('linli migrate: --from must be a SQLite file, not a PostgreSQL URL');
  if (!isPostgresUrl(to)) throw new CliError(`linli migrate: --to must be a postgres:// URL (got "${to}")`);
  if (!existsSync(from)) throw new CliError(`linli migrate: --from ${from}: no such database`);
  let source: ReturnType<typeof openSqliteStore>;
  try {
    source = openSqliteStore(from);
  } catch (error) {
    throw new CliError(`linli migrate: --from ${from}: cannot open the database (${(error as Error).message})`);
  }
  try {
    // The target must use the source's pepper, or every code and voter hash stops matching.
    const configured = process.env[PEPPER_ENV]?.trim();
    const inFile = existsSync(pepperFileOf(from)) ? readFileSync(pepperFileOf(from), 'utf8').trim() : null;
    const pepper = await source.pepper();
    if (configured && (configured !== pepper || (inFile !== null && inFile !== configured))) {
      throw new CliError(
        `linli migrate: ${PEPPER_ENV} differs from the pepper of ${from}; unset it (the file's pepper is used) or set it to that pepper`,
      );
    }
    let target: Awaited<ReturnType<typeof openPostgresStore>>;
    try {
      target = await openPostgresStore(to, { env: { ...process.env, [PEPPER_ENV]: pepper } });
    } catch (error) {
      throw new CliError(
        `linli migrate: --to ${shownLocation(to)}: cannot open the database (${(error as Error).message})`,
      );
    }
    try {
      const report = await transferSqliteToPostgres(source, target);
      const lines = [
        `Moved ${from} into ${shownLocation(to)}:`,
        ...report.tables.filter((t) => t.rows > 0).map((t) => `  ${t.table.padEnd(18)} ${t.rows}`),
        `Run every instance with ${PEPPER_ENV} set to this install's pepper (${
          configured ? `the ${PEPPER_ENV} you ran with` : `the content of ${from}.pepper`
        }), then check: linli audit verify SLUG --db ${shownLocation(to)}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`linli migrate: nothing was moved: ${(error as Error).message}`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
