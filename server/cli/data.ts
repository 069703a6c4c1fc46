import { existsSync } from 'node:fs';
import { type Linli, openLinliService } from '../domain/linli';
import { isDomainError } from '../domain/service';
import { isPostgresUrl, shownLocation } from '../store/location';
import { CliError, databaseLocation } from './command';

/**
 * Runs `fn` with the service over the `--db` database and always closes it. A DomainError becomes a CliError
 * (exit 2, one line) prefixed with `context` (e.g. the file being imported). `mustExist` refuses to create a new
 * empty database for commands that only make sense on an existing one.
 */
export async function withService<T>(
  command: string,
  dbFlag: string | undefined,
  options: { mustExist?: boolean; context?: string },
  fn: (service: Linli) => Promise<T>,
): Promise<T> {
  const db = databaseLocation(dbFlag);
  if (options.mustExist && db !== ':memory:' && !isPostgresUrl(db) && !existsSync(db)) {
    throw new CliError(`linli ${command}: ${db}: no such database (set --db or LINLI_DB)`);
  }
  let service: Linli;
  try {
    service = await openLinliService(db);
  } catch (error) {
    const shown = shownLocation(db);
    throw new CliError(`linli ${command}: ${shown}: cannot open the database (${(error as Error).message})`);
  }
  try {
    return await fn(service);
  } catch (error) {
    if (isDomainError(error)) throw new CliError(`${options.context ?? `linli ${command}`}: ${error.message}`);
    throw error;
  } finally {
    await service.close();
  }
}
