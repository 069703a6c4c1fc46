/**
 * The ballot route has two ways in: the Node handler in front of the app (server/http/ballot-fast-path.ts), which takes
 * the common case, and the Hono route declared with @hono/zod-openapi, which takes everything else. A resident, a host
 * site or a guesser must not be able to tell them apart. Two servers with the same configuration, one with the fast
 * path and one with the app alone, get the same requests over real sockets, byte for byte, in the same order; every
 * answer's status, headers (security headers, CORS) and body must be the same, apart from what is random per server
 * (receipt ids, hashes, times). The fast path's server also records which requests it passed to the app, so the test
 * fails if the fast path takes what it must not, or quietly takes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollBody, TestServer } from './harness';
import { type Answer, exchange } from './raw-http';

const SITE = 'https://heping.example.org';
const EVIL = 'https://evil.example.com';
const CONFIG = {
  sites: { heping: { origins: [SITE], communities: ['heping'] } },
  bodyLimit: 4096,
  codeFailures: { failures: 3, windowMinutes: 10 },
  rateLimits: { openBallot: { burst: 3, perMinute: 1 } },
};

/** A roll of `n` units, one owner and 80 m² each. */
const roll = (n: number) =>
  ['房号,姓名,面积,人数', ...Array.from({ length: n }, (_, i) => `${1001 + i},业主${i},80.00,1`)].join('\n');

/** What one server's state makes of a request: its own printed codes (unit 1001 + i) and its port. */
interface Target {
  t: TestServer;
  code: (i: number) => string;
  port: number;
}

interface Case {
  name: string;
  /** Which way the fast path's server must serve it. */
  by: 'fast path' | 'app';
  status: number;
  method?: string;
  path?: string;
  /** null: no Content-Type at all. */
  type?: string | null;
  headers?: Record<string, string>;
  body?: (to: Target) => string;
  /** Sent as chunks (`Transfer-Encoding: chunked`) instead of with a Content-Length. */
  chunked?: boolean;
  /** The body a moment after the headers. */
  late?: boolean;
}

const BALLOTS = '/api/v1/consultations/lift/ballots';
const ballot = (choice: string, code: string) => JSON.stringify({ choices: [choice], code });

function request(to: Target, c: Case): string[] {
  const body = c.body ? Buffer.from(c.body(to)) : null;
  const lines = [`${c.method ?? 'POST'} ${c.path ?? BALLOTS} HTTP/1.1`, `Host: 127.0.0.1:${to.port}`];
  const type = c.type === undefined ? 'application/json' : c.type;
  if (type !== null) lines.push(`Content-Type: ${type}`);
  for (const [name, value] of Object.entries(c.headers ?? {})) lines.push(`${name}: ${value}`);
  if (body && c.chunked) lines.push('Transfer-Encoding: chunked');
  else if (body) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  const head = lines.join('\r\n');
  if (!body) return [head];
  const text = body.toString('latin1');
  if (c.chunked) return [head, `${body.length.toString(16)}\r\n${text}\r\n0\r\n\r\n`];
  return c.late ? [head, text] : [head + text];
}

const RECEIPT_ID = /^r_[0-9a-z]{8}[\w-]{22}$/;
const HASH = /^[0-9a-f]{64}$/;

/** The answer with what differs between two servers by chance alone (ids, hashes, times) checked and masked. */
function masked(answer: Answer): Answer {
  const { date, ...headers } = answer.headers;
  expect(date).toBeDefined();
  if (headers.location) {
    expect(headers.location).toMatch(/^\/api\/v1\/receipts\/r_/);
    headers.location = '/api/v1/receipts/(id)';
  }
  let body = answer.body;
  // A 429's wait is counted from each server's own first request, a moment apart: compared apart, within a second.
  if (answer.status === 429) {
    expect(Number(headers['retry-after'])).toBeGreaterThan(0);
    headers['retry-after'] = '(s)';
    body = body.replaceAll(/\d+/g, '(n)');
  }
  if (headers['content-type']?.startsWith('application/json') && body) {
    const value = JSON.parse(body);
    if (typeof value.receiptId === 'string') {
      expect(value.receiptId).toMatch(RECEIPT_ID);
      expect(value.ballotHash).toMatch(HASH);
      expect(value.chainHash).toMatch(HASH);
      expect(Number.isNaN(Date.parse(value.at))).toBe(false);
      expect(value.consultationId).toMatch(/^c_[\w-]{16}$/);
      Object.assign(value, {
        receiptId: '(id)',
        consultationId: '(id)',
        ballotHash: '(hash)',
        chainHash: '(hash)',
        at: '(time)',
      });
      // The secret only its holder knows (it commits the hashes of a receipts-only box): random per ballot.
      if (value.secret !== undefined) {
        expect(value.secret).toMatch(HASH);
        value.secret = '(secret)';
      }
    }
    body = JSON.stringify(value);
  }
  return { status: answer.status, headers, body };
}

describe('the ballot fast path answers as the app does', () => {
  const passed: string[] = [];
  const fast = new TestServer(
    CONFIG,
    (linli) => (req, res, app) =>
      linli.front(req, res, (request, response) => {
        passed.push(`${req.method} ${req.url}`);
        return app(request, response);
      }),
  );
  const hono = new TestServer(CONFIG, () => undefined);
  const targets: Target[] = [];

  beforeAll(async () => {
    for (const t of [fast, hono]) {
      await t.start();
      for (const slug of ['lift', 'lift-guess']) {
        const body = { slug, title: '3号楼加装电梯', summary: 'test', community: 'heping', phase: 'voting' };
        const ballotDef = { method: 'yesno', eligibility: 'code', rule: 'civil-code-major' };
        expect((await t.staff('POST', '/consultations', { body: { ...body, ballot: ballotDef } })).status).toBe(201);
        const imported = await t.staff('POST', `/consultations/${slug}/roll`, {
          raw: { text: roll(16), type: 'text/csv' },
        });
        expect(imported.status).toBe(201);
      }
      const codes: Array<{ unit: string; code: string }> = (
        await t.staff('POST', '/consultations/lift/codes', { body: {} })
      ).body.codes;
      const byUnit = new Map(codes.map((c) => [c.unit, c.code]));
      const closed = { slug: 'lift-closed', title: '已结束的表决', summary: 'test', community: 'heping' };
      const created = await t.staff('POST', '/consultations', {
        body: { ...closed, phase: 'closed', ballot: { method: 'yesno', eligibility: 'open', rule: 'simple-majority' } },
      });
      expect(created.status).toBe(201);
      expect((await t.staff('POST', '/consultations', { body: pollBody('parking') })).status).toBe(201);
      targets.push({ t, code: (i) => byUnit.get(String(1001 + i))!, port: t.server.port });
    }
  });
  afterAll(async () => {
    await fast.dispose();
    await hono.dispose();
  });

  /** The same request to both servers, one after the other; the fast path's server says which way it went. */
  async function both(c: Case): Promise<[Answer, Answer]> {
    const before = passed.length;
    const got = await exchange(targets[0]!.port, request(targets[0]!, c));
    expect({ name: c.name, by: passed.length > before ? 'app' : 'fast path' }).toEqual({ name: c.name, by: c.by });
    const want = await exchange(targets[1]!.port, request(targets[1]!, c));
    return [got, want];
  }

  const cases: Case[] = [
    {
      name: 'a valid ballot',
      by: 'fast path',
      status: 201,
      headers: { 'Idempotency-Key': 'k-1' },
      body: (to) => ballot('yes', to.code(0)),
    },
    {
      name: 'the same ballot again with its Idempotency-Key (the same receipt)',
      by: 'fast path',
      status: 200,
      headers: { 'Idempotency-Key': 'k-1' },
      body: (to) => ballot('yes', to.code(0)),
    },
    {
      name: 'a second ballot with a used code',
      by: 'fast path',
      status: 409,
      headers: { 'Idempotency-Key': 'k-2' },
      body: (to) => ballot('no', to.code(0)),
    },
    {
      name: 'a charset parameter',
      by: 'fast path',
      status: 201,
      type: 'application/json; charset=utf-8',
      body: (to) => ballot('no', to.code(2)),
    },
    {
      name: 'a body that comes after its headers',
      by: 'fast path',
      status: 201,
      late: true,
      body: (to) => ballot('yes', to.code(3)),
    },
    {
      name: 'an empty choice: 400 naming the field',
      by: 'fast path',
      status: 400,
      body: (to) => JSON.stringify({ choices: [''], code: to.code(4) }),
    },
    { name: 'not JSON', by: 'fast path', status: 400, body: () => '{"choices":["yes"],' },
    {
      name: 'an Idempotency-Key with a space',
      by: 'fast path',
      status: 400,
      headers: { 'Idempotency-Key': 'a b' },
      body: (to) => ballot('yes', to.code(4)),
    },
    {
      name: 'a bad slug',
      by: 'fast path',
      status: 400,
      path: '/api/v1/consultations/Not_A_Slug/ballots',
      body: (to) => ballot('yes', to.code(4)),
    },
    {
      name: 'an unknown vote',
      by: 'fast path',
      status: 404,
      path: '/api/v1/consultations/no-such-vote/ballots',
      body: (to) => ballot('yes', to.code(4)),
    },
    {
      name: 'a closed vote',
      by: 'fast path',
      status: 410,
      path: '/api/v1/consultations/lift-closed/ballots',
      body: () => JSON.stringify({ choices: ['yes'], voterKey: 'browser-closed' }),
    },
    {
      name: 'from the host site allowed for this vote (CORS headers)',
      by: 'fast path',
      status: 201,
      headers: { Origin: SITE },
      body: (to) => ballot('yes', to.code(5)),
    },
    {
      name: 'a CORS preflight',
      by: 'app',
      status: 204,
      method: 'OPTIONS',
      type: null,
      headers: {
        Origin: SITE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    },
    {
      name: 'from a foreign site (no cross-site writes)',
      by: 'app',
      status: 403,
      headers: { Origin: EVIL },
      body: (to) => ballot('yes', to.code(6)),
    },
    {
      name: 'from an opaque origin',
      by: 'app',
      status: 403,
      headers: { Origin: 'null' },
      body: (to) => ballot('yes', to.code(6)),
    },
    { name: 'as text/plain', by: 'app', status: 415, type: 'text/plain', body: (to) => ballot('yes', to.code(6)) },
    { name: 'with no Content-Type', by: 'app', status: 415, type: null, body: (to) => ballot('yes', to.code(6)) },
    {
      name: 'a +json media type',
      by: 'app',
      status: 201,
      type: 'application/vnd.linli+json',
      body: (to) => ballot('yes', to.code(6)),
    },
    {
      name: 'larger than the body limit',
      by: 'app',
      status: 413,
      body: (to) => JSON.stringify({ choices: ['yes'], code: to.code(7), voterKey: 'x'.repeat(5000) }),
    },
    { name: 'a chunked body', by: 'app', status: 201, chunked: true, body: (to) => ballot('no', to.code(7)) },
    {
      name: 'a query string',
      by: 'app',
      status: 201,
      path: `${BALLOTS}?from=qr`,
      body: (to) => ballot('yes', to.code(8)),
    },
    {
      name: 'a percent-encoded slug',
      by: 'app',
      status: 201,
      path: '/api/v1/consultations/%6Cift/ballots',
      body: (to) => ballot('yes', to.code(9)),
    },
    { name: 'a trailing slash', by: 'app', status: 404, path: `${BALLOTS}/`, body: (to) => ballot('yes', to.code(10)) },
    { name: 'a GET', by: 'app', status: 404, method: 'GET', type: null },
    {
      name: 'with staff credentials',
      by: 'app',
      status: 401,
      headers: { Authorization: 'Bearer not-a-token' },
      body: (to) => ballot('yes', to.code(10)),
    },
    ...[0, 1, 2].map(
      (i): Case => ({
        name: `wrong code ${i + 1} of 3`,
        by: 'fast path',
        status: 403,
        path: '/api/v1/consultations/lift-guess/ballots',
        body: () => ballot('yes', `ZZZZ-${2345 + i}`),
      }),
    ),
    {
      name: 'a fourth wrong code: 429 with Retry-After',
      by: 'fast path',
      status: 429,
      path: '/api/v1/consultations/lift-guess/ballots',
      body: () => ballot('yes', 'ZZZZ-2349'),
    },
    ...[1, 2, 3].map(
      (i): Case => ({
        name: `open ballot ${i} from one address (the closed vote took one from its limit)`,
        by: 'fast path',
        status: i < 3 ? 201 : 429,
        path: '/api/v1/consultations/parking/ballots',
        body: () => JSON.stringify({ choices: ['a'], voterKey: `browser-${i}` }),
      }),
    ),
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const [got, want] = await both(c);
    expect(got.status).toBe(c.status);
    const wait = (a: Answer) => Number(a.headers['retry-after'] ?? 0);
    expect(Math.abs(wait(got) - wait(want))).toBeLessThanOrEqual(1);
    expect(masked(got)).toEqual(masked(want));
  });

  it('answers two ballots with one code sent at once with one 201 and one 409, as the app does', async () => {
    const pair = (to: Target) =>
      Promise.all(
        ['k-a', 'k-b'].map((key) =>
          exchange(
            to.port,
            request(to, {
              name: '',
              by: 'fast path',
              status: 0,
              headers: { 'Idempotency-Key': key },
              body: () => ballot('yes', to.code(1)),
            }),
          ),
        ),
      );
    const before = passed.length;
    const [got, want] = await Promise.all([pair(targets[0]!), pair(targets[1]!)]);
    expect(passed.length).toBe(before);
    // Which refusal the loser gets depends on how far the winner had gone (its code already marked used, or its
    // ballot meeting the winner's row in the box), on either path and from run to run: the two are compared as 409
    // conflicts with their headers, and the winner's answer whole.
    const asRace = (a: Answer) => {
      if (a.status !== 409) return a;
      const { 'content-length': _length, ...headers } = a.headers;
      return { ...a, headers, body: (JSON.parse(a.body) as { error: { code: string } }).error.code };
    };
    const sorted = (answers: Answer[]) =>
      answers
        .map(masked)
        .sort((a, b) => a.status - b.status)
        .map(asRace);
    expect(sorted(got).map((a) => a.status)).toEqual([201, 409]);
    expect(sorted(got)).toEqual(sorted(want));
    expect(sorted(got)[1]!.body).toBe('conflict');
  });

  it('counts the same ballots on both servers, and keeps every one it answered 201 for after a restart', async () => {
    const tally = async (t: TestServer) => (await t.call('GET', '/consultations/lift/tally')).body;
    const [got, want] = [await tally(fast), await tally(hono)];
    expect(got.participation.ballots).toBe(9);
    expect(got.totals).toEqual(want.totals);
    const box = (await fast.call('GET', '/consultations/lift/ballot-box')).body;
    expect(box.entries).toHaveLength(9);
    await fast.restart();
    expect((await tally(fast)).participation.ballots).toBe(9);
  });
});
