import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electionBody, pollBody, type Reply, TestServer } from './harness';

/** A roll of `n` units, one owner and 80 m² each. */
const roll = (n: number) =>
  ['房号,姓名,面积,人数', ...Array.from({ length: n }, (_, i) => `${1001 + i},业主${i},80.00,1`)].join('\n');

// Default limits on purpose: these are the numbers a 居委会 office meets on the day of a vote.
describe('rate limits on ballots from one address', () => {
  const t = new TestServer();
  let codes: Array<{ unit: string; code: string }> = [];

  beforeAll(async () => {
    await t.start();
    for (const slug of ['elevator-big', 'elevator-guess']) {
      expect((await t.staff('POST', '/consultations', { body: electionBody(slug) })).status).toBe(201);
      const imported = await t.staff('POST', `/consultations/${slug}/roll`, {
        raw: { text: roll(150), type: 'text/csv' },
      });
      expect(imported.status).toBe(201);
    }
    codes = (await t.staff('POST', '/consultations/elevator-big/codes', { body: {} })).body.codes;
    await t.staff('POST', '/consultations', { body: pollBody('parking') });
  });
  afterAll(() => t.dispose());

  it('accepts 100 code ballots from one network (a 居委会 office) without throttling', async () => {
    const statuses: number[] = [];
    for (const { code } of codes.slice(0, 100)) {
      const r = await t.call('POST', '/consultations/elevator-big/ballots', { body: { choices: ['yes'], code } });
      statuses.push(r.status);
    }
    expect(statuses).toEqual(Array(100).fill(201));
    const tally = await t.call('GET', '/consultations/elevator-big/tally');
    expect(tally.body.participation.ballots).toBe(100);
  });

  it('answers 429 with Retry-After once an address has sent 20 wrong codes to a consultation', async () => {
    const statuses: number[] = [];
    let last: Reply | undefined;
    for (let i = 0; i < 25; i++) {
      const code = `ZZZZ-${String(2000 + i).replace(/[01]/g, '9')}`;
      last = await t.call('POST', '/consultations/elevator-guess/ballots', { body: { choices: ['yes'], code } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(20).fill(403), ...Array(5).fill(429)]);
    expect(last!.body.error.code).toBe('rate_limited');
    const retry = Number(last!.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(600);
    // Another consultation is not affected: the count is per address and consultation.
    const other = await t.call('POST', '/consultations/elevator-big/ballots', {
      body: { choices: ['yes'], code: codes[100]!.code },
    });
    expect(other.status).toBe(201);
  });

  it('does not throttle the vote page a QR code opens either (a form post carrying the code)', async () => {
    const statuses: number[] = [];
    for (const { code } of codes.slice(101, 146)) {
      const res = await fetch(`${t.url}/vote/elevator-big`, {
        method: 'POST',
        body: new URLSearchParams({ choice: 'yes', code }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(45).fill(201));
  });

  it('keeps open ballots (no code or token) on their tight per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const r = await t.call('POST', '/consultations/parking/ballots', {
        body: { choices: ['a'], voterKey: `browser-open-${i}0` },
      });
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThan(15);
    expect(statuses.at(-1)).toBe(429);
  });
});
