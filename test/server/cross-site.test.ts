import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electionBody, openCodeVote, pollBody, TestServer } from './harness';

const SITE = 'https://heping.example.org';
const EVIL = 'https://evil.example.com';

/** What another site's page can send without a preflight: no Content-Type, text/plain, a form, multipart. */
function simpleBodies(fields: Record<string, string>): Array<{ name: string; init: RequestInit }> {
  const form = new URLSearchParams(fields);
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(k, v);
  const json = JSON.stringify(fields);
  return [
    // A Blob without a type makes fetch send no Content-Type at all.
    { name: 'no Content-Type', init: { body: new Blob([json]) } },
    { name: 'text/plain', init: { body: json, headers: { 'content-type': 'text/plain' } } },
    { name: 'form', init: { body: form } },
    { name: 'multipart', init: { body: multipart } },
  ];
}

describe('cross-site writes', () => {
  const t = new TestServer({ sites: { heping: { origins: [SITE], communities: ['heping'] } } });
  let codes: Array<{ unit: string; code: string }> = [];
  let wish = '';

  const send = (path: string, init: RequestInit, origin?: string) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(origin ? { origin } : {}) },
    });
  const ballots = async (slug: string) =>
    (await t.staff('GET', `/consultations/${slug}/tally`)).body.participation.ballots as number;

  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('parking') });
    codes = await openCodeVote(t, 'lift');
    await t.staff('POST', '/consultations', {
      body: { slug: 'wishes', title: '微心愿', community: 'heping', phase: 'collecting', autoPublish: true },
    });
    const posted = await t.call('POST', '/consultations/wishes/proposals', {
      body: { kind: 'wish', title: '修好单元门', authorName: '王阿姨' },
    });
    wish = posted.body.id;
  });
  afterAll(() => t.dispose());

  it('refuses an open ballot, a proposal, a support and a claim from another site with 403, whatever the body type', async () => {
    const writes: Array<[string, Record<string, string>]> = [
      ['/api/v1/consultations/parking/ballots', { choices: 'a', voterKey: 'evil-browser-001' }],
      ['/api/v1/consultations/wishes/proposals', { kind: 'wish', title: '假的', authorName: 'x' }],
      [`/api/v1/proposals/${wish}/support`, { voterKey: 'evil-browser-001' }],
      [`/api/v1/proposals/${wish}/claim`, { claimedBy: '冒名者' }],
    ];
    for (const [path, fields] of writes) {
      for (const { name, init } of simpleBodies(fields)) {
        const res = await send(path, init, EVIL);
        expect({ path, name, status: res.status }).toEqual({ path, name, status: 403 });
        expect((await res.json()).error.code).toBe('forbidden');
      }
      // An opaque origin (a sandboxed frame, a data: page) is no better.
      expect((await send(path, simpleBodies(fields)[0]!.init, 'null')).status).toBe(403);
    }
    expect(await ballots('parking')).toBe(0);
    const board = await t.call('GET', '/consultations/wishes/proposals');
    expect(board.body.proposals).toHaveLength(1);
    expect(board.body.proposals[0]).toMatchObject({ supports: 0, status: 'published' });
  });

  it('takes JSON writes from an allowed host site, and refuses any other body type with 415', async () => {
    const ok = await send(
      '/api/v1/consultations/parking/ballots',
      {
        body: JSON.stringify({ choices: ['a'], voterKey: 'site-browser-0001' }),
        headers: { 'content-type': 'application/json' },
      },
      SITE,
    );
    expect(ok.status).toBe(201);
    for (const { name, init } of simpleBodies({ choices: 'b', voterKey: 'site-browser-0002' })) {
      const res = await send('/api/v1/consultations/parking/ballots', init, SITE);
      expect({ name, status: res.status }).toEqual({ name, status: 415 });
      expect((await res.json()).error.code).toBe('unsupported_media_type');
    }
    // No Origin at all (curl, a server) but still not JSON: 415 too.
    const typeless = await send('/api/v1/consultations/parking/ballots', simpleBodies({ voterKey: 'x' })[0]!.init);
    expect(typeless.status).toBe(415);
    expect(await ballots('parking')).toBe(1);
  });

  it('refuses the vote page form from another site or an opaque origin, and takes it from its own page', async () => {
    const fields = { choice: 'yes', code: codes[0]!.code, nonce: crypto.randomUUID() };
    for (const origin of [EVIL, SITE, 'null']) {
      for (const { name, init } of simpleBodies(fields)) {
        const res = await send('/vote/lift', init, origin);
        expect({ origin, name, status: res.status }).toEqual({ origin, name, status: 403 });
      }
    }
    expect(await ballots('lift')).toBe(0);
    const own = await send('/vote/lift', { body: new URLSearchParams(fields) }, t.url);
    expect(own.status).toBe(201);
    expect(await own.text()).toContain('回执');
    expect(await ballots('lift')).toBe(1);
  });

  it('refuses the code sheet form posted from another site', async () => {
    const res = await send(
      '/api/v1/consultations/lift/codes.html',
      { body: new URLSearchParams({ token: t.token, reissue: '1' }) },
      EVIL,
    );
    expect(res.status).toBe(403);
    const own = await send(
      '/api/v1/consultations/lift/codes.html',
      { body: new URLSearchParams({ token: t.token }) },
      t.url,
    );
    // Every unit already has a code: the sheet is empty but the form was accepted.
    expect(own.status).toBe(201);
  });
});

describe('the wrong-code lockout', () => {
  const t = new TestServer();
  beforeAll(async () => {
    await t.start();
    await openCodeVote(t, 'guess');
  });
  afterAll(() => t.dispose());

  it('checks no more than 20 wrong codes from one address, whatever Content-Type the guesses carry', async () => {
    const statuses: number[] = [];
    const types = [undefined, 'text/plain', 'application/json', 'application/json; charset=utf-8'];
    for (let i = 0; i < 48; i++) {
      const code = `ZZZZ-${String(2000 + i).replace(/[01]/g, '9')}`;
      const type = types[i % types.length];
      const res = await fetch(`${t.url}/api/v1/consultations/guess/ballots`, {
        method: 'POST',
        body: type
          ? JSON.stringify({ choices: ['yes'], code })
          : new Blob([JSON.stringify({ choices: ['yes'], code })]),
        headers: type ? { 'content-type': type } : {},
      });
      statuses.push(res.status);
    }
    // 403 is "this code is wrong": a guesser learns something only from those.
    expect(statuses.filter((s) => s === 403).length).toBeLessThanOrEqual(20);
    expect(statuses.filter((s) => s === 201)).toEqual([]);
    expect(statuses.at(-1)).toBe(429);
    // And through the vote page form as well: still locked out.
    const page = await fetch(`${t.url}/vote/guess`, {
      method: 'POST',
      body: new URLSearchParams({ choice: 'yes', code: 'ABCD-2345' }),
    });
    expect(page.status).toBe(429);
  });
});

describe('broken multipart bodies', () => {
  const t = new TestServer();
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: electionBody('lift') });
  });
  afterAll(() => t.dispose());

  const broken: Array<[string, string, string]> = [
    [
      'no boundary',
      'multipart/form-data',
      '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\nABCD-2345\r\n--x--\r\n',
    ],
    ['truncated', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\nABCD'],
  ];

  for (const [name, type, body] of broken) {
    it(`answers a ${name} multipart post with a 400 page, on the vote page and the code sheet form`, async () => {
      for (const path of ['/vote/lift', '/api/v1/consultations/lift/codes.html']) {
        const res = await fetch(`${t.url}${path}`, { method: 'POST', body, headers: { 'content-type': type } });
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.headers.get('content-type')).toContain('text/html');
        expect(await res.text()).toContain('表单内容不完整');
      }
    });
  }
});
