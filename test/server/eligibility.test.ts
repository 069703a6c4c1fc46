import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollBody, TestServer } from './harness';

const SECRET = 'a-site-secret-of-at-least-32-bytes!!';
const sign = (claims: Record<string, unknown>, audience = 'budget-vote', secret = SECRET) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims.sub ?? 'resident-1'))
    .setAudience(audience)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));

describe('signed ballots, moderation and closed votes over real HTTP', () => {
  const t = new TestServer();
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', {
      body: {
        slug: 'budget-vote',
        title: '参与式预算',
        phase: 'voting',
        community: 'heping',
        ballot: {
          method: 'budget',
          eligibility: 'signed',
          rule: 'plurality',
          budget: 100,
          options: [
            { id: 'lights', label: '楼道灯', cost: 5000 },
            { id: 'benches', label: '长椅', cost: 3000 },
          ],
        },
      },
    });
    const registered = await t.staff('POST', '/sites/heping/keys', { body: { kind: 'secret', secret: SECRET } });
    expect(registered.status).toBe(201);
    expect(JSON.stringify(registered.body)).not.toContain(SECRET);
  });

  it('refuses a short site secret over HTTP, naming the field, and anonymous key registration', async () => {
    const short = await t.staff('POST', '/sites/heping/keys', { body: { kind: 'secret', secret: 'too-short' } });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body.error)).toMatch(/secret/);
    const anonymous = await t.call('POST', '/sites/heping/keys', { body: { kind: 'secret', secret: SECRET } });
    expect(anonymous.status).toBe(401);
  });
  afterAll(() => t.dispose());

  it('accepts a token signed by the host site, once per subject; refuses a bad signature with 403', async () => {
    const token = await sign({ sub: 'resident-1' });
    const ok = await t.call('POST', '/consultations/budget-vote/ballots', {
      body: { allocation: { lights: 60, benches: 40 }, token },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.binding).toBe(true);
    const twice = await t.call('POST', '/consultations/budget-vote/ballots', {
      body: { allocation: { lights: 100 }, token: await sign({ sub: 'resident-1' }) },
    });
    expect(twice.status).toBe(409);
    const forged = await t.call('POST', '/consultations/budget-vote/ballots', {
      body: {
        allocation: { lights: 100 },
        token: await sign({ sub: 'resident-2' }, 'budget-vote', 'another-secret-of-32-bytes-or-more!!'),
      },
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/token/);
    const over = await t.call('POST', '/consultations/budget-vote/ballots', {
      body: { allocation: { lights: 90, benches: 90 }, token: await sign({ sub: 'resident-3' }) },
    });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toMatch(/allocation/);
    // A signed vote is secret (receipts box): staff read the running count, the public sees it at the close.
    const tally = await t.staff('GET', '/consultations/budget-vote/tally');
    expect(tally.body.totals.lights.points).toBe(60);
  });

  it('holds proposals for moderation until staff publish them; rejects are never public', async () => {
    await t.staff('POST', '/consultations', { body: { slug: 'ideas', title: '意见征集', phase: 'collecting' } });
    const a = await t.call('POST', '/consultations/ideas/proposals', {
      body: { title: '增加自行车棚', authorName: '李**' },
    });
    const b = await t.call('POST', '/consultations/ideas/proposals', { body: { title: '广告', authorName: 'spam' } });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.status).toBe('pending');
    expect((await t.call('GET', '/consultations/ideas/proposals')).body.proposals).toEqual([]);

    expect((await t.call('PATCH', `/proposals/${a.body.id}`, { body: { action: 'publish' } })).status).toBe(401);
    const published = await t.staff('PATCH', `/proposals/${a.body.id}`, { body: { action: 'publish' } });
    expect(published.body.status).toBe('published');
    const rejected = await t.staff('PATCH', `/proposals/${b.body.id}`, { body: { action: 'reject', reason: 'spam' } });
    expect(rejected.body.status).toBe('rejected');
    const badAction = await t.staff('PATCH', `/proposals/${b.body.id}`, { body: { action: 'explode' } });
    expect(badAction.status).toBe(400);
    expect(badAction.body.error.message).toMatch(/^action/);

    const publicList = await t.call('GET', '/consultations/ideas/proposals');
    expect(publicList.body.proposals.map((p: { id: string }) => p.id)).toEqual([a.body.id]);
  });

  it('410 once voting has closed', async () => {
    await t.staff('POST', '/consultations', { body: pollBody('closing') });
    await t.staff('POST', '/consultations/closing/phase', { body: { phase: 'implementing' } });
    const late = await t.call('POST', '/consultations/closing/ballots', {
      body: { choices: ['a'], voterKey: 'browser-late-1' },
    });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('gone');
  });
});
