/**
 * Meetings named only by their date: a run of at least four sibling lines (blocks, table rows, or lines cut by
 * `<br>` inside one paragraph) each holding a date and little else, on a page about meetings, a schedule or a
 * calendar. One case per line, titled by it; the time and the place stated once for all (`… at the Fieldhouse,
 * 1700 S. Wentworth Avenue, Chicago, Illinois at 6:30 p.m:`) apply to every meeting, in the zone of the state the
 * address names. Pages: us-chicago-ssa73-chinatown-meeting-schedule, us-chicago-board-of-education-planning-calendar,
 * us-chicago-mpac-meeting-archives.
 */
import { detailLink } from './card-title';
import { parseDate } from './dates';
import { type Draft, emptyDraft } from './draft';
import { isHidden, tagOf } from './elements';
import type { ListFound } from './lists';
import { type Columns, headColumns, MIN_GRID_RUN, namesMeetings, onlyYear, placeForAll } from './meeting-grid';
import { type Dated, dateOf, LINE_BLOCKS, type Line, linesOf, longItemDate, MAX_LINE, MAX_TAIL } from './meeting-lines';
import { CALLED_OFF, sharedTime, streetCell, streetIn } from './meeting-place-time';
import { headOf } from './meta';
import { sameDay } from './restated-day';
import type { Scan } from './scan';
import { addressZone } from './state-zones';
import { mapStatus } from './status';
import { collapse } from './text';
import { readText } from './visible-text';
import type { DateContext } from './zones';

const MIN_RUN = 4;
const MEETINGS = /\b(meetings?|schedule|calendar|agendas?|hearings?|sessions?)\b/i;
// What follows a line's date names its meeting (`February 11, 2026: February Regular Town Board Meeting`): two such
// lines are a schedule, as two rows under a header naming the meeting are. Page:
// us-finetownny-digital-towpath-town-board-meetings-2026 (Digital Towpath).
const NAMED_TAIL = /^\s*[:\-–—]\s*\S.*\b(?:meeting|hearing|session)s?\b/i;
// The meeting's number in its year (`5/2017`) or its ordinal (`No. 12`).
const MEETING_NUMBER = /(?<!\d)\d{1,3}\s*\/\s*(?:19|20)\d{2}(?!\d)|\bno\.?\s*\d+/i;
// A 24-hour clock right after the date (`27.3.2017 15:00`, `klo 15.00`, `kl. 18.30`): the row's own hour where no
// meridiem is written. Page: fi-oulu-kaupunginhallitus-poytakirjat (KTweb's date cells).
const CLOCK_24_FIRST = /^\s*(?:(?:klo|kl|kello|klockan|um)\.?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.:])/i;
const clock24 = (tail: string) => {
  const m = CLOCK_24_FIRST.exec(tail);
  return m ? `${m[1]}:${m[2]}` : undefined;
};
const BRACKETED = /\(([^()]{3,30})\)/;
const YEAR_ONLY = /^(?:19|20)\d{2}$/;
// A year's heading over its group (`2024 Meetings`): no date, and no end of the run.
const YEAR_HEADING = /^(?:19|20)\d{2}\s+[A-Za-z][A-Za-z\s]{0,30}$/;
// A row whose only paper is the notice that the meeting will not be held (`July 19, 2022 | Notice of Cancellation`);
// one that also lists minutes was held. Page: us-madera-irrigation-district-agendas-minutes-2022.
const CALLED_OFF_NOTICE = /^(?:[\w&,-]+\s+)?notice of (?:cancell?ation|postponement)$/i;
const calledOffPapers = (cells: string[] | undefined) =>
  !!cells?.length && cells.every((c) => CALLED_OFF_NOTICE.test(c.replace(/^.*?\b(?:19|20)\d{2}\s+/, '')));
// A cell of words, not a date, a time, or one link's label (`video`, `Agenda`): what the meeting is.
const WORDS = /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/;
// The pieces of a written day and hour (`Nov 5, 2020 9:58 AM`), to see what words a line holds beside them.
const DAY_PARTS =
  /\b(?:19|20)\d{2}\b|\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?)?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?/gi;

/**
 * The sentences before the run (up to three blocks), or before the list holding it when the run opens its list
 * (`<div>…at 7 pm.</div><ul><li>date</li>…`): what is stated once for all its meetings. `after`: the notes below
 * it instead (`… will be held in … Room 506, Hall of Records, Newark, New Jersey.` under the schedule's table: the
 * state its times are in. Page: us-essex-county-nj-commissioners-meeting-schedule-2024).
 */
function preamble(first: Element, after = false): string {
  let from: Element | null = first;
  // Notes below a table sit beside its wrapper (`<div class="tbl-dv"><table>…</table></div><p>…`), a legend first
  // (`"C" DESIGNATES CONFERENCE MEETING`): one level and a few blocks more.
  for (let level = 0; from && level < (after ? 4 : 3); level++, from = from.parentElement) {
    const parts: string[] = [];
    let n = 0;
    for (
      let p = after ? from.nextElementSibling : from.previousElementSibling;
      p && n < (after ? 6 : 3);
      p = after ? p.nextElementSibling : p.previousElementSibling, n++
    ) {
      // Read with its line breaks: `Meetings<br>1:00 pm` is no `Meetings1:00 pm`, whose `00 pm` reads as midnight.
      // Page: us-omaha-planning-zoning-board-of-appeals-meetings-2022.
      if (after) parts.push(readText(p));
      else parts.unshift(readText(p));
    }
    const text = parts.join('\n').trim();
    if (text) return after ? text.slice(0, 600) : text.slice(-600);
  }
  return '';
}

// Any of those words, at any boundary: a heading that holds one as a word holds it in the root's text too.
// Finnish `kokous` (Kokouspvm, Kokousasiakirjat) and Swedish `sammanträde` let a table headed as meetings be looked
// at: fi-oulu-kaupunginhallitus-poytakirjat.
const MEETING_STEMS = /meeting|schedule|calendar|agenda|hearing|session|kokou|sammanträd/i;

/**
 * The <title>, og:title or an h1/h2 under root names meetings. Cheapest first: the head's values are read once per
 * page (headOf), and the headings are looked for only when the root's text, already read, holds one of the words —
 * each selector walks all of a 2 MB page in a DOM without an index (linkedom), 20 ms apiece.
 */
function aboutMeetings(scan: Scan, rootText: string): boolean {
  const head = scan.root.ownerDocument ? headOf(scan.root.ownerDocument) : undefined;
  if (MEETINGS.test(`${head?.title ?? ''}\n${head?.metas.get('og:title') ?? ''}`)) return true;
  if (!MEETING_STEMS.test(rootText)) return false;
  // A column header (`Meeting | Venue | Time`) names them as well as a heading: Municode's publish page has neither
  // <title> nor heading. Page: us-clovis-municode-planning-commission-meetings.
  // Or a year's heading over its list (`<h4>2024 Meetings</h4>`). Page: us-sedgwick-county-corrections-advisory-boards-meetings.
  return MEETINGS.test(
    Array.from(scan.root.querySelectorAll('h1, h2, h3, h4, th, caption'), (h) => h.textContent ?? '').join('\n'),
  );
}

export function meetingDates(
  scan: Scan,
  ctx: DateContext,
  base: string | undefined,
  /** The text of the scanned root, as extract.ts read it once for the whole page. */
  rootText: string,
): ListFound | null {
  const about = aboutMeetings(scan, rootText);
  if (!about && !MEETING_STEMS.test(rootText)) return null;
  let best: { items: Element[]; drafts: Draft[] } | null = null;
  // The one year the page names, read only when a row gives its date without one.
  let pageYear: string | undefined | null = null;
  const year = () => {
    if (pageYear === null) pageYear = onlyYear(rootText);
    return pageYear;
  };
  // Runs of list items, to join the schedules of several bodies on one page (one list of years each).
  const itemRuns: Element[][] = [];
  // Runs of table rows under a header, by the header's words: one table per body, the same columns.
  const tableRuns: Array<{ head: string; run: { line: Line; date: Dated }[] }> = [];
  let bestHead: string | undefined;
  for (const parent of scan.all) {
    if (parent.childElementCount < 1 || scan.excluded(parent)) continue;
    // A page that names no meetings in its title or headings may still hold a table that does, in a row above its
    // dates (`2022 Zoning Board of Appeals Regularly Scheduled Meetings` spanning the table, a `Meeting Date`
    // column). Page: us-omaha-planning-zoning-board-of-appeals-meetings-2022.
    const inTable = tagOf(parent) === 'TBODY' || tagOf(parent) === 'TABLE';
    if (!about && !inTable) continue;
    let named = about;
    const lines: Line[] = [];
    // The header row may stand in the table's <thead>, apart from the rows.
    const thead = tagOf(parent) === 'TBODY' ? parent.previousElementSibling : null;
    const headRow = thead && tagOf(thead) === 'THEAD' ? thead.lastElementChild : null;
    let columns: Columns | undefined = headRow ? headColumns(headRow) : undefined;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      // A copy drawn for another screen width (`visible-xs`) is not a line of its own: us-detroit-escribe-meetings-2020-09.
      if (isHidden(c)) continue;
      // A header row says which cell of the rows under it is the date and which the place.
      const heads = !columns && tagOf(c) === 'TR' ? headColumns(c) : undefined;
      if (heads) columns = heads;
      // A header naming the meeting's date and its body (`Kokouspvm | Toimielin`) names the rows meetings in any
      // language. Page: fi-oulu-kaupunginhallitus-poytakirjat.
      if (!named && namesMeetings(columns)) named = true;
      if (!named && lines.length === 0 && MEETINGS.test(c.textContent ?? '')) named = true;
      // A year's list under its heading (`<h4>2023 Meetings</h4><ul><li>January 12, 2023 - Agenda</li>…`): its items
      // are lines of the same run as the year before. Page: us-sedgwick-county-corrections-advisory-boards-meetings.
      if (about && (tagOf(c) === 'UL' || tagOf(c) === 'OL')) {
        for (let li = c.firstElementChild; li; li = li.nextElementSibling) {
          // `*July 12, 2024 (2nd Friday)`: a mark that points to a footnote under the list.
          for (const line of linesOf(li)) lines.push({ ...line, text: line.text.replace(/^\*+\s*/, ''), listed: true });
        }
        continue;
      }
      lines.push(...linesOf(c, columns, year));
      // A block that gives no line (a heading of the next year's group) ends nothing; any other one ends a run.
      if (!LINE_BLOCKS.has(tagOf(c))) lines.push({ el: c, text: '\u0000' });
    }
    let run: { line: Line; date: Dated }[] = [];
    const head = headRow ? collapse(headRow.textContent ?? '') : undefined;
    const flush = () => {
      if (named && head && run.length) tableRuns.push({ head, run });
      // Beside a schedule, a shorter year's list of the same page joins it (`2023 Work Group Meetings`: three items).
      if (named && run.length >= 2 && about && run.every(({ line }) => line.listed)) {
        itemRuns.push(run.map(({ line }) => line.el));
      }
      const least =
        namesMeetings(columns) || run.every(({ date }) => NAMED_TAIL.test(date.tail)) ? MIN_GRID_RUN : MIN_RUN;
      if (named && run.length >= least && (!best || run.length > best.drafts.length)) {
        best = draftsOf(run, ctx, base, rootText);
        bestHead = head;
      }
      run = [];
    };
    for (const line of lines) {
      if (!line.text || YEAR_ONLY.test(line.text) || YEAR_HEADING.test(line.text)) continue;
      // Under a column its header calls the date, a note after the date (`July 19, 2022* (Tuesday, rescheduled from
      // normal date - Room 702)`) is the meeting's own. Page: us-omaha-planning-zoning-board-of-appeals-meetings-2022.
      const date = dateOf(line.text, columns && tagOf(line.el) === 'TR' ? MAX_LINE : MAX_TAIL);
      // `March 1, 2024 - Agenda | Minutes - Location: JDF, 700 S. Hydraulic, …`: an item of a year's list may say more
      // after its date. Page: us-sedgwick-county-corrections-advisory-boards-meetings.
      const long = date || !line.listed || !run.length ? undefined : longItemDate(line.text);
      const last = run[run.length - 1];
      const again = last && !last.date.tail.trim() ? sameDay(last.date, line.text, ctx) : undefined;
      if (again) run[run.length - 1] = { line, date: again };
      else if (date || long) run.push({ line, date: (date ?? long)! });
      else flush();
    }
    flush();
  }
  if (best && bestHead)
    return withOtherTables(
      best,
      tableRuns.filter((t) => t.head === bestHead),
      scan,
      ctx,
      base,
      rootText,
    );
  return best && itemRuns.length > 1 ? withOtherSchedules(best, itemRuns, scan, ctx, base) : best;
}

/**
 * One table per body (`<h2>ADA Committee</h2><table>…`, then `Arts Commission`, …), each under the same header row
 * (`Agenda | Minutes | Download`): the longest table's schedule and every other table's rows, however few, in page
 * order. Page: us-bremerton-civicplus-agenda-center-2020-12 (CivicPlus Agenda Center: five bodies, 2 to 10 rows).
 */
function withOtherTables(
  best: { items: Element[]; drafts: Draft[] },
  runs: Array<{ run: { line: Line; date: Dated }[] }>,
  scan: Scan,
  ctx: DateContext,
  base: string | undefined,
  rootText: string,
): { items: Element[]; drafts: Draft[] } {
  if (runs.length < 2) return best;
  const first = new Set(best.items);
  const found = runs.map(({ run }) =>
    run.some(({ line }) => first.has(line.el)) ? best : draftsOf(run, ctx, base, rootText),
  );
  const at = (f: { items: Element[] }) => scan.order.get(f.items[0]!) ?? 0;
  found.sort((a, b) => at(a) - at(b));
  return { items: found.flatMap((f) => f.items), drafts: found.flatMap((f) => f.drafts) };
}

/**
 * Two bodies' schedules on one page (`Community Corrections Advisory Board` then `Team Justice - Juvenile Corrections
 * Advisory Board`, each with its years of `<li>` meetings and its own time in a side note): the longest run of items
 * and every other run that shares none of its items, in page order, each read with its own preamble. Page:
 * us-sedgwick-county-corrections-advisory-boards-meetings.
 */
function withOtherSchedules(
  best: { items: Element[]; drafts: Draft[] },
  itemRuns: Element[][],
  scan: Scan,
  ctx: DateContext,
  base: string | undefined,
): { items: Element[]; drafts: Draft[] } {
  const taken = new Set(best.items);
  const chosen = [best];
  for (const items of [...itemRuns].sort((a, b) => b.length - a.length)) {
    if (items.some((el) => taken.has(el))) continue;
    // The papers listed inside one meeting's row (`<td><ul><li>September 20, 2022 Agenda</li>…`) are that meeting's,
    // no other body's schedule. Page: us-madera-irrigation-district-agendas-minutes-2022.
    if (best.items.some((row) => row.contains(items[0]!))) continue;
    for (const el of items) taken.add(el);
    const run: { line: Line; date: Dated }[] = [];
    for (const el of items) {
      const text = collapse(el.textContent ?? '').replace(/^\*+\s*/, '');
      const date = dateOf(text) ?? longItemDate(text);
      if (date) run.push({ line: { el, text }, date });
    }
    if (run.length >= 2) chosen.push(draftsOf(run, ctx, base));
  }
  const at = (found: { items: Element[] }) => scan.order.get(found.items[0]!) ?? 0;
  chosen.sort((a, b) => at(a) - at(b));
  // A body's older years' list, far below the note that gives its hours, meets at the hours of its list above: the
  // same section (the lists' common box) and no time of its own.
  const box = (found: { items: Element[] }) => found.items[0]!.parentElement?.parentElement;
  for (let i = 1; i < chosen.length; i++) {
    const above = chosen[i - 1]!.drafts[0]?.reportedAt;
    const hour = above && !above.includes('T00:00:00') ? above.slice(11, 16) : undefined;
    if (!hour || box(chosen[i]!) !== box(chosen[i - 1]!)) continue;
    for (const d of chosen[i]!.drafts) {
      if (d.reportedAt?.includes('T00:00:00'))
        d.reportedAt = parseDate(`${d.reportedAt.slice(0, 10)} ${hour}`, ctx) ?? d.reportedAt;
    }
  }
  return { items: chosen.flatMap((c) => c.items), drafts: chosen.flatMap((c) => c.drafts) };
}

function rowName(line: Line, tail: string): string | undefined {
  if (line.name) return line.name.title;
  // Under a date with nothing after it but another day (`— Posted Nov 5, 2020 9:58 AM`), the words below it.
  if (line.below && !WORDS.test(tail.replace(DAY_PARTS, ' '))) return line.below;
  return WORDS.test(tail) ? undefined : line.cells?.find((c) => c.length <= MAX_LINE && WORDS.test(c) && !dateOf(c));
}

function draftsOf(run: { line: Line; date: Dated }[], ctx: DateContext, base: string | undefined, pageText?: string) {
  const shared = preamble(run[0]!.line.el);
  const time = sharedTime(shared);
  const place = streetIn(shared) ?? (pageText ? placeForAll(pageText) : undefined);
  const items: Element[] = [];
  const drafts: Draft[] = [];
  // Cell by cell: the place's cell ends where the next cell (`6:00 PM`) begins.
  const addresses = run.map(({ line }) =>
    line.cells ? line.cells.map((c) => streetIn(c) ?? streetCell(c)).find(Boolean) : line.aside && streetIn(line.aside),
  );
  // The row's own place (`Council Chambers 1033 Fifth Street Clovis, CA 93612`) even when no street form reads it;
  // the rows of one schedule meet in one place, so a row naming none (`… Clovis, CA`, no ZIP code) takes the zone
  // another row names. Page: us-clovis-municode-planning-commission-meetings.
  const zones = run.map(({ line }, i) => addressZone(addresses[i] ?? place ?? '') ?? addressZone(line.aside ?? ''));
  const listZone =
    zones.find(Boolean) ?? addressZone(preamble(run[run.length - 1]!.line.el, true)) ?? addressZone(shared);
  const names = run.map(({ line, date }) => rowName(line, date.tail));
  const repeated = new Set(names.filter((n, i) => n && names.indexOf(n) !== i));
  run.forEach(({ line, date: dated }, i) => {
    const { date, tail } = dated;
    const d = emptyDraft();
    // A row's title is never only its date when another of its cells holds words: the body that meets (`August 16,
    // 2022* | BOARD OF SUPERVISORS`), with the date after it. Page: us-contracosta-agendaquick-meetings-july-2022.
    const named = names[i];
    // The body's name alone when the header names its column (`Meeting`, `Committee`) and no other row shares it (its
    // date is the case's date already): us-stevenson-wa-city-council-meetings-2025 (`…, 12/18/2025` before); with its
    // date when rows share it (every row `City Council Meeting`: us-akron-onbase-city-council-meetings-search) or
    // when no header names it. A row that opens with the name is titled by it alone, however many rows share it
    // (`Board meeting`, ten times: us-pittsburgh-port-authority-board-meetings-2019).
    // A name numbering its meeting (`Kaupunginhallitus: 5/2017`) stands alone even where the site repeats a number
    // by mistake: fi-oulu-kaupunginhallitus-poytakirjat (its 5/2017 twice).
    const alone =
      line.wordsLead || (line.name !== undefined && (!repeated.has(named ?? '') || MEETING_NUMBER.test(named ?? '')));
    d.title = named ? (alone ? named : `${named}, ${date}`) : line.text;
    const address = addresses[i] || line.place || line.name?.place || place;
    const zone = zones[i] ?? listZone;
    const local = zone ? { ...ctx, zone } : ctx;
    // The time in the row's own cell (`May 20, 2024 | … | 5/20/2024 6:30:00 PM`) before one stated for all. Pages:
    // us-akron-onbase-city-council-meetings-search, us-clovis-municode-planning-commission-meetings.
    const ownTime = sharedTime(tail) ?? clock24(tail) ?? (line.dateRest ? sharedTime(line.dateRest) : undefined);
    const rowTime = ownTime ? undefined : sharedTime(line.aside ?? '');
    d.reportedAt = parseDate(`${date} ${ownTime ?? rowTime ?? time ?? ''}`.trim(), local) ?? parseDate(date, local);
    if (address) d.address = address;
    const bracketed = BRACKETED.exec(tail)?.[1];
    if (bracketed) d.status = mapStatus(bracketed);
    if (CALLED_OFF.test(`${line.text} ${named ?? ''}`) || calledOffPapers(line.cells)) d.status = 'closed';
    if (line.el.querySelectorAll('a').length === 1) d.url = detailLink(line.el, base);
    if (!items.includes(line.el)) items.push(line.el);
    drafts.push(d);
  });
  return { items, drafts };
}
