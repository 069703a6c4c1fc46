/**
 * How far a case page is read by its shape: every case page of the corpus (real pages of kind portal-case, or of
 * another kind but for a list with one expected issue, whose batch is tuned on) made label-blind (label-blind.ts:
 * every label replaced by a token no table knows, values left intact — a site whose labels are new) and read by the
 * whole extractor, scored field by field as the corpus is (compare.ts). `absent` strings the rewrite itself removed
 * are not counted (nothing could print them). `npx tsx test/capture/detail-ablation.ts [--all] [--fields]
 * [--scramble]` prints each page (with `--all` also those the blind copy reads as well as the page), the wrong fields
 * with `--fields`, and the totals; with `--scramble` the blind copy is name-blind too (scramble-names.ts: class and id
 * names made meaningless). detail-ablation.test.ts holds them as floors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractIssues } from '@linli/core/capture';
import { parseHtmlBytes } from '@linli/core/capture/node';
import { collapse } from '@linli/core/capture/text';
import { type Expected, type FieldScore, scoreOutput } from './compare';
import { blindLabels } from './label-blind';
import { countsTowardTarget, listScorablePages, type RealPage, readRecorded } from './real-corpus';
import { scrambleNames } from './scramble-names';

export interface DetailAblationRow {
  name: string;
  kind: string;
  /** Labels the rewrite replaced (distinct). */
  labels: number;
  /** The page as saved (left out when not asked for: the floors hold the blind copies alone). */
  seen?: FieldScore;
  /** The label-blind copy. */
  blind: FieldScore;
}

/** Case pages: tuned real pages of kind portal-case, and pages of other kinds (not lists) with one expected issue. */
export function casePages(): RealPage[] {
  const recorded = readRecorded();
  return listScorablePages(recorded)
    .filter((p) => countsTowardTarget(p, recorded))
    .filter(
      (p) =>
        p.provenance.kind === 'portal-case' || (p.provenance.kind !== 'portal-list' && p.expected.issues.length === 1),
    );
}

const NOW = new Date('2026-06-02T00:00:00Z');

function read(page: RealPage, blind: boolean, scramble = false): { score: FieldScore; labels: number } {
  const doc = parseHtmlBytes(readFileSync(page.html), page.expected.url);
  let expected: Expected = page.expected;
  let labels = 0;
  if (blind) {
    const before = collapse(doc.body?.textContent ?? '');
    labels = blindLabels(doc).labels.size;
    const after = collapse(doc.body?.textContent ?? '');
    // An absent string that the rewrite took out of the page is no check of the extractor.
    const absent = (expected.absent ?? []).filter((s) => !(before.includes(s) && !after.includes(s)));
    expected = { ...expected, absent };
    if (scramble) scrambleNames(doc, page.name);
  }
  const out = extractIssues(doc, { url: page.expected.url, now: NOW });
  return { score: scoreOutput(out, expected), labels };
}

/** Each case page read label-blind and, with `asSaved`, as saved too (what the blind copy loses). */
export function runDetailAblation(scramble = false, asSaved = true): DetailAblationRow[] {
  return casePages().map((page) => {
    const blind = read(page, true, scramble);
    return {
      name: page.name,
      kind: page.provenance.kind,
      labels: blind.labels,
      ...(asSaved ? { seen: read(page, false).score } : {}),
      blind: blind.score,
    };
  });
}

const sum = (rows: FieldScore[]) => ({
  fields: rows.reduce((n, r) => n + r.fields, 0),
  right: rows.reduce((n, r) => n + r.right, 0),
});

export function totalsOf(rows: DetailAblationRow[], kind?: string) {
  const of = rows.filter((r) => !kind || r.kind === kind);
  return {
    pages: of.length,
    seen: sum(of.flatMap((r) => (r.seen ? [r.seen] : []))),
    blind: sum(of.map((r) => r.blind)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = runDetailAblation(process.argv.includes('--scramble'));
  const all = process.argv.includes('--all');
  const fieldsToo = process.argv.includes('--fields');
  for (const r of rows) {
    const seen = r.seen!;
    const lost = seen.right - r.blind.right;
    if (!all && lost <= 0) continue;
    console.log(
      `${r.name.padEnd(66)} ${r.kind.padEnd(11)} labels ${String(r.labels).padStart(3)}  blind ${r.blind.right}/${r.blind.fields}  as saved ${seen.right}/${seen.fields}`,
    );
    if (fieldsToo) {
      const seenProblems = new Set(seen.problems);
      for (const p of r.blind.problems) if (!seenProblems.has(p)) console.log(`     ${p}`);
    }
  }
  const pct = (t: { fields: number; right: number }) => `${((100 * t.right) / t.fields).toFixed(1)} %`;
  for (const kind of ['portal-case', undefined]) {
    const t = totalsOf(rows, kind);
    console.log(
      `${(kind ?? 'all case pages').padEnd(15)} ${t.pages} pages  label-blind ${t.blind.right}/${t.blind.fields} = ${pct(t.blind)}  as saved ${t.seen.right}/${t.seen.fields} = ${pct(t.seen)}`,
    );
  }
}
