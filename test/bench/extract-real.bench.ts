/**
 * Fields right on the real-page corpus (test/fixtures/real: pages saved from real sites, expectations read by eye),
 * generic extractor in Node, as `linli extract` runs it. The baseline is the first-sight figure recorded before any
 * change made for the corpus (scores.json `firstSight`, batch b1), so the ratio shows what the fixes bought.
 */
import { listScorablePages, percent, readRecorded, scorePage, totals } from '../capture/real-corpus';
import { type BenchResult, row } from './measure';

export default async function benchExtractReal(): Promise<BenchResult[]> {
  const results = listScorablePages().map(scorePage);
  const all = totals(results);
  const first = totals(Object.values(readRecorded().firstSight));
  return [
    row({
      name: 'extract-real',
      what: `fields right on the real-page corpus (${all.pages} pages, ${all.fields} fields, held-out pages included once scored)`,
      value: percent(all),
      unit: '%',
      baseline: percent(first),
      baselineWhat: `first sight, before any fix (${first.right}/${first.fields} fields)`,
      goal: 'value >= 90',
      note: 'held-out batches included (held-out-en2, the council registers, too): test/fixtures/real/SCORES.md',
    }),
  ];
}
