import { describe, expect, it } from 'vitest';
import { AT_LEAST_THREE_QUARTERS, AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, meets } from './exact';
import { civilCodeShortfall, shortfall, shortfallJoining } from './shortfall';

describe('shortfall to a legal threshold', () => {
  it('is the least number that reaches the threshold, exactly at the boundary', () => {
    // 2/3 of 64 owners is 42.67: 43 are needed; 40 voted → 3 more.
    expect(shortfall(40n, 64n, AT_LEAST_TWO_THIRDS)).toBe(3n);
    for (const [part, whole] of [
      [0n, 3n],
      [2n, 3n],
      [10n, 99n],
      [523039n, 523040n],
    ] as const) {
      for (const t of [AT_LEAST_TWO_THIRDS, AT_LEAST_THREE_QUARTERS, MORE_THAN_HALF]) {
        const x = shortfall(part, whole, t);
        expect(meets(part + x, whole, t)).toBe(true);
        if (x > 0n) expect(meets(part + x - 1n, whole, t)).toBe(false);
      }
    }
  });

  it('counts new approving voters on both sides of the fraction', () => {
    for (let yes = 0n; yes < 12n; yes++) {
      for (let all = yes; all < 14n; all++) {
        for (const t of [AT_LEAST_THREE_QUARTERS, MORE_THAN_HALF]) {
          const x = shortfallJoining(yes, all, t);
          expect(meets(yes + x, all + x, t)).toBe(true);
          if (x > 0n) expect(meets(yes + x - 1n, all + x - 1n, t)).toBe(false);
        }
      }
    }
  });

  it('names the participation quorum first, in owners and hundredths of m²', () => {
    const s = civilCodeShortfall({
      preset: 'civil-code-major',
      participation: { count: 40, area: '3360.53' },
      electorate: { count: 64, area: '5230.40' },
      approving: { count: 40, area: '3360.53' },
    });
    // 2/3 of 523040 hundredths is 348693.33 → 348694 needed; 348694 − 336053 = 12641 → 126.41 m².
    expect(s).toEqual({ stage: 'participation', count: 3n, area: 12641n });
  });

  it('then approval, and nothing once both hold or for other rules', () => {
    const electorate = { count: 4, area: '400.00' };
    expect(
      civilCodeShortfall({
        preset: 'civil-code-major',
        participation: { count: 3, area: '300.00' },
        electorate,
        approving: { count: 2, area: '200.00' },
      }),
    ).toEqual({ stage: 'approval', count: 1n, area: 10000n });
    expect(
      civilCodeShortfall({
        preset: 'civil-code-major',
        participation: { count: 4, area: '400.00' },
        electorate,
        approving: { count: 3, area: '300.00' },
      }),
    ).toBeNull();
    expect(civilCodeShortfall({ preset: 'plurality', participation: { count: 1 } })).toBeNull();
  });
});
