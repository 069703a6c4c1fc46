/**
 * Fields a detail page prints alone, with no label before them: its number after a number sign (`N°CL4`, `No. 406`),
 * its one date standing on a line of its own (`21 novembre 2014`). Read only when no label, heading or meta line gave
 * the field: a lone text is the weakest sign of what it is.
 */
import { parseDate } from './dates';
import { tagOf } from './elements';
import { NUMBER_SIGN } from './identifiers';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

// `N°CL4`, `N° 406`, `No. 12/2020`, `Nr. 5`, `№ 7` (NFKC: `No`): a number sign and a code, the whole text of its
// element. Page: fr-assemblee-nationale-amendement-cl4-996 (`<td class="amdentdroit">N°CL4</td>`). The code's letters
// may be of any script: Ukraine's petitions are `№22/256946-еп` (ua-petition-president-22-256946-bibik).
const NUMBER_SIGN_LINE = new RegExp(String.raw`^${NUMBER_SIGN}\s*(\p{L}{0,6}[-\s]?\d[\d\p{L}/.-]{0,15})$`, 'iu');

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

// `5316/2016`, `3720-2013 (611)`: a register's running number and its year (a Nordic diary number, `dnro`), perhaps
// with the filing code in brackets, alone on its line above a decision. Pages: fi-espoo-valtuustoaloite-konserniohje,
// fi-turku-satava-kakskerta-osayleiskaava.
const REGISTER_LINE = /^(\d{3,6}[/-](?:19|20)\d{2})(?:\s*\(\d{1,6}\))?$/;
const REGISTER_TAGS = new Set(['P', 'DIV', 'TD', 'SPAN']);

/** Lines looked at under the number for the matter's name (a filing code, an item number may come first). */
const NAME_WITHIN = 6;
// A line of words: two words of letters at least, not a label (`Valmistelijat:`).
const NAME_LINE = /\p{L}{2,}\S*\s+\S*\p{L}{2,}/u;
const MAX_NAME = 160;

export interface RegisterLine {
  number: string;
  /** The first line of words under it (`Satava-Kakskerran osayleiskaavaluonnos`): the matter's name. */
  name?: string;
}

/** The first line (a paragraph or a cell of its own) that is only a register number and its year. */
export function registerNumberLine(scan: Scan): RegisterLine | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    if (!REGISTER_TAGS.has(scan.tags[i]!)) continue;
    const el = scan.all[i]!;
    const raw = el.textContent ?? '';
    if (raw.length > 30 || !scan.leafy.has(el) || scan.excluded(el)) continue;
    const m = REGISTER_LINE.exec(collapse(raw));
    if (m && !el.closest('a')) return { number: m[1]!, name: nameUnder(scan, i) };
  }
  return undefined;
}

function nameUnder(scan: Scan, from: number): string | undefined {
  let seen = 0;
  for (let i = from + 1; i < scan.all.length && seen < NAME_WITHIN; i++) {
    const el = scan.all[i]!;
    if (!scan.leafy.has(el) || !BLOCK_LINE.has(scan.tags[i]!)) continue;
    const text = collapse(el.textContent ?? '');
    if (!text) continue;
    seen++;
    if (text.length > MAX_NAME) return undefined;
    if (NAME_LINE.test(text) && !/[:：]$/.test(text)) return text;
  }
  return undefined;
}

const BLOCK_LINE = new Set(['P', 'DIV', 'TD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

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
