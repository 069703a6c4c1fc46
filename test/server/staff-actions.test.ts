import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electionBody, ROLL_CSV, TestServer } from './harness';

const SECRET = 'a-site-secret-of-at-least-32-bytes!!';

/** A token with exactly these claims: no setSubject, so `sub` is whatever the site put there (or missing). */
const rawToken = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience('signed-vote')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));

describe('signed tokens name one voter', () => {
  const t = new TestServer();
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', {
      body: {
        slug: 'signed-vote',
        title: '签名投票',
        phase: 'voting',
        community: 'heping',
        ballot: { method: 'yesno', eligibility: 'signed', rule: 'simple-majority' },
      },
    });
    await t.staff('POST', '/sites/heping/keys', { body: { kind: 'secret', secret: SECRET } });
  });
  afterAll(() => t.dispose());

  it('refuses a token whose sub is empty, blank, a number, an object or missing, and counts nothing', async () => {
    for (const sub of ['', '   ', 42, { id: 1 }, undefined]) {
      const token = await rawToken(sub === undefined ? {} : { sub });
      const res = await t.call('POST', '/consultations/signed-vote/ballots', { body: { choices: ['yes'], token } });
      expect({ sub, status: res.status }).toEqual({ sub, status: 403 });
      expect(res.body.error.issues?.[0]?.path ?? res.body.error.message).toMatch(/token/);
    }
    expect((await t.staff('GET', '/consultations/signed-vote/tally')).body.participation.ballots).toBe(0);
    const ok = await t.call('POST', '/consultations/signed-vote/ballots', {
      body: { choices: ['yes'], token: await rawToken({ sub: 'resident-7' }) },
    });
    expect(ok.status).toBe(201);
  });
});

describe('who did each staff action', () => {
  const t = new TestServer();
  let chair = '';
  let department = '';
  const as = (token: string, method: string, path: string, body?: unknown) =>
    t.call(method, path, { token, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    await t.start();
    chair = await t.service.createToken({ name: '李主任' });
    await t.service.addDepartment('房管办');
    department = await t.service.createToken({ name: '张科员', department: '房管办' });
    await as(chair, 'POST', '/consultations', { ...electionBody('lift'), phase: 'collecting' });
    await t.call('POST', '/consultations/lift/roll', { token: chair, raw: { text: ROLL_CSV, type: 'text/csv' } });
    await as(chair, 'POST', '/consultations/lift/codes', {});
  });
  afterAll(() => t.dispose());

  it('records phase changes, moderation, roll imports and codes with the token holder, for staff to read', async () => {
    const proposal = await t.call('POST', '/consultations/lift/proposals', {
      body: { title: '电梯停靠每层', authorName: '居民甲' },
    });
    expect((await as(chair, 'PATCH', `/proposals/${proposal.body.id}`, { action: 'publish' })).status).toBe(200);
    expect((await as(chair, 'POST', '/consultations/lift/phase', { phase: 'voting' })).status).toBe(200);
    const log = await as(chair, 'GET', '/consultations/lift/staff-actions');
    expect(log.status).toBe(200);
    const seen = log.body.actions.map((a: { action: string; by: { name: string }; detail: object }) => [
      a.action,
      a.by.name,
      a.detail,
    ]);
    expect(seen).toEqual([
      ['consultation.create', '李主任', { slug: 'lift', phase: 'collecting' }],
      ['roll.import', '李主任', { units: 4, totalArea: '359.73', totalCount: 5 }],
      ['codes.issue', '李主任', { codes: 4, reissue: false }],
      ['proposal.moderate', '李主任', { proposalId: proposal.body.id, action: 'publish', status: 'published' }],
      ['phase.change', '李主任', { from: 'collecting', to: 'voting' }],
    ]);
    // Codes themselves never enter the log.
    expect(JSON.stringify(log.body)).not.toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect((await t.call('GET', '/consultations/lift/staff-actions')).status).toBe(401);
    expect((await as(department, 'GET', '/consultations/lift/staff-actions')).status).toBe(403);
  });

  it('lets a department token mark done only a wish that department claimed, and nothing else', async () => {
    await as(chair, 'POST', '/consultations', {
      slug: 'wishes',
      title: '微心愿',
      community: 'heping',
      phase: 'collecting',
      autoPublish: true,
    });
    const post = async (title: string) =>
      (await t.call('POST', '/consultations/wishes/proposals', { body: { kind: 'wish', title, authorName: '王阿姨' } }))
        .body.id as string;
    const ours = await post('修好单元门');
    const theirs = await post('换楼道灯');
    const pending = await post('装扶手');
    await t.call('POST', `/proposals/${ours}/claim`, { body: { claimedBy: '房管办' } });
    await t.call('POST', `/proposals/${theirs}/claim`, { body: { claimedBy: '党员志愿队' } });
    // Moderation of the board belongs to the 居委会: a department may not reject or adopt.
    expect((await as(department, 'PATCH', `/proposals/${pending}`, { action: 'reject' })).status).toBe(403);
    expect((await as(department, 'PATCH', `/proposals/${theirs}`, { action: 'done' })).status).toBe(403);
    expect((await as(department, 'PATCH', `/proposals/${theirs}`, { action: 'adopt' })).status).toBe(403);
    const done = await as(department, 'PATCH', `/proposals/${ours}`, { action: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    const board = await t.call('GET', '/consultations/wishes/proposals');
    const status = Object.fromEntries(
      board.body.proposals.map((p: { id: string; status: string }) => [p.id, p.status]),
    );
    expect(status).toEqual({ [ours]: 'done', [theirs]: 'claimed', [pending]: 'published' });
    const log = await as(chair, 'GET', '/consultations/wishes/staff-actions');
    expect(log.body.actions.at(-1)).toMatchObject({
      action: 'proposal.moderate',
      by: { name: '张科员', department: '房管办' },
      detail: { proposalId: ours, action: 'done' },
    });
  });
});
