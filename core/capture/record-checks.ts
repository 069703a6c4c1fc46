/**
 * Checks records.ts makes on a group's screened records as a whole: a schedule's shared time of day, a section that
 * holds many dates, a docket's numbered entries, and the unlinked rows at a table's edges that still belong to it.
 */
import { dateAlone } from './dates';
import type { Candidate } from './record-groups';
import type { RecordScreen } from './record-read';
import { collapse } from './text';
import { readText } from './visible-text';
import type { DateContext } from './zones';

/** Records holding this many dates or more are sections. */
export const MANY_DATES = 3;

/** Records at least this many, this share of them at one time of day, are a schedule. */
const MIN_SCHEDULE = 3;
const SCHEDULE_SHARE = 2 / 3;

/**
 * Records whose dates mostly share one time of day that is not midnight (`5:00 P.M.` on every row, `6:00 PM` on
 * each meeting) are a schedule of meetings, even when they link nowhere yet: the entries of a case's history are
 * stamped at whatever hour each happened. Pages: us-essex-county-nj-commissioners-meeting-schedule-2024,
 * us-clovis-municode-planning-commission-meetings.
 */
export function sharedTime(read: RecordScreen[]): boolean {
  if (read.length < MIN_SCHEDULE) return false;
  const counts = new Map<string, number>();
  for (const r of read) {
    const time = r.reportedAt?.slice(11, 16);
    if (time && time !== '00:00') counts.set(time, (counts.get(time) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  return most >= MIN_SCHEDULE && most >= read.length * SCHEDULE_SHARE;
}

/** Distinct dates a record shows on lines of their own (`June 10, 2014` in a cell). */
export function datesHeld(el: Element, ctx: DateContext): number {
  const seen = new Set<string>();
  for (const line of readText(el).split('\n')) {
    const t = collapse(line);
    const at = t ? dateAlone(t, ctx) : undefined;
    if (at) seen.add(at);
    if (seen.size >= MANY_DATES) break;
  }
  return seen.size;
}

/**
 * Records whose only links show 1, 2, 3 in turn are a docket's numbered entries (`12/26/2017 | 1 | COMPLAINT …`): the
 * history of the page's own case, not cases. Read on the first records only.
 */
export function ordinalEntries(records: Candidate[]): boolean {
  if (records.length < 3) return false;
  const numbers = records.slice(0, 3).map((r) => {
    const links = Array.from(r.el.querySelectorAll('a[href]'));
    const texts = links.map((a) => collapse(a.textContent ?? '')).filter(Boolean);
    return texts.length === 1 && /^\d{1,4}$/.test(texts[0]!) ? Number(texts[0]) : Number.NaN;
  });
  const step = numbers[1]! - numbers[0]!;
  return Math.abs(step) === 1 && numbers[2]! - numbers[1]! === step;
}

/** Rows of a list's middle that must read as records before its edges' unlinked rows join them. */
const MIN_POSTED = 4;

/**
 * The rows of a table at either end that are dated and named but link nowhere (`August 16, 2022* | BOARD OF
 * SUPERVISORS` over rows whose dates link to their agendas: meetings to come, a meeting called off) join the records
 * when every row between them is one (four or more), at most half as many as those; a last row that shows no date (`*Indicates a future
 * date`) is the table's note. Marks them in `pending`; returns the list's new end. Page:
 * us-contracosta-agendaquick-meetings-july-2022.
 */
export function pendingEdges(
  read: RecordScreen[],
  from: number,
  end: number,
  ok: (s: RecordScreen) => boolean,
  pending: Set<RecordScreen>,
): number {
  const unposted = (s: RecordScreen) => s.dated && s.titleEl !== undefined && !s.linked && !s.numbered;
  let to = end;
  const last = read[to - 1];
  if (to > from && last && !ok(last) && !last.dated && !last.linked && !last.numbered) to--;
  let a = from;
  while (a < to && !ok(read[a]!) && unposted(read[a]!)) a++;
  let b = to;
  while (b > a && !ok(read[b - 1]!) && unposted(read[b - 1]!)) b--;
  const middle = read.slice(a, b);
  if (middle.length < MIN_POSTED || !middle.every((s) => ok(s) && s.linked) || (a - from + to - b) * 2 > middle.length)
    return end;
  for (const s of [...read.slice(from, a), ...read.slice(b, to)]) pending.add(s);
  return to;
}
