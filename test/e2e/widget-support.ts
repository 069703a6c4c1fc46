import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, test } from '@playwright/test';

/** Helpers for the widget specs: the demo server as `npm start` runs it, and host pages on another origin. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Linli {
  base: string;
  port: number;
  codes: string[];
  token: string;
  siteUrl: string;
  stop(): Promise<void>;
}

export async function startLinli(db: string, port = 0): Promise<Linli> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'bin/linli.mjs'), 'serve', '--demo', '--port', String(port), '--db', db, '--log-level', 'warn'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/listening on/.test(out) && /District site/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const base = /listening on (http:\/\/\S+)/.exec(out)![1]!;
  return {
    base,
    port: Number(new URL(base).port),
    codes: [...out.matchAll(/\d{3} ([A-Z0-9]{4}-[A-Z0-9]{4})/g)].map((m) => m[1]!),
    token: /Staff token \(shown once\): (\S+)/.exec(out)?.[1] ?? '',
    siteUrl: /District site \(widgets embedded\): (\S+)/.exec(out)![1]!,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** A second local origin serving whatever HTML a test puts at a path. */
export type HostSite = Awaited<ReturnType<typeof hostSite>>;

/**
 * The demo server and a host site on another origin, shared by one spec file's serial tests: started before the
 * first test, stopped and removed after the last. `codes` are the demo's unused voter codes; take them with shift().
 */
export function demoForSpec(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `linli-${name}-`));
  const env = { linli: undefined as unknown as Linli, host: undefined as unknown as HostSite, codes: [] as string[] };
  test.beforeAll(async () => {
    env.linli = await startLinli(path.join(dir, 'demo.db'));
    env.codes.push(...env.linli.codes);
    env.host = await hostSite();
  });
  test.afterAll(async () => {
    await env.linli?.stop();
    await env.host?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return env;
}

export async function hostSite() {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://h').pathname);
    if (!html) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(pathname: string, html: string) {
      pages.set(pathname, html);
      return `${origin}${pathname}`;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A host page as a webmaster writes it: the script tag, the widgets, and the site's own stylesheet. */
export function hostPage(linli: string, widgets: string, css = '', lang = 'zh-CN'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>host</title><script type="module" src="${linli}/widgets/linli.js"></script><style>${css}</style></head>
<body><p class="host-text">本站文字</p><button class="host-button">本站按钮</button>${widgets}</body></html>`;
}

export const HOSTILE_CSS =
  'body{font-size:12px;line-height:0.9} button{display:none} *{box-sizing:content-box} p,li,label{line-height:3.7;letter-spacing:-1px}';

export async function staff(linli: Linli, method: string, url: string, body: unknown) {
  const res = await fetch(`${linli.base}/api/v1${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${linli.token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * A civil-code code vote whose box is public, so its count shows live (elevator-3 is a secret ballot, which shows
 * it only at the close): a roll of three flats and one ballot cast. Returns the slug.
 */
export async function openCountVote(linli: Linli, slug: string): Promise<string> {
  await staff(linli, 'POST', '/consultations', {
    slug,
    title: '5号楼加装电梯（记名表决）',
    community: 'heping',
    phase: 'voting',
    ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-major', ballotBox: 'public' },
  });
  const roll = ['房号,姓名,面积,人数', '101,王**,86.20,1', '102,李**,93.48,1', '201,张**,121.75,2'].join('\n');
  const imported = await fetch(`${linli.base}/api/v1/consultations/${slug}/roll`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${linli.token}` },
    body: roll,
  });
  if (!imported.ok) throw new Error(`roll import: ${imported.status} ${await imported.text()}`);
  const { codes } = (await staff(linli, 'POST', `/consultations/${slug}/codes`, {})) as {
    codes: Array<{ code: string }>;
  };
  const cast = await fetch(`${linli.base}/api/v1/consultations/${slug}/ballots`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${slug}-1` },
    body: JSON.stringify({ choices: ['yes'], code: codes[0]!.code }),
  });
  if (cast.status !== 201) throw new Error(`ballot: ${cast.status} ${await cast.text()}`);
  return slug;
}

export async function ballotCount(linli: Linli, slug: string): Promise<number> {
  const box = await (await fetch(`${linli.base}/api/v1/consultations/${slug}/ballot-box`)).json();
  return box.entries.length;
}

/** Waits for a widget's first complete render (its loading skeleton gone). */
export async function rendered(page: Page, selector: string) {
  await page.waitForFunction(
    (sel) =>
      [...document.querySelectorAll(sel)].every((el) => {
        const w = el.shadowRoot?.querySelector('.w');
        return w && !w.classList.contains('loading');
      }),
    selector,
  );
}
