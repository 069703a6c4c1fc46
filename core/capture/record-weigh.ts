/**
 * One group of like siblings screened record by record (records.ts): which members read as records of a list, the
 * head or foot rows at its edges left out, and the checks that tell a list from a page's sections, a history, a
 * link bar or a repeated control.
 */
import { datesHeld, MANY_DATES, ordinalEntries, pendingEdges, sharedTime } from './record-checks';
import { leadingDate } from './record-dates';
import { type Candidate, datesAbove, type Group } from './record-groups';
import { nameByDate, type RecordScreen, screenRecord } from './record-read';
import { collapse } from './text';
import type { DateContext } from './zones';

/** Share of a group's members that must read as records. */
const MIN_VALID = 0.8;

export interface Found {
  /** The records kept, each with what its screen read and the elements it spans. */
  records: Array<{ member: Candidate; screen: RecordScreen }>;
  items: Element[];
  score: number;
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
export const okStrict = (s: RecordScreen) =>
  s.dateNamed === true || (s.titleEl !== undefined && (s.dated || s.numbered) && (s.linked || s.numbered));
/**
 * An element no element of which names it (a caption in a plain `<div>` beside the number's link, a row of a date, a
 * number and a document link) is a record still when it shows both a date and a number, and a line of words or a
 * link. Not a run of text: runs cut at blank lines may hold a day's several records under its date.
 */
const okUntitled = (s: RecordScreen) => okStrict(s) || (s.dated && s.numbered && (s.linked || s.title !== undefined));
/** Two records longer than this each are a page's sections. */
const MAX_PAIR_CHARS = 1500;
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
export function weigh(
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
