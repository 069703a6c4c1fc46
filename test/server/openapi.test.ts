import { API_PREFIX } from '@linli/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer } from './contract';
import { pollBody, TestServer } from './harness';

/** The contract is declared once: what is served is documented, and what is documented is what is answered. */
describe('the OpenAPI document generated from the route declarations', () => {
  const t = new TestServer();
  // biome-ignore lint/suspicious/noExplicitAny: the document is read field by field
  let doc: any;

  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('poll') });
    doc = (await t.call('GET', '/openapi.json')).body;
  });
  afterAll(() => t.dispose());

  it('lists every route the mounted app serves under /api/v1', () => {
    const served = t.linli.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith(`${API_PREFIX}/`))
      .map((r) => `${r.method.toLowerCase()} ${r.path.slice(API_PREFIX.length).replace(/:([^/]+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(20);
    const missing = served.filter((entry) => {
      const [method, path] = entry.split(' ') as [string, string];
      return !doc.paths[path]?.[method];
    });
    expect(missing).toEqual([]);
  });

  it('documents what the hand-written list missed: the community filter, the codes page, site keys, the HTML sheet', () => {
    const list = doc.paths['/consultations'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toContain('community');
    expect(doc.paths['/consultations/{slug}/codes.html'].get.responses['200'].content).toHaveProperty('text/html');
    expect(doc.paths['/consultations/{slug}/codes.html'].post.responses['201'].content).toHaveProperty('text/html');
    const siteKey = doc.paths['/sites/{site}/keys'].post.responses['201'].content['application/json'].schema;
    expect(siteKey.$ref).toBe('#/components/schemas/SiteKeyResponse');
    expect(doc.components.schemas.SiteKeyResponse.properties).toHaveProperty('kid');
    const codes = doc.paths['/consultations/{slug}/codes'].post.responses['201'].content;
    expect(Object.keys(codes).sort()).toEqual(['application/json', 'text/html']);
  });

  it('keeps the rules of path parameters and headers', () => {
    const slug = doc.paths['/consultations/{slug}'].get.parameters.find((p: { name: string }) => p.name === 'slug');
    expect(slug).toMatchObject({ in: 'path', required: true });
    expect(slug.schema.pattern).toBe('^[a-z0-9]+(?:-[a-z0-9]+)*$');
    const ballots = doc.paths['/consultations/{slug}/ballots'].post;
    const key = ballots.parameters.find((p: { in: string }) => p.in === 'header');
    expect(key.name).toBe('idempotency-key');
    expect(key.schema.maxLength).toBe(128);
    expect(Object.keys(ballots.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '403', '409', '410', '413', '415', '422', '429']),
    );
  });

  it('marks staff operations with the bearer scheme and leaves public ones open', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/consultations'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/consultations/{slug}/ballots'].post.security).toBeUndefined();
  });

  it('refuses an answer that drifts from its declaration', () => {
    const check =
      (status: number, body: unknown, contentType = 'application/json') =>
      () =>
        checkAnswer(
          t.linli.api,
          { method: 'GET', pathname: `${API_PREFIX}/receipts/r_abc` },
          { status, contentType, body },
        );
    const receipt = {
      receiptId: 'r_abc',
      consultationId: 'c_1',
      seq: 1,
      ballotHash: 'a'.repeat(64),
      chainHash: 'b'.repeat(64),
      at: '2026-05-01T08:00:00.000Z',
    };
    expect(check(200, receipt)).not.toThrow();
    expect(check(200, { ...receipt, seq: 'one' })).toThrow(/seq/);
    expect(check(200, { ...receipt, voter: '101' })).toThrow(/\(body\)\.voter is not declared/);
    expect(check(201, receipt)).toThrow(/201 is not a declared answer/);
    expect(check(200, '<p>', 'text/html')).toThrow(/answered text\/html/);
    const notFound = { error: { code: 'not_found', message: 'no receipt', messageZh: '找不到该内容' } };
    expect(check(404, notFound)).not.toThrow();
    expect(check(404, { error: { code: 'nope', message: 'x', messageZh: 'x' } })).toThrow(/code/);
  });

  it('serves a docs page generated from the same document', async () => {
    const docs = await t.call('GET', '/docs');
    for (const path of Object.keys(doc.paths)) expect(docs.text).toContain(`${API_PREFIX}${path}`);
    expect(docs.text).toContain('text/event-stream');
  });
});
