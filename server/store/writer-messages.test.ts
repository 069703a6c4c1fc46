import { describe, expect, it } from 'vitest';
import type { AppendOutcome, BallotToAppend } from './types';
import { decodeBatch, decodeOutcomes, encodeBatch, encodeOutcomes } from './writer-messages';

const coded: BallotToAppend = {
  consultationId: 'c_lift',
  voterHash: 'a'.repeat(64),
  idempotencyKey: `k2:${'b'.repeat(64)}`,
  rollUnit: { unit: '3-101', codeHash: 'c'.repeat(64) },
  content: { choices: ['yes'] },
  // Larger than 2^53 hundredths: the area must come back exact.
  weight: { areaHundredths: 9_007_199_254_740_993n, count: 2 },
  receiptId: 'r_one',
  at: '2026-12-06T10:00:00.000Z',
  hashFormat: 3,
  secret: 'd'.repeat(64),
};
const open: BallotToAppend = {
  consultationId: 'c_budget',
  voterHash: 'e'.repeat(64),
  content: { allocation: { a: 60, b: 40 } },
  weight: { areaHundredths: null, count: 1 },
  receiptId: 'r_two',
  at: '2026-12-06T10:00:01.000Z',
  hashFormat: 2,
};

describe('messages to the SQLite writer thread', () => {
  it('a batch arrives exactly as sent, optional fields absent where they were absent', () => {
    const back = decodeBatch(encodeBatch([coded, open]));
    expect(back).toEqual([coded, open]);
    expect(back[0]!.weight.areaHundredths).toBe(9_007_199_254_740_993n);
    expect(Object.keys(back[1]!)).not.toContain('idempotencyKey');
    expect(Object.keys(back[1]!)).not.toContain('rollUnit');
    expect(Object.keys(back[1]!)).not.toContain('secret');
  });

  it('outcomes come back whole: own receipts rebuilt from the ballot, replays and refusals as they were', () => {
    const batch = [coded, open, { ...open, receiptId: 'r_three' }];
    const outcomes: AppendOutcome[] = [
      {
        ok: true,
        replayed: false,
        receipt: {
          receiptId: 'r_one',
          consultationId: 'c_lift',
          seq: 7,
          ballotHash: 'h7',
          chainHash: 'x7',
          at: coded.at,
        },
      },
      {
        ok: true,
        replayed: true,
        receipt: {
          receiptId: 'r_old',
          consultationId: 'c_budget',
          seq: 1,
          ballotHash: 'h1',
          chainHash: 'x1',
          at: 'then',
        },
      },
      { ok: false, refusal: { reason: 'not_voting', phase: 'closed' } },
    ];
    expect(decodeOutcomes(batch, encodeOutcomes(batch, outcomes))).toEqual(outcomes);
  });
});
