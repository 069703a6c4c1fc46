/**
 * Tables of dated actions with neither a header row nor a timeline heading: each row a short date cell (`02/01 (H)`,
 * `2/14/2013`) and the action taken (`Referred to Human Services.`), as a legislature prints a bill's history.
 * Page: us-oregon-leg-hb3623-bill-history.
 */
import { hasDate, parseDate } from './dates';
import type { Scan } from './scan';
import { mapBillAction } from './status';
import { collapse, readText, tagOf } from './text';
import type { UpdateDraft } from './update-entry';
import type { DateContext } from './zones';

// `02/01 (H)`: month and day with the chamber that acted, the year only in the session the page belongs to.
const DATE_CELL =
  /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?:\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s*\([A-Za-z]{1,3}\))?:?$/i;
const MIN_ROWS = 3;

function cellsOf(tr: Element): Element[] {
  return Array.from(tr.children).filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH');
}

function isDateCell(text: string, ctx: DateContext): boolean {
  return text.length <= 24 && (DATE_CELL.test(text) || hasDate(text, ctx));
}

export function actionTableUpdates(scan: Scan, ctx: DateContext): UpdateDraft[] {
  const out: UpdateDraft[] = [];
  for (const table of scan.all) {
    if (tagOf(table) !== 'TABLE' || scan.excluded(table) || scan.used.has(table)) continue;
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    const dated: Array<{ tr: Element; when: string; what: Element }> = [];
    for (const tr of rows) {
      const cells = cellsOf(tr);
      if (cells.length !== 2) continue;
      const when = collapse(cells[0]!.textContent ?? '');
      if (isDateCell(when, ctx) && collapse(cells[1]!.textContent ?? '')) dated.push({ tr, when, what: cells[1]! });
    }
    if (dated.length < MIN_ROWS || dated.length < rows.length * 0.6) continue;
    for (const { tr, when, what } of dated) {
      const text = collapse(readText(what));
      const draft: UpdateDraft = { text, order: scan.order.get(tr) ?? 0, el: tr };
      const at = parseDate(when, ctx);
      if (at) draft.at = at;
      const status = mapBillAction(text);
      if (status) draft.status = status;
      out.push(draft);
      // The rows, not the table: a heading row above them (`HB 3623 | By … -- Relating to …`) is the case's own.
      scan.used.add(tr);
    }
  }
  return out;
}
