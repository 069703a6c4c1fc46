import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electionBody, ROLL_CSV, TestServer } from './harness';

/** Posts the browser form of GET …/codes.html, as a staff member's browser would. */
function submitForm(t: TestServer, slug: string, fields: Record<string, string>) {
  return fetch(`${t.url}/api/v1/consultations/${slug}/codes.html`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

const codesOn = (html: string) => [...html.matchAll(/class="code">([A-Z0-9-]+)</g)].map((m) => m[1]!);

describe('printing voting codes', () => {
  const t = new TestServer();

  beforeAll(async () => {
    await t.start();
    for (const slug of ['lift-1', 'lift-2', 'lift-gbk']) {
      expect((await t.staff('POST', '/consultations', { body: electionBody(slug) })).status).toBe(201);
    }
    for (const slug of ['lift-1', 'lift-2']) {
      await t.staff('POST', `/consultations/${slug}/roll`, { raw: { text: ROLL_CSV, type: 'text/csv' } });
    }
  });
  afterAll(() => t.dispose());

  it('opens a page in the browser that issues nothing; its form prints the sheet with the staff token', async () => {
    const page = await fetch(`${t.url}/api/v1/consultations/lift-1/codes.html`);
    expect(page.status).toBe(200);
    const form = await page.text();
    expect(form).toContain('工作人员令牌');
    expect(form).toContain('<form method="post"');
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    // Opening the page (even twice) issued no code: every unit still gets its first code below.
    await fetch(`${t.url}/api/v1/consultations/lift-1/codes.html`);

    const sheet = await submitForm(t, 'lift-1', { token: t.token });
    expect(sheet.status).toBe(201);
    expect(sheet.headers.get('cache-control')).toBe('no-store');
    const html = await sheet.text();
    expect(html.match(/class="card"/g)).toHaveLength(4);
    expect(html).toContain(`${t.url}/vote/lift-1`);
    const code = codesOn(html)[0]!;
    const ballot = await t.call('POST', '/consultations/lift-1/ballots', { body: { choices: ['yes'], code } });
    expect(ballot.status).toBe(201);

    // Nothing left to issue, then a reissue for the three units that have not voted.
    expect(codesOn(await (await submitForm(t, 'lift-1', { token: t.token })).text())).toHaveLength(0);
    expect(codesOn(await (await submitForm(t, 'lift-1', { token: t.token, reissue: '1' })).text())).toHaveLength(3);
  });

  it('refuses the form without a valid manager token, on the page itself', async () => {
    const none = await submitForm(t, 'lift-2', {});
    expect(none.status).toBe(401);
    expect(await none.text()).toContain('请输入工作人员令牌');
    const wrong = await submitForm(t, 'lift-2', { token: 'linli_not-a-token' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('令牌不正确');
    await t.service.addDepartment('房管办');
    const department = await t.service.createToken({ name: '房管办', department: '房管办' });
    expect((await submitForm(t, 'lift-2', { token: department })).status).toBe(403);
    // None of these issued codes: the API still issues all four.
    const issued = await t.staff('POST', '/consultations/lift-2/codes', { body: {} });
    expect(issued.body.codes).toHaveLength(4);
  });

  it('prints the sheet through the API with format "html", and JSON stays the default', async () => {
    const sheet = await t.staff('POST', '/consultations/lift-2/codes', { body: { reissue: true, format: 'html' } });
    expect(sheet.status).toBe(201);
    expect(sheet.headers.get('content-type')).toContain('text/html');
    expect(codesOn(sheet.text)).toHaveLength(4);
    expect((await t.call('POST', '/consultations/lift-2/codes', { body: { format: 'html' } })).status).toBe(401);
    const bad = await t.staff('POST', '/consultations/lift-2/codes', { body: { format: 'pdf' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('format');
  });

  it('imports a roll sent as GBK bytes, and names a file that is not text', async () => {
    // "房号,姓名,面积,人数\r\n101,王*,86.20,1\r\n102,李*,72.45,2\r\n" in GBK, as Excel/WPS save CSV on Chinese Windows.
    const gbk = Buffer.from(
      'b7bfbac52cd0d5c3fb2cc3e6bbfd2cc8cbcafd0d0a3130312ccdf52a2c38362e32302c310d0a3130322cc0ee2a2c37322e34352c320d0a',
      'hex',
    );
    const post = (body: BodyInit) =>
      fetch(`${t.url}/api/v1/consultations/lift-gbk/roll`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${t.token}` },
      });
    const imported = await post(gbk);
    expect(imported.status).toBe(201);
    expect(await imported.json()).toEqual({ units: 2, totalArea: '158.65', totalCount: 3 });
    const binary = await post(Buffer.from('fffe00d8ff80ff00', 'hex'));
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { error: { message: string } }).error.message).toMatch(/not UTF-8 or GBK text/);
  });
});
