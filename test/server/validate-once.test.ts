/**
 * The ballot route validates its inputs in one synchronous step (server/routes/validate-once.ts) instead of the
 * async validators `.openapi` puts in front of a handler. Same declaration, same answers: both ways are served here
 * over real HTTP (Node's request, as in production) and every request, good or bad, must get the same status and
 * body from both, and the handler the same validated values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../server/http/errors';
import { jsonBody } from '../../server/http/json-body';
import { type Listening, listen } from '../../server/http/listen';
import { silentLogger } from '../../server/http/log';
import { castBallot } from '../../server/routes/ballots.routes';
import { type AppRouteHandler, router } from '../../server/routes/openapi';
import { openapiOnce } from '../../server/routes/validate-once';

/** Answers what the handler was given, so a difference in the validated values shows too. */
const echo: AppRouteHandler<typeof castBallot> = (c) =>
  c.json(
    {
      receiptId: 'r_echo',
      consultationId: c.req.valid('param').slug,
      seq: 1,
      ballotHash: JSON.stringify(c.req.valid('json')),
      chainHash: JSON.stringify(c.req.valid('header')),
      at: '2026-01-01T00:00:00.000Z',
      binding: true,
      replayed: false,
    },
    201,
  );

function app(once: boolean) {
  const api = router();
  api.onError(errorHandler(silentLogger));
  api.use('*', jsonBody());
  return once ? openapiOnce(api, castBallot, echo) : api.openapi(castBallot, echo);
}

interface Case {
  name: string;
  path?: string;
  body?: string;
  type?: string;
  headers?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'a good ballot', body: '{"choices":["yes"],"code":"ABCD-2345"}', headers: { 'Idempotency-Key': 'k-1' } },
  { name: 'charset parameter', body: '{"choices":["yes"]}', type: 'application/json; charset=utf-8' },
  { name: 'a +json media type', body: '{"choices":["yes"]}', type: 'application/vnd.linli+json' },
  { name: 'the code is trimmed', body: '{"choices":["no"],"code":"  ABCD-2345  "}' },
  { name: 'choices not an array', body: '{"choices":"a","voterKey":"browser-1"}' },
  { name: 'an empty choice', body: '{"choices":[""]}' },
  { name: 'an unknown field', body: '{"choices":["yes"],"extra":1}' },
  { name: 'neither choices nor allocation', body: '{"code":"ABCD-2345"}' },
  { name: 'an empty body', body: '' },
  { name: 'null', body: 'null' },
  { name: 'an array', body: '[1]' },
  { name: 'not JSON', body: '{oops' },
  { name: 'a bad slug', path: '/consultations/Not_A_Slug/ballots', body: '{"choices":["yes"]}' },
  { name: 'a bad Idempotency-Key', body: '{"choices":["yes"]}', headers: { 'Idempotency-Key': 'has space' } },
  { name: 'a long Idempotency-Key', body: '{"choices":["yes"]}', headers: { 'Idempotency-Key': 'k'.repeat(129) } },
  {
    name: 'bad slug, key and body at once (which is named first)',
    path: '/consultations/BAD/ballots',
    body: '{"choices":1}',
    headers: { 'Idempotency-Key': 'a b' },
  },
  { name: 'bad key and body', body: '{"choices":1}', headers: { 'Idempotency-Key': 'a b' } },
  { name: 'text/plain', body: '{"choices":["yes"]}', type: 'text/plain' },
  { name: 'a trailing semicolon', body: '{"choices":["yes"]}', type: 'application/json;' },
  { name: 'no body, no type', type: '' },
];

describe('the ballot route validated once', () => {
  let oneStep: Listening;
  let openapi: Listening;

  beforeAll(async () => {
    oneStep = await listen(app(true), 0, '127.0.0.1');
    openapi = await listen(app(false), 0, '127.0.0.1');
  });
  afterAll(async () => {
    await oneStep.close();
    await openapi.close();
  });

  const send = async (server: Listening, c: Case) => {
    const headers: Record<string, string> = { ...c.headers };
    const type = c.type ?? 'application/json';
    if (type) headers['content-type'] = type;
    const res = await fetch(`${server.url}${c.path ?? '/consultations/elevator-3/ballots'}`, {
      method: 'POST',
      headers,
      ...(c.body !== undefined ? { body: c.body } : {}),
    });
    return { status: res.status, body: await res.text() };
  };

  it.each(CASES.map((c) => [c.name, c] as const))('%s: the same answer as .openapi', async (_name, c) => {
    const [got, want] = await Promise.all([send(oneStep, c), send(openapi, c)]);
    expect(got).toEqual(want);
  });

  it('answers a bad body with 400 naming the field, and a good one with the validated values', async () => {
    const bad = await send(oneStep, { name: '', body: '{"choices":[""],"code":"ABCD-2345"}' });
    expect(bad.status).toBe(400);
    const error = JSON.parse(bad.body).error;
    expect(error).toMatchObject({ code: 'invalid', messageZh: '提交的内容有误：choices[0]' });
    expect(error.message).toMatch(/^choices\[0\]: /);
    const key = await send(oneStep, { name: '', body: '{"choices":["yes"]}', headers: { 'Idempotency-Key': 'a b' } });
    expect(JSON.parse(key.body).error.message).toMatch(/^Idempotency-Key: /);
    const good = await send(oneStep, {
      name: '',
      body: '{"choices":["yes"],"code":" ABCD-2345 "}',
      headers: { 'Idempotency-Key': 'k-9' },
    });
    expect(good.status).toBe(201);
    const echoed = JSON.parse(good.body);
    expect(echoed.consultationId).toBe('elevator-3');
    expect(JSON.parse(echoed.ballotHash)).toEqual({ choices: ['yes'], code: 'ABCD-2345' });
    expect(JSON.parse(echoed.chainHash)).toEqual({ 'idempotency-key': 'k-9' });
  });

  it('refuses a route it cannot validate the same way, when it is declared', () => {
    const form = {
      ...castBallot,
      request: {
        body: {
          content: { 'multipart/form-data': { schema: castBallot.request.body.content['application/json'].schema } },
          required: true,
        },
      },
    };
    expect(() => openapiOnce(router(), form, echo as never)).toThrow(/validateOnce takes required JSON bodies/);
  });
});
