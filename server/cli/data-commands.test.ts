import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDb, tempDb, yesnoConsultation } from '../domain/test-helpers';

const bin = join(import.meta.dirname, '../../bin/linli.mjs');
let db: TempDb;

function linli(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LINLI_DB: db.file },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  db = tempDb();
  const service = await db.open();
  await service.createConsultation(yesnoConsultation('elevator-3'));
  await service.close();
});
afterAll(() => db.cleanup());

describe('linli data commands', () => {
  it('creates departments and tokens; bad input exits 2 with one line', async () => {
    expect(linli('department', 'add', '房管办')).toMatchObject({ code: 0 });
    expect(linli('department', 'add', '房管办')).toMatchObject({
      code: 2,
      stderr: 'linli department add: department "房管办" already exists\n',
    });
    const created = linli('token', 'create', '--name', '王老师', '--department', '房管办');
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^linli_[A-Za-z0-9_-]{43}$/);
    const service = await db.open();
    expect(await service.authenticate(token)).toEqual({ name: '王老师', department: '房管办' });
    await service.close();
    const raw = new Database(db.file, { readonly: true });
    expect(JSON.stringify(raw.prepare('SELECT * FROM tokens').all())).not.toContain(token);
    raw.close();
    expect(linli('token', 'create').code).toBe(2);
    expect(linli('token', 'create', '--name', 'x', '--department', '没有').stderr).toContain('no department "没有"');
    expect(linli('roll', '--help')).toMatchObject({ code: 0 });
  });

  it('imports a roll all or nothing, prints codes once, and audits the box', async () => {
    const bad = join(db.dir, 'bad.csv');
    writeFileSync(bad, '房号,姓名,面积,人数\n101,王*,86.20,1\n102,李*,八十,1\n');
    const refused = linli('roll', 'import', 'elevator-3', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `${bad}: line 3: 面积 "八十" is not an area in m² (a positive number with at most two decimals, e.g. 86.20)\n`,
    );
    expect(linli('roll', 'codes', 'elevator-3').stderr).toContain('no voter roll');
    const good = join(db.dir, 'good.csv');
    writeFileSync(good, '\uFEFF房号,姓名,面积,人数\n101,王*,86.20,1\n102,李*,72.45,1\n201,张*,58.30,2\n');
    expect(linli('roll', 'import', 'elevator-3', good).stdout).toBe(
      'elevator-3: imported 3 units, 216.95 m², 4 owners\n',
    );
    const table = linli('roll', 'codes', 'elevator-3');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(JSON.parse(linli('roll', 'codes', 'elevator-3', '--json').stdout)).toEqual([]);
    const codes = JSON.parse(linli('roll', 'codes', 'elevator-3', '--json', '--reissue').stdout) as Array<{
      unit: string;
      code: string;
    }>;
    expect(codes.map((c) => c.unit)).toEqual(['101', '102', '201']);

    const service = await db.open();
    for (const { code } of codes) await service.castBallot('elevator-3', { choices: ['yes'], code });
    await service.close();
    expect(linli('audit', 'verify', 'elevator-3')).toMatchObject({
      code: 0,
      stdout: 'elevator-3: 3 ballots; hash chain ok; tally ok\n',
    });
    const raw = new Database(db.file);
    raw.prepare(`UPDATE ballots SET content = '{"choices":["no"]}' WHERE seq = 3`).run();
    raw.close();
    const failed = linli('audit', 'verify', 'elevator-3');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('seq 3: ballotHash does not match');
    expect(linli('audit', 'verify', 'nope').code).toBe(2);
    expect(linli('audit', 'verify', 'elevator-3', '--db', join(db.dir, 'missing.db')).code).toBe(2);
  });
});
