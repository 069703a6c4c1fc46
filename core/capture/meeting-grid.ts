/**
 * A meetings grid headed by the meeting's own columns (InfoCouncil's `Meeting Date | Committee | Agenda | Minutes`):
 * the date cell holds the hour on its second line (`22 Feb 2024` / `7:00 PM`), the meeting cell the body's name then
 * its room (`Ordinary Council` / `Council Chambers`). Such a header says the rows are meetings however few they are.
 * Pages: au-lanecove-infocouncil-agendas-and-minutes-2024, au-liverpool-infocouncil-agendas-and-minutes-2024,
 * au-penrith-infocouncil-agendas-and-minutes-2024 (read as one case, or titled by their paper links, before).
 */
import { closestTag, tagOf } from './elements';
import { collapse } from './text';
import { readText } from './visible-text';

/** A header cell this long is a sentence, not a column's head. */
const MAX_HEAD = 90;

/**
 * A column head naming the meeting itself: the body that meets, or the meeting's name or kind. Finnish `Toimielin`,
 * Swedish `Organ`, German `Gremium`, Dutch `Orgaan` (the body): KTweb's `Kokouspvm | Toimielin` grid of minutes,
 * fi-oulu-kaupunginhallitus-poytakirjat (114 meetings read as one case before).
 */
const NAME_HEAD = /^(?:committee|meeting|board|body|meeting (?:name|type|body)|toimielin|organ|gremium|orgaan)$/i;

/** Rows under a `Meeting Date` head and a meeting column are meetings from two rows on (a month's two meetings). */
export const MIN_GRID_RUN = 2;

export const namesMeetings = (columns: Columns | undefined): boolean => !!columns && columns.own && columns.name >= 0;

export interface NamedCell {
  /** The cell's first line: the body or the meeting's name. */
  title: string;
  /** Its further lines (`Council Chambers`, or a street address over four lines): where it meets. */
  place?: string;
}

/** The meeting cell's name and, on its further lines, its place. */
export function namedCell(cell: Element): NamedCell | undefined {
  const lines = readText(cell).split('\n').map(collapse).filter(Boolean);
  if (!lines.length) return undefined;
  const place = lines.slice(1).join(', ').replace(/,\s*,/g, ',');
  return place ? { title: lines[0]!, place } : { title: lines[0]! };
}

/** Which cells of a table's rows hold the meeting's date and its place, as its header row names them. */
export interface Columns {
  date: number;
  place: number;
  /** The column headed as the meeting itself (`Committee`, `Meeting`), or -1. */
  name: number;
  /** The date column is headed as the meeting's own (`Meeting Date`). */
  own: boolean;
}

// A header row's words for the meeting's own date (`Meeting Date` beside `Filing Deadline Date`), for any date, and
// for its place (`DATE | TYPE | PLACE | TIME`). Pages: us-omaha-planning-zoning-board-of-appeals-meetings-2022,
// us-essex-county-nj-commissioners-meeting-schedule-2024.
// The meeting's date in one compound word: Finnish `Kokouspvm`, `Kokouspäivä`, `Kokousaika` (the KTweb grid of
// fi-oulu-kaupunginhallitus-poytakirjat), Swedish `Sammanträdesdatum`, `Mötesdatum`, German `Sitzungsdatum`, Dutch
// `Vergaderdatum`.
export const MEETING_DATE_HEAD =
  /\b(?:meeting|hearing|session)s?\s+date\b|^(?:kokous(?:pvm|päivä|päivämäärä|aika)|sammanträdes(?:datum|dag)|mötesdatum|sitzungs(?:datum|termin)|vergaderdatum)$/i;
const DATE_HEAD = /\bdates?\b/i;
const PLACE_HEAD = /^(?:place|location|room|venue|where)\b/i;

/**
 * A table's header row (cells of words, no date among them, one of them headed as a date): the column of the
 * meeting's date, the meeting's own when a column is named so, and the column of its place.
 */
export function headColumns(tr: Element): Columns | undefined {
  const heads = Array.from(tr.children)
    .filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH')
    .map((c) => collapse(c.textContent ?? ''));
  if (heads.length < 2 || heads.some((h) => h.length > MAX_HEAD || /\b(?:19|20)\d{2}\b/.test(h))) return undefined;
  const meeting = heads.findIndex((h) => MEETING_DATE_HEAD.test(h));
  const date = meeting >= 0 ? meeting : heads.findIndex((h) => DATE_HEAD.test(h));
  if (date < 0) return undefined;
  return {
    date,
    place: heads.findIndex((h) => PLACE_HEAD.test(h)),
    name: heads.findIndex((h) => NAME_HEAD.test(h)),
    own: meeting >= 0,
  };
}

// A month and its day with no year (`January 25`, `Sept. 3rd`): a schedule of the current year.
const YEARLESS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?$/i;

/**
 * The cell of a row that gives its meeting's day without a year (`Board meeting | 9:30 a.m. | January 25`), dated
 * in the one year the page names. Page: us-pittsburgh-port-authority-board-meetings-2019 (the year only in the
 * page's header date, `Wednesday, January 23, 2019`).
 */
export function yearlessCell(
  cells: Element[],
  year: (() => string | undefined) | undefined,
): { cell: Element; date: string } | undefined {
  for (const cell of cells) {
    const raw = cell.textContent ?? '';
    if (raw.length > 40) continue;
    const text = collapse(raw);
    if (!YEARLESS.test(text)) continue;
    const y = year?.();
    return y ? { cell, date: `${text.replace(/(\d)(?:st|nd|rd|th)$/i, '$1')}, ${y}` } : undefined;
  }
  return undefined;
}

// A date written out with its year (`January 23, 2019`, `23 January 2019`): not a copyright's or a phone's digits.
const FULL_DATE =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)\s+((?:19|20)\d{2})\b/gi;

/** The year of every date the page writes out, when they share one (the page's own date in its header). */
export function onlyYear(text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(FULL_DATE)) {
    if (found && m[1] !== found) return undefined;
    found = m[1];
  }
  return found;
}

// `All meetings are held in the Neal H. Holmes Board Room, 345 Sixth Avenue, Fifth Floor, Pittsburgh, PA 15222.`:
// the place of every meeting of the schedule, stated once anywhere on the page. Page:
// us-pittsburgh-port-authority-board-meetings-2019 (the sentence in a box of its own above the table's).
const HELD_IN =
  /\b(?:all|the|our)\s+(?:board\s+|public\s+|regular\s+)?(?:meetings|hearings|sessions)\s+(?:are|will be)\s+held\s+(?:in|at)\s+(?:the\s+)?([^\n]{8,160}?)\.(?:\s|$)/i;

/** The place a sentence of the page gives every meeting. */
export function placeForAll(text: string): string | undefined {
  return HELD_IN.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
}

/**
 * The rows' table heads a column as the meeting itself beside one as its date (`Meeting Date | Committee`, `Meeting |
 * Date`): a schedule of meetings, not one case's history however distinct its rows. Pages: the InfoCouncil grids
 * and us-stevenson-wa-city-council-meetings-2025 (their second markups read as a history by shape otherwise).
 */
export function headedAsMeetings(items: readonly Element[]): boolean {
  return (itemsHead(items)?.name ?? -1) >= 0;
}

/**
 * The rows' table heads its columns as the meeting's own date and the body that meets (`Kokouspvm | Toimielin`,
 * `Meeting Date | Committee`): dated rows of meetings, not one case's history of dated steps. Page:
 * fi-oulu-kaupunginhallitus-poytakirjat (114 meetings read as one case's history before).
 */
export function headedAsMeetingDates(items: readonly Element[]): boolean {
  return namesMeetings(itemsHead(items));
}

function itemsHead(items: readonly Element[]): Columns | undefined {
  const table = items[0] ? closestTag(items[0], 'TABLE') : null;
  if (!table) return undefined;
  let head: Element | null = table.firstElementChild;
  if (head && tagOf(head) !== 'TR') head = head.firstElementChild;
  return head && tagOf(head) === 'TR' ? headColumns(head) : undefined;
}
