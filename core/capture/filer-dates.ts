/**
 * A list row named by who filed it and when, in one link text (`GM Cruise May 25, 2017`): the date is the row's
 * (read already), the words before it name the filer. Told from a title that carries its date (`Board Meeting July
 * 5, 2022`) by what the rows share: filers recur under different dates and differ from row to row, while a kind of
 * record is one name on every row, or a word of the table below. Page:
 * us-ca-dmv-autonomous-vehicle-collision-reports-ol316 (each report a PDF link under its year's heading).
 */
import { parseDate, stripDates } from './dates';
import type { Draft } from './draft';
import type { DateContext } from './zones';

/**
 * Words that name a kind of record, not who filed it (`Regular Meeting`, `Council Minutes`, `Public Hearing`,
 * `Annual Report`): rows so named are titled with their date.
 */
const RECORD_KINDS =
  /\b(?:meetings?|minutes|agendas?|hearings?|sessions?|reports?|notices?|workshops?|conferences?|updates?|newsletters?|bulletins?|budgets?|plans?|reuni[oó]n|sesi[oó]n|acta|informe|sitzung|protokoll)\b/i;
/** A filer's name: a few words, no digit (a number or a period is the record's). */
const NAME = /^\p{L}[\p{L}\p{M}&.'’ -]{0,38}$/u;
const MAX_WORDS = 5;
/** A copy's counter after the date (`May 25, 2017 (2)`): the second report of that day. */
const COUNTER = /\s*\(\d{1,2}\)\s*$/;
const SAMPLE = 10;

function filerOf(d: Draft, ctx: DateContext): string | undefined {
  const title = d.title?.trim();
  if (!title || !d.reportedAt || d.reporterName || d.description) return undefined;
  // The date is read off the title itself, after the name: nothing but the counter follows it.
  if (parseDate(title, ctx) !== d.reportedAt) return undefined;
  const name = stripDates(title).replace(COUNTER, '').trim();
  if (!name || !title.startsWith(name) || !NAME.test(name) || name.split(' ').length > MAX_WORDS) return undefined;
  return stripDates(title.slice(name.length)).replace(COUNTER, '') === '' ? name : undefined;
}

/**
 * Sets each row's filer when most rows are `NAME DATE` and the names recur yet differ (two at least, each row's
 * name shared with another row on most rows), and none names a kind of record.
 */
export function filersBeforeDates(drafts: Draft[], ctx: DateContext): void {
  if (drafts.length < 4) return;
  // The first rows tell: a big list of other rows is left after ten (one date read per row, not ten thousand).
  const first = drafts.slice(0, SAMPLE);
  if (first.filter((d) => filerOf(d, ctx) !== undefined).length < first.length * 0.8) return;
  const names = drafts.map((d) => filerOf(d, ctx));
  const named = names.filter((n): n is string => n !== undefined);
  if (named.length < drafts.length * 0.8) return;
  const counts = new Map<string, number>();
  for (const n of named) counts.set(n, (counts.get(n) ?? 0) + 1);
  if (counts.size < 2 || [...counts.keys()].some((n) => RECORD_KINDS.test(n))) return;
  const recurring = named.filter((n) => counts.get(n)! >= 2).length;
  if (recurring < named.length * 0.6) return;
  drafts.forEach((d, i) => {
    if (names[i]) d.reporterName = names[i];
  });
}
