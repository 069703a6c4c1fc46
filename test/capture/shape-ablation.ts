/**
 * How far the engine reads a page laid out differently: every list page (records-ablation.ts `listPages`) and case
 * page (detail-ablation.ts `casePages`, and the own fixtures of one case) rewritten by each structure transform of
 * shape-transforms.ts — the same text, order, links and headings in other markup, as a site the engine has never seen
 * would lay them out — and read by the whole extractor. Scored against the page's own reading: of the fields it reads
 * right as saved (compare.ts, as score-real does), how many it still reads right; a page whose issue count is wrong
 * as saved is not counted, nor a transform that found nothing to rewrite on it.
 * `npx tsx test/capture/shape-ablation.ts [--all] [--fields] [--only=NAME[,NAME]]` prints the pages that lose fields (all
 * with `--all`, the lost fields with `--fields`) and the totals per transform; shape-ablation.test.ts holds floors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractIssues } from '@linli/core/capture';
import { parseHtmlBytes } from '@linli/core/capture/node';
import { type Expected, type FixtureCase, ISSUE_COUNT, listFixtures, scoreOutput } from './compare';
import { casePages } from './detail-ablation';
import { isLinkHeadTransform, LINK_HEAD_TRANSFORMS, type PartialTransform } from './link-head-transforms';
import type { RealPage } from './real-corpus';
import { listPages } from './records-ablation';
import { CASE_TRANSFORMS, LIST_TRANSFORMS, type Transform } from './shape-transforms';
import { isSpecTransform, SPEC_TRANSFORMS } from './spec-transforms';
import { isTitleTransform, TITLE_TRANSFORMS } from './title-transforms';
import { isUnseenListTransform, UNSEEN_LIST_TRANSFORMS } from './twice-transforms';
import { isViewerTransform, VIEWER_TRANSFORMS } from './viewer-transforms';

const here = path.dirname(fileURLToPath(import.meta.url));
const NOW = new Date('2026-06-02T00:00:00Z');

export interface ShapePage extends FixtureCase {
  source: 'real' | 'own' | 'shared';
  side: 'list' | 'case';
  /** The name a heading of the site would carry. */
  site: string;
}

export interface ShapeRow {
  page: string;
  source: ShapePage['source'];
  side: ShapePage['side'];
  transform: string;
  /** Places the transform rewrote (0: the page has no such shape; not counted). */
  rewrites: number;
  /** Fields right as saved. */
  own: number;
  /** Of those, right after the rewrite. */
  kept: number;
  /** The fields lost, as compare.ts words them. */
  lost: string[];
}

/** The site's name: a real page's provenance names it (`host (Name, …`), else the page's host. */
function siteName(c: FixtureCase & { provenance?: RealPage['provenance'] }): string {
  const named = /\(([^,·(]+)/.exec(c.provenance?.site ?? '')?.[1]?.trim();
  if (named) return named;
  try {
    return new URL(c.expected.url).host;
  } catch {
    return 'Portal';
  }
}

/** Own synthetic case pages: test/fixtures/portals pages of one expected issue read whole. */
function ownCasePages(): FixtureCase[] {
  return listFixtures(path.resolve(here, '../fixtures/portals')).filter(
    (c) => c.expected.issues.length === 1 && !c.expected.selection,
  );
}

export function shapePages(): ShapePage[] {
  return [
    ...listPages().map((c) => ({ ...c, side: 'list' as const, site: siteName(c) })),
    ...casePages().map((c) => ({ ...c, source: 'real' as const, side: 'case' as const, site: siteName(c) })),
    ...ownCasePages().map((c) => ({ ...c, source: 'own' as const, side: 'case' as const, site: siteName(c) })),
  ];
}

/** A problem's field: `issues.0.title`, `issue count`, or the absent string's whole line. */
const fieldOf = (problem: string) => (problem.startsWith('absent') ? problem : problem.split(': got')[0]!);

interface Reading {
  rewrites: number;
  problems: string[];
  fields: number;
  issues: unknown[];
  expected: Expected;
}

/** The page's expected fields a partial transform still scores on the rewritten page (the count and absent strings stay). */
function scoredOnly(expected: Expected, scores: PartialTransform['scores'], doc: Document): Expected {
  return {
    ...expected,
    issues: expected.issues.map((e) => Object.fromEntries(Object.entries(e).filter(([k, v]) => scores(k, v, doc)))),
  };
}

function read(page: ShapePage, transform?: Transform): Reading {
  const doc = parseHtmlBytes(readFileSync(page.html), page.expected.url);
  const first = page.expected.issues[0];
  const title = first?.title ?? first?.['title~'];
  const description = first?.description ?? first?.['description~'];
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const rewrites = transform ? transform(doc, page.site, text(title), text(description)) : 0;
  const scores = (transform as Partial<PartialTransform> | undefined)?.scores;
  const expected = scores ? scoredOnly(page.expected, scores, doc) : page.expected;
  if (transform && !rewrites) return { rewrites, problems: [], fields: 0, issues: [], expected };
  const { issues } = extractIssues(doc, { url: page.expected.url, now: NOW });
  const score = scoreOutput({ issues }, expected);
  return { rewrites, problems: score.problems, fields: score.fields, issues, expected };
}

export function transformsOf(side: ShapePage['side']): Record<string, Transform> {
  return side === 'list'
    ? { ...LIST_TRANSFORMS, ...UNSEEN_LIST_TRANSFORMS, ...LINK_HEAD_TRANSFORMS }
    : { ...CASE_TRANSFORMS, ...TITLE_TRANSFORMS, ...SPEC_TRANSFORMS, ...VIEWER_TRANSFORMS };
}

export function runShapeAblation(pages = shapePages(), only?: string): ShapeRow[] {
  const rows: ShapeRow[] = [];
  for (const page of pages) {
    const seen = read(page);
    if (seen.problems.some((p) => p.startsWith(ISSUE_COUNT))) continue;
    const wrong = new Set(seen.problems.map(fieldOf));
    const own = seen.fields - wrong.size;
    for (const [name, transform] of Object.entries(transformsOf(page.side))) {
      if (only && !only.split(',').includes(name)) continue;
      const after = read(page, transform);
      if (!after.rewrites) continue;
      // A partial transform scores the page as saved on the fields it keeps.
      const saved = after.expected === page.expected ? seen : scoreOutput({ issues: seen.issues }, after.expected);
      const wrongHere = saved === seen ? wrong : new Set(saved.problems.map(fieldOf));
      const ownHere = saved === seen ? own : saved.fields - wrongHere.size;
      const lost = [...new Set(after.problems.filter((p) => !wrongHere.has(fieldOf(p))))];
      const lostFields = new Set(lost.map(fieldOf)).size;
      rows.push({
        page: page.name,
        source: page.source,
        side: page.side,
        transform: name,
        rewrites: after.rewrites,
        own: ownHere,
        kept: ownHere - lostFields,
        lost,
      });
    }
  }
  return rows;
}

export interface ShapeTotals {
  pages: number;
  /** Pages that kept every field they read right as saved. */
  whole: number;
  own: number;
  kept: number;
}

export function shapeTotals(rows: ShapeRow[]): ShapeTotals {
  return {
    pages: rows.length,
    whole: rows.filter((r) => r.kept === r.own).length,
    own: rows.reduce((n, r) => n + r.own, 0),
    kept: rows.reduce((n, r) => n + r.kept, 0),
  };
}

const line = (name: string, t: ShapeTotals) =>
  `${name.padEnd(34)} ${String(t.whole).padStart(3)}/${String(t.pages).padEnd(3)} pages whole  ${t.kept}/${t.own} fields = ${((100 * t.kept) / (t.own || 1)).toFixed(1)} %`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const rows = runShapeAblation(shapePages(), only);
  const all = process.argv.includes('--all');
  for (const r of rows) {
    if (!all && r.kept === r.own) continue;
    console.log(
      `${r.kept === r.own ? 'ok  ' : 'LOSS'} ${r.transform.padEnd(30)} ${r.source.padEnd(6)} ${r.page.padEnd(60)} ${r.kept}/${r.own}`,
    );
    if (process.argv.includes('--fields')) for (const p of r.lost) console.log(`     ${p.slice(0, 220)}`);
  }
  console.log('');
  for (const side of ['list', 'case'] as const) {
    for (const name of Object.keys(transformsOf(side)))
      for (const source of ['real', 'own'] as const) {
        const of = rows.filter((r) => r.transform === name && r.source === source);
        if (of.length) console.log(line(`${name} (${source})`, shapeTotals(of)));
      }
    for (const source of ['real', 'own'] as const) {
      const of = rows.filter((r) => r.side === side && r.source === source);
      const apart = (name: string) =>
        isTitleTransform(name) ||
        isSpecTransform(name) ||
        isUnseenListTransform(name) ||
        isLinkHeadTransform(name) ||
        isViewerTransform(name);
      console.log(line(`${side} pages (${source})`, shapeTotals(of.filter((r) => !apart(r.transform)))));
      if (side === 'list') {
        console.log(
          line(`unseen list shapes (${source})`, shapeTotals(of.filter((r) => isUnseenListTransform(r.transform)))),
        );
        console.log(
          line(`document links, heads (${source})`, shapeTotals(of.filter((r) => isLinkHeadTransform(r.transform)))),
        );
      }
      if (side === 'case') {
        console.log(line(`case titles (${source})`, shapeTotals(of.filter((r) => isTitleTransform(r.transform)))));
        console.log(line(`case data tables (${source})`, shapeTotals(of.filter((r) => isSpecTransform(r.transform)))));
        console.log(
          line(`case viewer headings (${source})`, shapeTotals(of.filter((r) => isViewerTransform(r.transform)))),
        );
      }
    }
  }
  console.log(line('all', shapeTotals(rows)));
}
