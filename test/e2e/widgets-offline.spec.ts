import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ballotCount, hostPage, hostSite, rendered, startLinli } from './widget-support';

/**
 * The server goes away while a resident votes: the ballot waits in the page's storage with its state shown, and
 * when the server is back (same port, same database) it is sent exactly once and the receipt appears.
 */
test('a ballot cast while the server is down is sent once when it returns, and the receipt appears', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-offline-'));
  const db = path.join(dir, 'demo.db');
  let linli = await startLinli(db);
  const host = await hostSite();
  try {
    const code = linli.codes[0]!;
    const before = await ballotCount(linli, 'elevator-3');
    await page.goto(
      host.page(
        '/offline.html',
        hostPage(linli.base, `<linli-vote server="${linli.base}" consultation="elevator-3"></linli-vote>`),
      ),
    );
    await rendered(page, 'linli-vote');
    const widget = page.locator('linli-vote');
    await linli.stop();

    await widget.getByRole('radio', { name: '同意' }).check();
    await widget.getByLabel(/投票码/).fill(code);
    await widget.getByRole('button', { name: '下一步' }).click();
    await widget.getByRole('button', { name: '确认投票' }).click();
    await expect(widget.locator('.queued')).toContainText(
      '网络中断，选票已保存在本机，恢复连接后会自动提交（只提交一次）。',
    );
    const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('linli.ballot-queue.v1') ?? '[]'));
    expect(queued).toHaveLength(1);
    expect(queued[0].body).toMatchObject({ choices: ['yes'], code });

    // A few retries fail while the server is away; nothing is lost or doubled by them.
    await page.waitForTimeout(5000);
    linli = await startLinli(db, linli.port);
    await expect(widget.locator('.receipt')).toContainText('投票成功', { timeout: 30_000 });
    await expect(widget.getByText('我的选票已在票箱中')).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => localStorage.getItem('linli.ballot-queue.v1'))).toBe('[]');
    expect(await ballotCount(linli, 'elevator-3')).toBe(before + 1);

    // Reloading sends nothing again: the page shows the stored receipt.
    await page.reload();
    await expect(widget.locator('.receipt')).toContainText('投票成功');
    await page.waitForTimeout(1000);
    expect(await ballotCount(linli, 'elevator-3')).toBe(before + 1);
  } finally {
    await linli.stop();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
