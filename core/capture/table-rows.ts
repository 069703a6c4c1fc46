/**
 * The rows and cells of a table as a reader of columns needs them: its own rows (not a nested table's), each row's
 * cells repeated over the columns they span (`colspan`, `rowspan`), from the DOM or, for a table the scan kept whole,
 * from the scan's arrays (a 10,000-row list in a browser: no DOM call per cell).
 */
import { tagOf } from './elements';
import type { Scan } from './scan';

export function rowCells(tr: Element): Element[] {
  const out: Element[] = [];
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagOf(c);
    if (t === 'TD' || t === 'TH') out.push(c);
  }
  return out;
}

/** The cells of a row, each as many times as the columns it spans (`colspan`, at most 20). */
export function expandedCells(tr: Element, below?: RowSpans): Element[] {
  const out: Element[] = [];
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagOf(c);
    if (t === 'TD' || t === 'TH') placeCell(c, c.hasAttributes(), out, below);
  }
  return endRow(out, below);
}

/** What the scan saw of a cell (`HeaderTable` rows' `kinds`): its text alone, or one shown link holding text alone. */
export const TEXT_ONLY = 1;
export const ONE_LINK = 2;

/**
 * `expandedCells` of the row at `scan.all[row]`, read off the scan's arrays (`scannedRows`): the row's cells are the
 * kept elements one level below it, with their tags and whether they carry attributes. `kinds` gets, for each
 * column, what the scan saw of its cell (0: ask the DOM), so the row's reader need not ask the cell's children.
 */
export function scannedCells(scan: Scan, row: number, below?: RowSpans, kinds?: number[]): Element[] {
  const out: Element[] = [];
  const depth = scan.depths[row]! + 1;
  for (let j = row + 1; j < scan.all.length && scan.depths[j]! >= depth; j++) {
    if (scan.depths[j] !== depth) continue;
    const t = scan.tags[j];
    if (t !== 'TD' && t !== 'TH') continue;
    const cell = scan.all[j]!;
    placeCell(cell, scan.attributed[j] === 1, out, below);
    if (!kinds) continue;
    const kind = cellKind(scan, j);
    // Cells carried down from the rows above (`rowspan`) come first: the scan saw them elsewhere.
    for (let p = kinds.length; p < out.length; p++) kinds.push(out[p] === cell ? kind : 0);
  }
  endRow(out, below);
  if (kinds) while (kinds.length < out.length) kinds.push(0);
  return out;
}

/**
 * A cell with no element child (`TEXT_ONLY`), or whose one element child is a link with none (`ONE_LINK`: the walk
 * left nothing out of the cell and kept the link, so it is shown).
 */
function cellKind(scan: Scan, j: number): number {
  if (scan.childless[j] === 1) return TEXT_ONLY;
  const a = j + 1;
  const oneChild = a + 1 >= scan.all.length || scan.depths[a + 1]! <= scan.depths[j]!;
  return scan.cut[j] === 0 && scan.tags[a] === 'A' && scan.childless[a] === 1 && oneChild ? ONE_LINK : 0;
}

/** Puts a cell in its row's columns: as many as it spans, and the rows below it reaches into. */
function placeCell(c: Element, attributed: boolean, out: Element[], below: RowSpans | undefined): void {
  // Most cells carry no attribute at all: no colspan to read.
  if (!attributed) {
    if (below?.size) carried(below, out);
    out.push(c);
    return;
  }
  const span = Math.min(Math.max(Number(c.getAttribute('colspan') ?? 1) || 1, 1), 20);
  const down = below ? Number(c.getAttribute('rowspan') ?? 1) || 1 : 1;
  if (below?.size) carried(below, out);
  for (let i = 0; i < span; i++) {
    if (down > 1) below!.set(out.length, { cell: c, rows: Math.min(down, 1000) - 1 });
    out.push(c);
  }
}

function endRow(out: Element[], below: RowSpans | undefined): Element[] {
  if (below?.size) {
    carried(below, out);
    // A column past the row's last cell that a cell above reaches into: that row is spent there too.
    for (const [col, from] of below) if (col > out.length && --from.rows <= 0) below.delete(col);
  }
  return out;
}

/**
 * Cells reaching down from rows above (`rowspan`), by the column they stand in: `<td rowspan="2">浙金罚决字〔2024〕52号</td>`
 * numbers both parties of one decision, and the row below leaves that column out of its markup. Without them the
 * lower row's cells shift left under the wrong heads. Page: cn-nfra-xzcf-zhejiang-2024-52-penalty.
 */
export type RowSpans = Map<number, { cell: Element; rows: number }>;

/** Puts in the cells reaching down into the column about to be filled. */
function carried(below: RowSpans, out: Element[]): void {
  for (let from = below.get(out.length); from; from = below.get(out.length)) {
    if (--from.rows <= 0) below.delete(out.length);
    out.push(from.cell);
  }
}

/**
 * The rows of this table, not of a table nested in its cells: the `<tr>` children of the table and of its sections,
 * one at a time. A reader that fails on a list's first data row stops there (collecting a 10,000-row list's rows, or
 * `getElementsByTagName('tr')`, walks the whole table); one that needs them all spreads them.
 */
export function* ownRows(table: Element): Generator<Element> {
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagOf(c);
    if (t === 'TR') yield c;
    else if (t === 'TBODY' || t === 'THEAD' || t === 'TFOOT') {
      for (let r = c.firstElementChild; r; r = r.nextElementSibling) if (tagOf(r) === 'TR') yield r;
    }
  }
}

const SECTIONS = new Set(['TBODY', 'THEAD', 'TFOOT']);

/**
 * `ownRows` of the table at `scan.all[t]` and where each row stands in the scan, read off the scan's arrays when the
 * walk left nothing out of the table, its sections or its rows (no hidden row or cell, no script among them): then
 * the kept elements below are exactly the DOM's, and a 10,000-row list's rows and cells (16 DOM calls a row in a
 * browser) come from the walk already made. Null when something was left out: the DOM tells.
 */
export function scannedRows(scan: Scan, t: number): { rows: Element[]; at: number[] } | null {
  if (scan.cut[t] === 1) return null;
  const rows: Element[] = [];
  const at: number[] = [];
  const depth = scan.depths[t]!;
  let inSection = false;
  for (let j = t + 1; j < scan.all.length; j++) {
    const d = scan.depths[j]! - depth;
    if (d <= 0) break;
    if (d > 2) continue;
    const tag = scan.tags[j]!;
    if (d === 1) inSection = SECTIONS.has(tag);
    if (d === 1 ? tag !== 'TR' && !inSection : !inSection || tag !== 'TR') continue;
    if (scan.cut[j] === 1) return null;
    if (tag !== 'TR') continue;
    rows.push(scan.all[j]!);
    at.push(j);
  }
  return { rows, at };
}

/** Whether the row at `scan.all[row]` has a `<td>` (`isDataCell`), from the scan's tags. */
export function dataCellAt(scan: Scan, row: number): boolean {
  const depth = scan.depths[row]! + 1;
  for (let j = row + 1; j < scan.all.length && scan.depths[j]! >= depth; j++)
    if (scan.depths[j] === depth && scan.tags[j] === 'TD') return true;
  return false;
}
