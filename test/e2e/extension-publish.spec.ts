import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type ChromeApi, launchWithExtension, servePages, startLinli } from '../support/extension';

declare const chrome: ChromeApi;

/**
 * Publishing from the side panel to a real `linli serve` (SQLite): connect with a staff token, publish a clipped
 * issue, start a consultation from it, post a progress update — and what was queued while offline is sent once
 * when the connection returns.
 */
test('publish a clipped issue, start a consultation from it, post progress; offline work is sent once later', async () => {
  test.setTimeout(90_000);
  const tmp = mkdtempSync(path.join(tmpdir(), 'linli-pub-'));
  const pages = await servePages();
  const linli = await startLinli(path.join(tmp, 'linli.db'));
  const { context, id } = await launchWithExtension();
  const api = async (p: string) => {
    const res = await fetch(`${linli.url}/api/v1${p}`, { headers: { authorization: `Bearer ${linli.token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };
  try {
    const portalUrl = `${pages.base}/portals/bj-wuye-repair-h5.html`;
    const portal = await context.newPage();
    await portal.goto(portalUrl);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    const tabId = await panel.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, portalUrl);
    await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);

    await panel.getByRole('button', { name: '收录此页' }).click();
    await panel.getByRole('button', { name: '保存', exact: true }).click();
    await expect(panel.getByText('已保存 1 条事项。')).toBeVisible();
    await panel.getByTestId('issue-list').getByRole('checkbox').first().check();

    await panel.getByRole('button', { name: '导出与发布' }).click();
    await panel.getByLabel('服务器地址').fill(linli.url);
    await panel.getByLabel('工作人员令牌').fill(linli.token);
    await panel.getByRole('button', { name: '连接', exact: true }).click();
    await expect(panel.getByText(/已连接/)).toBeVisible();
    // The token lives in extension storage, not in any page's storage.
    expect(await portal.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(linli.token);

    await panel.getByRole('button', { name: '发布所选事项 (1)' }).click();
    await expect(panel.getByText('已发送到服务器。')).toBeVisible();
    await expect(panel.getByRole('heading', { name: '没有待发送的内容。' })).toBeVisible();
    const published = (await api('/issues')) as { issues: { id: string; title: string }[] };
    const mine = published.issues.filter((i) => i.title === '5号楼2单元地下室水管漏水');
    expect(mine).toHaveLength(1);
    await panel.getByRole('button', { name: '刷新' }).click();
    await expect(panel.getByTestId('server-issues')).toContainText('5号楼2单元地下室水管漏水');

    // A consultation from the selected issue: it names the server's id of that issue.
    await panel.getByText('由所选事项发起议事').click();
    await panel.getByLabel('议事标识（英文小写与连字符）').fill('wangjing-5-leak');
    await panel.getByLabel('议事标题').fill('望京佳园5号楼地下室管道更换');
    await panel.getByRole('button', { name: '关闭' }).click();
    await panel.getByRole('button', { name: '发送' }).first().click();
    await expect(panel.getByText('已发送到服务器。')).toBeVisible();
    const consultation = (await api('/consultations/wangjing-5-leak')) as { issueIds: string[]; title: string };
    expect(consultation.issueIds).toEqual([mine[0]!.id]);

    // Offline: the progress update waits in the outbox, and goes out once when the network returns.
    await context.setOffline(true);
    await panel.getByText('发布进展').click();
    await panel.getByLabel('议事标识', { exact: true }).fill('wangjing-5-leak');
    await panel.getByLabel('进展内容').fill('已与物业确认本周五更换主管道');
    await panel.getByRole('button', { name: '发送' }).last().click();
    await expect(panel.getByRole('heading', { name: '待发送 1 项' })).toBeVisible();
    await expect(panel.getByText(/恢复联网后会自动重发/).first()).toBeVisible();
    await context.setOffline(false);
    await expect(panel.getByRole('heading', { name: '没有待发送的内容。' })).toBeVisible({ timeout: 15_000 });
    const after = (await api('/consultations/wangjing-5-leak')) as { updates: { text: string }[] };
    expect(after.updates.filter((u) => u.text === '已与物业确认本周五更换主管道')).toHaveLength(1);
  } finally {
    await context.close();
    pages.server.close();
    linli.child.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
});
