import { describe, expect, it } from 'vitest';
import { budgetLeft, clampPoints, codeFromUrl, move, normalizeCode, toggle } from './vote.logic';

describe('the vote widget, before anything is sent', () => {
  it('takes a code however a resident types it: case, spaces, dashes, full-width', () => {
    expect(normalizeCode('abcd-2345')).toBe('ABCD-2345');
    expect(normalizeCode(' ab cd 23 45 ')).toBe('ABCD-2345');
    expect(normalizeCode('ＡＢＣＤ－２３４５')).toBe('ABCD-2345');
    expect(normalizeCode('ABCD—2345')).toBe('ABCD-2345');
    // O and 0, I and 1 are never printed: such a code is a typo, refused before it costs a guess on the server.
    expect(normalizeCode('ABCD-2340')).toBeNull();
    expect(normalizeCode('ABC-234')).toBeNull();
  });

  it('reads the code from the QR link', () => {
    expect(codeFromUrl('https://heping.example.org/vote.html?code=ABCD-2345')).toBe('ABCD-2345');
    expect(codeFromUrl('https://heping.example.org/')).toBe('');
  });

  it('moves a ranked option one place and stops at the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('shows what a budget has left and refuses negative or fractional points', () => {
    expect(budgetLeft(100, { a: 60, b: 30 })).toBe(10);
    expect(budgetLeft(100, { a: 80, b: 30 })).toBe(-10);
    expect(clampPoints(-5, 100)).toBe(0);
    expect(clampPoints(12.7, 100)).toBe(12);
    expect(clampPoints(150, 100)).toBe(100);
  });

  it('never lets a multiple-choice ballot go past its limit', () => {
    expect(toggle(['a', 'b'], 'c', 2)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'b', 2)).toEqual(['a']);
    expect(toggle([], 'a', undefined)).toEqual(['a']);
  });
});
