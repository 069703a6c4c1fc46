import { createHash } from 'node:crypto';
import * as api from '@linli/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electionBody, pollBody, ROLL_CSV, TestServer } from './harness';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('HTTP API over real HTTP against SQLite', () => {
  const t = new TestServer();
  let codes: Array<{ unit: string; code: string }> = [];

  beforeAll(async () => {
    await t.start();
  });
  afterAll(() => t.dispose());

  it('serves /healthz, the OpenAPI document and the docs page', async () => {
    const health = await t.call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect((await t.call('GET', '/api/v1/healthz')).status).toBe(200);

    const doc = await t.call('GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/consultations/{slug}/ballots');
    expect(doc.body.components.schemas.BallotRequest.properties).toHaveProperty('voterKey');
    expect(doc.body.components.schemas.ConsultationCreateRequest.properties.ballot.properties).toHaveProperty('method');

    const docs = await t.call('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(docs.text).toContain('/api/v1/consultations/{slug}/ballots');
    expect(docs.text).not.toMatch(/<script/i);
    expect(docs.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('creates, reads, lists and updates consultations; phases only move forward', async () => {
    const created = await t.staff('POST', '/consultations', { body: electionBody('elevator-9') });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/v1/consultations/elevator-9');
    expect(created.body).toMatchObject({ slug: 'elevator-9', phase: 'voting', binding: true });

    const read = await t.call('GET', '/consultations/elevator-9');
    expect(read.status).toBe(200);
    expect(read.body.ballot.options.map((o: { id: string }) => o.id)).toEqual(['yes', 'no', 'abstain']);

    const list = await t.call('GET', '/consultations');
    expect(list.body.consultations.map((c: { slug: string }) => c.slug)).toContain('elevator-9');

    const patched = await t.staff('PATCH', '/consultations/elevator-9', { body: { summary: '新的说明' } });
    expect(patched.status).toBe(200);
    expect(patched.body.summary).toBe('新的说明');
    expect(patched.body.title).toBe('3号楼加装电梯');

    const draft = await t.staff('POST', '/consultations', {
      body: { slug: 'garden', title: '花园改造', summary: '', phase: 'draft' },
    });
    expect(draft.status).toBe(201);
    expect((await t.call('GET', '/consultations/garden')).status).toBe(404);
    expect((await t.staff('GET', '/consultations/garden')).status).toBe(200);
    const forward = await t.staff('POST', '/consultations/garden/phase', { body: { phase: 'hearing' } });
    expect(forward.status).toBe(200);
    expect(forward.body.phase).toBe('hearing');
    const back = await t.staff('POST', '/consultations/garden/phase', { body: { phase: 'collecting' } });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('conflict');
  });

  it('keeps milestones and progress updates', async () => {
    await t.staff('POST', '/consultations', {
      body: { slug: 'garbage-room', title: '垃圾箱房改造', phase: 'implementing' },
    });
    const m1 = await t.staff('POST', '/consultations/garbage-room/milestones', {
      body: { title: '拆除旧箱房', weight: 1 },
    });
    expect(m1.status).toBe(201);
    const m2 = await t.staff('POST', '/consultations/garbage-room/milestones', {
      body: { title: '新建箱房', weight: 3 },
    });
    const done = await t.staff('PATCH', `/consultations/garbage-room/milestones/${m1.body.id}`, {
      body: { done: true },
    });
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    expect((await t.call('GET', '/consultations/garbage-room')).body.progress).toBe(25);
    expect(m2.body.id).toBeTruthy();

    const update = await t.staff('POST', '/consultations/garbage-room/updates', {
      body: { text: '旧箱房已拆除', by: '绿化市容所' },
    });
    expect(update.status).toBe(201);
    expect(update.body.text).toBe('旧箱房已拆除');
    const missing = await t.staff('PATCH', '/consultations/garbage-room/milestones/nope', { body: { done: true } });
    expect(missing.status).toBe(404);
  });

  it('takes proposals and 微心愿: submit, moderate, list, support, claim', async () => {
    await t.staff('POST', '/consultations', { body: { slug: 'wishes', title: '微心愿', phase: 'collecting' } });
    const submitted = await t.call('POST', '/consultations/wishes/proposals', {
      body: { kind: 'wish', title: '楼道装扶手', body: '老人上下楼不便', authorName: '陈先生' },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;

    const pending = await t.staff('GET', '/consultations/wishes/proposals?status=pending,published');
    expect(pending.status).toBe(200);
    expect(pending.body.proposals.map((p: { id: string }) => p.id)).toContain(id);
    if (submitted.body.status === 'pending') {
      const published = await t.staff('PATCH', `/proposals/${id}`, { body: { action: 'publish' } });
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('published');
    }

    const list = await t.call('GET', '/consultations/wishes/proposals?kind=wish');
    expect(list.body.proposals.map((p: { id: string }) => p.id)).toContain(id);

    const support = await t.call('POST', `/proposals/${id}/support`, { body: { voterKey: 'browser-0001' } });
    expect(support.status).toBe(200);
    expect(support.body.supports).toBe(1);
    expect((await t.call('POST', `/proposals/${id}/support`, { body: { voterKey: 'browser-0001' } })).status).toBe(409);

    const claim = await t.call('POST', `/proposals/${id}/claim`, { body: { claimedBy: '党员服务队' } });
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ status: 'claimed', claimedBy: '党员服务队' });
    expect((await t.call('POST', `/proposals/${id}/claim`, { body: { claimedBy: '别人' } })).status).toBe(409);
  });

  it('imports a roll (all or nothing, naming the line) and issues codes as JSON and as a printable sheet', async () => {
    const bad = await t.staff('POST', '/consultations/elevator-9/roll', {
      raw: { text: `${ROLL_CSV}\n301,赵**,not-an-area,1`, type: 'text/csv' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/line 6/);

    const roll = await t.staff('POST', '/consultations/elevator-9/roll', {
      raw: { text: ROLL_CSV, type: 'text/csv; charset=utf-8' },
    });
    expect(roll.status).toBe(201);
    expect(roll.body).toEqual({ units: 4, totalArea: '359.73', totalCount: 5 });

    const issued = await t.staff('POST', '/consultations/elevator-9/codes', { body: {} });
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    codes = issued.body.codes;
    expect(codes.map((c) => c.unit).sort()).toEqual(['101', '102', '201', '202']);

    const sheet = await t.staff('POST', '/consultations/elevator-9/codes', { body: { reissue: true, format: 'html' } });
    expect(sheet.status).toBe(201);
    expect(sheet.headers.get('content-type')).toContain('text/html');
    expect(sheet.headers.get('cache-control')).toBe('no-store');
    expect(sheet.text).toContain('101');
    expect(sheet.text).not.toContain(codes[0]!.code);
    // The sheet reissued every code, so the JSON codes above stopped working: reissue once more to know them.
    const fresh = await t.staff('POST', '/consultations/elevator-9/codes', { body: { reissue: true } });
    expect(fresh.status).toBe(201);
    codes = fresh.body.codes;
  });

  it('casts a code ballot: 201 receipt, Idempotency-Key replay, 409 for a second ballot, receipt and ballot box', async () => {
    const code = codes.find((c) => c.unit === '201')!.code;
    const first = await t.call('POST', '/consultations/elevator-9/ballots', {
      body: { choices: ['yes'], code },
      headers: { 'Idempotency-Key': 'k-201' },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ binding: true, replayed: false, seq: 1 });
    expect(first.body.notice).toBeUndefined();

    const replay = await t.call('POST', '/consultations/elevator-9/ballots', {
      body: { choices: ['yes'], code },
      headers: { 'Idempotency-Key': 'k-201' },
    });
    expect(replay.status).toBe(200);
    expect(replay.body.receiptId).toBe(first.body.receiptId);
    expect(replay.body.chainHash).toBe(first.body.chainHash);
    expect(replay.body.replayed).toBe(true);

    const again = await t.call('POST', '/consultations/elevator-9/ballots', {
      body: { choices: ['no'], code },
      headers: { 'Idempotency-Key': 'k-201-b' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    const other = codes.find((c) => c.unit === '101')!.code;
    const second = await t.call('POST', '/consultations/elevator-9/ballots', {
      body: { choices: ['no'], code: other },
    });
    expect(second.status).toBe(201);

    const receipt = await t.call('GET', `/receipts/${first.body.receiptId}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body.chainHash).toBe(first.body.chainHash);

    // A code vote is a secret ballot: the public sees how many voted, staff see the count while voting is open.
    const counted = await t.call('GET', '/consultations/elevator-9/tally?lang=en');
    expect(counted.body).toMatchObject({ hidden: true, participation: { ballots: 2 } });
    const tally = await t.staff('GET', '/consultations/elevator-9/tally?lang=en');
    expect(tally.status).toBe(200);
    expect(tally.body.hidden).toBe(false);
    expect(tally.body.totals.yes.count).toBe(2);
    expect(tally.body.participation.ballots).toBe(2);
    // A vote widget's first render reads both in one request, each reader seeing the tally they may see; without
    // `include` the view has no tally.
    const both = await t.call('GET', '/consultations/elevator-9?include=tally&lang=en');
    expect(both.status).toBe(200);
    expect(both.body.slug).toBe('elevator-9');
    expect(both.body.tally).toEqual(counted.body);
    expect((await t.staff('GET', '/consultations/elevator-9?include=tally&lang=en')).body.tally).toEqual(tally.body);
    expect((await t.call('GET', '/consultations/elevator-9')).body).not.toHaveProperty('tally');
    const wrong = await t.call('GET', '/consultations/elevator-9?include=ballots');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.error.issues)).toContain('include');

    const box = await t.call('GET', '/consultations/elevator-9/ballot-box');
    expect(box.status).toBe(200);
    const entries = box.body.entries as Array<{
      seq: number;
      prevHash: string;
      ballotHash: string;
      chainHash: string;
      receiptId: string;
    }>;
    expect(entries).toHaveLength(2);
    // Anyone can check the chain: it starts at the consultation's genesis, bound to the roll frozen with the first
    // ballot (its digest and totals are published with the box), and each link hashes the previous one.
    expect(box.body.electorate).toMatchObject({ units: 4, count: 5, boundToChain: true });
    let prev = sha(`linli-ballot-box:${first.body.consultationId}:electorate:${box.body.electorate.digest}`);
    for (const entry of entries) {
      expect(entry.prevHash).toBe(prev);
      expect(entry.chainHash).toBe(sha(entry.prevHash + entry.ballotHash));
      prev = entry.chainHash;
    }
    // A resident finds their ballot by seq and hash; a code vote's box shows nothing else (no time, no weight).
    expect(entries.find((e) => e.seq === first.body.seq)?.chainHash).toBe(first.body.chainHash);
    expect(box.body.ballotBox).toBe('receipts');
    expect(box.body.head).toEqual({ seq: 2, chainHash: prev });
    for (const entry of entries)
      expect(Object.keys(entry).sort()).toEqual(['ballotHash', 'chainHash', 'prevHash', 'seq']);
    expect(JSON.stringify(entries)).not.toContain(code);
    expect((await t.service.auditVerify('elevator-9')).ok).toBe(true);

    const page = await t.call('GET', '/consultations/elevator-9/ballot-box?after=1&limit=1');
    expect(page.body.entries.map((e: { seq: number }) => e.seq)).toEqual([2]);
    expect(page.body.next).toBe(2);
  });

  it('marks open ballots as non-binding', async () => {
    expect((await t.staff('POST', '/consultations', { body: pollBody('parking') })).status).toBe(201);
    const ballot = await t.call('POST', '/consultations/parking/ballots', {
      body: { choices: ['a'], voterKey: 'browser-1234' },
    });
    expect(ballot.status).toBe(201);
    expect(ballot.body.binding).toBe(false);
    expect(ballot.body.notice).toMatch(/意向调查/);
    const twice = await t.call('POST', '/consultations/parking/ballots', {
      body: { choices: ['b'], voterKey: 'browser-1234' },
    });
    expect(twice.status).toBe(409);
  });
});

describe('responses match the shared core/api schemas', () => {
  const t = new TestServer();
  beforeAll(() => t.start());
  afterAll(() => t.dispose());

  it('parses consultation, list, tally, ballot, receipt, ballot box and proposals with the widget schemas', async () => {
    const created = await t.staff('POST', '/consultations', { body: pollBody('poll') });
    api.ConsultationView.parse(created.body);
    api.ConsultationView.parse((await t.call('GET', '/consultations/poll')).body);
    api.ConsultationRead.parse((await t.call('GET', '/consultations/poll?include=tally')).body);
    api.ConsultationList.parse((await t.call('GET', '/consultations')).body);
    api.TallyView.parse((await t.call('GET', '/consultations/poll/tally')).body);
    const ballot = await t.call('POST', '/consultations/poll/ballots', {
      body: { choices: ['a'], voterKey: 'browser-schema-1' },
    });
    api.BallotAccepted.parse(ballot.body);
    api.ReceiptResponse.parse((await t.call('GET', `/receipts/${ballot.body.receiptId}`)).body);
    api.BallotBoxResponse.parse((await t.call('GET', '/consultations/poll/ballot-box')).body);
    api.TallyView.parse((await t.call('GET', '/consultations/poll/tally')).body);
    const proposal = await t.call('POST', '/consultations/poll/proposals', {
      body: { title: '建议', authorName: '王**' },
    });
    api.ProposalResponse.parse(proposal.body);
    api.ProposalList.parse((await t.staff('GET', '/consultations/poll/proposals?status=pending')).body);
    api.ErrorResponse.parse((await t.call('GET', '/consultations/none')).body);
    api.HealthResponse.parse((await t.call('GET', '/healthz')).body);
  });
});
