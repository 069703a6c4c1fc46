/** What a header table's column holds, counted over its rows: long cells, or numbers that count the rows. */

import { collapse } from './text';
import { textOf } from './visible-text';

/** At least half the column's cells are long (over 24 characters): sentences, not status words. */
export function longCells(rows: Array<{ cells: Element[] }>, column: number): boolean {
  // At least half the cells long; decided as soon as the count can no longer change the answer.
  const need = rows.length / 2;
  let long = 0;
  let short = 0;
  for (const r of rows) {
    // Collapsing only shortens: a cell of at most 24 characters needs no collapsing to be short.
    const cell = r.cells[column];
    const raw = cell ? textOf(cell) : '';
    if (raw.length > 24 && collapse(raw).length > 24) long++;
    else short++;
    if (long >= need) return true;
    if (rows.length - short < need) return false;
  }
  return long >= need;
}

// A column headed by the numbering sign alone. Page: us-pacer-nysd-docket-441170 (`#` over `1` and a blank: an
// entry with no document has no number, so the column cannot be seen to count).
const NUMBERING_SIGN = /^(?:#|no\.?|nr\.?|№|序号)$/i;

/** The column's non-blank cells as numbers when every one is a small number (up to four digits), else null. */
function columnNumbers(rows: Array<{ cells: Element[] }>, column: number): number[] | null {
  const cells = rows.map((r) => (r.cells[column]?.textContent ?? '').trim()).filter(Boolean);
  return cells.every((n) => /^\d{1,4}$/.test(n)) ? cells.map(Number) : null;
}

/** A `#` column whose cells are small numbers or blank: it numbers the entries, whatever their count. */
export function numbersEntries(label: string, rows: Array<{ cells: Element[] }>, column: number): boolean {
  if (!NUMBERING_SIGN.test(label)) return false;
  const values = columnNumbers(rows, column);
  return values !== null && values.length > 0;
}

/** Cells of the column read 1, 2, 3… (or down to 1), at least three of them. */
export function countsRows(rows: Array<{ cells: Element[] }>, column: number): boolean {
  const values = columnNumbers(rows, column);
  if (!values || values.length < 3) return false;
  const step = values[1]! - values[0]!;
  return (step === 1 || step === -1) && values.every((v, k) => k === 0 || v - values[k - 1]! === step);
}
