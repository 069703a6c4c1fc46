/**
 * Header tables: one header row over rows of cases (`工单编号 | 诉求标题 | 受理时间 | 办理状态`) or of progress notes
 * (`时间 | 处理部门 | 处理意见`), including a header row inside a form-like table and a grid whose header and body
 * are two tables. Their cells must not be mistaken for label–value pairs.
 */

import { blockGrids } from './block-grids';
import { countsRows, longCells, numbersEntries } from './column-counts';
import { isHidden, isSkipped, tagOf } from './elements';
import { headlessTable } from './headless-tables';
import { type LabelMatch, looksLikeLabel, matchLabel } from './labels';
import { MEETING_DATE_HEAD } from './meeting-grid';
import type { Scan } from './scan';
import { dataCellAt, expandedCells, ownRows, type RowSpans, rowCells, scannedCells, scannedRows } from './table-rows';
import { collapse } from './text';
import type { DateContext } from './zones';

export interface HeaderTable {
  table: Element;
  /** The header row (the first row of the table, or a row inside it for an embedded table). */
  head: Element;
  columns: Array<{ label: string; match: LabelMatch | null }>;
  rows: Array<{
    tr: Element;
    cells: Element[];
    /** Per column, what the scan saw of its cell (`TEXT_ONLY`, `ONE_LINK`; 0: unknown), when the scan gave the row. */
    kinds?: number[];
  }>;
  /** Rows are cases (a title / case number column) or progress notes (a time and a text column). */
  kind: 'issues' | 'updates';
}

/**
 * Longest cell that can read as a label or a column head, collapsed: the dictionary's longest labels written out
 * are 22–25 characters (`Responsible department`, `Description of proposal`, `District Court Docket No.`), and a
 * colon, an asterisk or spaces around them add a few more; `Planning panel reference number` (31, NSW planning
 * panels: au-nsw-planning-portal-planning-panel-ppssth-638) is the longest kept. A longer cell is a sentence or a value.
 */
const MAX_LABEL = 34;

/** The text of a short cell (one that may be a label, a column head or a short value); null when it is longer. */
export function shortText(el: Element): string | null {
  const raw = el.textContent ?? '';
  // A cell of hundreds of characters is no label, however much of it is white space: not worth collapsing.
  if (raw.length > 200) return null;
  const t = collapse(raw);
  return t.length <= MAX_LABEL ? t : null;
}

/** A label cell or element: a dictionary word, or an unknown short word ending with a colon. */
export function labelOf(text: string | null): LabelMatch | 'unknown' | null {
  if (!text) return null;
  const m = matchLabel(text);
  if (m) return m;
  return looksLikeLabel(text) ? 'unknown' : null;
}

/** A column head written as an abbreviation in capitals (`NCOP`, `PC`, `SC`). */
const ABBREVIATION = /^[A-Z]{2,5}$/;

/** Every row of the table under one case-number cell reaching down over them all (`rowspan`): one case. */
export function oneNumberedCase(t: HeaderTable): boolean {
  const col = t.columns.findIndex((c) => c.match?.field === 'caseNumber');
  const first = col >= 0 ? t.rows[0]?.cells[col] : undefined;
  return first !== undefined && t.rows.every((r) => r.cells[col] === first);
}

const isDataCell = (c: Element) => tagOf(c) === 'TD';

/**
 * One cell stretched over every column. `cells` are the row's expanded cells, each cell repeated as often as it
 * spans: the row has one cell when the first and the last are the same (no second walk of the row's cells).
 */
const spanningRow = (cells: Element[]) => cells.length > 1 && cells[0] === cells[cells.length - 1];

/** `ctx` types the columns of one-row tables that have no head (`headlessTable`); without it they are left. */
export function findHeaderTables(scan: Scan, ctx?: DateContext): HeaderTable[] {
  const out: HeaderTable[] = [];
  // Grid components (Element UI, Ant Design) draw the header row and the body rows as two separate tables.
  let loneHead: LoneHead | null = null;
  let run: RowTables | null = null;
  for (let t = 0; t < scan.all.length; t++) {
    if (scan.tags[t] !== 'TABLE') continue;
    const table = scan.all[t]!;
    const scanned = scannedRows(scan, t);
    const rows = scanned ? scanned.rows : [...ownRows(table)];
    const head = rows.length === 1 && headOfOwn(rows[0]!);
    if (run && rows.length === 1 && !head && sameLevel(run.last, table)) {
      const cells = expandedCells(rows[0]!);
      if (cells.length === run.width && cells.some(isDataCell) && !isSkipped(rows[0]!)) {
        run.rows.push({ tr: rows[0]!, cells });
        run.last = table;
        continue;
      }
    }
    if (run) endRun(run, out, ctx);
    run = null;
    if (head) {
      loneHead = { table, head: rows[0]!, width: expandedCells(rows[0]!).length };
      continue;
    }
    run = rows.length === 1 ? startRun(loneHead, table, rows[0]!) : null;
    const split = (run !== null && loneHead !== null) || (loneHead && splitBody(loneHead, table, rows, out));
    loneHead = null;
    if (split || rows.length < 2) continue;
    let headerIndex = -1;
    for (let i = 0; i < Math.min(rows.length, 3); i++) {
      const cells = rowCells(rows[i]!);
      if (cells.length < 2) continue;
      const inHead = rows[i]!.parentElement && tagOf(rows[i]!.parentElement!) === 'THEAD';
      const allTh = cells.every((c) => tagOf(c) === 'TH');
      const labels = cells.filter((c) => matchLabel(shortText(c) ?? '')).length;
      const anyLong = cells.some((c) => (shortText(c) ?? 'x'.repeat(99)).length > 20);
      // Blank spacer cells between the heads (`Document Name | &nbsp; | Date | &nbsp; | House`, a table laid out
      // with gutter columns) head nothing. Pages: za-parliament-na-executive-replies-to-questions-list.
      const filled = cells.length - cells.filter((c) => shortText(c) === '').length;
      // A status table's narrow columns are headed by abbreviations (`Bill | Short Title | PC | NA | SC | NCOP |
      // Status`: the stages a bill passed): heads, whatever words they stand for. Page: za-pmg-proceedings-on-bills-2013.
      const heads = labels >= 2 ? labels + cells.filter((c) => ABBREVIATION.test(shortText(c) ?? '')).length : 0;
      if (inHead || allTh || (labels >= 2 && heads / filled >= 0.6 && !anyLong)) {
        headerIndex = i;
        break;
      }
      // A two-column label/value row means a vertical table, not a header row.
      if (cells.length >= 2 && labelOf(shortText(cells[0]!)) && !labelOf(shortText(cells[1]!))) break;
    }
    if (headerIndex < 0) {
      out.push(...embeddedTables(table, rows));
      continue;
    }
    // One loop over what can be ten thousand rows.
    const dataRows: HeaderTable['rows'] = [];
    const below: RowSpans = new Map();
    for (let i = headerIndex + headRows(rows[headerIndex]!); i < rows.length; i++) {
      const tr = rows[i]!;
      const at = scanned?.at[i];
      const kinds: number[] | undefined = at === undefined ? undefined : [];
      const cells = at === undefined ? expandedCells(tr, below) : scannedCells(scan, at, below, kinds);
      // A data row may not itself be a header or label row (all <th>); a hidden template row
      // (`<tr class="template" style="display:none">{{gdbt}}…`) is no case: the scan left none out of a table it
      // gave the rows of.
      // A lone cell spanning the grid (`<tr class="pagerRow"><td colspan="7">` page links) is the grid's pager,
      // not a case (au-lithgow-t1-submitted-last-14-days).
      const shown =
        at === undefined ? cells.some(isDataCell) && !isHidden(tr) : dataCellAt(scan, at) || cells.some(isDataCell);
      if (cells.length >= 2 && shown && !spanningRow(cells))
        dataRows.push(kinds ? { tr, cells, kinds } : { tr, cells });
    }
    const found = headerTable(table, rows[headerIndex]!, dataRows);
    if (found) out.push(found);
  }
  if (run) endRun(run, out, ctx);
  out.push(...blockGrids(scan));
  return out;
}

interface LoneHead {
  table: Element;
  head: Element;
  width: number;
}

/** One-row tables side by side: the head row in a table of its own (or none), the rows read so far. */
interface RowTables {
  lone: LoneHead | null;
  width: number;
  first: Element;
  last: Element;
  rows: HeaderTable['rows'];
}

/**
 * A one-row table that heads the tables after it: all head cells, or mostly the dictionary's column heads
 * (`Number | Lodged | Proposal`, each row below in a table of its own).
 */
function headOfOwn(row: Element): boolean {
  const cells = rowCells(row);
  if (cells.every((c) => tagOf(c) === 'TH')) return true;
  if (cells.length < 3) return false;
  const texts = cells.map(shortText);
  return texts.every((x) => x !== null && x.length <= 20) && texts.filter((x) => matchLabel(x!)).length >= 2;
}

/** Tables side by side, or each in a block of its own beside the other's (a clickable `<div>` per result). */
const sameLevel = (a: Element, b: Element) =>
  a.parentElement === b.parentElement || a.parentElement?.parentElement === b.parentElement?.parentElement;

/**
 * The first of one-row tables side by side, under a head table of their own or none (ASP.NET's repeaters draw each
 * result as a table, the head as another); the run goes on while the tables beside it hold one row of its width.
 * Measured by the shape ablation's `rows-as-own-tables` (test/capture/twice-transforms.ts), from King County's
 * inspection results (us-kingcounty-food-inspection-taco-del-mar-seattle: each facility a one-row table in a `<div>`
 * of its own, no head).
 */
function startRun(lone: LoneHead | null, table: Element, row: Element): RowTables | null {
  if (isSkipped(row) || (lone && !lone.table.parentElement?.parentElement?.contains(table))) return null;
  const cells = expandedCells(row);
  if ((lone && cells.length !== lone.width) || cells.length < 2 || !cells.some(isDataCell)) return null;
  return { lone, width: cells.length, first: table, last: table, rows: [{ tr: row, cells }] };
}

function endRun(run: RowTables, out: HeaderTable[], ctx: DateContext | undefined): void {
  const found = run.lone
    ? headerTable(run.first, run.lone.head, run.rows)
    : ctx && headlessTable(run.rows, run.width, run.first, ctx);
  if (found) out.push(found);
}

/**
 * Rows the header row takes up: a head cell that spans rows (`Titlu` beside `PL înregistrat la` over `Camera
 * Deputaţilor | Senat`) has the columns' subheads in the rows it spans, no case. Page:
 * ro-cdep-enea-propuneri-legislative-2012.
 */
function headRows(head: Element): number {
  let rows = 1;
  for (let c = head.firstElementChild; c; c = c.nextElementSibling)
    if (c.hasAttributes()) rows = Math.max(rows, Math.min(Number(c.getAttribute('rowspan') ?? 1) || 1, 3));
  return rows;
}

/** The body table of a grid whose header row stands alone in the table just before it. */
function splitBody(
  lone: { table: Element; head: Element; width: number },
  table: Element,
  rows: Element[],
  out: HeaderTable[],
): boolean {
  const near = lone.table.parentElement?.parentElement;
  if (!near?.contains(table)) return false;
  const dataRows = rows
    .map((tr) => ({ tr, cells: expandedCells(tr) }))
    .filter((r) => r.cells.length === lone.width && !isSkipped(r.tr));
  if (dataRows.length < rows.length * 0.8) return false;
  const found = headerTable(table, lone.head, dataRows);
  if (found) out.push(found);
  return found !== null;
}

export function headerTable(
  table: Element,
  head: Element,
  dataRows: HeaderTable['rows'],
  /** The head's cells when they are blocks, not `<th>`/`<td>` (block-grids.ts). */
  headCells = expandedCells(head),
): HeaderTable | null {
  if (dataRows.length === 0) return null;
  const columns = headCells.map((c) => {
    const label = collapse(c.textContent ?? '');
    return { label, match: matchLabel(label) };
  });
  // `日期 | 進度` with sentences under 進度: a progress column holds notes, not status words.
  columns.forEach((col, i) => {
    if (col.match?.field === 'status' && longCells(dataRows, i)) col.match = { field: 'update', rank: 2 };
  });
  // `# | Date Filed | Docket Text` over 1, 2, 3…: a column that numbers the rows is no case number (a docket's entry
  // numbers; us-pacer-nysd-docket-history-485885 names it `Doc. No.`, a docket report `#`).
  columns.forEach((col, i) => {
    if (
      col.match?.field === 'caseNumber' &&
      col.match.rank > 0 &&
      (countsRows(dataRows, i) || numbersEntries(col.label, dataRows, i))
    )
      col.match = null;
  });
  meetingNamed(columns);
  const fields = new Set(columns.map((c) => c.match?.field));
  let kind: HeaderTable['kind'] | null = null;
  if (fields.has('title') || fields.has('caseNumber')) kind = 'issues';
  else if (
    (fields.has('update') || fields.has('description')) &&
    (fields.has('updateAt') || fields.has('reportedAt') || fields.has('updateBy') || fields.has('department'))
  )
    kind = 'updates';
  else if (fields.has('description') && (fields.has('address') || fields.has('category'))) kind = 'issues';
  return kind ? { table, head, columns, rows: dataRows, kind } : null;
}

/**
 * A grid of meetings (`Name | Meeting Date | Meeting Time | Meeting Location`) has no reporter: its bare `Name`
 * column names the body that meets, the meeting's title. Page: us-nyc-council-legistar-calendar-2014-06 (Legistar).
 */
function meetingNamed(columns: HeaderTable['columns']): void {
  if (columns.some((c) => c.match?.field === 'title')) return;
  if (!columns.some((c) => MEETING_DATE_HEAD.test(c.label))) return;
  const name = columns.find((c) => /^name$/i.test(c.label) && c.match?.field === 'reporterName');
  if (name) name.match = { field: 'title', rank: 1 };
}

/**
 * A header row inside a form-like table (`处理时间 | 处理部门 | 处理人 | 处理意见` under a `三、处理过程` row of a
 * printed work order): the rows below it with the same number of columns, up to the next section, are its data.
 */
function embeddedTables(table: Element, rows: Element[]): HeaderTable[] {
  const out: HeaderTable[] = [];
  for (let i = 0; i < rows.length - 1; i++) {
    const cells = rowCells(rows[i]!);
    if (cells.length < 3 || !cells.every((c) => labelOf(shortText(c)) !== null)) continue;
    const width = expandedCells(rows[i]!).length;
    const dataRows: HeaderTable['rows'] = [];
    let j = i + 1;
    for (; j < rows.length; j++) {
      const dataCells = expandedCells(rows[j]!);
      if (dataCells.length !== width || labelOf(shortText(dataCells[0]!)) !== null) break;
      if (dataCells.every((c) => tagOf(c) === 'TH')) break;
      dataRows.push({ tr: rows[j]!, cells: dataCells });
    }
    const found = headerTable(table, rows[i]!, dataRows);
    if (found) out.push(found);
    i = j - 1;
  }
  return out;
}
