import { describe, expect, it } from 'vitest';
import { matchesPlan, planQuery, similarity, termsOf } from './search';

describe('CJK-aware search terms', () => {
  it('indexes every pair of adjacent Chinese characters, so a query across word borders still matches', () => {
    const terms = termsOf('3号楼楼道漏水');
    expect(terms).toContain('楼道');
    expect(terms).toContain('道漏');
    expect(terms).toContain('漏水');
    expect(terms.has('楼道漏水')).toBe(false);
  });

  it('keeps Latin words and numbers whole, lower-cased, full-width folded', () => {
    const terms = termsOf('工单 ＢＸ2026001 Elevator');
    expect(terms).toContain('bx2026001');
    expect(terms).toContain('elevator');
  });

  it('a query must hold all its bigrams; a case number matches by prefix', () => {
    const doc = termsOf('和平里小区 楼道漏水 BX2026001');
    expect(matchesPlan(doc, planQuery('楼道漏水'))).toBe(true);
    expect(matchesPlan(doc, planQuery('楼道停电'))).toBe(false);
    expect(matchesPlan(doc, planQuery('bx2026'))).toBe(true);
    expect(matchesPlan(doc, planQuery('漏'))).toBe(true);
  });

  it('scores near-identical reports high and unrelated ones low', () => {
    expect(similarity('3号楼楼道漏水严重', '3号楼楼道漏水很严重')).toBeGreaterThan(0.7);
    expect(similarity('3号楼楼道漏水严重', '小区门口垃圾堆放')).toBeLessThan(0.2);
  });
});

describe('case numbers', () => {
  it('are found whole, by prefix and by their last part', () => {
    const doc = termsOf('网格事件 WG20260511-0087');
    expect(matchesPlan(doc, planQuery('WG20260511-0087'))).toBe(true);
    expect(matchesPlan(doc, planQuery('wg2026'))).toBe(true);
    expect(matchesPlan(doc, planQuery('0087'))).toBe(true);
    expect(matchesPlan(doc, planQuery('0088'))).toBe(false);
  });

  it('are found whole in a Chinese description with its punctuation (。、【】 are separators, not words)', () => {
    const doc = termsOf('【转办】已处理完毕。编号GD-2026-0042、回访满意');
    expect(doc).toContain('gd-2026-0042');
    expect(doc).toContain('0042');
    expect(doc).toContain('处理');
    expect([...doc].some((t) => /[。、【】]/.test(t))).toBe(false);
    expect(matchesPlan(doc, planQuery('GD-2026-0042'))).toBe(true);
  });

  it('other scripts still go through the word segmenter', () => {
    expect(termsOf('Café Müller 门口')).toContain('café');
  });
});
