import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test, type Worker } from '@playwright/test';
import ExcelJS from 'exceljs';
import { type ChromeApi, launchWithExtension, root, servePages } from '../support/extension';

declare const chrome: ChromeApi;

/**
 * A staff member's day with the side panel, in real Chromium with the built extension: clip a portal page, edit and
 * save it, find it by a Chinese term, meet it again as a duplicate, save rows of a list page, teach the panel a
 * portal it misreads by picking elements, export CSV and XLSX, back up and restore (publishing: extension-publish).
 * The panel page is opened as a tab (Playwright cannot open the native side panel) and told which tab to work on.
 */
test.describe.configure({ mode: 'serial' });

const shots = path.join(root, '.test-results/extension-screens');
const tmp = mkdtempSync(path.join(tmpdir(), 'linli-ext-'));
let context: BrowserContext;
let worker: Worker;
let extId = '';
let pages: { base: string; server: Server };
let panel: Page;

async function tabIdOf(url: string): Promise<number> {
  return worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
}

async function openPortal(file: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  const url = `${pages.base}/${file}`;
  await page.goto(url);
  return { page, tabId: await tabIdOf(url) };
}

async function openPanel(tabId: number, width = 320): Promise<Page> {
  const p = panel ?? (await context.newPage());
  await p.setViewportSize({ width, height: 900 });
  await p.goto(`chrome-extension://${extId}/sidepanel.html?tab=${tabId}`);
  await expect(p.locator('body[data-ready="true"]')).toBeAttached();
  return p;
}

async function shot(p: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function download(p: Page, button: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!);
}

test.beforeAll(async () => {
  pages = await servePages();
  ({ context, id: extId, worker } = await launchWithExtension());
});

test.afterAll(async () => {
  await context?.close();
  pages?.server.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('the installed manifest asks for no host permission beyond the e2e test origin', async () => {
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.permissions?.sort()).toEqual(
    ['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'].sort(),
  );
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']); // the e2e build's only addition
  expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
});

test('clip a portal page, edit it, save it, find it by a Chinese term', async () => {
  const portal = await openPortal('portals/bj-wuye-repair-h5.html');
  panel = await openPanel(portal.tabId);
  await shot(panel, 'library-empty-320-zh');
  await panel.getByRole('button', { name: '收录此页' }).click();
  await expect(panel.getByRole('heading', { name: '核对并保存' })).toBeVisible();
  const title = panel.getByLabel('标题', { exact: true });
  await expect(title).toHaveValue('5号楼2单元地下室水管漏水');
  await expect(panel.getByLabel('联系电话（已脱敏）')).toHaveValue('135****6470');
  await expect(panel.getByLabel('案件编号')).toHaveValue('BX20260611-0093');
  await shot(panel, 'edit-form-320-zh');
  await panel.getByLabel('标签').fill('加急、地下室');
  await panel.getByLabel('标签').blur();
  await title.fill('望京佳园5号楼2单元地下室水管漏水');
  await panel.getByRole('button', { name: '保存', exact: true }).click();
  await expect(panel.getByText('已保存 1 条事项。')).toBeVisible();

  await panel.getByLabel('搜索').fill('管漏');
  const list = panel.getByTestId('issue-list');
  await expect(list.getByText('望京佳园5号楼2单元地下室水管漏水')).toBeVisible();
  await expect(list.getByText('#加急')).toBeVisible();
  await panel.getByLabel('搜索').fill('停电');
  await expect(panel.getByText('没有符合条件的事项。')).toBeVisible();
  await panel.getByLabel('搜索').fill('');
  await portal.page.close();
});

test('a second clip of the same page is recognised, and updates the stored issue instead of adding one', async () => {
  const portal = await openPortal('portals/bj-wuye-repair-h5.html');
  panel = await openPanel(portal.tabId);
  await panel.getByRole('button', { name: '收录此页' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: '已在事项库中' })).toBeVisible();
  await panel.getByRole('button', { name: '更新已存的事项' }).click();
  await expect(panel.getByText('已更新已存的事项。')).toBeVisible();
  await expect(panel.getByTestId('issue-list').getByRole('listitem')).toHaveCount(1);
  // The badge: this page is in the library (the e2e build may see 127.0.0.1 addresses).
  const badge = await worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), portal.tabId);
  expect(badge).toBe('✓');
  await portal.page.close();
});

test('a list page shows every row with a checkbox; the ticked rows are saved', async () => {
  const portal = await openPortal('portals/bj-jiesujiban-table-list.html');
  panel = await openPanel(portal.tabId);
  await panel.getByRole('button', { name: '收录此页' }).click();
  await expect(panel.getByText('从页面读到 8 条事项')).toBeVisible();
  const boxes = panel.locator('li.draft input[type=checkbox]');
  await expect(boxes).toHaveCount(8);
  await boxes.nth(0).uncheck();
  await boxes.nth(1).uncheck();
  await panel.getByRole('button', { name: '保存所选 (6)' }).click();
  await expect(panel.getByTestId('issue-list').getByRole('listitem')).toHaveCount(7);
  await shot(panel, 'library-320-zh');
  await portal.page.close();
});

test('a portal the generic reader gets wrong is taught by picking elements, tested, saved, then read right', async () => {
  const portal = await openPortal('extension/grid-event-unlabelled.html');
  panel = await openPanel(portal.tabId);
  // First sight: the generic reader misses the event's name (an unlabelled div between the badges and the body).
  await panel.getByRole('button', { name: '收录此页' }).click();
  const genericTitle = panel.getByLabel('标题', { exact: true });
  await expect(genericTitle).not.toHaveValue('');
  await expect(genericTitle).not.toHaveValue('和平里小区6号楼北侧路灯连续一周不亮');
  await panel.getByRole('button', { name: '取消' }).click();

  await panel.getByRole('button', { name: '页面规则' }).click();
  await panel.getByRole('button', { name: '为当前页面新建规则' }).click();
  const picks: [string, string, string][] = [
    ['title', '.ev-name', '和平里小区6号楼北侧路灯连续一周不亮'],
    ['source.caseNumber', '.ev-no', 'WG20260511-0087'],
    ['reportedAt', '.ev-time', '2026-05-11 20:14'],
    ['status', '.ev-st', '处置中'],
    ['location.address', '.ev-addr', '和平里小区6号楼北侧通道'],
  ];
  for (const [field, selector, text] of picks) {
    await panel.locator(`button[data-field="${field}"]`).click();
    await expect(portal.page.locator('[data-linli-picker]')).toBeAttached();
    await portal.page.bringToFront();
    await portal.page.hover(selector);
    if (field === 'title') await shot(portal.page, 'picker-portal');
    await portal.page.click(selector);
    await expect(panel.locator('.picked').filter({ hasText: text })).toBeVisible();
  }
  await panel.bringToFront();
  await shot(panel, 'recipe-builder-320-zh');
  await panel.getByRole('button', { name: '在页面上试用' }).click();
  const result = panel.locator('.test-result');
  await expect(result).toContainText('和平里小区6号楼北侧路灯连续一周不亮');
  await expect(result).toContainText('WG20260511-0087');
  await expect(result).toContainText('2026-05-11T20:14:00+08:00');
  await panel.getByRole('button', { name: '保存规则' }).click();
  await expect(panel.getByText('规则已保存。')).toBeVisible();

  await panel.getByRole('button', { name: '收录此页' }).click();
  await expect(panel.getByLabel('标题', { exact: true })).toHaveValue('和平里小区6号楼北侧路灯连续一周不亮');
  await expect(panel.getByLabel('案件编号')).toHaveValue('WG20260511-0087');
  await expect(panel.getByLabel('地址')).toHaveValue('和平里小区6号楼北侧通道');
  await expect(panel.getByLabel('状态', { exact: true })).toHaveValue('in_progress');
  await panel.getByRole('button', { name: '保存', exact: true }).click();
  await expect(panel.getByTestId('issue-list').getByRole('listitem')).toHaveCount(8);
  await portal.page.close();
});

test('CSV opens in Excel/WPS (UTF-8 BOM) and XLSX holds a real date cell', async () => {
  await panel.getByRole('button', { name: '导出与发布' }).click();
  const csv = await download(panel, /导出 CSV/);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8');
  expect(text).toContain('望京佳园5号楼2单元地下室水管漏水');
  expect(text.split('\r\n')[0]).toContain('反映时间');

  const xlsx = await download(panel, /导出 XLSX/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(xlsx).buffer);
  const ws = wb.worksheets[0]!;
  const head = ws.getRow(1).values as unknown[];
  const titleCol = head.indexOf('标题');
  const dateCol = head.indexOf('反映时间');
  let found = false;
  ws.eachRow((row, n) => {
    if (n > 1 && row.getCell(titleCol).value === '望京佳园5号楼2单元地下室水管漏水') {
      const cell = row.getCell(dateCol);
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect((cell.value as Date).toISOString()).toBe('2026-06-11T08:26:00.000Z'); // 08:26 as the page states it
      found = true;
    }
  });
  expect(found).toBe(true);
});

test('a backup restores what was deleted; a broken record is reported; a bad file changes nothing', async () => {
  const backup = JSON.parse((await download(panel, /备份全部/)).toString('utf8'));
  expect(backup.issues).toHaveLength(8);
  backup.issues.push({ id: 'broken', title: '' });
  const good = path.join(tmp, 'backup.json');
  writeFileSync(good, JSON.stringify(backup));
  const bad = path.join(tmp, 'bad.json');
  writeFileSync(bad, '{"hello": "world"}');

  // Delete one issue, then restore.
  await panel.getByRole('button', { name: '事项库' }).click();
  await panel.getByTestId('issue-list').getByText('望京佳园5号楼2单元地下室水管漏水').click();
  await expect(panel.getByRole('link', { name: '打开来源页面' })).toHaveAttribute('href', /bj-wuye-repair-h5\.html$/);
  await expect(panel.locator('.history li')).toHaveCount(3);
  panel.once('dialog', (d) => d.accept());
  await panel.getByRole('button', { name: '删除' }).click();
  await expect(panel.getByTestId('issue-list').getByRole('listitem')).toHaveCount(7);

  await panel.getByRole('button', { name: '导出与发布' }).click();
  await panel.locator('label:has-text("从备份恢复") input[type=file]').setInputFiles(bad);
  await expect(panel.getByRole('alert')).toContainText('这不是可用的备份文件');
  await panel.locator('label:has-text("从备份恢复") input[type=file]').setInputFiles(good);
  await expect(panel.getByText('已恢复 8 条事项、1 条规则。')).toBeVisible();
  await expect(panel.locator('.skipped')).toContainText('issue #9 (broken): title');
  await panel.getByRole('button', { name: '事项库' }).click();
  await expect(panel.getByTestId('issue-list').getByRole('listitem')).toHaveCount(8);
});

test('English, wide, large type and 200 % zoom at 320 px stay readable', async () => {
  await panel.getByRole('button', { name: '设置' }).click();
  await panel.getByLabel('English').check();
  await panel.getByRole('button', { name: 'Library' }).click();
  await panel.setViewportSize({ width: 1000, height: 900 });
  await expect(panel.getByRole('button', { name: 'Clip this page' })).toBeVisible();
  await shot(panel, 'library-wide-en');
  await panel.setViewportSize({ width: 320, height: 900 });
  await shot(panel, 'library-320-en');
  await panel.getByTestId('issue-list').getByRole('button').first().click();
  await panel.getByRole('button', { name: 'Edit' }).click();
  await shot(panel, 'edit-form-320-en');
  await panel.setViewportSize({ width: 1000, height: 900 });
  await shot(panel, 'edit-form-wide-en');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('button', { name: 'Settings' }).click();
  await panel.getByLabel('Large type').check();
  await panel.getByLabel('简体中文').check();
  await panel.getByRole('button', { name: '事项库' }).click();
  // 200 % zoom of a 320 px panel: a 160 px wide layout. Nothing may need sideways scrolling.
  await panel.setViewportSize({ width: 320, height: 900 });
  await panel.evaluate(() => {
    (document.documentElement.style as unknown as { zoom: string }).zoom = '2';
  });
  await shot(panel, 'library-320-zoom200-large-zh');
  const overflow = await panel.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
