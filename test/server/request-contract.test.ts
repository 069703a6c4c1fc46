import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCodeVote, pollBody, TestServer } from './harness';

/** What a resident's widget or a staff script notices about the request contract over real HTTP. */
describe('request contract over HTTP', () => {
  const t = new TestServer({
    rateLimits: {
      read: { burst: 1000, perMinute: 1000 },
      write: { burst: 1000, perMinute: 1000 },
      openBallot: { burst: 1000, perMinute: 1000 },
      staff: { burst: 1000, perMinute: 1000 },
    },
  });
  let codes: Array<{ unit: string; code: string }> = [];

  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('poll') });
    codes = await openCodeVote(t, 'lift');
  });
  afterAll(() => t.dispose());

  it('blames the credential the consultation needs: voterKey for an open poll, code for a roll', async () => {
    const open = await t.call('POST', '/consultations/poll/ballots', { body: { choices: ['a'] } });
    expect(open.status).toBe(400);
    expect(open.body.error.message).toMatch(/^voterKey\b/);
    expect(open.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['voterKey']);

    const roll = await t.call('POST', '/consultations/lift/ballots', { body: { choices: ['yes'] } });
    expect(roll.status).toBe(400);
    expect(roll.body.error.message).toMatch(/^code\b/);
  });

  it('refuses a malformed voterKey at the edge, for ballots and supports alike', async () => {
    const ballot = await t.call('POST', '/consultations/poll/ballots', { body: { choices: ['a'], voterKey: 'short' } });
    expect(ballot.status).toBe(400);
    expect(ballot.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['voterKey']);
    const support = await t.call('POST', '/proposals/p_unknown/support', { body: { voterKey: 'a b c d e f' } });
    expect(support.status).toBe(400);
    expect(support.body.error.message).toMatch(/^voterKey: /);
  });

  it('refuses unknown fields on every request body, naming the field', async () => {
    const created = await t.staff('POST', '/consultations', { body: { ...pollBody('strict-1'), bogus: 1 } });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toBe('bogus: unknown field');
    expect((await t.call('GET', '/consultations/strict-1')).status).toBe(404);

    const proposal = await t.call('POST', '/consultations/poll/proposals', {
      body: { title: '多建几个车位', authorName: '王阿姨', contents: '…' },
    });
    expect(proposal.status).toBe(400);
    expect(proposal.body.error.message).toBe('contents: unknown field');

    const milestone = await t.staff('POST', '/consultations/poll/milestones', {
      body: { title: '施工', dueDate: 'x' },
    });
    expect(milestone.status).toBe(400);
    expect(milestone.body.error.message).toBe('dueDate: unknown field');
  });

  it('replays the same Idempotency-Key and body, and refuses the same key with another choice (422)', async () => {
    const code = codes[0]!.code;
    const send = (choice: string) =>
      t.call('POST', '/consultations/lift/ballots', {
        body: { choices: [choice], code },
        headers: { 'Idempotency-Key': 'retry-1' },
      });
    const first = await send('yes');
    expect(first.status).toBe(201);
    const replay = await send('yes');
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ receiptId: first.body.receiptId, replayed: true });

    const changed = await send('no');
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    expect(changed.body.error.message).toMatch(/Idempotency-Key 已用于.*different ballot/);
    const box = await t.call('GET', '/consultations/lift/ballot-box');
    expect(box.body.entries).toHaveLength(1);
    const tally = await t.staff('GET', '/consultations/lift/tally?lang=en');
    expect([tally.body.totals.yes.count, tally.body.totals.no.count]).toEqual([1, 0]);
  });

  it('marks the tally during voting as provisional and words it as the standing so far', async () => {
    // A code vote is secret: the standing so far is for staff, chasing turnout (the public sees it at the close).
    const tally = await t.staff('GET', '/consultations/lift/tally');
    expect(tally.status).toBe(200);
    expect(tally.body.final).toBe(false);
    const last: string = tally.body.reasons.at(-1);
    expect(last).toMatch(/^目前尚未达到通过条件（投票进行中）。/);
    expect(last).toMatch(/So far .* \(voting is open\)\.$/);
    expect(tally.body.reasons.join(' ')).not.toContain('结果：');
  });

  it('documents final, 422 and the strict bodies in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/v1/openapi.json')).body;
    const tallyView = JSON.stringify(doc.components.schemas.TallyView);
    expect(tallyView).toContain('"final"');
    const ballots = doc.paths['/consultations/{slug}/ballots'].post;
    expect(Object.keys(ballots.responses)).toContain('422');
    expect(doc.components.schemas.ConsultationCreateRequest.additionalProperties).toBe(false);
    expect(doc.components.schemas.ProposalSubmitRequest.additionalProperties).toBe(false);
  });
});
