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
import { datesHeld, MANY_DATES, ordinalEntries, pendingEdges, sharedTime } from './record-checks';
import { leadingDate } from './record-dates';
import { type Candidate, datesAbove, type Group, separatedGroups, siblingGroups, textLengths } from './record-groups';
import { nameByDate, type RecordScreen, recordDraft, screenRecord } from './record-read';
import type { Scan } from './scan';
import { collapse } from './text';
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
/** Share of a group's members that must read as records. */
const MIN_VALID = 0.8;

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
 * A title a few records share while the others' are their own (`Publicado El Peruano` on 8 of 100 bills, each other
 * row named by its bill's title) is a column's value, a stage or a category, read where the record's name sits
 * further along the row. Each such record is read again without it and takes the name found there when no other
 * record shares that one. Page: pe-congreso-proyectos-de-ley-por-numero.
 */
function withoutValueTitles<M>(
  read: RecordScreen[],
  members: M[],
  screen: (m: M, control: string) => RecordScreen,
): RecordScreen[] {
  const counts = new Map<string, number>();
  for (const r of read) if (r.title && r.titleEl) counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
  const shared = (t: string | undefined) => (t ? (counts.get(t) ?? 0) : 0);
  if (counts.size < read.length / 2) return read;
  return read.map((r, k) => {
    if (!r.titleEl || shared(r.title) < MIN_VALUE_ROWS) return r;
    const again = screen(members[k]!, r.title!);
    return again.titleEl && again.title && shared(again.title) === 0 ? again : r;
  });
}
/** Records sharing one title at least this often share a column's value. */
const MIN_VALUE_ROWS = 3;

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
/** Two records longer than this each are a page's sections. */
const MAX_PAIR_CHARS = 1500;
/** Lists of at most this many records are read for each one's papers (document-lines.ts). */
const MAX_PROCEEDINGS = 60;
/** Members screened first in a large group: a region whose sample fails is not read further. */
const SAMPLE = 24;
/** Members of several parents read whole, each parent judged apart, up to this many. */
const MAX_MIXED = 240;

/** Rows at least this many, this share of them dated and numbered, keep a dated, named row without a number. */
const MIN_NUMBERED_ROWS = 20;
/** Headed records at least this many, this share of them numbered, leave out an edge record without a number. */
const SAMPLE_EDGE = 6;
const MIN_NUMBERED = 0.95;

/**
 * Like siblings more than this many may lose an undated one at either end: the list's head or foot. Four are a case
 * page's boxes (the complainant, the case, the reply, a note): one of them undated is no list's foot. Pages:
 * portals/sz-scjg-complaint, us-thomas-sres84-bill-status (label-blind).
 */
const MIN_EDGED = 4;

/** Groups of at most this many records are checked for sections that hold many dates. */
const MAX_SECTIONS = 8;

/** The parent of the page's element a record is (or opens with); null for a run of text alone. */
const parentOf = (m: Candidate) => (m.items[0] ?? m.el).parentElement;

/** A group screened record by record: the records that count, and their weight (the text they cover). */
function weigh(
  group: Group,
  labelled: Map<Element, Set<string>>,
  ctx: DateContext,
  dated: Map<Element, string | undefined>,
): Found | null {
  const above = datesAbove(group, ctx, dated);
  const strict = group.runs ? okStrict : okUntitled;
  // A schedule's meetings are records when dated and named, by a title or by their date, links or none.
  let scheduled = false;
  const pending = new Set<RecordScreen>();
  // Rows of a list whose rows nearly all show a date and a number: a row dated and named as they are is one of them,
  // its number left unsaid (a disclosure log's entry without its reference). Page:
  // au-servicesaustralia-foi-disclosure-log-2023-11.
  let numberedRows = false;
  const ok = (s: RecordScreen) =>
    pending.has(s) ||
    strict(s) ||
    (scheduled && s.dated && (s.titleEl !== undefined || !!s.dateNamed)) ||
    (numberedRows && s.dated && s.title !== undefined);
  // Records each opened by a like element that shows a date alone: a meeting's date over its documents' links.
  const dateHeads =
    group.headed &&
    group.members.every((m) => {
      const text = collapse((m.items[0]!.textContent ?? '').slice(0, 200));
      return text.length <= 60 && leadingDate(text, ctx) !== undefined;
    });
  let control: string | undefined;
  const screen = (m: Candidate, own = control) => {
    // A run copied into a wrapper: the labels are on the page's elements it spans.
    const fields =
      m.items[0] === m.el ? labelled.get(m.el) : new Set(m.items.flatMap((it) => [...(labelled.get(it) ?? [])]));
    const s = screenRecord(m.el, ctx, above.get(m.el), fields, own);
    // Each record opens with a like element that is a date, or links to its documents under no name and no number
    // (`February 20, 2019 Agenda – Minutes`): named by its date. Dated lines without links stay a history.
    if (dateHeads || (!s.numbered && (s.linked || scheduled) && !s.titleEl)) return nameByDate(s, m.el, ctx) ?? s;
    return s;
  };
  const n = group.members.length;
  const parents = new Set(group.members.map((m) => parentOf(m)));
  // Rows of several tables are read whole when few: one table of them may be no list at all (the links to other
  // years above a year's month tables), left out below.
  if (n > SAMPLE && (parents.size === 1 || n > MAX_MIXED)) {
    const sample = Array.from({ length: SAMPLE }, (_, k) => group.members[Math.floor((k * n) / SAMPLE)]!);
    let screens = sample.map((m) => screen(m));
    if (sharedTime(screens)) {
      scheduled = true;
      screens = sample.map((m) => screen(m));
    }
    if (screens.filter(ok).length < SAMPLE * MIN_VALID) return null;
  }
  let read = group.members.map((m) => screen(m));
  // A title most records repeat (`Open Restricted Document` on each entry of a docket) is a control: read again
  // without it, each record is named by what else it shows, if anything. A schedule is read again named by dates.
  control = repeatedTitle(read);
  const wasScheduled = scheduled;
  scheduled = sharedTime(read);
  if (control || scheduled !== wasScheduled) {
    const again = group.members.map((m) => screen(m));
    // A control sits beside what names each record: records that nothing else names once it is left out are named
    // by it (`Board Meeting`, `Special Board Meeting` over dated videos). Page: us-dart-swagit-board-of-directors-archive.
    if (control && again.filter((s) => s.titleEl || s.dateNamed).length * 2 < again.length) {
      control = undefined;
      if (scheduled !== wasScheduled) read = group.members.map((m) => screen(m));
    } else read = again;
  }
  read = withoutValueTitles(read, group.members, screen);
  if (!group.runs && read.length >= MIN_NUMBERED_ROWS)
    numberedRows = read.filter((r) => r.dated && r.numbered).length >= read.length * MIN_NUMBERED;
  // A run at either end that is no record is the page's head or foot, not a failed record.
  let from = 0;
  let to = read.length;
  if (group.runs) {
    while (from < to && !ok(read[from]!)) from++;
    while (to > from && !ok(read[to - 1]!)) to--;
  }
  // Records opened by like elements that all show a number but one at an edge: that one is the page's head (a
  // notice row shaped like each record's first row) or foot. Page: de-bayern-landtag-schriftliche-anfragen-suchergebnis.
  if (group.headed && read.length >= SAMPLE_EDGE) {
    const numbered = read.filter((r) => r.numbered).length;
    if (numbered >= (read.length - 1) * MIN_NUMBERED) {
      while (from < to && !read[from]!.numbered) from++;
      while (to > from && !read[to - 1]!.numbered) to--;
    }
  }
  // Rows at either end of a table whose rows link to their papers, dated and named but linking nowhere: meetings
  // whose papers are not posted yet, or called off; a last row that shows no date is the table's note.
  if (!group.runs) {
    to = pendingEdges(read, from, to, ok, pending);
    // A like sibling at either end that shows no date and reads as no record is the list's head or foot (a trail of
    // links, a note) drawn as its rows are: a page that names nothing by class draws them alike.
    // Page: us-ca-high-speed-rail-special-matters-committee-meetings-2021, its names made meaningless.
    if (to - from > MIN_EDGED && !ok(read[from]!) && !read[from]!.dated) from++;
    if (to - from > MIN_EDGED && !ok(read[to - 1]!) && !read[to - 1]!.dated) to--;
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
  // Two papers that name their numbers in running text are a proceeding's question and its answer, no list of two
  // (de-bundestag-dip-vorgang-18-83903-kleine-anfrage-neonazis-quellen): strong only when set apart.
  const strong = valid.every((r) => r.dated && r.numbered && !r.paperNumbered);
  if (valid.length < 3 && !(valid.length === 2 && strong)) return null;
  // Two records of one title are one proceeding shown twice (its latest paper, then the proceeding with all its
  // papers), no list of two. Page: de-schleswig-holstein-lissh-grosse-anfrage-17-1912-migration. So are two of one
  // number (the paper's header, then its text: lt-lrs-komiteto-isvada-xip-4714).
  if (
    valid.length === 2 &&
    (['title', 'caseNumber'] as const).some((k) => valid[0]![k] && valid[0]![k] === valid[1]![k])
  )
    return null;
  // Two long blocks are the halves of one page (an agenda's items, then its notice to the public), no list of two:
  // a list's two rows are short. Page: us-walnut-creek-granicus-planning-commission-agenda-2022-05-12.
  if (valid.length === 2 && members.every((m) => m.chars > MAX_PAIR_CHARS)) return null;
  if (valid.length < members.length * MIN_VALID) return null;
  if (ordinalEntries(members.filter((_, k) => ok(reads[k]!)))) return null;
  // Meetings named by their dates link to their documents, most of them: dated entries without links are a history.
  const named = valid.filter((r) => r.dateNamed);
  if (!scheduled && named.length * 2 > valid.length && named.filter((r) => r.linked).length * 2 <= named.length)
    return null;
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
