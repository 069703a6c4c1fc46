import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAblation, sharedPortalsDir } from './records-ablation';

/**
 * The structure finder alone (core/capture/records.ts, every vocabulary finder left out) must keep segmenting at
 * least this many of the corpus's list pages with their right row count: the measure of how far the generic layer
 * goes without any site's words (`npx tsx test/capture/records-ablation.ts` names the pages it misses).
 */
// The shared pages are held only where that folder is present: a clone of this repository alone has none of them.
const FLOOR = { real: 77, own: 36, shared: 2 };
/** The first and last rows' title, case number and date right on real list pages, structure alone (of 387). */
const FIELDS_FLOOR = 333;

describe('list pages segmented by structure alone', () => {
  const rows = runAblation();
  it('covers the corpus list pages', () => {
    expect(rows.filter((r) => r.source === 'real').length).toBeGreaterThanOrEqual(25);
    expect(rows.filter((r) => r.source === 'own').length).toBeGreaterThanOrEqual(30);
  });
  it(`reads at least ${FIELDS_FLOOR} of the first and last rows' fields right on real list pages`, () => {
    const real = rows.filter((r) => r.source === 'real');
    const right = real.reduce((n, r) => n + r.right, 0);
    const problems = real.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`));
    expect(right, problems.join('\n')).toBeGreaterThanOrEqual(FIELDS_FLOOR);
  });
  for (const source of ['real', 'own', 'shared'] as const) {
    it.skipIf(source === 'shared' && !existsSync(sharedPortalsDir))(
      `keeps ${FLOOR[source]} ${source} list pages at their row count`,
      () => {
        const of = rows.filter((r) => r.source === source);
        const missed = of.filter((r) => r.found !== r.expected).map((r) => `${r.name}: ${r.found}/${r.expected}`);
        expect(of.length - missed.length, missed.join('\n')).toBeGreaterThanOrEqual(FLOOR[source]);
      },
    );
  }
});
