/**
 * One-row tables side by side with no head row (an ASP.NET repeater drawing each result as a table of its own): their
 * columns typed by what the cells show, since no head names them. Found by header-tables.ts (`findHeaderTables`).
 */

import { readsLikePostalAddress } from './address';
import { parseDate } from './dates';
import type { HeaderTable } from './header-tables';
import { identifierOf } from './identifiers';
import type { FieldKey } from './labels';
import { collapse } from './text';
import { textOf } from './visible-text';
import type { DateContext } from './zones';

/** Headless one-row tables at least this many make a list. */
const MIN_HEADLESS = 3;

/**
 * One-row tables with no head, their columns typed by what their cells show: a column of postal addresses, of dates,
 * of numbers alone; the first column of words before them names each row. A list when a column names the rows and
 * another is typed (a name beside an address: King County's facilities).
 */
export function headlessTable(
  rows: HeaderTable['rows'],
  width: number,
  first: Element,
  ctx: DateContext,
): HeaderTable | null {
  if (rows.length < MIN_HEADLESS) return null;
  const typed: Array<FieldKey | undefined> = [];
  for (let col = 0; col < width; col++) {
    const texts = rows.map((r) => collapse(textOf(r.cells[col]!))).filter(Boolean);
    const most = (fits: (t: string) => boolean) =>
      texts.length >= rows.length * 0.8 && texts.filter(fits).length >= texts.length * 0.8;
    if (most(readsLikePostalAddress)) typed.push('address');
    else if (most((t) => t.length <= 40 && parseDate(t, ctx) !== undefined)) typed.push('reportedAt');
    else if (most((t) => t.length <= 40 && identifierOf(t, ctx) === t)) typed.push('caseNumber');
    else if (!typed.includes('title') && most((t) => t.length <= 200 && /\p{L}{2}/u.test(t))) typed.push('title');
    else typed.push(undefined);
  }
  if (!typed.includes('title') || typed.filter(Boolean).length < 2) return null;
  const columns = typed.map((field) => ({ label: '', match: field ? { field, rank: 1 } : null }));
  return { table: first, head: first, columns, rows, kind: 'issues' };
}
