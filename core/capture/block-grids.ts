/**
 * Grids drawn with blocks instead of a table: a head row of short column names (`State | Institution | Type of
 * Discrimination | Open Investigation Date`) over rows of as many cells, each a `<div>`, `<li>` or `<span>` — what a
 * site writes when its grid is styled rather than tabled (CSS grids, `display: table` divs, data-grid components).
 * Read as header-tables.ts reads a table's header row: the same column matching, the same readers after it. The head
 * row stands first among the rows, or alone in a wrapper just before them (a `<thead>` turned into a `<div>`).
 */
import { isSkipped, tagOf } from './elements';
import { type HeaderTable, headerTable, shortText } from './header-tables';
import { matchLabel } from './labels';
import type { Scan } from './scan';
import { TEMPLATE_MARK } from './script-shell';

/** Tags a grid's body or its rows may have. */
// `<p>` too: a row written as one line of its cells (`<p><span>2024-03-01</span> | <span>…</span></p>`).
const GRID_TAGS: ReadonlySet<string> = new Set(['DIV', 'UL', 'OL', 'SECTION', 'LI', 'ARTICLE', 'P']);
const MAX_COLUMNS = 15;
/** Rows under the head with its number of cells: at least this many, and this share of the body's children. */
const MIN_ROWS = 2;
const MIN_SHARE = 0.8;

/** A head row: two to fifteen short cells, two or more of them (and most of the filled ones) column names. */
function headRow(row: Element): boolean {
  const n = row.childElementCount;
  if (n < 2 || n > MAX_COLUMNS || !GRID_TAGS.has(tagOf(row))) return false;
  let labels = 0;
  let filled = 0;
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    const t = shortText(c);
    // `Type of Discrimination` is a head; a sentence or a long value is no column name.
    if (t === null || t.length > 24) return false;
    if (!t) continue;
    filled++;
    if (matchLabel(t)) labels++;
  }
  return labels >= 2 && labels / filled >= 0.6;
}

/**
 * The rows after `from` (a sibling list) with `width` cells, or null when too few of them have it. A row of fewer
 * cells, two at least, is kept among full ones: a line that leaves out an empty field (`6 | 灞桥区… | 2026-05-18 | 待处理`
 * with no department yet) is still a case, its cells read from the left. A row that prints its template unfilled
 * (`{{gdbt}}`) is nobody's.
 */
function rowsOf(first: Element | null, width: number): HeaderTable['rows'] | null {
  const rows: HeaderTable['rows'] = [];
  let all = 0;
  let full = 0;
  for (let r = first; r; r = r.nextElementSibling) {
    const n = r.childElementCount;
    if (n === width && TEMPLATE_MARK.test(r.textContent ?? '')) continue;
    all++;
    if (n > width || n < Math.min(2, width) || isSkipped(r) || !GRID_TAGS.has(tagOf(r))) continue;
    if (n === width) full++;
    rows.push({ tr: r, cells: Array.from(r.children) });
  }
  // Most rows full: a few shorter ones are rows, not another shape the grid swallowed.
  return full >= MIN_ROWS && rows.length >= all * MIN_SHARE && full * 2 > rows.length ? rows : null;
}

export function blockGrids(scan: Scan): HeaderTable[] {
  const out: HeaderTable[] = [];
  let inside: Element | null = null;
  for (let i = 0; i < scan.all.length; i++) {
    const body = scan.all[i]!;
    if (!GRID_TAGS.has(scan.tags[i]!) || body.childElementCount < MIN_ROWS) continue;
    if (inside?.contains(body)) continue;
    const first = body.firstElementChild!;
    let head: Element | null = null;
    let rows: HeaderTable['rows'] | null = null;
    // The head row first among the rows, or alone in a first wrapper (`<div><div>State</div>…</div></div>`).
    const lone = first.childElementCount === 1 ? first.firstElementChild! : null;
    const second = first.nextElementSibling;
    if (second && first.childElementCount === second.childElementCount && headRow(first)) head = first;
    else if (lone && second && lone.childElementCount === second.childElementCount && headRow(lone)) head = lone;
    if (head) rows = rowsOf(second, head.childElementCount);
    else {
      // The head alone in the wrapper before the body (`<div class="thead"><div>…</div></div><div class="tbody">`).
      const before = body.previousElementSibling;
      const alone = before?.childElementCount === 1 ? before.firstElementChild! : null;
      if (alone && alone.childElementCount === first.childElementCount && headRow(alone)) {
        head = alone;
        rows = rowsOf(first, head.childElementCount);
      }
    }
    if (!head || !rows) continue;
    const found = headerTable(body, head, rows, Array.from(head.children));
    if (!found) continue;
    out.push(found);
    inside = body;
  }
  return out;
}
