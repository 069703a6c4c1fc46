/**
 * A date alone over a line that opens with the same day again and says what met (a collapsible section headed
 * `March 22, 2021` over `March 22, 2021 Special Matters Committee Meeting Agenda (Canceled)`): one meeting, named by
 * the fuller line. The same rule read twice: over a schedule's lines (meeting-dates.ts) and in a record headed by its
 * date (record-read.ts). Page: us-ca-high-speed-rail-special-matters-committee-meetings-2021.
 */
import { parseDate } from './dates';
import { type Dated, dateOf, MAX_LINE } from './meeting-lines';
import { leadingDate } from './record-dates';
import { titleLike } from './record-title';
import { MAX_NAME } from './record-title-element';
import type { DateContext } from './zones';

/**
 * A date alone over the line that opens with the same day again (a collapsible heading `March 22, 2021` over its
 * `March 22, 2021 Special Matters Committee Meeting Agenda (Canceled)`): one meeting, read from the fuller line,
 * however long what follows its date. Page: us-ca-high-speed-rail-special-matters-committee-meetings-2021.
 */
export function sameDay(alone: Dated, text: string, ctx: DateContext): Dated | undefined {
  const next = dateOf(text, MAX_LINE);
  if (!next?.tail.trim()) return undefined;
  const day = parseDate(next.date, ctx);
  return day && day === parseDate(alone.date, ctx) ? next : undefined;
}

/**
 * Under a heading that is a date alone, the line that opens with the same day and says what met (`March 22, 2021
 * Special Matters Committee Meeting Agenda (Canceled)` in a collapsible section headed `March 22, 2021`): the row's
 * name, as a reader names it. Page: us-ca-high-speed-rail-special-matters-committee-meetings-2021.
 */
export function dayRestated(date: string, lines: string[], ctx: DateContext): string | undefined {
  const day = parseDate(date, ctx);
  return lines.find((l) => {
    if (l === date || l.length > MAX_NAME) return false;
    const lead = leadingDate(l, ctx);
    if (lead === undefined || lead.at !== day) return false;
    // A name after the date, not a sentence going on past it (`July 21, 2023. Members of the public may…`).
    const rest = l.slice(lead.text.length);
    return /^\s/.test(rest) && !/[.!?。]$/.test(l) && titleLike(rest, ctx);
  });
}
