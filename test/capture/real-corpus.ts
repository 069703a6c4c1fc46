/**
 * The real-page corpus (test/fixtures/real): pages saved from real sites, each with `NAME.expected.json` (read off
 * the page by eye) and `NAME.provenance.json` (where the bytes came from). Scored field by field with compare.ts;
 * `scores.json` records each page's current count of right fields, which the tests hold as a floor.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FieldScore, type FixtureCase, listFixtures, runFixture, scoreOutput } from './compare';

export const realDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/real');

export const PAGE_KINDS = ['portal-case', 'portal-list', 'gov-info', 'news', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface Provenance {
  repository: string;
  path: string;
  commit: string;
  licence: string;
  site: string;
  kind: PageKind;
  url: string;
  urlNote?: string;
  savedBy: string;
  /** Characters of the page as the repository stores it (a check that the copy is whole). */
  chars: number;
  /** Scoring batch; `held-out` pages (any batch named `held-out…`) are scored only at the end, never tuned on. */
  batch: string;
}

/** Held-out batches (`held-out`, `held-out 2`, `held-out-en`, …) are scored once, at the end, and never tuned on. */
export const isHeldOut = (batch: string) => batch.startsWith('held-out');

export interface RealPage extends FixtureCase {
  provenance: Provenance;
}

export interface Recorded {
  /** Share of fields right over the whole corpus that the suite must keep (0..1). */
  target: number;
  /** Per batch, the fields right before any change made for the corpus (the bench row's baseline). */
  firstSight: Record<string, { fields: number; right: number }>;
  pages: Record<string, { fields: number; right: number }>;
  /** Per held-out batch, the one score taken before any fix made for its pages (their later counts are in pages). */
  heldOutFirstScore?: Record<string, { fields: number; right: number }>;
  /**
   * Held-out batches scored once and not yet tuned on: each page is held at its first-sight count, but the batch is
   * reported apart (SCORES.md) instead of in the corpus-wide target, until fixes are made for its pages.
   */
  untunedHeldOut?: string[];
}

/** Largest page the corpus keeps (bytes). */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export function listRealPages(): RealPage[] {
  return listFixtures(realDir).map((c) => ({ ...c, provenance: readProvenance(c.name) }));
}

function readProvenance(name: string): Provenance {
  const file = path.join(realDir, `${name}.provenance.json`);
  let p: Partial<Provenance>;
  try {
    p = JSON.parse(readFileSync(file, 'utf8')) as Partial<Provenance>;
  } catch (error) {
    throw new Error(`real page ${name}: provenance ${file} cannot be read: ${(error as Error).message}`);
  }
  for (const key of ['repository', 'path', 'commit', 'licence', 'site', 'url', 'savedBy', 'batch'] as const) {
    if (typeof p[key] !== 'string' || p[key] === '') throw new Error(`real page ${name}: provenance "${key}" missing`);
  }
  if (!/^[0-9a-f]{40}$/.test(p.commit ?? '')) throw new Error(`real page ${name}: provenance "commit" is not a sha`);
  if (!PAGE_KINDS.includes(p.kind as PageKind)) throw new Error(`real page ${name}: provenance "kind" is unknown`);
  if (typeof p.chars !== 'number') throw new Error(`real page ${name}: provenance "chars" must be a number`);
  return p as Provenance;
}

/**
 * A held-out page not yet scored: nothing may run the extractor on it (tests, the bench, the fallback comparison)
 * until its one scoring (`score-real.ts --held-out --record`), so that no printed figure or failing test shows it.
 */
export const awaitsItsScore = (page: RealPage, recorded: Recorded) =>
  isHeldOut(page.provenance.batch) && !recorded.pages[page.name];

/** Every page but held-out ones awaiting their one scoring. */
export const listScorablePages = (recorded = readRecorded()) =>
  listRealPages().filter((page) => !awaitsItsScore(page, recorded));

export function readRecorded(): Recorded {
  return JSON.parse(readFileSync(path.join(realDir, 'scores.json'), 'utf8')) as Recorded;
}

/** Whether a page counts toward the corpus-wide target (every page but those of untuned held-out batches). */
export const countsTowardTarget = (page: RealPage, recorded: Recorded) =>
  !(recorded.untunedHeldOut ?? []).includes(page.provenance.batch);

export interface PageResult extends FieldScore {
  page: RealPage;
}

export function scorePage(page: RealPage): PageResult {
  return { page, ...scoreOutput(runFixture(page), page.expected) };
}

/** The page's text as the repository stores it: its length must match the provenance (nothing lost in copying). */
export function pageChars(page: RealPage): number {
  return readFileSync(page.html, 'utf8').length;
}

export function pageBytes(page: RealPage): number {
  return statSync(page.html).size;
}

export interface Totals {
  pages: number;
  fields: number;
  right: number;
}

export function totals(results: Array<{ fields: number; right: number }>): Totals {
  const t: Totals = { pages: 0, fields: 0, right: 0 };
  for (const r of results) {
    t.pages += 1;
    t.fields += r.fields;
    t.right += r.right;
  }
  return t;
}

export const percent = (t: { fields: number; right: number }) => (t.fields ? (100 * t.right) / t.fields : 0);
