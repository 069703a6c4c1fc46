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

import { columnHeads, fillFromColumns } from './column-heads';
import { parseDate } from './dates';
import { isAsideList, type ListFound } from './lists';
import type { Pair } from './pairs';
import { bestContentBlock, contentText } from './readable';
import { isDateAlone, leadingDate, nameByDate, type RecordScreen, recordDraft, screenRecord } from './record-read';
import { cutRuns } from './record-runs';
import type { Scan } from './scan';
import { collapse, readText, shapeOf, tagOf } from './text';
import type { DateContext } from './zones';

/** A record longer than this is a section of a page, not a row of a list. */
const MAX_RECORD_CHARS = 4000;
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
/** Siblings a record opened by a like element may span at most. */
const MAX_HEADED = 12;
/** Regions whose records cover text within this share of each other's are as large. */
const CLOSE = 0.1;
/** Share of a group's members that must read as records. */
const MIN_VALID = 0.8;
// Elements that never hold a record.
const NOT_RECORD = new Set(['BR', 'HR', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'COL', 'COLGROUP']);

/** A candidate record: an element of the page, or a run of a parent's nodes copied into a detached wrapper. */
interface Candidate {
  el: Element;
  /** The page's elements the record spans (the element itself, or the run's elements). */
  items: Element[];
  chars: number;
}

interface Group {
  members: Candidate[];
  potential: number;
  /** Records cut out of inline runs: the first and last runs may hold the page's head and foot. */
  runs: boolean;
  /** Records of k siblings each opened by a like element (`<h2>` over an application's fields). */
  headed?: boolean;
}

/**
 * Characters of visible text under each element of the scan, in one pass from the leaves up (no element's
 * textContent is read): chrome the scan left out counts nothing.
 */
function textLengths(scan: Scan): Map<Element, number> {
  const len = new Map<Element, number>();
  for (let i = scan.all.length - 1; i >= 0; i--) {
    const el = scan.all[i]!;
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c as Text).data.trim().length;
      else if (c.nodeType === 1) n += len.get(c as Element) ?? 0;
    }
    len.set(el, n);
  }
  return len;
}

/** A table's row of header cells only (`Opinion # | Case | Date` atop each month's table): it names no record. */
function headerRow(row: Element): boolean {
  if (tagOf(row) !== 'TR' || !row.firstElementChild) return false;
  for (let c: Element | null = row.firstElementChild; c; c = c.nextElementSibling) if (tagOf(c) !== 'TH') return false;
  return true;
}

/** A table's one body (or the table itself when its rows sit right under it or in several bodies). */
function tableBody(table: Element): Element {
  let body: Element | null = null;
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const tag = tagOf(c);
    if (tag === 'TR') return table;
    if (tag === 'TBODY') {
      if (body) return table;
      body = c;
    }
  }
  return body ?? table;
}

/** Groups of like siblings under `el` (by shape), and of like cousins under its like children (by both shapes). */
function siblingGroups(scan: Scan, el: Element, len: Map<Element, number>, out: Group[]): void {
  const level1 = new Map<string, Candidate[]>();
  const level2 = new Map<string, Candidate[]>();
  const add = (map: Map<string, Candidate[]>, key: string, c: Element) => {
    const chars = len.get(c);
    if (chars === undefined || chars === 0 || NOT_RECORD.has(tagOf(c)) || headerRow(c)) return;
    const list = map.get(key) ?? [];
    list.push({ el: c, items: [c], chars });
    map.set(key, list);
  };
  const children: Element[] = [];
  const tags = new Map<string, Set<string>>();
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (!len.has(c)) continue;
    children.push(c);
    const shape = shapeOf(c);
    const tag = tagOf(c);
    add(level1, shape, c);
    tags.set(tag, (tags.get(tag) ?? new Set()).add(shape));
    // The rows of several tables side by side (one per month) are cousins through each table's body.
    const box = tag === 'TABLE' ? tableBody(c) : c;
    if (box.childElementCount >= 1)
      for (let g = box.firstElementChild; g; g = g.nextElementSibling) add(level2, `${shape}>${shapeOf(g)}`, g);
  }
  // Rows told apart only by their classes (`normalRow` / `alternateRow`) are one list: alike by tag as well.
  for (const [tag, shapes] of tags) {
    if (shapes.size < 2 || NOT_RECORD.has(tag)) continue;
    for (const c of children) if (tagOf(c) === tag) add(level1, `${tag}*`, c);
  }
  for (const map of [level1, level2]) {
    for (const members of map.values()) {
      if (members.length < 2) continue;
      // One like child per parent is the level-1 group over again.
      if (map === level2 && new Set(members.map((m) => m.el.parentElement)).size === members.length) continue;
      const big = members.filter((m) => m.chars > MAX_RECORD_CHARS).length;
      if (big > members.length * 0.2) continue;
      out.push({
        members,
        potential: members.reduce((n, m) => n + Math.min(m.chars, MAX_RECORD_CHARS), 0),
        runs: false,
      });
      if (map === level1) headedGroup(scan, children, members, len, out);
    }
  }
}

/**
 * Records of k siblings (DEPTA's generalised nodes): like elements that recur every k children (`<h2>address</h2>
 * <div>fields</div><p></p>` repeated, `<dt>`/`<dd>` pairs) each open a record of the k siblings from it, copied into a
 * detached wrapper. Page: au-southperth-civica-advertised-applications (an `<h2>` over each application's fields).
 */
function headedGroup(
  scan: Scan,
  children: Element[],
  members: Candidate[],
  len: Map<Element, number>,
  out: Group[],
): void {
  if (members.length < 3) return;
  const at = new Map(children.map((c, i) => [c, i]));
  const positions = members.map((m) => at.get(m.el)!);
  const gaps = new Map<number, number>();
  for (let i = 1; i < positions.length; i++) {
    const gap = positions[i]! - positions[i - 1]!;
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  // Records of a few siblings each, not always as many (an application shows its decision only once decided).
  const [k] = [...gaps].sort((a, b) => b[1] - a[1])[0]!;
  if (k < 2 || Math.max(...gaps.keys()) > MAX_HEADED) return;
  const records: Candidate[] = [];
  for (let i = 0; i < positions.length; i++) {
    const end = Math.min(positions[i]! + k, positions[i + 1] ?? children.length);
    const items = children.slice(positions[i], end);
    const wrapper = scan.doc.createElement('div');
    for (const item of items) wrapper.appendChild(item.cloneNode(true));
    records.push({ el: wrapper, items, chars: items.reduce((n, it) => n + (len.get(it) ?? 0), 0) });
  }
  if (records.some((r) => r.chars > MAX_RECORD_CHARS)) return;
  out.push({ members: records, potential: records.reduce((n, r) => n + r.chars, 0), runs: false, headed: true });
}

/** Records cut out of a parent's inline runs, each copied into a detached wrapper (the page is never changed). */
function separatedGroups(scan: Scan, el: Element, len: Map<Element, number>, out: Group[]): void {
  for (const runs of cutRuns(el)) {
    if (runs.length < 2) continue;
    const members = runs.map((run) => {
      const wrapper = scan.doc.createElement('div');
      let chars = 0;
      const items: Element[] = [];
      for (const n of run) {
        wrapper.appendChild(n.cloneNode(true));
        if (n.nodeType === 1) {
          items.push(n as Element);
          chars += len.get(n as Element) ?? 0;
        } else if (n.nodeType === 3) chars += (n as Text).data.trim().length;
      }
      return { el: wrapper, items, chars };
    });
    if (members.some((m) => m.chars > MAX_RECORD_CHARS)) continue;
    out.push({ members, potential: members.reduce((n, m) => n + m.chars, 0), runs: true });
  }
}

/**
 * The date of the heading over each record's group (`<h3>June 5, 2014</h3><p>…</p><p>…</p><h3>June 4, 2014</h3>`,
 * or a date heading just before the list that holds them): one pass over each parent's children.
 */
function datesAbove(group: Group, ctx: DateContext): Map<Element, string> {
  const out = new Map<Element, string>();
  if (group.runs) return out;
  const members = new Set(group.members.map((m) => m.el));
  const parents = new Set<Element>();
  for (const m of group.members) if (m.el.parentElement) parents.add(m.el.parentElement);
  const dateOf = (el: Element) => {
    const raw = el.textContent ?? '';
    if (raw.length > 80) return undefined;
    const text = collapse(raw);
    return isDateAlone(text, ctx) ? parseDate(text, ctx) : undefined;
  };
  for (const parent of parents) {
    let current: string | undefined;
    // A date heading just before the list (or before the box holding it).
    for (let box: Element | null = parent, depth = 0; box && depth < 2 && !current; box = box.parentElement, depth++)
      for (
        let prev = box.previousElementSibling, k = 0;
        prev && k < 3 && !current;
        prev = prev.previousElementSibling, k++
      )
        current = dateOf(prev);
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (members.has(c)) {
        if (current) out.set(c, current);
      } else current = dateOf(c) ?? current;
    }
  }
  return out;
}

interface Found {
  /** The records kept, each with what its screen read and the elements it spans. */
  records: Array<{ member: Candidate; screen: RecordScreen }>;
  items: Element[];
  score: number;
}

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

/** The title more than half of at least three records share, if any. */
function repeatedTitle(read: RecordScreen[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of read) if (r.title && r.titleEl) counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
  for (const [title, n] of counts) if (n >= 3 && n > read.length / 2) return title;
  return undefined;
}

/**
 * A record: a title element, a date or a number, and a way to the record itself: its title links to it, or a number
 * names it. Dated lines of text with neither (the entries of a case's docket, a timeline) are a history, not a list.
 */
const okStrict = (s: RecordScreen) =>
  s.dateNamed === true || (s.titleEl !== undefined && (s.dated || s.numbered) && (s.linked || s.numbered));
/**
 * An element no element of which names it (a caption in a plain `<div>` beside the number's link, a row of a date, a
 * number and a document link) is a record still when it shows both a date and a number, and a line of words or a
 * link. Not a run of text: runs cut at blank lines may hold a day's several records under its date.
 */
const okUntitled = (s: RecordScreen) => okStrict(s) || (s.dated && s.numbered && (s.linked || s.title !== undefined));
/** Members screened first in a large group: a region whose sample fails is not read further. */
const SAMPLE = 24;
/** Members of several parents read whole, each parent judged apart, up to this many. */
const MAX_MIXED = 240;

/** Groups of at most this many records are checked for sections that hold many dates. */
const MAX_SECTIONS = 8;
const MANY_DATES = 3;

/** Distinct dates a record shows on lines of their own (`June 10, 2014` in a cell). */
function datesHeld(el: Element, ctx: DateContext): number {
  const seen = new Set<string>();
  for (const line of readText(el).split('\n')) {
    const t = collapse(line);
    if (t && isDateAlone(t, ctx)) seen.add(parseDate(t, ctx)!);
    if (seen.size >= MANY_DATES) break;
  }
  return seen.size;
}

/**
 * Records whose only links show 1, 2, 3 in turn are a docket's numbered entries (`12/26/2017 | 1 | COMPLAINT …`): the
 * history of the page's own case, not cases. Read on the first records only.
 */
function ordinalEntries(records: Candidate[]): boolean {
  if (records.length < 3) return false;
  const numbers = records.slice(0, 3).map((r) => {
    const links = Array.from(r.el.querySelectorAll('a[href]'));
    const texts = links.map((a) => collapse(a.textContent ?? '')).filter(Boolean);
    return texts.length === 1 && /^\d{1,4}$/.test(texts[0]!) ? Number(texts[0]) : Number.NaN;
  });
  const step = numbers[1]! - numbers[0]!;
  return Math.abs(step) === 1 && numbers[2]! - numbers[1]! === step;
}

/** The parent of the page's element a record is (or opens with); null for a run of text alone. */
const parentOf = (m: Candidate) => (m.items[0] ?? m.el).parentElement;

/** A group screened record by record: the records that count, and their weight (the text they cover). */
function weigh(group: Group, labelled: Map<Element, Set<string>>, ctx: DateContext): Found | null {
  const above = datesAbove(group, ctx);
  const ok = group.runs ? okStrict : okUntitled;
  // Records each opened by a like element that shows a date alone: a meeting's date over its documents' links.
  const dateHeads =
    group.headed &&
    group.members.every((m) => {
      const text = collapse((m.items[0]!.textContent ?? '').slice(0, 200));
      return text.length <= 60 && leadingDate(text, ctx) !== undefined;
    });
  let control: string | undefined;
  const screen = (m: Candidate) => {
    // A run copied into a wrapper: the labels are on the page's elements it spans.
    const fields =
      m.items[0] === m.el ? labelled.get(m.el) : new Set(m.items.flatMap((it) => [...(labelled.get(it) ?? [])]));
    const s = screenRecord(m.el, ctx, above.get(m.el), fields, control);
    // Each record opens with a like element that is a date, or links to its documents under no name and no number
    // (`February 20, 2019 Agenda – Minutes`): named by its date. Dated lines without links stay a history.
    if (dateHeads || (!s.numbered && s.linked && !s.titleEl)) return nameByDate(s, m.el, ctx) ?? s;
    return s;
  };
  const n = group.members.length;
  const parents = new Set(group.members.map((m) => parentOf(m)));
  // Rows of several tables are read whole when few: one table of them may be no list at all (the links to other
  // years above a year's month tables), left out below.
  if (n > SAMPLE && (parents.size === 1 || n > MAX_MIXED)) {
    const sample = Array.from({ length: SAMPLE }, (_, k) => group.members[Math.floor((k * n) / SAMPLE)]!);
    if (sample.map(screen).filter(ok).length < SAMPLE * MIN_VALID) return null;
  }
  let read = group.members.map(screen);
  // A title most records repeat (`Open Restricted Document` on each entry of a docket) is a control: read again
  // without it, each record is named by what else it shows, if anything.
  control = repeatedTitle(read);
  if (control) read = group.members.map(screen);
  // A run at either end that is no record is the page's head or foot, not a failed record.
  let from = 0;
  let to = read.length;
  if (group.runs) {
    while (from < to && !ok(read[from]!)) from++;
    while (to > from && !ok(read[to - 1]!)) to--;
  }
  let members = group.members.slice(from, to);
  let reads = read.slice(from, to);
  if (parents.size > 1) {
    // A parent (a table, a list) of whose children fewer than half read as records holds none of the list's.
    const share = new Map<Element | null, { all: number; valid: number }>();
    members.forEach((m, k) => {
      const p = parentOf(m);
      const c = share.get(p) ?? { all: 0, valid: 0 };
      c.all++;
      if (ok(reads[k]!)) c.valid++;
      share.set(p, c);
    });
    const keep = members.map((m) => {
      const c = share.get(parentOf(m))!;
      return c.valid * 2 >= c.all;
    });
    members = members.filter((_, k) => keep[k]);
    reads = reads.filter((_, k) => keep[k]);
  }
  const valid = reads.filter(ok);
  const strong = valid.every((r) => r.dated && r.numbered);
  if (valid.length < 3 && !(valid.length === 2 && strong)) return null;
  if (valid.length < members.length * MIN_VALID) return null;
  if (ordinalEntries(members.filter((_, k) => ok(reads[k]!)))) return null;
  // Meetings named by their dates link to their documents, most of them: dated entries without links are a history.
  const named = valid.filter((r) => r.dateNamed);
  if (named.length * 2 > valid.length && named.filter((r) => r.linked).length * 2 <= named.length) return null;
  // A few records each holding many dates are sections holding the list (the halves of a page cut at its `<hr>`s,
  // each over month tables of dated rows), not its records.
  if (valid.length <= MAX_SECTIONS) {
    const sections = members.filter((m, k) => ok(reads[k]!) && datesHeld(m.el, ctx) >= MANY_DATES).length;
    if (sections * 2 >= valid.length) return null;
  }
  // A link bar: titles of a word or two and no dates (`Home | Opinions | Calendar`).
  if (valid.every((r) => r.titleWords <= 2) && !valid.some((r) => r.dated)) return null;
  // Rows that say the same thing over and over (`Read more` left aside) are a repeated control, not records.
  const distinct = new Set(valid.map((r) => `${r.title}|${r.reportedAt}|${r.caseNumber}|${r.description}`));
  if (distinct.size < valid.length * MIN_VALID) return null;
  let score = 0;
  const items: Element[] = [];
  const records: Found['records'] = [];
  reads.forEach((r, k) => {
    if (!ok(r)) return;
    const member = members[k]!;
    score += member.chars;
    items.push(...member.items);
    records.push({ member, screen: r });
  });
  return { records, items, score };
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

/** Whether the page holds a main text of its own outside these records (an article beside a related-links list). */
function articleBeside(scan: Scan, found: Found): boolean {
  const { items } = found;
  const block = bestContentBlock(scan, () => false);
  if (!block || items.some((it) => it.contains(block) || block.contains(it))) return false;
  const text = collapse(contentText(scan, block, () => false));
  // A notice above a list (`These opinions are subject to revision…`) is shorter than the list it heads; an article
  // is longer than the related links beside it. Pages: us-sd-supreme-opinions-2021, us-cnmi-supreme-slip-opinions-2022.
  return text.length >= Math.max(200, found.score) && (text.match(/[。！？!?]|\.(?=\s|$)/g)?.length ?? 0) >= 3;
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
  // Of two regions covering about as much text, the one cut into more records: the items of lists under date
  // headings rather than the lists themselves.
  // Or more records inside the records of the other (the rows of month tables rather than the tables).
  const better = (a: Found, b: Found) =>
    a.score > b.score * (1 + CLOSE) ||
    (a.score >= b.score * (1 - CLOSE) && a.records.length > b.records.length) ||
    (a.score >= b.score * NESTED && a.records.length > b.records.length && nestedIn(a, b));
  for (const group of groups) {
    if (group.potential < total * MIN_STRONG_COVERAGE || (best && group.potential <= best.score * NESTED)) break;
    const found = weigh(group, labelled, ctx);
    // Two records in three that strong (a cancelled meeting has no documents to link).
    const strong = found && found.records.filter(strongRecord).length * 3 >= found.records.length * 2;
    const covers = found && found.score >= total * (strong ? MIN_STRONG_COVERAGE : MIN_COVERAGE);
    if (found && covers && (!best || better(found, best))) best = found;
  }
  if (!best || isAsideList(best.items) || articleBeside(scan, best)) return null;
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
  return { drafts, items: best.items };
}
