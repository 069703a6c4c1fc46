/**
 * The lines of a schedule of meetings, each with the date it opens with: a block, a table row (its date cell chosen
 * by the header, its other cells kept apart), or each piece of a block cut by `<br>`. meeting-dates.ts finds the
 * runs of such lines that are a schedule and reads their meetings.
 */

import { tagOf } from './elements';
import { type Columns, type NamedCell, namedCell, yearlessCell } from './meeting-grid';
import { collapse } from './text';
import { readText } from './visible-text';

export const MAX_LINE = 90;
export const MAX_TAIL = 45;
// The date first, up to its year (`July 24, 2019`), then a short tail: `at 10:30 am`, `Agenda – Minutes`. A dotted
// day and month may be one digit each (`6.2.2017 15:00`: KTweb's grids, fi-oulu-kaupunginhallitus-poytakirjat),
// shorter than the six characters a written date takes before its year; a US `5/20/2024` stays unread there (OnBase's
// date column gives way to the written `May 20, 2024`: us-akron-onbase-city-council-meetings-search).
const DATE_FIRST = /^((?:\d{1,2}\.\d{1,2}\.|.{6,40}?\b)(?:19|20)\d{2})\b(.*)$/;
export const LINE_BLOCKS = new Set(['P', 'DIV', 'LI', 'DT', 'DD', 'H3', 'H4', 'H5', 'H6', 'TR']);
const BREAKING = new Set([...LINE_BLOCKS, 'H1', 'H2', 'UL', 'OL', 'DL', 'TABLE', 'SECTION', 'ARTICLE', 'BLOCKQUOTE']);

export interface Line {
  el: Element;
  text: string;
  /** Text beside the date in its own row (a table's other cells): where its place is given. */
  aside?: string;
  /** Those cells one by one, each on one line. */
  cells?: string[];
  /** The cell under a column headed as the place (`PLACE`, `Location`): the row's place, whatever its form. */
  place?: string;
  /** An item of a year's list read from the list's parent: an item that gives no date skips, not ends, the run. */
  listed?: boolean;
  /** The cell under a column headed as the meeting (`Committee`, `Meeting`): its first line names it, the rest is its place. */
  name?: NamedCell;
  /** The date cell's lines after the date (`7:00 PM` under `22 Feb 2024`): the meeting's hour. */
  dateRest?: string;
  /** The row opens with words, not its date (`Board meeting | 9:30 a.m. | January 25`): they are its title. */
  wordsLead?: boolean;
  /** A line of words under the date in the date's own cell, with no date of its own: what the meeting is. */
  below?: string;
}

export interface Dated {
  date: string;
  /** What follows the date on its line. */
  tail: string;
}

/**
 * A numeric US date after a short label: a minutes file named by its meeting (`SSA2Minutes 10-2-2018`, even
 * `SSA2Mintues04-23-2014` with no space), one to three words then the date. Page: us-belmont-central-ssa2-meeting-minutes.
 */
const LABELLED =
  /^[A-Za-z][\w#&.]{0,20}?(?:\s+[A-Za-z][\w#&.]{0,20}){0,2}?\s*[-–:]?\s*(\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2})\b(.*)$/;

// Two words: a line that says what something is, not a mark or a one-word link (`Agenda`).
const WORDS = /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/;

/**
 * The line of words under a cell's date line, before any other date (`<h4><a>Sep 29, 2020 — Posted Nov 5, 2020
 * 9:58 AM</a></h4><p>ADA Committee Regular Meeting Documents (PDF)</p>`: CivicPlus Agenda Center's rows). Page:
 * us-bremerton-civicplus-agenda-center-2020-12.
 */
function wordsBelow(lines: string[], first: string): { below: string } | undefined {
  const at = lines.indexOf(first);
  for (const raw of lines.slice(at + 1)) {
    const l = collapse(raw);
    if (!l) continue;
    // Another date (`— Posted …`) is passed over; a label (`Meeting Type:`) names nothing.
    if (/\b(?:19|20)\d{2}\b/.test(l)) continue;
    if (/[:：]$/.test(l)) return undefined;
    // A note in brackets (`(3rd Wednesday)`, us-chicago-board-of-education-planning-calendar) says when, not what.
    if (/^[(（[].*[)）\]]$/.test(l)) return undefined;
    // `(PDF)`: the kind of file the row's link opens, not the meeting's name.
    const words = l.replace(/\s*\((?:pdf|docx?|html?)\)$/i, '');
    return WORDS.test(words) && l.length <= MAX_LINE ? { below: words } : undefined;
  }
  return undefined;
}

/** The date alone at the start of a line (weekday, month and digits), or after a file's label, with its short tail. */
export function dateOf(text: string, maxTail = MAX_TAIL): Dated | undefined {
  if (text.length > MAX_LINE) return undefined;
  const m = DATE_FIRST.exec(text);
  if (
    m &&
    m[2]!.length <= maxTail &&
    !m[1]!.replace(
      /\b[A-Za-z]+day\b|\b(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.|\b[A-Za-z]{3,9}\.?(?=\s+\d)|[\d\s,./-]+/g,
      '',
    )
  ) {
    return { date: m[1]!, tail: m[2]! };
  }
  const l = LABELLED.exec(text);
  return l && l[2]!.length <= MAX_TAIL ? { date: l[1]!, tail: l[2]! } : undefined;
}

/** The lines a child block gives: itself, its first cell (a table row), or each piece between its `<br>`s. */
export function linesOf(el: Element, columns?: Columns, year?: () => string | undefined): Line[] {
  const tag = tagOf(el);
  if (tag === 'TR') {
    const cells = Array.from(el.children).filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH');
    if (cells.length < 2) return [];
    // A cell holds the date line then notes (`(3rd Wednesday)`), perhaps inside a table of its own: its first line.
    const linesIn = (c: Element) => readText(c).split('\n');
    const firstLine = (c: Element, lines = linesIn(c)) => lines.find((l) => l.trim()) ?? '';
    // The column the header names as the date, when it reads as one (OnBase heads `5/20/2024 6:30:00 PM` as
    // `Meeting Date` and writes the day first: us-akron-onbase-city-council-meetings-search); else the first cell.
    const named = columns ? cells[columns.date] : undefined;
    const namedLine = named ? firstLine(named) : '';
    const leadLines = linesIn(cells[0]!);
    const leadLine = firstLine(cells[0]!, leadLines);
    const yearless = named || dateOf(collapse(leadLine)) ? undefined : yearlessCell(cells, year);
    const dateCell = named && dateOf(collapse(namedLine), MAX_LINE) ? named : (yearless?.cell ?? cells[0]!);
    const first = dateCell === named ? namedLine : yearless ? yearless.date : dateCell === cells[0] ? leadLine : '';
    const placeCell = columns && columns.place >= 0 ? cells[columns.place] : undefined;
    const place = placeCell ? collapse(placeCell.textContent ?? '') : '';
    const nameCell = columns && columns.name >= 0 ? cells[columns.name] : undefined;
    // OnBase heads its date column `Meeting Name`: a cell that opens with a date names no meeting.
    const name =
      nameCell && nameCell !== dateCell && !dateOf(collapse(firstLine(nameCell))) ? namedCell(nameCell) : undefined;
    // Read only under a header naming the meeting's date: a second walk of every row's cell costs a 2 MB list.
    const dateRest = columns?.own
      ? readText(dateCell)
          .split('\n')
          .filter((l) => l.trim())
          .slice(1)
          .join(' ')
      : '';
    const aside = cells
      .filter((c) => c !== dateCell)
      .map((c) =>
        readText(c)
          .split('\n')
          .filter((l) => l.trim())
          .join(', '),
      );
    return [
      {
        el,
        text: collapse(first),
        aside: aside.join(', '),
        cells: aside.map(collapse),
        ...(place && { place }),
        ...(name && { name }),
        ...(dateRest && { dateRest }),
        ...(dateCell !== cells[0] && !dateOf(collapse(leadLine)) && { wordsLead: true }),
        ...(dateCell === cells[0] && wordsBelow(leadLines, leadLine)),
      },
    ];
  }
  if (!LINE_BLOCKS.has(tag)) return [];
  if ((el.textContent ?? '').length > MAX_LINE * 40) return [];
  if (!el.querySelector('br')) return [{ el, text: collapse(el.textContent ?? '') }];
  const lines: Line[] = [];
  let buf = '';
  // A <br> ends its line wherever it sits: inside the link the line is (`<a>Wednesday, May 20, 2015 at 3:00
  // p.m.<br></a>`) or inside an inline wrapper of several lines (`<u><a>…</a><br><a>…</a></u>`), not only as a
  // child of the block. Page: us-edgewater-ssa26-commission-meetings.
  // A block inside (a <p> of a <div>) ends a line too, before and after it.
  const end = () => {
    if (buf.trim()) lines.push({ el, text: collapse(buf) });
    buf = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) buf += node.textContent ?? '';
    else if (node.nodeType !== 1) return;
    else if (tagOf(node as Element) === 'BR') {
      lines.push({ el, text: collapse(buf) });
      buf = '';
    } else {
      const block = BREAKING.has(tagOf(node as Element));
      if (block) end();
      for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
      if (block) end();
    }
  };
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  lines.push({ el, text: collapse(buf) });
  return lines;
}

/** The date a long line opens with, however long what follows it. */
export function longItemDate(text: string): Dated | undefined {
  return dateOf(text.slice(0, MAX_LINE), MAX_LINE);
}
