import { describe, expect, it } from 'vitest';
import { isoDigits, plainDate } from './date-digits';
import { formatIso, parseDate } from './dates';
import { CHINA_ZONE } from './zones';

describe('dates read and written digit by digit', () => {
  it('reads a cell holding one date and maybe a time, and nothing else', () => {
    expect(plainDate(' 2026/5/28 ')).toEqual({ y: 2026, m: 5, d: 28, h: 0, mi: 0, s: 0, hasTime: false });
    expect(plainDate('2026-05-28T 9:05:59')).toEqual({ y: 2026, m: 5, d: 28, h: 9, mi: 5, s: 59, hasTime: true });
    for (const text of [
      '2026-05-28 14:30:5',
      '2026-05-28 14:305',
      '2026-05-281',
      '202-05-28',
      '2026-05-28 T',
      '2026-05-28 a',
    ])
      expect(plainDate(text), text).toBeUndefined();
  });

  it('writes the same ISO string as before, and leaves what it cannot write to the template', () => {
    const parts = { y: 2026, m: 5, d: 3, h: 14, mi: 30, s: 0, hasTime: true };
    expect(isoDigits(parts, 480)).toBe('2026-05-03T14:30:00+08:00');
    expect(isoDigits(parts, -330)).toBe('2026-05-03T14:30:00-05:30');
    expect(isoDigits({ ...parts, y: 999 }, 0)).toBeUndefined();
    expect(formatIso({ ...parts, y: 999 }, CHINA_ZONE)).toBe('0999-05-03T14:30:00+08:00');
    expect(parseDate('2026-05-28 14:30')).toBe('2026-05-28T14:30:00+08:00');
    expect(parseDate('2026-02-30')).toBeUndefined();
  });
});
