import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isPostgresUrl } from '../store/location';
import { pepperFileOf } from '../store/sqlite-pepper';
import { openDatabase } from '../store/sqlite-schema';
import { CliError, type Command, databaseLocation, parseCommandArgs } from './command';

export const backupCommand: Command = {
  name: 'backup',
  help: `
Usage: linli backup FILE [--db FILE]

Writes a consistent copy of the SQLite database to FILE with SQLite's online backup API, while the server keeps
accepting ballots: the copy holds every ballot committed when it was taken, chain and tally consistent
(check it with LINLI_CODE_PEPPER=<the pepper> linli audit verify SLUG --db FILE). FILE must not exist yet.

The pepper (FILE.pepper beside the database, or LINLI_CODE_PEPPER) is deliberately NOT in the copy: keep one
copy of it somewhere safe, apart from the backups: restoring needs both (receipts-mode ballot hashes and
voting codes depend on it). For PostgreSQL use pg_dump (see deploy/README.md).

Options:
  --db FILE    SQLite database (default LINLI_DB, else ./linli.db)
  -h, --help   show this help

Example:
  linli backup /backups/linli-$(date +%F).db --db /srv/linli/linli.db
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('backup', argv, { db: { type: 'string' } });
    const [target, ...extra] = positionals;
    if (!target) throw new CliError('linli backup: missing FILE (where to write the copy)');
    if (extra.length) throw new CliError(`linli backup: unexpected argument "${extra[0]}"`);
    const db = databaseLocation(values.db);
    if (isPostgresUrl(db)) {
      throw new CliError('linli backup: --db is PostgreSQL; back it up with pg_dump (see deploy/README.md)');
    }
    if (!existsSync(db)) throw new CliError(`linli backup: ${db}: no such database (set --db or LINLI_DB)`);
    if (existsSync(target)) throw new CliError(`linli backup: ${target} already exists; choose a new file`);
    if (resolve(target) === resolve(db)) throw new CliError('linli backup: FILE is the database itself');
    const source = openDatabase(db);
    try {
      // All remaining pages in one step: a snapshot in one read transaction, which writers (WAL) do not wait for,
      // and which a busy server cannot keep restarting.
      const result = await source.backup(target, { progress: () => 0x7fffffff });
      process.stdout.write(
        `Backed up ${db} to ${target} (${result.totalPages} pages). The pepper (${pepperFileOf(db)} or ` +
          'LINLI_CODE_PEPPER) is not in the copy: keep it safe separately.\n',
      );
    } catch (error) {
      throw new CliError(`linli backup: ${target}: ${(error as Error).message}`);
    } finally {
      source.close();
    }
    return 0;
  },
};
