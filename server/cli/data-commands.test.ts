import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDb, tempDb, yesnoConsultation } from '../domain/test-helpers';
import { runCli } from './test-helpers';

const bin = join(import.meta.dirname, '../../bin/linli.mjs');
let db: TempDb;
let savedDb: string | undefined;

const linli = runCli;

/** The real bin in a child process, as `npx linli` runs it. */
function linliBin(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LINLI_DB: db.file } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  db = tempDb();
  savedDb = process.env.LINLI_DB;
  process.env.LINLI_DB = db.file;
  const service = await db.open();
  await service.createConsultation(yesnoConsultation('elevator-3'));
  await service.createConsultation(yesnoConsultation('elevator-gbk'));
  await service.createConsultation(yesnoConsultation('elevator-sheet'));
  await service.close();
});
afterAll(() => {
  if (savedDb === undefined) delete process.env.LINLI_DB;
  else process.env.LINLI_DB = savedDb;
  db.cleanup();
});

describe('linli data commands', () => {
  it('creates departments and tokens; bad input exits 2 with one line', async () => {
    expect(await linli('department', 'add', '房管办')).toMatchObject({ code: 0 });
    expect(await linli('department', 'add', '房管办')).toMatchObject({
      code: 2,
      stderr: 'linli department add: department "房管办" already exists\n',
    });
    const created = await linli('token', 'create', '--name', '王老师', '--department', '房管办');
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^linli_[A-Za-z0-9_-]{43}$/);
    const service = await db.open();
    expect(await service.authenticate(token)).toEqual({ name: '王老师', department: '房管办' });
    await service.close();
    const raw = new Database(db.file, { readonly: true });
    expect(JSON.stringify(raw.prepare('SELECT * FROM tokens').all())).not.toContain(token);
    raw.close();
    expect((await linli('token', 'create')).code).toBe(2);
    expect((await linli('token', 'create', '--name', 'x', '--department', '没有')).stderr).toContain(
      'no department "没有"',
    );
    expect(await linli('roll', '--help')).toMatchObject({ code: 0 });
  });

  it('imports a roll all or nothing, prints codes once, and audits the box', async () => {
    const bad = join(db.dir, 'bad.csv');
    writeFileSync(bad, '房号,姓名,面积,人数\n101,王*,86.20,1\n102,李*,八十,1\n');
    const refused = await linli('roll', 'import', 'elevator-3', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `${bad}: line 3: 面积 "八十" is not an area in m² (a positive number with at most two decimals, e.g. 86.20)\n`,
    );
    expect((await linli('roll', 'codes', 'elevator-3')).stderr).toContain('no voter roll');
    const good = join(db.dir, 'good.csv');
    writeFileSync(good, '\uFEFF房号,姓名,面积,人数\n101,王*,86.20,1\n102,李*,72.45,1\n201,张*,58.30,2\n');
    // The real bin, once: `npx linli` works straight from the sources.
    expect(await linliBin('roll', 'import', 'elevator-3', good)).toMatchObject({
      code: 0,
      stdout: 'elevator-3: imported 3 units, 216.95 m², 4 owners\n',
    });
    const table = await linli('roll', 'codes', 'elevator-3');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(JSON.parse((await linli('roll', 'codes', 'elevator-3', '--json')).stdout)).toEqual([]);
    const codes = JSON.parse((await linli('roll', 'codes', 'elevator-3', '--json', '--reissue')).stdout) as Array<{
      unit: string;
      code: string;
    }>;
    expect(codes.map((c) => c.unit)).toEqual(['101', '102', '201']);

    const service = await db.open();
    for (const { code } of codes) await service.castBallot('elevator-3', { choices: ['yes'], code });
    await service.close();
    expect(await linli('audit', 'verify', 'elevator-3')).toMatchObject({
      code: 0,
      stdout: 'elevator-3: 3 ballots; hash chain ok; tally ok\n',
    });
    const raw = new Database(db.file);
    raw.prepare(`UPDATE ballots SET content = '{"choices":["no"]}' WHERE seq = 3`).run();
    raw.close();
    // The real bin again, for an exit code other than 0.
    const failed = await linliBin('audit', 'verify', 'elevator-3');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('seq 3: ballotHash does not match');
    expect((await linli('audit', 'verify', 'nope')).code).toBe(2);
    expect((await linli('audit', 'verify', 'elevator-3', '--db', join(db.dir, 'missing.db'))).code).toBe(2);
  });

  it('imports a roll saved in GBK (Excel/WPS on Chinese Windows), and says so when a file is not text', async () => {
    const gbk = join(db.dir, 'gbk.csv');
    // "房号,姓名,面积,人数\r\n101,王*,86.20,1\r\n102,李*,72.45,2\r\n" in GBK (房号 is b7bf bac5).
    writeFileSync(
      gbk,
      Buffer.from(
        'b7bfbac52cd0d5c3fb2cc3e6bbfd2cc8cbcafd0d0a3130312ccdf52a2c38362e32302c310d0a3130322cc0ee2a2c37322e34352c320d0a',
        'hex',
      ),
    );
    expect(await linli('roll', 'import', 'elevator-gbk', gbk)).toEqual({
      code: 0,
      stdout: 'elevator-gbk: imported 2 units, 158.65 m², 3 owners\n',
      stderr: '',
    });
    const binary = join(db.dir, 'roll.csv');
    writeFileSync(binary, Buffer.from('fffe00d8ff80ff00', 'hex'));
    const refused = await linli('roll', 'import', 'elevator-gbk', binary);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(`^${binary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the file is not UTF-8 or GBK text`),
    );
  });

  it('writes the printable code sheet with --html and prints its path', async () => {
    const roll = join(db.dir, 'sheet.csv');
    writeFileSync(roll, '房号,姓名,面积,人数\n3-101,王*,86.20,1\n3-102,李*,72.45,1\n');
    expect((await linli('roll', 'import', 'elevator-sheet', roll)).code).toBe(0);
    const file = join(db.dir, '投票卡.html');
    const written = await linli(
      'roll',
      'codes',
      'elevator-sheet',
      '--html',
      file,
      '--public-url',
      'https://linli.example.org',
    );
    expect(written).toMatchObject({ code: 0, stdout: `${file}\n` });
    expect(written.stderr).toContain('2 codes on the sheet');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html.match(/class="card"/g)).toHaveLength(2);
    expect(html).toContain('3-101');
    expect(html).toContain('用手机扫描二维码投票');
    expect(html).toContain('https://linli.example.org/vote/elevator-sheet');
    expect(html.match(/<svg/g)).toHaveLength(2);
    // The codes on the sheet are the ones that vote.
    const code = /class="code">([A-Z0-9-]+)</.exec(html)![1]!;
    const service = await db.open();
    expect((await service.castBallot('elevator-sheet', { choices: ['yes'], code })).replayed).toBe(false);
    await service.close();
    // Never over an earlier sheet: it may hold codes shown only once.
    const again = await linli('roll', 'codes', 'elevator-sheet', '--html', file, '--reissue');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const none = await linli('roll', 'codes', 'elevator-sheet', '--html', join(db.dir, 'none.html'));
    expect(none).toMatchObject({ code: 0 });
    expect(none.stdout).toContain('every unit already has a code');
    expect((await linli('roll', 'codes', 'elevator-sheet', '--html', file, '--json')).code).toBe(2);
  });
});
