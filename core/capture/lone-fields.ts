/**
 * Fields a detail page prints alone, with no label before them: its number after a number sign (`N°CL4`, `No. 406`),
 * its one date standing on a line of its own (`21 novembre 2014`). Read only when no label, heading or meta line gave
 * the field: a lone text is the weakest sign of what it is.
 */
import { parseDate } from './dates';
import { tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

// `N°CL4`, `N° 406`, `No. 12/2020`, `Nr. 5`, `№ 7` (NFKC: `No`): a number sign and a code, the whole text of its
// element. Page: fr-assemblee-nationale-amendement-cl4-996 (`<td class="amdentdroit">N°CL4</td>`).
const NUMBER_SIGN_LINE = /^(?:n\s?[°º]|no\.|nr\.|№)\s*([a-z]{0,6}[-\s]?\d[\da-z/.-]{0,15})$/i;

/** The first element whose whole text is a number sign and a code: the page's own number. */
export function numberSignLine(scan: Scan): string | undefined {
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el) || el.closest('a')) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 30) continue;
    const m = NUMBER_SIGN_LINE.exec(collapse(raw));
    if (m) return m[1]!.replace(/\s+/g, '');
  }
  return undefined;
}

// What may stand beside a date's digits and stay a date alone: month and weekday words (any language, `1er`).
const NOT_DATE = /[^\p{L}\d\s,./:-]|\p{L}{10,}/u;

const DATELINE_TAGS = new Set(['DIV', 'P', 'TD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CENTER']);

/**
 * The one date the page prints alone on a line (`<div class="dateamend">21 novembre 2014</div>`): when exactly one
 * date stands so, it dates the page; two or more (a list of sittings, a calendar) say nothing of which is the case's.
 * Page: fr-assemblee-nationale-amendement-406-922.
 */
export function loneDate(scan: Scan, ctx: DateContext): string | undefined {
  let found: string | undefined;
  for (const el of scan.all) {
    // A line of its own (a block): a `<span class="time">` inside some other box may date anything (a comment, the
    // page's build), as real-causes-b7 holds.
    if (!DATELINE_TAGS.has(tagOf(el)) || !scan.leafy.has(el) || scan.excluded(el) || el.closest('a, label')) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 40) continue;
    const text = collapse(raw);
    // Four-digit year and at most four words: `16 avril 2013`, `Tuesday 3 March 2026`, `2014-11-21`.
    if (!/\d{4}/.test(text) || text.split(' ').length > 4 || NOT_DATE.test(text)) continue;
    const at = parseDate(text, ctx);
    if (!at) continue;
    if (found && found.slice(0, 10) !== at.slice(0, 10)) return undefined;
    found = at;
  }
  return found;
}
