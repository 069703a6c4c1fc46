import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KIND, testDatabase } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/linli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'linli-serve-'));
let db = '';
beforeAll(async () => {
  db = await testDatabase(dir, 'demo');
});

/** Starts `linli serve`, resolves with its printed banner once the URL is known. */
function serve(args: string[]): Promise<{ child: ChildProcess; out: () => string; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    cwd: root,
    env: { ...process.env, LINLI_LOG_LEVEL: 'warn' },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && out.includes('CORS')) resolve({ child, out: () => out, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe(`linli serve (${STORE_KIND})`, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds the demo once, prints URLs, token and codes, stops cleanly and keeps ballots on restart', async () => {
    const first = await serve(['--demo', '--db', db, '--port', '0']);
    const banner = first.out();
    for (const path of [
      '/api/v1',
      '/docs',
      '/api/v1/openapi.json',
      '/healthz',
      '/consultations/elevator-3',
      '/consultations/wishes',
    ]) {
      expect(banner).toContain(`${first.url}${path.startsWith('/consultations') ? `/api/v1${path}` : path}`);
    }
    const token = /Staff token \(shown once\): (\S+)/.exec(banner)?.[1];
    expect(token).toBeTruthy();
    const code = /elevator-3: \d+ ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(banner)?.[1];
    expect(code).toBeTruthy();
    // The printed vote page is the one a card's QR code opens, and it answers.
    const votePage = new RegExp(`vote page\\s+(${first.url}/vote/elevator-3\\?code=\\S+)`).exec(banner)?.[1];
    expect(votePage).toBe(`${first.url}/vote/elevator-3?code=${code}`);
    expect((await fetch(votePage!)).status).toBe(200);

    // Staff find sample portal pages to clip on the district site, and where the built side panel is.
    const portals = /Sample portal pages to clip: (\S+)/.exec(banner)?.[1];
    expect(portals).toMatch(/^http:\/\/.+\/portals\/$/);
    const index = await (await fetch(portals!)).text();
    expect(index).toContain('接诉即办工单详情');
    const gbk = Buffer.from(await (await fetch(`${portals}bj-12345-nested-gbk.html`)).arrayBuffer());
    expect(gbk.equals(readFileSync(join(root, 'test/fixtures/portals/bj-12345-nested-gbk.html')))).toBe(true);
    expect((await fetch(`${portals}../../package.json`)).status).toBe(404);
    expect(banner).toMatch(/Side panel extension[^\n]*(\.output\/chrome-mv3|npm run build:extension)/);

    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const staff = await fetch(`${first.url}/api/v1/consultations/wishes/proposals?status=pending`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(staff.status).toBe(200);
    const vote = await fetch(`${first.url}/api/v1/consultations/elevator-3/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'cli-test' },
      body: JSON.stringify({ choices: ['yes'], code }),
    });
    expect(vote.status).toBe(201);
    const receipt = (await vote.json()) as { receiptId: string };
    const ballots = (
      (await (await fetch(`${first.url}/api/v1/consultations/elevator-3`)).json()) as { ballots: number }
    ).ballots;
    expect(await stop(first.child)).toBe(0);

    const second = await serve(['--demo', '--db', db, '--port', '0']);
    expect(second.out()).toContain('Demo data already present');
    expect(second.out()).not.toContain('Staff token');
    expect((await fetch(`${second.url}/api/v1/receipts/${receipt.receiptId}`)).status).toBe(200);
    const after = (await (await fetch(`${second.url}/api/v1/consultations/elevator-3`)).json()) as { ballots: number };
    expect(after.ballots).toBe(ballots);
    expect(await stop(second.child)).toBe(0);
  });

  it('refuses an unreachable PostgreSQL server and bad flags with exit 2 and one line, never printing a password', () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const pg = spawnSync(process.execPath, [bin, 'serve', '--db', 'postgres://linli:s3cret@127.0.0.1:1/linli'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LINLI_CODE_PEPPER: 'p'.repeat(40) },
    });
    expect(pg.status).toBe(2);
    expect(pg.stderr.trim().split('\n')).toHaveLength(1);
    expect(pg.stderr).toContain('postgres://linli:***@127.0.0.1:1/linli: cannot open the database (');
    expect(pg.stderr).toContain('ECONNREFUSED');
    expect(pg.stderr).not.toContain('s3cret');
    const port = spawnSync(process.execPath, [bin, 'serve', '--port', 'abc', '--db', db], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port/);
  });
});
