import { describe, expect, it } from 'vitest';
import { formatChineseDateTime } from './datetime';

describe('formatChineseDateTime', () => {
  it('shows an instant in Beijing time, the way a notice is written', () => {
    expect(formatChineseDateTime('2026-12-09T18:11:07.127Z')).toBe('2026年12月10日 02:11');
    expect(formatChineseDateTime('2026-05-28T14:30:00+08:00')).toBe('2026年5月28日 14:30');
  });
  it('leaves text that is not a date untouched', () => {
    expect(formatChineseDateTime('not a date')).toBe('not a date');
  });
});
