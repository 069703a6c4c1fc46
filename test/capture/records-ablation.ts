/**
 * How far structure alone goes: every list page of the corpus (real list pages whose batch is tuned on, and the
 * synthetic list pages of test/fixtures/portals and ../shared/fixtures/portals) read by the structure finder
 * (core/capture/records.ts) with every finder that knows a vocabulary left out, and its row count compared with the
 * page's expected one; on real pages also the fields it reads, the title, case number and date of the first and the
 * last row, scored as the corpus is (compare.ts). `npx tsx test/capture/records-ablation.ts [--all] [--fields]
 * [--scramble]` prints the pages it misses (all with `--all`, the wrong fields with `--fields`) and the totals;
 * `--scramble` reads each page name-blind too (scramble-names.ts: every class and id renamed to a meaningless token,
 * `role` and `data-*` hints left out), as a site whose names are all new. records-ablation.test.ts holds both as
 * floors.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteClues } from '@linli/core/capture/city-zones';
import type { Draft } from '@linli/core/capture/draft';
import { findHeaderTables } from '@linli/core/capture/header-tables';
import { forgetHead, readMeta } from '@linli/core/capture/meta';
import { parseHtmlBytes } from '@linli/core/capture/node';
import { collectPairs } from '@linli/core/capture/pairs';
import { structureRecords } from '@linli/core/capture/records';
import { createScan } from '@linli/core/capture/scan';
import { pageDateContext } from '@linli/core/capture/zones';
import { type Expected, type FixtureCase, ISSUE_COUNT, listFixtures, scoreOutput } from './compare';
import { countsTowardTarget, listScorablePages, readRecorded } from './real-corpus';
import { scrambleNames } from './scramble-names';

export interface AblationRow {
  name: string;
  /** `own`: test/fixtures/portals; `shared`: ../shared/fixtures/portals (present beside the repository or not). */
  source: 'real' | 'own' | 'shared';
  expected: number;
  found: number;
  /** Real pages: the first and last rows' title, case number and date checked, and how many came out right. */
  fields: number;
  right: number;
  problems: string[];
}

/** The fields read off each row that the field ablation checks (`title~` the expected title's words contained). */
const ROW_FIELDS = ['title', 'title~', 'source.caseNumber', 'reportedAt'];

const here = path.dirname(fileURLToPath(import.meta.url));

/** The shared portal fixtures: a folder beside the repository, absent from a fresh clone of it alone. */
export const sharedPortalsDir = path.resolve(here, '../../../shared/fixtures/portals');

/** List pages: real pages of kind portal-list or with two rows or more, synthetic pages with two rows or more. */
export function listPages(): Array<FixtureCase & { source: AblationRow['source'] }> {
  const recorded = readRecorded();
  const real = listScorablePages(recorded)
    .filter((p) => countsTowardTarget(p, recorded))
    .filter((p) => p.provenance.kind === 'portal-list' || p.expected.issues.length >= 2)
    .map((p) => ({ ...p, source: 'real' as const }));
  const synthetic = (
    [
      [path.resolve(here, '../fixtures/portals'), 'own'],
      [sharedPortalsDir, 'shared'],
    ] as const
  )
    .filter(([dir]) => existsSync(dir))
    .flatMap(([dir, source]) =>
      listFixtures(dir)
        .filter((c) => c.expected.issues.length >= 2 && !c.expected.selection)
        .map((c) => ({ ...c, source })),
    );
  return [...real, ...synthetic];
}

/** The rows the structure finder alone segments on one page (none when it finds no list), its names blind or not. */
export function structureDrafts(c: FixtureCase, scramble = false): Draft[] {
  const doc = parseHtmlBytes(readFileSync(c.html), c.expected.url);
  if (scramble) scrambleNames(doc, c.name);
  forgetHead(doc);
  const meta = readMeta(doc);
  const body = doc.body ?? doc.documentElement;
  // The page's date context as extract.ts makes it (the site's name and title place a state's pages in its zone,
  // the clues in its body a city's).
  const ctx = pageDateContext({
    lang: meta.lang,
    url: c.expected.url,
    text: `${meta.title}\n${body.textContent}`,
    siteName: meta.siteName,
    title: meta.title,
    clues: siteClues(body),
  });
  const scan = createScan(doc, body);
  const found = structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, c.expected.url);
  return found?.drafts ?? [];
}

/**
 * The first and the last row's title, case number and date against the page's expectation: row 1 with row 1, the
 * last with the last (a row too many or too few in the middle costs only the count).
 */
export function rowFieldScore(
  drafts: Draft[],
  expected: Expected,
): { fields: number; right: number; problems: string[] } {
  const want = expected.issues;
  if (!want.length) return { fields: 0, right: 0, problems: [] };
  const ends = want.length === 1 ? [0] : [0, want.length - 1];
  const pick = (exp: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(exp).filter(([k]) => ROW_FIELDS.includes(k)));
  const asIssue = (d: Draft | undefined) =>
    d ? { title: d.title, reportedAt: d.reportedAt, source: { caseNumber: d.caseNumber } } : {};
  const got = ends.map((i) => asIssue(i === 0 ? drafts[0] : drafts[drafts.length - 1]));
  const score = scoreOutput({ issues: got }, { url: expected.url, issues: ends.map((i) => pick(want[i]!)) });
  // The issue count is the row ablation's measure, not a field.
  const countProblem = score.problems.some((p) => p.startsWith(ISSUE_COUNT));
  return {
    fields: score.fields - 1,
    right: score.right - (countProblem ? 0 : 1),
    problems: score.problems.filter((p) => !p.startsWith(ISSUE_COUNT)),
  };
}

export function runAblation(scramble = false): AblationRow[] {
  return listPages().map((c) => {
    const drafts = structureDrafts(c, scramble);
    const fields = c.source === 'real' ? rowFieldScore(drafts, c.expected) : { fields: 0, right: 0, problems: [] };
    return { name: c.name, source: c.source, expected: c.expected.issues.length, found: drafts.length, ...fields };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = runAblation(process.argv.includes('--scramble'));
  const all = process.argv.includes('--all');
  for (const r of rows)
    if (all || r.found !== r.expected)
      console.log(
        `${r.found === r.expected ? 'ok  ' : 'MISS'} ${r.source.padEnd(9)} ${r.name.padEnd(48)} ${r.found}/${r.expected}`,
      );
  if (process.argv.includes('--fields'))
    for (const r of rows) for (const p of r.problems) console.log(`     ${r.name}: ${p}`);
  for (const source of ['real', 'own', 'shared', undefined] as const) {
    const of = rows.filter((r) => !source || r.source === source);
    const right = of.filter((r) => r.found === r.expected).length;
    console.log(`${(source ?? 'all').padEnd(9)} ${right}/${of.length} list pages segmented with the right row count`);
  }
  const real = rows.filter((r) => r.source === 'real');
  const fields = real.reduce((n, r) => n + r.fields, 0);
  const right = real.reduce((n, r) => n + r.right, 0);
  console.log(
    `fields    ${right}/${fields} = ${((100 * right) / fields).toFixed(1)} % of the first and last rows' title, case number and date right (real pages)`,
  );
}
