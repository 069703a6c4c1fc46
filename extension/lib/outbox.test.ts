import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveIssues } from './library';
import { flush, publishedMap, queueConsultation, queuePublish, queueUpdate } from './outbox';
import { freshDb, issue } from './test-helpers';

type Call = { url: string; method: string; key: string | null; body: unknown };

/** A server that stores what it is sent, honours Idempotency-Key, and can be switched off. */
function fakeServer() {
  const calls: Call[] = [];
  const seen = new Map<string, unknown>();
  let online = true;
  let n = 0;
  const f = (async (url: string, init: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    const headers = init.headers as Record<string, string>;
    const key = headers['idempotency-key'] ?? null;
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, method: String(init.method), key, body });
    if (headers.authorization !== 'Bearer good')
      return new Response('{"error":{"code":"unauthorized","message":"bad token","messageZh":"令牌无效"}}', {
        status: 401,
      });
    if (key && seen.has(key)) return Response.json(seen.get(key));
    let answer: unknown = {};
    if (url.endsWith('/issues')) answer = { issues: body.issues.map((i: object) => ({ ...i, id: `srv${++n}` })) };
    if (url.endsWith('/consultations')) answer = { ...body, id: 'c1' };
    if (key) seen.set(key, answer);
    return Response.json(answer, { status: 201 });
  }) as typeof fetch;
  return { f, calls, setOnline: (v: boolean) => (online = v) };
}

const conn = { url: 'https://linli.example.org', token: 'good' };

describe('the outbox', () => {
  it('keeps what was queued offline and sends it once when back online, with the same key', async () => {
    const db = freshDb();
    const server = fakeServer();
    await saveIssues(db, [issue({ id: 'a', title: '漏水' })]);
    await queuePublish(db, ['a']);
    server.setOnline(false);
    expect(await flush(db, conn, server.f)).toMatchObject({ sent: 0, waiting: 1, offline: true });
    server.setOnline(true);
    expect(await flush(db, conn, server.f)).toMatchObject({ sent: 1, waiting: 0 });
    expect(await flush(db, conn, server.f)).toMatchObject({ sent: 0, waiting: 0 });
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await publishedMap(db)).toEqual({ a: 'srv1' });
  });

  it('a consultation from unpublished issues publishes them first and names them by their server ids', async () => {
    const db = freshDb();
    const server = fakeServer();
    await saveIssues(db, [issue({ id: 'a', title: '甲' }), issue({ id: 'b', title: '乙' })]);
    await queueConsultation(db, { slug: 'lift-3', title: '3号楼加装电梯' }, ['a', 'b']);
    await queueUpdate(db, 'lift-3', '已召开听证会');
    expect(await flush(db, conn, server.f)).toMatchObject({ sent: 3, waiting: 0 });
    expect(server.calls.map((c) => c.url.replace(conn.url, ''))).toEqual([
      '/api/v1/issues',
      '/api/v1/consultations',
      '/api/v1/consultations/lift-3/updates',
    ]);
    expect(server.calls[1]!.body).toMatchObject({ slug: 'lift-3', issueIds: ['srv1', 'srv2'] });
  });

  it('a refusal stays in the outbox with the server’s words and is not resent by itself', async () => {
    const db = freshDb();
    const server = fakeServer();
    await saveIssues(db, [issue({ id: 'a', title: '甲' })]);
    await queuePublish(db, ['a']);
    const bad = { ...conn, token: 'wrong' };
    expect(await flush(db, bad, server.f)).toMatchObject({ sent: 0, waiting: 1, offline: false });
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ refused: true, lastError: expect.stringContaining('令牌无效') });
    await flush(db, bad, server.f);
    expect(server.calls).toHaveLength(1);
  });
});
