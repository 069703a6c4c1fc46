import { describe, expect, it } from 'vitest';
// The server's own formulas: what the widget recomputes in the browser must agree with them byte for byte.
import { chainHash, entryHash, publicWeight } from '../../../server/ledger/chain';
import { verifyReceipt } from './verify';

const weight = { areaHundredths: 8620n, count: 1 };
const prevHash = 'a'.repeat(64);
const secret = 'b'.repeat(64);

function entry(format: 2 | 3, choices: string[]) {
  const content = { choices };
  const ballotHash = entryHash({ format, seq: 7, receiptId: 'r_x', at: '', content, weight, secret });
  return { seq: 7, ballotHash, prevHash, chainHash: chainHash(prevHash, ballotHash) };
}

describe('verifyReceipt', () => {
  it('recomputes a public box entry from the choice this browser cast', async () => {
    const e = { ...entry(2, ['yes']), choices: ['yes'], weight: publicWeight(weight) };
    expect(await verifyReceipt(e, e, { choices: ['yes'] })).toBe('verified');
    expect(await verifyReceipt(e, { ...e, choices: ['no'] }, { choices: ['yes'] })).toBe('mismatch');
    expect(await verifyReceipt(e, e, { choices: ['no'] })).toBe('mismatch');
  });

  it('recomputes a receipts-box hash with the secret when the weight is given, and only links it when not', async () => {
    const e = entry(3, ['yes']);
    const receipt = { ...e, secret };
    expect(await verifyReceipt(receipt, { ...e, weight: publicWeight(weight) }, { choices: ['yes'] })).toBe('verified');
    expect(await verifyReceipt(receipt, { ...e, weight: publicWeight(weight) }, { choices: ['no'] })).toBe('mismatch');
    expect(
      await verifyReceipt(
        { ...receipt, secret: 'c'.repeat(64) },
        { ...e, weight: publicWeight(weight) },
        { choices: ['yes'] },
      ),
    ).toBe('mismatch');
    expect(await verifyReceipt(receipt, e, { choices: ['yes'] })).toBe('linked');
  });

  it('refuses an entry whose chain link does not hold or whose hashes differ from the receipt', async () => {
    const e = entry(3, ['yes']);
    expect(await verifyReceipt(e, { ...e, prevHash: '0'.repeat(64) })).toBe('mismatch');
    expect(await verifyReceipt(e, { ...e, seq: 8 })).toBe('mismatch');
    expect(await verifyReceipt(e, undefined)).toBe('mismatch');
    expect(await verifyReceipt({ ...e, ballotHash: 'f'.repeat(64) }, e)).toBe('mismatch');
  });
});
