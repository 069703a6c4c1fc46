import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';

/** The few extension APIs the specs call inside the service worker or the panel page. */
export interface ChromeApi {
  tabs: { query(q: { url?: string }): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime: { getManifest(): Record<string, unknown> & { permissions?: string[]; host_permissions?: string[] } };
}

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const e2eBuild = path.join(root, '.output/chrome-mv3-e2e');

/**
 * The extension as the e2e suite loads it: `wxt build --mode e2e` (the production build plus a host permission for
 * 127.0.0.1, see wxt.config.ts). `npm test` builds it before the e2e run; a lone spec run builds it when missing.
 */
export function ensureE2eBuild() {
  if (existsSync(path.join(e2eBuild, 'manifest.json'))) return;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', '--mode', 'e2e'], {
    cwd: root,
    // The build's progress goes to stderr: `npm run bench -- --json` keeps stdout for its one JSON array.
    stdio: ['ignore', 2, 2],
  });
  if (r.status !== 0) throw new Error('wxt build --mode e2e failed');
}

export async function launchWithExtension(): Promise<{ context: BrowserContext; id: string; worker: Worker }> {
  ensureE2eBuild();
  const context = await chromium.launchPersistentContext('', {
    headless: true,
    executablePath: chromiumLaunch.executablePath,
    args: [...chromiumLaunch.args, `--disable-extensions-except=${e2eBuild}`, `--load-extension=${e2eBuild}`],
    acceptDownloads: true,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return { context, id, worker };
}

/** Serves fixture pages at http://127.0.0.1:PORT/<dir>/<file> with their own bytes. */
export async function servePages(): Promise<{ base: string; server: Server }> {
  const dirs: Record<string, string> = {
    portals: path.join(root, 'test/fixtures/portals'),
    extension: path.join(root, 'test/fixtures/extension'),
  };
  const server = createServer((req, res) => {
    const [, dir, file] = (req.url ?? '').split('?')[0]!.split('/');
    const base = dir ? dirs[dir] : undefined;
    const full = base && file && !file.includes('..') ? path.join(base, decodeURIComponent(file)) : '';
    if (!full || !existsSync(full) || !statSync(full).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file!.endsWith('.html') ? 'text/html' : 'application/octet-stream' });
    res.end(readFileSync(full));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** `linli serve --demo` on a fresh SQLite file and a free port; resolves with its URL and the staff token it prints. */
export async function startLinli(dbFile: string): Promise<{ url: string; token: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/linli.mjs'), 'serve', '--demo', '--port', '0', '--db', dbFile],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      const token = /Staff token \(shown once\): (\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ url, token, child });
      }
    });
  });
}
