import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electionBody, pollBody, type Reply, TestServer } from './harness';

describe('errors, limits and headers over real HTTP', () => {
  const t = new TestServer({
    bodyLimit: 4096,
    rateLimits: {
      read: { burst: 1000, perMinute: 1000 },
      write: { burst: 1000, perMinute: 1000 },
      openBallot: { burst: 4, perMinute: 1 },
      staff: { burst: 1000, perMinute: 1000 },
    },
    sites: { district: ['https://district.example.org'] },
  });

  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: electionBody('vote') });
    await t.staff('POST', '/consultations', { body: pollBody('poll') });
  });
  afterAll(() => t.dispose());

  const expectError = (reply: Reply, status: number, code: string) => {
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(code);
    expect(typeof reply.body.error.message).toBe('string');
    expect(reply.body.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(reply.text).not.toMatch(/\bat .*\.ts:\d+|node_modules|Error:/);
  };

  it('400 names the field, from zod and from the domain', async () => {
    const bad = await t.call('POST', '/consultations/poll/ballots', { body: { choices: 'a', voterKey: 'browser-1' } });
    expectError(bad, 400, 'invalid');
    expect(bad.body.error.message).toMatch(/^choices/);
    expect(bad.body.error.messageZh).toBe('提交的内容有误：choices');
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toContain('choices');

    const nested = await t.staff('POST', '/consultations', {
      body: {
        slug: 'x-1',
        title: 'x',
        ballot: {
          method: 'single',
          eligibility: 'open',
          rule: 'plurality',
          options: [
            { id: 'a b', label: 'A' },
            { id: 'c', label: 'C' },
          ],
        },
      },
    });
    expectError(nested, 400, 'invalid');
    expect(nested.body.error.issues[0].path).toBe('ballot.options[0].id');

    const unknownOption = await t.call('POST', '/consultations/poll/ballots', {
      body: { choices: ['zzz'], voterKey: 'browser-0002' },
    });
    expectError(unknownOption, 400, 'invalid');
    expect(unknownOption.body.error.message).toMatch(/choices/);

    const notJson = await t.call('POST', '/consultations/poll/proposals', {
      raw: { text: '{oops', type: 'application/json' },
    });
    expectError(notJson, 400, 'invalid');
    expect(notJson.body.error.message).toMatch(/^\(body\)/);

    const key = await t.call('POST', '/consultations/poll/ballots', {
      body: { choices: ['a'], voterKey: 'browser-0003' },
      headers: { 'Idempotency-Key': 'has space' },
    });
    expectError(key, 400, 'invalid');
    expect(key.body.error.message).toMatch(/^Idempotency-Key/);
  });

  it('401 without or with a bad token, with WWW-Authenticate', async () => {
    const none = await t.call('POST', '/consultations', { body: electionBody('nope') });
    expectError(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectError(
      await t.call('POST', '/consultations', { body: electionBody('nope'), token: 'wrong' }),
      401,
      'unauthorized',
    );
    expectError(
      await t.call('GET', '/consultations/vote', { headers: { authorization: 'Basic abc' } }),
      401,
      'unauthorized',
    );
  });

  it('403 for a public caller asking for unpublished proposals, and for a department token managing consultations', async () => {
    expectError(await t.call('GET', '/consultations/vote/proposals?status=pending'), 403, 'forbidden');
    await t.service.addDepartment('房管办');
    const departmentToken = await t.service.createToken({ name: '房管办 小李', department: '房管办' });
    expectError(
      await t.call('POST', '/consultations', { body: electionBody('dept'), token: departmentToken }),
      403,
      'forbidden',
    );
    const wrongCode = await t.call('POST', '/consultations/vote/ballots', {
      body: { choices: ['yes'], code: 'ABCD-2345' },
    });
    expect([403, 409]).toContain(wrongCode.status);
  });

  it('404 for unknown routes, consultations, proposals and receipts', async () => {
    expectError(await t.call('GET', '/no/such/route'), 404, 'not_found');
    expectError(await t.call('GET', '/api/v2/consultations'), 404, 'not_found');
    expectError(await t.call('GET', '/consultations/nowhere'), 404, 'not_found');
    expectError(await t.call('GET', '/consultations/nowhere/events'), 404, 'not_found');
    expectError(
      await t.call('POST', '/proposals/nope/support', { body: { voterKey: 'browser-0004' } }),
      404,
      'not_found',
    );
    expectError(await t.call('GET', '/receipts/r_nothing'), 404, 'not_found');
  });

  it('409 for a second ballot by the same voter', async () => {
    const first = await t.call('POST', '/consultations/poll/ballots', {
      body: { choices: ['a'], voterKey: 'browser-0409' },
    });
    expect(first.status).toBe(201);
    expectError(
      await t.call('POST', '/consultations/poll/ballots', { body: { choices: ['b'], voterKey: 'browser-0409' } }),
      409,
      'conflict',
    );
  });

  it('413 above the body limit, with or without Content-Length', async () => {
    const big = 'x'.repeat(10_000);
    expectError(
      await t.call('POST', '/consultations/poll/proposals', { body: { title: 't', body: big, authorName: 'a' } }),
      413,
      'payload_too_large',
    );
    const chunked = await fetch(`${t.url}/api/v1/consultations/poll/proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('payload_too_large');
  });

  it('415 for a roll that is not CSV', async () => {
    expectError(
      await t.staff('POST', '/consultations/vote/roll', { body: { rows: [] } }),
      415,
      'unsupported_media_type',
    );
  });

  it('429 with Retry-After once open ballots from one address exceed the limit', async () => {
    let limited: Awaited<ReturnType<typeof t.call>> | undefined;
    for (let i = 0; i < 5 && !limited; i++) {
      const reply = await t.call('POST', '/consultations/poll/ballots', {
        body: { choices: ['a'], voterKey: `browser-rl-${i}000` },
      });
      if (reply.status === 429) limited = reply;
    }
    expect(limited).toBeDefined();
    expectError(limited!, 429, 'rate_limited');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Code ballots are not limited per address: a 居委会 office may host many voters.
    expect((await t.call('GET', '/consultations/vote')).status).toBe(200);
  });

  it('500 hides the error: no message, no stack', async () => {
    const original = t.service.getReceipt;
    t.service.getReceipt = async () => {
      throw new Error('SQLITE_CORRUPT at /srv/linli/secret.db');
    };
    try {
      const reply = await t.call('GET', '/receipts/r_anything');
      expectError(reply, 500, 'internal');
      expect(reply.text).not.toContain('secret');
      expect(reply.text).not.toContain('SQLITE');
    } finally {
      t.service.getReceipt = original;
    }
  });

  it('CORS: a configured origin is allowed, any other is not', async () => {
    const allowed = await t.call('GET', '/consultations/vote', { headers: { origin: 'https://district.example.org' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://district.example.org');
    const other = await t.call('GET', '/consultations/vote', { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const local = await t.call('GET', '/consultations/vote', { headers: { origin: 'http://localhost:5173' } });
    expect(local.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await fetch(`${t.url}/api/v1/consultations/vote/ballots`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://district.example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://district.example.org');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
  });

  it('sets security headers on every response, errors included', async () => {
    for (const reply of [await t.call('GET', '/consultations/vote'), await t.call('GET', '/consultations/none')]) {
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(reply.headers.get('referrer-policy')).toBe('same-origin');
      expect(reply.headers.get('strict-transport-security')).toBeTruthy();
      expect(reply.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('CORS in demo mode', () => {
  const t = new TestServer({ demo: true });
  beforeAll(() => t.start());
  afterAll(() => t.dispose());

  it('allows any local origin, still not others', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://localhost']) {
      const reply = await t.call('GET', '/healthz', { headers: { origin } });
      expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const remote = await t.call('GET', '/healthz', { headers: { origin: 'http://localhost.evil.com' } });
    expect(remote.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('validation messages', () => {
  const t = new TestServer();
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('poll') });
  });
  afterAll(() => t.dispose());

  it('names an unknown field and the body itself', async () => {
    const phase = await t.staff('PATCH', '/consultations/poll', { body: { phase: 'closed' } });
    expect(phase.status).toBe(400);
    expect(phase.body.error.message).toBe('phase: unknown field');
    const array = await t.call('POST', '/consultations/poll/proposals', { body: [1, 2] });
    expect(array.status).toBe(400);
    expect(array.body.error.message).toMatch(/^\(body\): /);
    const empty = await t.staff('PATCH', '/consultations/poll', { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/at least one field/);
  });
});
