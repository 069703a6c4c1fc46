/**
 * A page with no heading element that sets its heading off between two rule lines typed as text
 * (`=====<br>AUDIT COMMITTEE SPECIAL MEETING<br>=====<br>AGENDA<br>Thursday, January 27, 2022 at<br>02:00 pm`), as
 * agenda generators print for a plain-text look: the line between the rules is the title, and a date in the few short
 * lines under it (the day on one, its hour on the next) is when the meeting is held. Page:
 * us-lawa-granicus-boac-audit-committee-agenda-2022-01-27 (titled `Internet at www` before, from the notice above).
 */
import { parseDate } from './dates';
import type { DateContext } from './zones';

const RULE = /^(?:={4,}|-{4,}|\*{4,}|_{4,}|~{4,}|#{4,})$/;
const MAX_TITLE = 120;
const MAX_BELOW = 4;
const MAX_LINE = 80;

export interface RuledHeading {
  title: string;
  at?: string;
}

export function ruledHeading(text: string | undefined, ctx: DateContext): RuledHeading | undefined {
  if (!text) return undefined;
  const lines = text.split('\n').map((l) => l.trim());
  for (let i = 1; i + 1 < lines.length; i++) {
    const title = lines[i]!;
    if (!RULE.test(lines[i - 1]!) || !RULE.test(lines[i + 1]!) || !title || title.length > MAX_TITLE) continue;
    const below: string[] = [];
    for (let j = i + 2; j < lines.length && below.length < MAX_BELOW; j++) {
      const line = lines[j]!;
      if (!line || RULE.test(line)) continue;
      if (line.length > MAX_LINE) break;
      below.push(line);
    }
    // Each start in turn: `AGENDA` above the day is no part of the date.
    let at: string | undefined;
    for (let k = 0; k < below.length && !at; k++) at = parseDate(below.slice(k).join(' '), ctx);
    return at ? { title, at } : { title };
  }
  return undefined;
}
