import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDb, tempDb, yesnoConsultation } from '../domain/test-helpers';
import { runCli } from './test-helpers';

let db: TempDb;

beforeAll(async () => {
  // The umask most machines have: without care, new files would be readable by every local user.
  process.umask(0o022);
  db = tempDb();
  const service = await db.open();
  await service.createConsultation(yesnoConsultation('lift'));
  await service.close();
});
afterAll(() => db.cleanup());

describe('what the CLI writes to a terminal', () => {
  it('shows control characters from an imported roll as escapes, never as escape sequences', async () => {
    // A unit name that would clear the screen and retitle the window, and a C1 CSI that some terminals obey.
    const csv = join(db.dir, 'roll.csv');
    writeFileSync(csv, '房号,姓名,面积,人数\n"101\x1b[2J\x1b]0;pwned\x07",王*,86.20,1\n"102\u009b31m",李*,72.45,1\n');
    expect((await runCli('roll', 'import', 'lift', csv, '--db', db.file)).code).toBe(0);
    const table = await runCli('roll', 'codes', 'lift', '--db', db.file);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(table.stdout).toContain('101\\u001b[2J\\u001b]0;pwned\\u0007');
    // JSON output still parses to exactly the stored unit names.
    const json = await runCli('roll', 'codes', 'lift', '--reissue', '--json', '--db', db.file);
    expect(json.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(JSON.parse(json.stdout).map((c: { unit: string }) => c.unit)).toEqual([
      '101\x1b[2J\x1b]0;pwned\x07',
      '102\u009b31m',
    ]);
  });

  it('creates the database, its WAL and shared-memory files readable by their owner only', async () => {
    const fresh = tempDb();
    const service = await fresh.open();
    try {
      await service.createConsultation(yesnoConsultation('wal'));
      // While the service is open SQLite keeps the -wal and -shm files: all three must be private.
      const modes = [fresh.file, `${fresh.file}-wal`, `${fresh.file}-shm`].map(
        (path) => `${path.slice(fresh.dir.length)} ${(statSync(path).mode & 0o777).toString(8)}`,
      );
      expect(modes).toEqual(['/linli.db 600', '/linli.db-wal 600', '/linli.db-shm 600']);
    } finally {
      await service.close();
      fresh.cleanup();
    }
  });
});
