import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pepperHmac } from './pepper';

// pepperHmac computes HMAC-SHA256 from its definition (pads + two digests): every stored voter hash, code hash,
// ballot secret and scoped key depends on its bytes being exactly createHmac's.
describe('pepperHmac', () => {
  const peppers = [
    '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', // 64 hex chars: a block exactly
    'short',
    'p'.repeat(65), // longer than a block: the key is hashed first
    'x'.repeat(200),
    '胡椒-pepper', // not ASCII: the key is its UTF-8
    '',
  ];
  const texts = [
    '',
    'voter:c_abc:unit 3-101',
    'code:c_abc:ABCD-EFGH',
    `idempotency:c_abc:code:ABCD-EFGH\u0000${'k'.repeat(128)}`,
    '3号楼 1201 室：同意 ✓',
    'y'.repeat(300), // longer than the room kept after the pad: the buffer grows
    'short again after a long one',
  ];

  it('gives exactly the bytes of createHmac for short, long and non-ASCII keys and texts', () => {
    for (const pepper of peppers)
      for (const text of texts)
        expect(pepperHmac(pepper, text), `${pepper.slice(0, 8)} / ${text.slice(0, 12)}`).toBe(
          createHmac('sha256', pepper).update(text).digest('hex'),
        );
  });

  it('keeps each pepper apart when several are in use at once', () => {
    const a = pepperHmac('pepper-a', 'voter:c:1');
    const b = pepperHmac('pepper-b', 'voter:c:1');
    expect(a).not.toBe(b);
    expect(pepperHmac('pepper-a', 'voter:c:1')).toBe(a);
  });
});
