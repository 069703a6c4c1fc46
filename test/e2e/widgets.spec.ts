import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ballotCount, demoForSpec, HOSTILE_CSS, hostPage, rendered, root, staff } from './widget-support';

/**
 * The widget kit in real Chromium, embedded in pages of another origin than the Linli server, as a district
 * site embeds it: voting with a code, live tallies across tabs, ranking and budgets by keyboard, proposals and
 * wishes, a hostile host stylesheet, axe, and screenshots of every widget.
 */
test.describe.configure({ mode: 'serial' });

const env = demoForSpec('widgets');

const vote = (slug: string, extra = '') =>
  `<linli-vote server="${env.linli.base}" consultation="${slug}" ${extra}></linli-vote>`;

test('a resident votes with a code on another site, sees the receipt, finds it in the ballot box and the count moves', async ({
  page,
}) => {
  const before = await ballotCount(env.linli, 'elevator-3');
  const url = env.host.page('/elevator.html', hostPage(env.linli.base, vote('elevator-3')));
  await page.goto(url);
  await rendered(page, 'linli-vote');
  const widget = page.locator('linli-vote');
  await expect(widget.getByRole('heading', { level: 2 })).toHaveText('您是否同意3号楼按公示方案加装电梯？');
  await expect(widget.getByText(`已收到 ${before} 张选票`)).toBeVisible();
  // A secret ballot: how many voted, and when the count is published; no count per option while voting is open.
  await expect(widget.locator('.results-hidden')).toHaveText('无记名投票：为保护每户的选择，结果在投票结束后公布。');
  await expect(widget.locator('.result')).toHaveCount(0);
  await expect(widget.getByText('意向调查 · 不具法律效力')).toHaveCount(0); // a code vote binds

  await widget.getByRole('radio', { name: '同意' }).check();
  // Typed the way a resident types from paper: lower case, spaces, full-width dash.
  const code = env.codes.shift()!;
  await widget.getByLabel(/投票码/).fill(` ${code.toLowerCase().replace('-', '－')} `);
  await widget.getByRole('button', { name: '下一步' }).click();
  await expect(widget.getByRole('heading', { name: '请确认你的选择' })).toBeVisible();
  await expect(widget.locator('.choice-summary')).toContainText('同意');
  const cast = page.evaluate(
    () =>
      new Promise((resolve) =>
        document.addEventListener('linli-vote-cast', (e) => resolve((e as CustomEvent).detail.receipt.receiptId), {
          once: true,
        }),
      ),
  );
  await widget.getByRole('button', { name: '确认投票' }).click();
  await expect(widget.locator('.receipt')).toContainText('投票成功');
  const receiptId = (await widget.locator('.receipt-id').textContent())!.trim();
  expect(await cast).toBe(receiptId);
  await expect(widget.getByText('我的选票已在票箱中')).toBeVisible();
  await expect(widget.getByText(`已收到 ${before + 1} 张选票`)).toBeVisible();
  // elevator-3's box lists seq and hashes only (ballotBox: receipts): the link opens this ballot's entry.
  const receipt = await page.evaluate(() => Object.values(JSON.parse(localStorage.getItem('linli.receipts.v1')!))[0]);
  const { seq, ballotHash } = receipt as { seq: number; ballotHash: string };
  const link = await widget.getByRole('link', { name: '在公开票箱中查看' }).getAttribute('href');
  const box = await (await fetch(link!)).json();
  expect(box.entries).toHaveLength(1);
  expect(box.entries[0]).toMatchObject({ seq, ballotHash });
  expect(box.entries[0].choices).toBeUndefined();
  expect(await ballotCount(env.linli, 'elevator-3')).toBe(before + 1);

  // Reloading the page shows the receipt again instead of a fresh form.
  await page.reload();
  await expect(widget.locator('.receipt')).toContainText('投票成功');
});

test('a code from the QR link is filled in, and a used code is refused with a clear message', async ({ page }) => {
  const used = env.codes.shift()!;
  await fetch(`${env.linli.base}/api/v1/consultations/elevator-3/ballots`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `qr-${used}` },
    body: JSON.stringify({ choices: ['no'], code: used }),
  });
  await page.goto(`${env.host.page('/qr.html', hostPage(env.linli.base, vote('elevator-3')))}?code=${used}`);
  await rendered(page, 'linli-vote');
  const widget = page.locator('linli-vote');
  await expect(widget.getByLabel(/投票码/)).toHaveValue(used);
  await widget.getByRole('radio', { name: '反对' }).check();
  await widget.getByRole('button', { name: '下一步' }).click();
  await widget.getByRole('button', { name: '确认投票' }).click();
  await expect(widget.getByRole('alert')).toContainText(/使用过|已经投过|已投/);
});

test('a second tab sees a ballot cast in the first one live', async ({ browser }) => {
  const url = env.host.page('/parking.html', hostPage(env.linli.base, vote('parking-2026')));
  const watcher = await browser.newPage();
  const voter = await browser.newPage();
  await watcher.goto(url);
  await voter.goto(url);
  await rendered(watcher, 'linli-vote');
  await rendered(voter, 'linli-vote');
  const before = await ballotCount(env.linli, 'parking-2026');
  const w = voter.locator('linli-vote');
  await expect(w.getByText('意向调查 · 不具法律效力')).toBeVisible();
  await w.getByRole('radio', { name: '与邻近写字楼签约错时共享车位' }).check();
  await w.getByRole('button', { name: '下一步' }).click();
  await w.getByRole('button', { name: '确认投票' }).click();
  await expect(w.locator('.receipt')).toContainText('投票成功');
  // The watcher never reloads: the shared event stream brings the new tally.
  await expect(watcher.locator('linli-vote').getByText(`已收到 ${before + 1} 张选票`)).toBeVisible({ timeout: 10_000 });
  await watcher.close();
  await voter.close();
});

test('every widget on a page shares one event stream per server', async ({ page }) => {
  const streams: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/events')) streams.push(r.url());
  });
  const widgets = `${vote('elevator-3')}${vote('parking-2026')}
    <linli-proposals server="${env.linli.base}" consultation="wishes" mode="wishes"></linli-proposals>
    <linli-progress server="${env.linli.base}" consultation="garbage-room"></linli-progress>`;
  await page.goto(env.host.page('/all.html', hostPage(env.linli.base, widgets)));
  await rendered(page, 'linli-vote, linli-proposals, linli-progress');
  await expect.poll(() => streams.length).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(streams).toHaveLength(1);
  const subjects = new URL(streams[0]!).searchParams.get('consultations')!.split(',').sort();
  expect(subjects).toEqual(['elevator-3', 'garbage-room', 'parking-2026', 'wishes']);
});

test('ranking and allocating points work with the keyboard alone', async ({ page }) => {
  const options = [
    { id: 'bench', label: '增设休息座椅' },
    { id: 'light', label: '更换路灯' },
    { id: 'shade', label: '加装遮阳棚' },
  ];
  const common = { community: 'heping', phase: 'voting' };
  await staff(env.linli, 'POST', '/consultations', {
    slug: 'rank-test',
    title: '公共空间改造排序',
    ...common,
    ballot: { method: 'ranked', options, eligibility: 'open', rule: 'plurality' },
  });
  await staff(env.linli, 'POST', '/consultations', {
    slug: 'budget-test',
    title: '参与式预算',
    ...common,
    ballot: { method: 'budget', options, budget: 100, eligibility: 'open', rule: 'plurality' },
  });
  await page.goto(env.host.page('/rank.html', hostPage(env.linli.base, vote('rank-test'))));
  await rendered(page, 'linli-vote');
  const widget = page.locator('linli-vote');
  // Tab into the widget: the first enabled control is "move 增设休息座椅 down".
  // Start from the host's own last control, then keyboard only.
  await page.locator('.host-button').focus();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: '下移 增设休息座椅' })).toBeFocused();
  await page.keyboard.press('Enter'); // bench: 1 → 2, focus stays on it
  await page.keyboard.press('ArrowDown'); // bench: 2 → 3
  await expect(widget.getByRole('status')).toHaveText('增设休息座椅：第 3 位，共 3 项');
  await expect(widget.locator('.rank .text')).toHaveText(['更换路灯', '加装遮阳棚', '增设休息座椅']);
  // Move 加装遮阳棚 to the top: Shift+Tab back to its "up" button.
  await widget.getByRole('button', { name: '上移 加装遮阳棚' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.rank .text')).toHaveText(['加装遮阳棚', '更换路灯', '增设休息座椅']);
  await widget.getByRole('button', { name: '下一步' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('button', { name: '确认投票' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.receipt')).toContainText('投票成功');
  const ranked = await (await fetch(`${env.linli.base}/api/v1/consultations/rank-test/ballot-box`)).json();
  expect(ranked.entries[0].choices).toEqual(['shade', 'light', 'bench']);

  await page.goto(env.host.page('/budget.html', hostPage(env.linli.base, vote('budget-test'))));
  await rendered(page, 'linli-vote');
  await expect(widget.getByText('还剩 100 分')).toBeVisible();
  // Start from the host's own last control, then keyboard only.
  await page.locator('.host-button').focus();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('spinbutton', { name: /增设休息座椅/ })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('70');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  await expect(widget.getByText('超出 20 分，请减少')).toBeVisible();
  await page.keyboard.press('ArrowDown'); // 49
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');
  await expect(widget.getByText('还剩 0 分')).toBeVisible();
  await widget.getByRole('button', { name: '下一步' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(widget.locator('.receipt')).toContainText('投票成功');
  const budget = await (await fetch(`${env.linli.base}/api/v1/consultations/budget-test/ballot-box`)).json();
  expect(budget.entries[0].allocation).toEqual({ bench: 70, light: 30 });
});

test('a signed ballot takes the token the host site hands over through getToken', async ({ page }) => {
  const { SignJWT } = await import('jose');
  const secret = 'heping-site-secret-0123456789abcdef-0123';
  await staff(env.linli, 'POST', '/consultations', {
    slug: 'signed-test',
    title: '业主委员会换届意向',
    community: 'heping',
    phase: 'voting',
    ballot: { method: 'yesno', eligibility: 'signed', rule: 'simple-majority' },
  });
  await staff(env.linli, 'POST', '/sites/signed-test/keys', { kind: 'secret', secret });
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('resident-42')
    .setAudience('signed-test')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
  const html = hostPage(env.linli.base, vote('signed-test')).replace(
    '</body>',
    `<script>document.querySelector('linli-vote').getToken = async () => ${JSON.stringify(token)};</script></body>`,
  );
  await page.goto(env.host.page('/signed.html', html));
  await rendered(page, 'linli-vote');
  const widget = page.locator('linli-vote');
  await widget.getByRole('radio', { name: '弃权' }).check();
  await widget.getByRole('button', { name: '下一步' }).click();
  await widget.getByRole('button', { name: '确认投票' }).click();
  await expect(widget.locator('.receipt')).toContainText('投票成功');
  expect(await ballotCount(env.linli, 'signed-test')).toBe(1);
});

test('outside voting the widget shows the phase and the voting dates instead of the form', async ({ page }) => {
  await staff(env.linli, 'POST', '/consultations', {
    slug: 'hearing-test',
    title: '5号楼外立面修缮',
    community: 'heping',
    phase: 'hearing',
    schedule: { voting: { start: '2027-03-01T09:00:00+08:00', end: '2027-03-15T18:00:00+08:00' } },
    ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-ordinary' },
  });
  await page.goto(env.host.page('/hearing.html', hostPage(env.linli.base, vote('hearing-test'))));
  await rendered(page, 'linli-vote');
  const widget = page.locator('linli-vote');
  await expect(widget.getByText('当前阶段：听证会')).toBeVisible();
  await expect(widget.getByText('现在不在投票时间。')).toBeVisible();
  await expect(widget.getByText('开始：2027年3月1日')).toBeVisible();
  await expect(widget.getByText('截止：2027年3月15日')).toBeVisible();
  await expect(widget.getByRole('radio')).toHaveCount(0);
});

test('a resident supports a wish once and claims another', async ({ page }) => {
  await page.goto(
    env.host.page(
      '/wishes.html',
      hostPage(
        env.linli.base,
        `<linli-proposals server="${env.linli.base}" consultation="wishes" mode="wishes"></linli-proposals>`,
      ),
    ),
  );
  await rendered(page, 'linli-proposals');
  const board = page.locator('linli-proposals');
  const item = board.locator('.item', { hasText: '楼道里装一排扶手' });
  const count = Number(/(\d+)/.exec((await item.locator('.supports').textContent())!)![1]);
  await item.getByRole('button', { name: '支持：楼道里装一排扶手' }).click();
  await expect(item.locator('.supports')).toHaveText(`${count + 1} 人支持`);
  await expect(item.getByRole('button', { name: /已支持/ })).toBeDisabled();
  await page.reload();
  await rendered(page, 'linli-proposals');
  await expect(item.getByRole('button', { name: /已支持/ })).toBeDisabled();

  const claimable = board.locator('.item', { has: page.getByRole('button', { name: /^认领：/ }) }).first();
  const open = board.locator(`.item[data-id="${await claimable.getAttribute('data-id')}"]`);
  const title = (await open.locator('h3').textContent())!;
  await open.getByRole('button', { name: `认领：${title}` }).click();
  await open.getByLabel('认领人称呼').fill('党员志愿者小陈');
  await open.getByRole('button', { name: '确认认领' }).click();
  await expect(open.locator('.status')).toHaveText('已认领');
  await expect(open.getByText('认领人：党员志愿者小陈')).toBeVisible();

  // The wish board publishes at once (the demo's choice); a field left empty is named first.
  await board.getByLabel('标题').fill('帮忙搬一下旧沙发');
  await board.getByRole('button', { name: '提交' }).click();
  await expect(board.getByText('请填写你的称呼。')).toBeVisible();
  await expect(board.getByLabel('你的称呼')).toBeFocused();
  await page.keyboard.type('赵阿姨');
  await board.getByRole('button', { name: '提交' }).click();
  await expect(board.getByRole('status')).toHaveText('已提交并公开。');
  await expect(board.locator('.item', { hasText: '帮忙搬一下旧沙发' })).toHaveCount(1);
});

test('a proposal waiting for moderation is never shown on the public board', async ({ page }) => {
  await page.goto(
    env.host.page(
      '/proposals.html',
      hostPage(
        env.linli.base,
        `<linli-proposals server="${env.linli.base}" consultation="elevator-3"></linli-proposals>`,
      ),
    ),
  );
  await rendered(page, 'linli-proposals');
  const board = page.locator('linli-proposals');
  const submitted = page.evaluate(
    () =>
      new Promise((resolve) =>
        document.addEventListener(
          'linli-proposal-submitted',
          (e) => resolve((e as CustomEvent).detail.proposal.status),
          {
            once: true,
          },
        ),
      ),
  );
  await board.getByLabel('标题').fill('电梯井道外墙用浅色');
  await board.getByLabel('你的称呼').fill('3号楼 刘先生');
  await board.getByRole('button', { name: '提交' }).click();
  await expect(board.getByRole('status')).toHaveText('已提交，工作人员审核后公开。');
  expect(await submitted).toBe('pending');
  await expect(board.locator('.item', { hasText: '电梯井道外墙用浅色' })).toHaveCount(0);
  await page.reload();
  await rendered(page, 'linli-proposals');
  await expect(board.locator('.item', { hasText: '电梯井道外墙用浅色' })).toHaveCount(0);
});

test('the progress widget shows the 三会 timeline, milestones and a live update', async ({ page }) => {
  await page.goto(
    env.host.page(
      '/progress.html',
      hostPage(
        env.linli.base,
        `<linli-progress server="${env.linli.base}" consultation="garbage-room"></linli-progress>`,
      ),
    ),
  );
  await rendered(page, 'linli-progress');
  const widget = page.locator('linli-progress');
  await expect(widget.locator('.step .name')).toHaveText(['听证会', '协调会', '表决', '实施', '评议会']);
  await expect(widget.locator('[aria-current="step"] .name')).toHaveText('实施');
  await expect(widget.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70');
  await staff(env.linli, 'POST', '/consultations/garbage-room/updates', { text: '洗手池已安装完毕，下周安装雨棚。' });
  await expect(widget.getByText('洗手池已安装完毕，下周安装雨棚。')).toBeVisible({ timeout: 10_000 });
});

test('a hostile host stylesheet changes nothing a resident needs, and no style leaks out', async ({ browser }) => {
  const widgets = `${vote('parking-2026')}<linli-proposals server="${env.linli.base}" consultation="wishes" mode="wishes"></linli-proposals>`;
  const measure = async (css: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(env.host.page(`/m-${css.length}.html`, hostPage(env.linli.base, widgets, css)));
    await rendered(page, 'linli-vote, linli-proposals');
    const result = await page.evaluate(() => {
      const vote = document.querySelector('linli-vote')!.shadowRoot!;
      const board = document.querySelector('linli-proposals')!.shadowRoot!;
      const buttons = [...vote.querySelectorAll('button'), ...board.querySelectorAll('button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { display: getComputedStyle(b).display, w: Math.round(r.width), h: Math.round(r.height) };
      });
      const optionText = vote.querySelector('.option .text')!;
      const input = vote.querySelector('input')!.getBoundingClientRect();
      return {
        option: Number.parseFloat(getComputedStyle(optionText).fontSize),
        optionLine: Number.parseFloat(getComputedStyle(optionText).lineHeight),
        optionHeight: Math.round(vote.querySelector('.option')!.getBoundingClientRect().height),
        radio: Math.round(input.width),
        buttons,
        hostText: getComputedStyle(document.querySelector('.host-text')!).fontSize,
        hostButton: getComputedStyle(document.querySelector('.host-button')!).display,
      };
    });
    await page.close();
    return result;
  };
  const plain = await measure('');
  const hostile = await measure(HOSTILE_CSS);
  expect(hostile.option).toBeGreaterThanOrEqual(18);
  expect(hostile.option).toBe(plain.option);
  expect(hostile.optionLine).toBe(plain.optionLine);
  expect(hostile.optionHeight).toBe(plain.optionHeight);
  expect(hostile.radio).toBe(plain.radio);
  expect(hostile.buttons.length).toBeGreaterThan(3);
  expect(hostile.buttons).toEqual(plain.buttons);
  for (const b of hostile.buttons) {
    expect(b.display).not.toBe('none');
    expect(b.h).toBeGreaterThanOrEqual(44);
  }
  // The widgets leak nothing into the host: its own text and buttons stay as its stylesheet says.
  expect(hostile.hostText).toBe('12px');
  expect(hostile.hostButton).toBe('none');
  expect(plain.hostButton).not.toBe('none');
});

test('axe finds no serious or critical violation in any widget', async ({ page }) => {
  const widgets = `${vote('elevator-3')}${vote('parking-2026')}
    <linli-proposals server="${env.linli.base}" consultation="wishes" mode="wishes"></linli-proposals>
    <linli-progress server="${env.linli.base}" consultation="garbage-room"></linli-progress>`;
  await page.goto(env.host.page('/axe.html', hostPage(env.linli.base, widgets)));
  await rendered(page, 'linli-vote, linli-proposals, linli-progress');
  const { default: axe } = await import('axe-core');
  await page.addScriptTag({ content: axe.source });
  const run = () =>
    page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }
      ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
      return (result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>)
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target) }));
    });
  expect(await run()).toEqual([]);
  // The confirmation, receipt and field-error states too.
  const w = page.locator('linli-vote').nth(1);
  await w.getByRole('button', { name: '下一步' }).click();
  await expect(w.getByRole('alert')).toBeVisible();
  expect(await run()).toEqual([]);
  await w.getByRole('radio', { name: '维持现状' }).check();
  await w.getByRole('button', { name: '下一步' }).click();
  expect(await run()).toEqual([]);
  await w.getByRole('button', { name: '确认投票' }).click();
  await expect(w.locator('.receipt')).toContainText('投票成功');
  expect(await run()).toEqual([]);
});

test('screenshots of every widget in zh-CN and en at 390 px and 1280 px; nothing overflows at 320 px', async ({
  browser,
}) => {
  const out = path.join(root, '.test-results', 'screenshots');
  mkdirSync(out, { recursive: true });
  const widgets: Array<[string, string]> = [
    ['vote-code', vote('elevator-3')],
    ['vote-open', vote('parking-2026')],
    [
      'proposals-wishes',
      `<linli-proposals server="${env.linli.base}" consultation="wishes" mode="wishes"></linli-proposals>`,
    ],
    ['progress', `<linli-progress server="${env.linli.base}" consultation="garbage-room"></linli-progress>`],
  ];
  for (const lang of ['zh-CN', 'en']) {
    for (const width of [320, 390, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const [name, tag] of widgets) {
        const html = hostPage(
          env.linli.base,
          `<div style="max-width:760px;margin:8px">${tag.replace('<linli-', `<linli-`).replace('></', ` lang="${lang}"></`)}</div>`,
          '',
          lang,
        );
        await page.goto(env.host.page(`/shot-${name}-${lang}.html`, html));
        await rendered(page, 'linli-vote, linli-proposals, linli-progress');
        const element = page.locator('linli-vote, linli-proposals, linli-progress').first();
        if (width === 320) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${name} ${lang} overflows at 320 px`).toBeLessThanOrEqual(0);
        } else {
          await element.screenshot({ path: path.join(out, `${name}-${lang}-${width}.png`) });
        }
      }
      await page.close();
    }
  }
});
