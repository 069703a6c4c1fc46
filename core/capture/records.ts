/**
 * Lists found by their structure, whatever words a site uses: the region of the main column whose children (or
 * grandchildren: rows of several tables, items of lists under date headings) repeat one shape, or whose inline
 * content is cut into runs by `<hr>` / `<br>`, each run a record (record segmentation as MDR and DEPTA do it: similar
 * adjacent siblings, generalised over a level). Candidate regions are weighed by how much of the main column their
 * records cover; each record must show a title-like piece (a link, heading or emphasised text) and a date or an
 * identifier. Navigation, pagers, tag clouds and link bars fail that; a list beside an article fails the main-text
 * check. The generic fallback after the finders that know a vocabulary (extract.ts), and the measure of how far
 * structure alone goes (test/capture/records-ablation.ts).
 */

import { articleBeside } from './article-beside';
import { columnHeads, fillCategoryColumn, fillFromColumns, fillFromHeaderIds } from './column-heads';
import { fillFromPapers } from './document-lines';
import { tagOf } from './elements';
import { isAsideList, type ListFound } from './lists';
import { pageSections } from './page-sections';
import type { Pair } from './pairs';
import { type Group, separatedGroups, siblingGroups, textLengths } from './record-groups';
import { recordDraft, screenRecord } from './record-read';
import { type Found, okStrict, weigh } from './record-weigh';
import type { Scan } from './scan';
import type { DateContext } from './zones';

/** Records must cover this share of the main column's text. */
const MIN_COVERAGE = 0.3;
/**
 * Records that each show a date, a number and a way to themselves need cover only this share: a short list of
 * results under a search form's text, beside a footer of links. Pages: us-wis-supreme-opinions-search-2024,
 * us-cnmi-supreme-slip-opinions-2022.
 */
const MIN_STRONG_COVERAGE = 0.1;
/** Records nested in another region's records, more of them, covering at least this share of its text, win. */
const NESTED = 0.6;
/** Regions whose records cover text within this share of each other's are as large. */
const CLOSE = 0.1;
/** Lists of at most this many records are read for each one's papers (document-lines.ts). */
const MAX_PROCEEDINGS = 60;

/** Fields that label pairs give inside each element (its own or its descendants'), for the screen. */
function labelledFields(pairs: Pair[], root: Element): Map<Element, Set<string>> {
  const out = new Map<Element, Set<string>>();
  for (const p of pairs) {
    if (p.field !== 'caseNumber' && p.field !== 'reportedAt') continue;
    for (let a: Element | null = p.el; a && a !== root; a = a.parentElement) {
      const set = out.get(a) ?? new Set<string>();
      if (set.has(p.field)) break;
      set.add(p.field);
      out.set(a, set);
    }
  }
  return out;
}

// A record that shows a date, a number and a way to itself, or a meeting named by its date with its documents' links.
const strongRecord = ({ screen: s }: Found['records'][number]) =>
  (s.dated && s.numbered && (s.linked || !!s.titleEl)) || (s.dateNamed === true && s.linked);

/**
 * Records that each hold several alike rows, every one a record of its own (a TRS template cutting one list of 45
 * rows into nine `<div><ul>` groups of five `<li>`s): the rows are the records, more of them. Page:
 * cn-pingtan-rdya-proposal-list.
 */
function rowsOfRows(found: Found, ctx: DateContext): Found {
  const records: Found['records'] = [];
  for (const { member } of found.records) {
    // The rows: the `<li>`s of the record or of one list inside it (a rule `<div>` may follow the list).
    const lists = [member.el, ...Array.from(member.el.children)];
    const rows = lists
      .map((box) => Array.from(box.children).filter((c) => tagOf(c) === 'LI'))
      .reduce((a, b) => (b.length > a.length ? b : a), [] as Element[]);
    if (rows.length < 2) return found;
    const screens = rows.map((r) => screenRecord(r, ctx));
    if (!screens.every((x) => okStrict(x) && x.dated && x.linked)) return found;
    rows.forEach((r, k) => {
      records.push({ member: { el: r, items: [r], chars: 0 }, screen: screens[k]! });
    });
  }
  return { records, items: records.map((r) => r.member.el), score: found.score };
}

/** Whether each item of `a` lies inside an item of `b`. */
function nestedIn(a: Found, b: Found): boolean {
  const outer = new Set(b.items);
  return a.items.every((it) => {
    for (let p = it.parentElement; p; p = p.parentElement) if (outer.has(p)) return true;
    return false;
  });
}

/**
 * The list of the page found by its structure alone, or null. Reads the best candidate regions first and stops
 * once no region left could cover more text than the best found.
 */
export function structureRecords(
  scan: Scan,
  pairs: Pair[],
  ctx: DateContext,
  base: string | undefined,
): ListFound | null {
  const len = textLengths(scan);
  const total = len.get(scan.root) ?? 0;
  if (!total) return null;
  const groups: Group[] = [];
  for (const el of scan.all) {
    if (el.childElementCount < 2) continue;
    siblingGroups(scan, el, len, groups);
    separatedGroups(scan, el, len, groups);
  }
  groups.sort((a, b) => b.potential - a.potential);
  const labelled = labelledFields(pairs, scan.root);
  let best: Found | null = null;
  const dated = new Map<Element, string | undefined>();
  // Of two regions covering about as much text, the one cut into more records: the items of lists under date
  // headings rather than the lists themselves.
  // Or more records inside the records of the other (the rows of month tables rather than the tables).
  const better = (a: Found, b: Found) =>
    a.score > b.score * (1 + CLOSE) ||
    (a.score >= b.score * (1 - CLOSE) && a.records.length > b.records.length) ||
    (a.score >= b.score * NESTED && a.records.length > b.records.length && nestedIn(a, b));
  for (const group of groups) {
    if (group.potential < total * MIN_STRONG_COVERAGE || (best && group.potential <= best.score * NESTED)) break;
    const found = weigh(group, labelled, ctx, dated);
    // Two records in three that strong (a cancelled meeting has no documents to link).
    const strong = found && found.records.filter(strongRecord).length * 3 >= found.records.length * 2;
    const covers = found && found.score >= total * (strong ? MIN_STRONG_COVERAGE : MIN_COVERAGE);
    if (found && covers && (!best || better(found, best))) best = found;
  }
  if (
    !best ||
    isAsideList(best.items) ||
    articleBeside(scan, best.items, best.score) ||
    pageSections(
      best.records.map((r) => r.member),
      ctx,
    )
  )
    return null;
  best = rowsOfRows(best, ctx);
  const drafts = best.records.map(({ member, screen }) =>
    recordDraft(member.el, member.items, screen, pairs, ctx, base),
  );
  // Rows of blocks under a header row of blocks (`受理单位` over each row's unit): the named columns fill gaps.
  const heads = columnHeads(best.records[0]!.member.el);
  if (heads)
    best.records.forEach(({ member }, k) => {
      fillFromColumns(drafts[k]!, member.el, heads, ctx);
    });
  fillCategoryColumn(
    best.records.map((r) => r.member.el),
    drafts,
    ctx,
  );
  // Cells that name their heads by id: looked for only when the page has any.
  if (scan.root.querySelector('td[headers]'))
    best.records.forEach(({ member }, k) => {
      fillFromHeaderIds(drafts[k]!, member.items, ctx);
    });
  // A short list of proceedings, each listing its papers (a question, its answer, the debate): read as each one's
  // history. Not on long lists: a proceeding's papers are shown on result pages of a few dozen.
  if (best.records.length <= MAX_PROCEEDINGS)
    best.records.forEach(({ member }, k) => {
      fillFromPapers(drafts[k]!, member.el, ctx, true);
    });
  return { drafts, items: best.items };
}
