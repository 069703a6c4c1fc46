/**
 * Prints the real-page corpus scores, per page and per batch: `npx tsx test/capture/score-real.ts [--held-out]
 * [--record] [--problems]`. Held-out pages are left out unless `--held-out` is given (they are scored once, at the
 * end, so nobody tunes on them), except those of held-out batches already scored and since tuned on (a floor in
 * scores.json, the batch not in `untunedHeldOut`): they are corpus pages like any other; `--record` writes each scored page's current count of right fields to
 * test/fixtures/real/scores.json (the floor the tests hold); `--problems` lists every wrong field. The last line counts
 * the pages read as the right number of cases (one case or a list, and how many rows): the decision that costs a page
 * most when it goes wrong.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ISSUE_COUNT } from './compare';
import {
  countsTowardTarget,
  isHeldOut,
  listRealPages,
  percent,
  type RealPage,
  readRecorded,
  realDir,
  scorePage,
  totals,
} from './real-corpus';

const args = new Set(process.argv.slice(2));
const recorded = readRecorded();
const tunedOn = (p: RealPage) =>
  !isHeldOut(p.provenance.batch) || (recorded.pages[p.name] !== undefined && countsTowardTarget(p, recorded));
const results = listRealPages()
  .filter((p) => args.has('--held-out') || tunedOn(p))
  .map(scorePage);
const pct = (t: { fields: number; right: number }) => `${percent(t).toFixed(1)} %`;

for (const r of results) {
  const p = r.page.provenance;
  console.log(`${r.page.name.padEnd(44)} ${p.batch.padEnd(9)} ${p.kind.padEnd(12)} ${r.right}/${r.fields}  ${pct(r)}`);
  if (args.has('--problems')) for (const problem of r.problems) console.log(`    ${problem}`);
}
const batches = [...new Set(results.map((r) => r.page.provenance.batch))];
console.log('\nbatch      pages fields right');
for (const b of batches) {
  const t = totals(results.filter((r) => r.page.provenance.batch === b));
  console.log(
    `${b.padEnd(10)} ${String(t.pages).padStart(5)} ${String(t.fields).padStart(6)} ${String(t.right).padStart(5)}  ${pct(t)}`,
  );
}
const all = totals(results);
console.log(
  `${'all'.padEnd(10)} ${String(all.pages).padStart(5)} ${String(all.fields).padStart(6)} ${String(all.right).padStart(5)}  ${pct(all)}`,
);
const miscounted = results.filter((r) => r.problems.some((p) => p.startsWith(ISSUE_COUNT)));
console.log(
  `\nright number of cases: ${results.length - miscounted.length}/${results.length} pages` +
    (miscounted.length ? ` (wrong: ${miscounted.map((r) => r.page.name).join(', ')})` : ''),
);

if (args.has('--record')) {
  const previous = readRecorded();
  const pages = {
    ...previous.pages,
    ...Object.fromEntries(results.map((r) => [r.page.name, { fields: r.fields, right: r.right }])),
  };
  writeFileSync(path.join(realDir, 'scores.json'), `${JSON.stringify({ ...previous, pages }, null, 2)}\n`);
  console.log('\nrecorded test/fixtures/real/scores.json');
}
