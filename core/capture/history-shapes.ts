/**
 * A case's history read by its shape, whatever its column heads say: on a case page, a table whose rows each hold a
 * date (or a few: a step's start and end) and one short text, the dates in order (either direction), is the case's
 * timeline — each row one update, `at` its first date, `text` the row's text cell. Asked only when no reader of the
 * page's words found an update (labelled replies, progress tables, timelines, action tables come first).
 *
 * Told apart from a list of cases by shape, not words: a list's rows name separate records (a title linked to its
 * own page, a reference code beside the title: two text cells), where a history row is one action in words, its text
 * not a link to another page. Pages (label-blind copies, test/capture/label-blind.ts):
 * au-forbes-masterview-da-10-2019-46-details (`step | started | completed`), us-pacer-nysd-docket-441170 (`date | # |
 * entry`), us-pacer-nysd-docket-history-485885 (`# | filed: date | entry`).
 */
import { parseDate, parseDateCell, stripDates } from './dates';
import { closestTag, tagOf } from './elements';
import { openingIdentifier } from './identifiers';
import type { Scan } from './scan';
import { withSectionTexts } from './step-sections';
import { ownRows } from './table-rows';
import { collapse } from './text';
import type { UpdateDraft } from './update-entry';
import type { DateContext } from './zones';

/** A history row's cells: a date, a number, the text, perhaps a few more dates; a wider row is a record's. */
const MAX_CELLS = 6;
/** A date cell: the date, perhaps under a short label of its own (`Filed: 12/26/2017`). */
const MAX_DATE_CELL = 40;
const MAX_DATE_LABEL = 24;
/** An action is told in a line or a short paragraph (a docket's entries run to a few sentences). */
const MAX_TEXT = 600;
/** A document or row number (`1`, `12`, `#3`): no part of the action. */
const NUMBER_CELL = /^#?\d{1,5}\.?$/;

/** A written cell by what it holds, with its column (empty cells counted, so columns line up row to row). */
type Cell = { col: number } & (
  | { kind: 'date'; at: string }
  | { kind: 'number'; text: string }
  | { kind: 'text'; el: Element; text: string }
);

export interface HistoryRow {
  tr: Element;
  at: string;
  text: string;
  /** The row's first number cell (`84`: the paragraph a body's minutes gave the matter), if any. */
  number?: string;
}

/** The written cells of a row of this table (not of a table nested in a cell) and its width, or undefined. */
function readCells(tr: Element, ctx: DateContext): { cells: Cell[]; width: number } | undefined {
  const cells: Cell[] = [];
  let col = 0;
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    const tag = tagOf(c);
    if (tag !== 'TD' && tag !== 'TH') continue;
    col++;
    const raw = c.textContent ?? '';
    if (raw.length > 4 * MAX_TEXT || col > 2 * MAX_CELLS) return undefined;
    const text = collapse(raw);
    if (!text) continue;
    if (cells.length >= MAX_CELLS) return undefined;
    if (NUMBER_CELL.test(text)) cells.push({ col, kind: 'number', text: text.replace(/^#|\.$/g, '') });
    else {
      const at = text.length <= MAX_DATE_CELL ? dateCell(text, ctx) : undefined;
      cells.push(at ? { col, kind: 'date', at } : { col, kind: 'text', el: c, text });
    }
  }
  return { cells, width: col };
}

/** A cell that is a date, or a date under a short label of its own that ends in a colon. */
function dateCell(text: string, ctx: DateContext): string | undefined {
  const at = parseDateCell(text, ctx);
  if (!at) return undefined;
  const rest = stripDates(text);
  if (!rest || /^[\s,:;.-]*$/.test(rest)) return at;
  return rest.length <= MAX_DATE_LABEL && /[:：]$/.test(rest) ? parseDate(text, ctx) : undefined;
}

type Row = HistoryRow & {
  textAt: number;
  width: number;
  dates: Map<number, string>;
  /** The text cell, when one cell tells the action. */
  cell?: Element;
  /** Several short text cells (a stage, a task, its state), the action among them told by the table. */
  words?: Array<{ col: number; text: string }>;
};

/** A stage, a task and its state beside the dates: short words each. */
const MAX_WORDS_CELLS = 3;
const MAX_WORD_CELL = 80;

/**
 * One action: one text cell (words, short, not a link to another record's page) and at least one date. `textAt`:
 * the column the text sits in, which every row of the history shares.
 */
function historyRow(tr: Element, cells: Cell[], width: number, loose = false): Row | undefined {
  // Cells that are only a link's label after the action are its papers (`T9-0364/2022`, `Summary`): a reference
  // code before it would name a record, as a list's row does. Page: eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen.
  const words = cells.filter((c) => c.kind === 'text');
  const action = words.find((c) => c.kind === 'text' && !linkLabelOnly(c.el, c.text));
  const texts = words.filter(
    (c) => c === action || !action || c.col < action.col || (c.kind === 'text' && !linkLabelOnly(c.el, c.text)),
  );
  const dates = new Map<number, string>();
  for (const c of cells) if (c.kind === 'date') dates.set(c.col, c.at);
  if (dates.size === 0) return undefined;
  if (texts.length > 1) return loose ? wordsRow(tr, texts, width, dates) : undefined;
  const cell = texts[0];
  if (!cell) return undefined;
  if (cell.kind !== 'text' || cell.text.length > MAX_TEXT || !/\p{L}/u.test(cell.text)) return undefined;
  if (linksAway(cell.el, cell.text)) return undefined;
  const number = cells.find((c) => c.kind === 'number');
  const row: Row = {
    tr,
    at: dates.values().next().value!,
    text: cell.text,
    textAt: cell.col,
    width,
    dates,
    cell: cell.el,
  };
  if (number?.kind === 'number') row.number = number.text;
  return row;
}

/** A row of a few short text cells beside its dates, none a link away: which one is the action, the table says. */
function wordsRow(tr: Element, texts: Cell[], width: number, dates: Map<number, string>): Row | undefined {
  if (texts.length > MAX_WORDS_CELLS) return undefined;
  const words: Array<{ col: number; text: string }> = [];
  for (const c of texts) {
    if (c.kind !== 'text' || c.text.length > MAX_WORD_CELL || !/\p{L}/u.test(c.text)) return undefined;
    if (linksAway(c.el, c.text)) return undefined;
    words.push({ col: c.col, text: c.text });
  }
  return { tr, at: dates.values().next().value!, text: '', textAt: -1, width, dates, words };
}

/**
 * `Registration | Registration | 18/04/2019 | 19/04/2019 | Completed`, `… | Determination Letter Posted | …`: the
 * rows' text columns, the same in every row; the action is the column saying most different things (the task, over
 * its stage and its state), the rightmost of equals. Page: au-lanecove-civica-application-details (label-blind).
 */
function pickAction(rows: Row[]): boolean {
  const cols = rows[0]!.words?.map((w) => w.col).join(',');
  if (!cols || rows.some((r) => r.words?.map((w) => w.col).join(',') !== cols)) return false;
  let best = -1;
  let most = 1;
  for (let k = 0; k < rows[0]!.words!.length; k++) {
    const distinct = new Set(rows.map((r) => r.words![k]!.text.toLowerCase())).size;
    if (distinct >= most) {
      most = distinct;
      best = k;
    }
  }
  if (best < 0 || most < 2) return false;
  for (const r of rows) {
    r.text = r.words![best]!.text;
    r.textAt = r.words![best]!.col;
  }
  return true;
}

/** A cell whose whole text is the label of links (a paper's reference, a `Summary` button). */
function linkLabelOnly(cell: Element, text: string): boolean {
  return linkText(cell) >= text.length;
}

/** The length of a cell's link labels (getElementsByTagName: no selector engine per row). */
function linkText(cell: Element): number {
  let n = 0;
  for (const a of Array.from(cell.getElementsByTagName('a'))) n += collapse(a.textContent ?? '').length;
  return n;
}

/** A text cell that is mostly the label of a link to another page: a record's title in a list, not an action. */
function linksAway(cell: Element, text: string): boolean {
  if (linkText(cell) < text.length * 0.6) return false;
  for (const a of Array.from(cell.getElementsByTagName('a'))) if (leadsAway(a)) return true;
  return false;
}

/** A link to another page: not to a place on this one, not a script. */
function leadsAway(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return href !== '' && !href.startsWith('#') && !/^javascript:/i.test(href);
}

/** Dates that only rise or only fall (ties allowed): a history, read in either direction. */
function inOrder(ats: string[]): boolean {
  const t = ats.map((a) => Date.parse(a));
  let up = true;
  let down = true;
  for (let i = 1; i < t.length; i++) {
    if (t[i]! < t[i - 1]!) up = false;
    if (t[i]! > t[i - 1]!) down = false;
  }
  return up || down;
}

/**
 * Some date column in order over the rows dated in it: a step's planned day may come out of order where the day it
 * was done does not (`Pre-Assessment | due 15/11/2018 | done 9/11/2018`: au-goldcoast-epathway-mcu-2018-1167-details).
 */
function someColumnInOrder(rows: Row[]): boolean {
  const cols = new Set(rows.flatMap((r) => [...r.dates.keys()]));
  for (const col of cols) {
    const ats = rows.map((r) => r.dates.get(col)).filter((a): a is string => a !== undefined);
    if (ats.length >= Math.min(2, rows.length) && inOrder(ats)) return true;
  }
  return false;
}

/**
 * A heading row: short words in two cells or more, no date (the unknown column heads); a number among them is the
 * sheet's page (`Turun kaupunki | § | Kokouspvm | Asia | 1`: fi-turku-satava-kakskerta-osayleiskaava).
 */
function isHeadRow(cells: Cell[]): boolean {
  const words = cells.filter((c) => c.kind === 'text');
  return words.length >= 2 && words.every((c) => c.text.length <= 40) && cells.every((c) => c.kind !== 'date');
}

/** A mark this short alone in its row (a chamber's `CD` / `SE` spanning its steps' rows) is no step. */
const MAX_MARK = 12;
/** A caption row over the heads (`Derularea procedurii legislative`): one cell of a few words. */
const MAX_CAPTION = 60;

/** A row of one short written cell and no date: the table's caption above the steps, or a mark beside them. */
function isLoneWords(cells: Cell[], max: number): boolean {
  const only = cells[0];
  return cells.length === 1 && only !== undefined && only.kind === 'text' && only.text.length <= max;
}

/**
 * The history rows of a table, or null: every written row below the heading rows is an action of one width with its
 * text in one column, dates in order. One row will do under a heading row of as many columns (a step still under way
 * alone in its table: au-gunnedah-masterview-da-2019-36-details); two or more need no heading.
 */
function historyOf(table: Element, ctx: DateContext, loose = false): Row[] | null {
  const rows: Row[] = [];
  let heads = 0;
  let headWidth = 0;
  let marks = 0;
  for (const tr of ownRows(table)) {
    const read = readCells(tr, ctx);
    if (!read) return null;
    const { cells, width } = read;
    if (cells.length === 0) continue;
    if (rows.length === 0 && isHeadRow(cells)) {
      if (++heads > 2) return null;
      headWidth = width;
      continue;
    }
    // A caption over the steps, or a mark beside them (the chamber a bill's steps took place in: the
    // `Data | Actiunea` table of ro-cdep-bp346-2013-ziua-independentei), says which steps; it is none itself.
    if (isLoneWords(cells, rows.length === 0 && heads === 0 ? MAX_CAPTION : MAX_MARK)) {
      if (++marks > 6) return null;
      continue;
    }
    const row = historyRow(tr, cells, width, loose);
    if (!row) return null;
    rows.push(row);
  }
  if (rows.length === 0 || marks > rows.length + 1) return null;
  if (rows.some((r) => r.words) && (rows.length < 2 || !pickAction(rows))) return null;
  const { textAt, width } = rows[0]!;
  if (rows.some((r) => r.textAt !== textAt || r.width !== width)) return null;
  if (rows.length === 1 && (heads === 0 || headWidth !== width || width < 2)) return null;
  return someColumnInOrder(rows) ? rows : null;
}

/** The case's history from the first table shaped as one, or nothing. */
export function historyByShape(scan: Scan, ctx: DateContext): UpdateDraft[] {
  for (let i = 0; i < scan.all.length; i++) {
    if (scan.tags[i] !== 'TABLE') continue;
    const table = scan.all[i]!;
    if (scan.excluded(table) || scan.used.has(table)) continue;
    // A case page's own table may tell its action among a few short cells; a list's rows are not asked so.
    const rows = historyOf(table, ctx, true);
    if (!rows) continue;
    scan.used.add(table);
    return (
      withSectionTexts(scan, table, rows) ??
      rows.map(({ tr, at, text }) => ({ at, text, order: scan.order.get(tr) ?? 0, el: tr }))
    );
  }
  return [];
}

/**
 * Rows whose text links to a paper of its own named by its number (`… ĮSTATYMO PROJEKTAS <a>XIIP-445 2013-04-11</a>`),
 * another in each row: each row is a record its number names (a member's draft acts, dated and numbered), not a step
 * of one case, whose papers sit in a column apart or share the case's number. Page: lt-lrs-kaseta-teises-aktu-projektai
 * (its nine drafts read as one case's history).
 */
function ownNumbers(rows: Row[], ctx: DateContext): boolean {
  const numbers = new Set<string>();
  for (const r of rows) {
    if (!r.cell) continue;
    for (const a of Array.from(r.cell.getElementsByTagName('a'))) {
      if (!leadsAway(a)) continue;
      const id = openingIdentifier(collapse(a.textContent ?? ''), ctx);
      if (id && id.length < r.text.length / 2) {
        numbers.add(id);
        break;
      }
    }
  }
  return numbers.size >= 2 && numbers.size >= rows.length * DISTINCT_ACTIONS;
}

/** Share of a history's actions that must differ: a schedule repeats its one meeting (`Regular Meeting` each month). */
const DISTINCT_ACTIONS = 0.8;

/**
 * Rows a list finder took that are all rows of one table shaped as a history, its actions told apart (no title
 * repeated as a schedule's meetings are): the steps of the page's own case, not a list of cases. Page:
 * eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen (label-blind: its key events read as three cases).
 */
export function inShapedHistory(items: readonly Element[], ctx: DateContext): boolean {
  if (items.length < 2) return false;
  const table = closestTag(items[0]!, 'TABLE');
  if (!table) return false;
  // The table's shape first: it fails on a list's first rows, where asking every item for its table is a walk per row.
  const rows = historyOf(table, ctx);
  if (!rows || rows.length < items.length) return false;
  if (items.some((it) => closestTag(it, 'TABLE') !== table)) return false;
  if (new Set(rows.map((r) => r.text.toLowerCase())).size < rows.length * DISTINCT_ACTIONS) return false;
  if (ownNumbers(rows, ctx)) return false;
  const trs = new Set(rows.map((r) => r.tr));
  return items.every((it) => {
    const tr = tagOf(it) === 'TR' ? it : closestTag(it, 'TR');
    return tr !== null && trs.has(tr);
  });
}
