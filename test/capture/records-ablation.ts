/**
 * How far structure alone goes: every list page of the corpus (real list pages whose batch is tuned on, and the
 * synthetic list pages of test/fixtures/portals and ../shared/fixtures/portals) read by the structure finder
 * (core/capture/records.ts) with every finder that knows a vocabulary left out, and its row count compared with the
 * page's expected one. `npx tsx test/capture/records-ablation.ts [--all]` prints the pages it misses (all with
 * `--all`) and the total; records-ablation.test.ts holds the total as a floor.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findHeaderTables } from '@linli/core/capture/header-tables';
import { forgetHead, readMeta } from '@linli/core/capture/meta';
import { parseHtmlBytes } from '@linli/core/capture/node';
import { collectPairs } from '@linli/core/capture/pairs';
import { structureRecords } from '@linli/core/capture/records';
import { createScan } from '@linli/core/capture/scan';
import { pageDateContext } from '@linli/core/capture/zones';
import { type FixtureCase, listFixtures } from './compare';
import { countsTowardTarget, listScorablePages, readRecorded } from './real-corpus';

export interface AblationRow {
  name: string;
  source: 'real' | 'synthetic';
  expected: number;
  found: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** List pages: real pages of kind portal-list or with two rows or more, synthetic pages with two rows or more. */
export function listPages(): Array<FixtureCase & { source: AblationRow['source'] }> {
  const recorded = readRecorded();
  const real = listScorablePages(recorded)
    .filter((p) => countsTowardTarget(p, recorded))
    .filter((p) => p.provenance.kind === 'portal-list' || p.expected.issues.length >= 2)
    .map((p) => ({ ...p, source: 'real' as const }));
  const synthetic = [path.resolve(here, '../fixtures/portals'), path.resolve(here, '../../../shared/fixtures/portals')]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => listFixtures(dir))
    .filter((c) => c.expected.issues.length >= 2 && !c.expected.selection)
    .map((c) => ({ ...c, source: 'synthetic' as const }));
  return [...real, ...synthetic];
}

/** Rows the structure finder alone segments on one page (0 when it finds no list). */
export function structureRowCount(c: FixtureCase): number {
  const doc = parseHtmlBytes(readFileSync(c.html), c.expected.url);
  forgetHead(doc);
  const meta = readMeta(doc);
  const body = doc.body ?? doc.documentElement;
  const ctx = pageDateContext({ lang: meta.lang, url: c.expected.url, text: `${meta.title}\n${body.textContent}` });
  const scan = createScan(doc, body);
  const found = structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, c.expected.url);
  return found?.drafts.length ?? 0;
}

export function runAblation(): AblationRow[] {
  return listPages().map((c) => ({
    name: c.name,
    source: c.source,
    expected: c.expected.issues.length,
    found: structureRowCount(c),
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = runAblation();
  const all = process.argv.includes('--all');
  for (const r of rows)
    if (all || r.found !== r.expected)
      console.log(
        `${r.found === r.expected ? 'ok  ' : 'MISS'} ${r.source.padEnd(9)} ${r.name.padEnd(48)} ${r.found}/${r.expected}`,
      );
  for (const source of ['real', 'synthetic', undefined] as const) {
    const of = rows.filter((r) => !source || r.source === source);
    const right = of.filter((r) => r.found === r.expected).length;
    console.log(`${(source ?? 'all').padEnd(9)} ${right}/${of.length} list pages segmented with the right row count`);
  }
}
