import { parseHtml } from '@linli/core/capture/node';
import { describe, expect, it } from 'vitest';
import { runDetailAblation, totalsOf } from './detail-ablation';
import { blindLabels } from './label-blind';

/**
 * Case pages read by their shape: every tuned real case page made label-blind (each label replaced by a token no
 * table knows, values intact — a site whose labels are new) must keep at least this many fields right
 * (`npx tsx test/capture/detail-ablation.ts --fields` names the fields the blind copies lose). The measure of how far
 * the engine reads a case page of a site it has never seen without its label tables.
 */
const FLOOR = { portalCase: 1167, all: 1451 };

describe('the label-blind rewrite', () => {
  it('replaces labels by tokens no table knows and leaves values', () => {
    const doc = parseHtml(
      `<body><table><tr><td>来信时间：</td><td>2024-03-05 10:00</td></tr><tr><th>Reference</th><td>DA-2024/17</td></tr></table>
      <dl><dt>Unheard label</dt><dd>Kim Lee</dd></dl><p>办理状态：已办结</p><p>Planning Department</p></body>`,
    );
    const r = blindLabels(doc);
    const text = doc.body.textContent ?? '';
    for (const label of ['来信时间', 'Reference', 'Unheard label', '办理状态']) expect(text).not.toContain(label);
    for (const value of ['2024-03-05 10:00', 'DA-2024/17', 'Kim Lee', '已办结', 'Planning Department'])
      expect(text).toContain(value);
    expect(text).toMatch(/[甲乙丙丁]+癸*：/);
    expect(r.labels.size).toBe(4);
  });
});

describe('case pages read label-blind', () => {
  // The floors hold the blind copies alone: the pages as saved are read (and held) by real-pages.test.ts.
  const rows = runDetailAblation(false, false);
  it('covers the corpus case pages', () => {
    expect(totalsOf(rows, 'portal-case').pages).toBeGreaterThanOrEqual(60);
    expect(rows.length).toBeGreaterThanOrEqual(90);
  });
  it('replaces labels on the pages that have them', () => {
    // A rewrite that replaced nothing would measure the pages as saved.
    expect(rows.filter((r) => r.labels >= 5).length).toBeGreaterThanOrEqual(40);
  });
  it(`reads at least ${FLOOR.portalCase} fields right on label-blind portal case pages`, () => {
    const t = totalsOf(rows, 'portal-case');
    const problems = rows
      .filter((r) => r.kind === 'portal-case')
      .flatMap((r) => r.blind.problems.map((p) => `${r.name}: ${p}`));
    expect(t.blind.right, problems.join('\n')).toBeGreaterThanOrEqual(FLOOR.portalCase);
  });
  it(`reads at least ${FLOOR.all} fields right on all label-blind case pages`, () => {
    expect(totalsOf(rows).blind.right).toBeGreaterThanOrEqual(FLOOR.all);
  });
});
