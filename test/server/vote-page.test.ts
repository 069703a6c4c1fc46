import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCodeVote, pollBody, TestServer } from './harness';

/** The printed QR code leads here: a resident votes with the code on the card, with no script on the page. */
describe('the /vote page behind the printed codes', () => {
  const t = new TestServer();
  let codes: Array<{ unit: string; code: string }> = [];

  const page = (path: string, init: RequestInit = {}) => fetch(`${t.url}${path}`, { redirect: 'manual', ...init });
  const post = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
    return page(path, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  };
  const nonceOf = (html: string) => /name="nonce" value="([^"]+)"/.exec(html)![1]!;

  beforeAll(async () => {
    await t.start();
    codes = await openCodeVote(t, 'lift-7', { title: '7号楼<script>alert(1)</script>加装电梯' });
    await t.staff('POST', '/consultations', { body: pollBody('parking-9') });
  });
  afterAll(() => t.dispose());

  it('shows the question with the code from the QR link filled in, escaping every text', async () => {
    const res = await page(`/vote/lift-7?code=${codes[0]!.code}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(html).toContain(`value="${codes[0]!.code}"`);
    expect(html).toContain('7号楼&lt;script&gt;alert(1)&lt;/script&gt;加装电梯');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/type="radio" name="choice" value="yes"[^>]*> 同意/);
    // A secret ballot says before the vote when its count is published; an open poll shows its count live.
    expect(html).toContain('无记名投票：为保护每户的选择，结果在投票结束后公布。');
    const poll = await (await page('/vote/parking-9')).text();
    expect(poll).not.toContain('结果在投票结束后公布');
    // Only the open poll is marked non-binding (core's isBinding, as the API and the widget).
    expect(poll).toContain('意向调查，不具法律约束力');
    expect(html).not.toContain('意向调查');
  });

  it('casts the ballot, shows a receipt, and replays the same receipt when the form is sent twice', async () => {
    const form = await (await page('/vote/lift-7')).text();
    const fields = { choice: 'yes', code: codes[0]!.code.toLowerCase(), nonce: nonceOf(form) };
    const first = await post('/vote/lift-7', fields);
    const receiptHtml = await first.text();
    expect(first.status).toBe(201);
    expect(receiptHtml).toContain('投票成功');
    const receiptId = /<dt>回执编号<\/dt><dd><code>([^<]+)<\/code>/.exec(receiptHtml)![1]!;
    expect((await t.call('GET', `/receipts/${receiptId}`)).status).toBe(200);

    const again = await post('/vote/lift-7', fields);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(receiptId);
    const tally = await t.call('GET', '/consultations/lift-7/tally');
    expect(tally.body.participation.ballots).toBe(1);
  });

  it('tells the resident in Chinese when a code is used or wrong, keeping what they chose', async () => {
    const used = await post('/vote/lift-7', { choice: 'no', code: codes[0]!.code, nonce: crypto.randomUUID() });
    expect(used.status).toBe(409);
    const usedHtml = await used.text();
    expect(usedHtml).toContain('这个投票码已经使用过了');
    expect(usedHtml).toMatch(/value="no" checked/);
    const wrong = await post('/vote/lift-7', { choice: 'no', code: 'ABCD-2345', nonce: crypto.randomUUID() });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('投票码不正确');
  });

  it('refuses a form posted from another site', async () => {
    const res = await post(
      '/vote/lift-7',
      { choice: 'yes', code: codes[1]!.code, nonce: crypto.randomUUID() },
      {
        origin: 'https://evil.example',
      },
    );
    expect(res.status).toBe(403);
    expect((await t.call('GET', '/consultations/lift-7/tally')).body.participation.ballots).toBe(1);
  });

  it('lets a browser answer an open poll once, marked non-binding', async () => {
    const first = await page('/vote/parking-9');
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const html = await first.text();
    expect(html).toContain('不具法律约束力');
    const ok = await post('/vote/parking-9', { choice: 'b', nonce: nonceOf(html) }, { cookie });
    expect(ok.status).toBe(201);
    const twice = await post('/vote/parking-9', { choice: 'a', nonce: crypto.randomUUID() }, { cookie });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('您已经投过票了');
  });

  it('answers an unknown consultation with a 404 page', async () => {
    const res = await page('/vote/no-such-thing');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('没有找到这个事项');
  });
});
