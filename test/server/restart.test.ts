import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness';

const UNITS = 40;
const roll = [
  '房号,姓名,面积,人数',
  ...Array.from({ length: UNITS }, (_, i) => `${100 + i},业主${i},${(60 + i).toFixed(2)},1`),
].join('\n');

describe('restart keeps every acknowledged ballot', () => {
  const t = new TestServer();
  beforeAll(() => t.start());
  afterAll(() => t.dispose());

  it('survives closing the server and the store and reopening the same SQLite file', async () => {
    await t.staff('POST', '/consultations', {
      body: {
        slug: 'elevator-3',
        title: '加装电梯',
        phase: 'voting',
        ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-major' },
      },
    });
    expect(
      (await t.staff('POST', '/consultations/elevator-3/roll', { raw: { text: roll, type: 'text/csv' } })).status,
    ).toBe(201);
    const { codes } = (await t.staff('POST', '/consultations/elevator-3/codes', { body: {} })).body as {
      codes: Array<{ unit: string; code: string }>;
    };

    // Concurrent ballots, as a group commit sees them; each 201 is a promise that the ballot is on disk.
    const replies = await Promise.all(
      codes.slice(0, 30).map((c, i) =>
        t.call('POST', '/consultations/elevator-3/ballots', {
          body: { choices: [i % 3 === 0 ? 'no' : 'yes'], code: c.code },
          headers: { 'Idempotency-Key': `key-${c.unit}` },
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(30).fill(201));
    const receipts = replies.map((r) => r.body as { receiptId: string; chainHash: string; seq: number });
    // The whole count survives (staff read it: elevator-3 is a secret ballot, its public tally shows only how many).
    const before = (await t.staff('GET', '/consultations/elevator-3/tally')).body;

    await t.restart();

    for (const receipt of receipts) {
      const found = await t.call('GET', `/receipts/${receipt.receiptId}`);
      expect(found.status).toBe(200);
      expect(found.body.chainHash).toBe(receipt.chainHash);
    }
    const box = await t.call('GET', '/consultations/elevator-3/ballot-box');
    expect(box.body.entries).toHaveLength(30);
    expect(new Set(box.body.entries.map((e: { chainHash: string }) => e.chainHash))).toEqual(
      new Set(receipts.map((r) => r.chainHash)),
    );
    expect((await t.staff('GET', '/consultations/elevator-3/tally')).body).toEqual(before);
    expect(await t.service.auditVerify('elevator-3')).toMatchObject({ ok: true, entries: 30 });

    // The Idempotency-Key still replays after the restart, and the voter still cannot vote twice.
    const first = codes[0]!;
    const replay = await t.call('POST', '/consultations/elevator-3/ballots', {
      body: { choices: ['no'], code: first.code },
      headers: { 'Idempotency-Key': `key-${first.unit}` },
    });
    expect(replay.status).toBe(200);
    expect(replay.body.receiptId).toBe(receipts[0]!.receiptId);
    const again = await t.call('POST', '/consultations/elevator-3/ballots', {
      body: { choices: ['yes'], code: first.code },
    });
    expect(again.status).toBe(409);
  });
});
