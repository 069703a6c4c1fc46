import { describe, expect, it } from 'vitest';
import { interleavedMedianMs, judge, row } from './measure';

describe('bench rows', () => {
  it('a row carries its ratio against the baseline and whether the goal held', () => {
    const r = row({ name: 'x-read', value: 3, unit: 'ms', baseline: 1, goal: 'ratio <= 3' });
    expect(r).toMatchObject({ name: 'x-read', value: 3, baseline: 1, ratio: 3, goal: 'ratio <= 3', pass: true });
    expect(row({ name: 'x', value: 3.01, unit: 'ms', baseline: 1, goal: 'ratio <= 3' }).pass).toBe(false);
  });

  it('a row that could not be measured has no verdict, and one without a goal neither', () => {
    expect(row({ name: 'x', value: Number.NaN, unit: 'ms', goal: 'value <= 20' }).pass).toBeNull();
    expect(row({ name: 'x', value: 1, unit: 'ms' })).toMatchObject({ baseline: null, ratio: null, pass: null });
  });

  it('goals are formulas over value, baseline and ratio only', () => {
    const ingestGoal = 'ratio >= 0.5 && (baseline < 5000 || value >= 5000)';
    // The bare POST reaches 6,000/s, so 5,000/s is asked for: 4,000 misses although its ratio is 0.67.
    expect(judge(ingestGoal, { value: 4000, baseline: 6000, ratio: 4000 / 6000 })).toBe(false);
    expect(judge(ingestGoal, { value: 5200, baseline: 6000, ratio: 0.87 })).toBe(true);
    // The bare POST stays under 5,000/s: only the ratio is judged.
    expect(judge(ingestGoal, { value: 3000, baseline: 4000, ratio: 0.75 })).toBe(true);
    expect(judge(ingestGoal, { value: 1900, baseline: 4000, ratio: 0.475 })).toBe(false);
    expect(() => judge('process.exit(1)', { value: 1, baseline: null, ratio: null })).toThrow(/only value/);
    expect(() => judge('ratio <= 3', { value: 1, baseline: null, ratio: null })).toThrow(/needs a baseline/);
  });

  it('two jobs timed in turns: each run of one is followed by a run of the other', () => {
    const calls: string[] = [];
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const m = interleavedMedianMs(
      () => {
        calls.push('a');
        busy(2);
      },
      () => calls.push('b'),
      { runs: 3, warmup: 1 },
    );
    expect(calls.join('')).toBe('abababab');
    expect(m.a).toBeGreaterThanOrEqual(2);
    expect(m.a).toBeGreaterThan(m.b);
  });
});
