import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * A resident with a printed voting card, in real Chromium, using only the keyboard: open the QR link, pick 同意,
 * submit, read the receipt; then the public ballot box holds it. The demo server runs as `npm start` runs it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server: ChildProcess;
let base = '';
let codes: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'linli-e2e-'));

test.beforeAll(async () => {
  server = spawn(
    process.execPath,
    [path.join(root, 'bin/linli.mjs'), 'serve', '--demo', '--port', '0', '--db', path.join(dir, 'demo.db')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && /Sample voter codes/.test(out)) {
        base = url;
        codes = [...out.matchAll(/\d{3} ([A-Z0-9]{4}-[A-Z0-9]{4})/g)].map((m) => m[1]!);
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('a resident votes with the code from the QR link, keyboard only, and finds the receipt in the ballot box', async ({
  page,
}) => {
  expect(codes.length).toBeGreaterThan(0);
  await page.goto(`${base}/vote/elevator-3?code=${codes[0]}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('3号楼加装电梯');
  await expect(page.getByLabel(/投票码/)).toHaveValue(codes[0]!);

  // Keyboard only: the first Tab lands on the first option, 同意; Space selects it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: '同意' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: '同意' })).toBeChecked();
  await page.getByRole('button', { name: '提交投票' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status')).toContainText('投票成功');
  const receiptId = (await page.locator('dt:has-text("回执编号") + dd').textContent())!.trim();
  // The box names no receipt (ballot secrecy): the receipt's seq and chain hash are what a resident looks up.
  const receipt = await (await page.request.get(`${base}/api/v1/receipts/${receiptId}`)).json();
  const box = await (await page.request.get(`${base}/api/v1/consultations/elevator-3/ballot-box`)).json();
  expect(box.entries.map((e: { seq: number; chainHash: string }) => `${e.seq}:${e.chainHash}`)).toContain(
    `${receipt.seq}:${receipt.chainHash}`,
  );

  // The same card cannot vote twice.
  await page.goto(`${base}/vote/elevator-3?code=${codes[0]}`);
  await page.getByRole('radio', { name: '反对' }).check();
  await page.getByRole('button', { name: '提交投票' }).click();
  await expect(page.getByRole('alert')).toContainText('这个投票码已经使用过了');
});
