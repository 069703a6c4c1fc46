/**
 * Dates read and written digit by digit. A list parses and formats one date per row (9,952 on the 2 MB list): a
 * regex match there made an array and a string per group, and a template a string per piece, about 700 bytes a
 * date that the collector then had to sweep past the list's live rows. What they return is what the regex and
 * the template gave.
 */
import type { DateParts } from './dates';
import { isSpaceCode } from './text';

/** The digit at `i` (0–9), or -1 (`NaN - 48` past the end compares false both ways). */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** `-`, `/` or `.`. */
const isDateSeparator = (c: number) => c === 45 || c === 47 || c === 46;

/** Where the reader stands and the time it read: one slot, not an object per row. */
const AT = { i: 0, h: 0, mi: 0, s: 0 };

/** `\d{1,2}` at AT.i, greedy: the value, AT.i moved past it; -1 when no digit is there. */
function oneOrTwoDigits(s: string): number {
  const a = digitAt(s, AT.i);
  if (a < 0) return -1;
  const b = digitAt(s, AT.i + 1);
  AT.i += b < 0 ? 1 : 2;
  return b < 0 ? a : a * 10 + b;
}

/**
 * A cell holding one date and maybe a time (`2026-05-28 14:30`, `2026/5/28`): what
 * `/^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/` matches, unchecked;
 * undefined for any other text.
 */
export function plainDate(s: string): DateParts | undefined {
  let i = 0;
  while (isSpaceCode(s.charCodeAt(i))) i++;
  let y = 0;
  for (const end = i + 4; i < end; i++) {
    const d = digitAt(s, i);
    if (d < 0) return undefined;
    y = y * 10 + d;
  }
  if (!isDateSeparator(s.charCodeAt(i))) return undefined;
  AT.i = i + 1;
  const m = oneOrTwoDigits(s);
  if (m < 0 || !isDateSeparator(s.charCodeAt(AT.i++))) return undefined;
  const d = oneOrTwoDigits(s);
  if (d < 0) return undefined;
  const afterDay = AT.i;
  // A time that does not read leaves the day alone, which then must end the text (the regex's optional group).
  const timed = timeAt(s);
  if (!timed) AT.i = afterDay;
  while (isSpaceCode(s.charCodeAt(AT.i))) AT.i++;
  if (AT.i !== s.length) return undefined;
  return timed
    ? { y, m, d, h: AT.h, mi: AT.mi, s: AT.s, hasTime: true }
    : { y, m, d, h: 0, mi: 0, s: 0, hasTime: false };
}

/** `[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?` at AT.i: true with AT's time filled and AT.i past it. */
function timeAt(s: string): boolean {
  let c = s.charCodeAt(AT.i);
  if (c !== 32 && c !== 84) return false;
  while (c === 32 || c === 84) c = s.charCodeAt(++AT.i);
  const h = oneOrTwoDigits(s);
  if (h < 0 || s.charCodeAt(AT.i) !== 58) return false;
  const m1 = digitAt(s, AT.i + 1);
  const m2 = digitAt(s, AT.i + 2);
  if (m1 < 0 || m2 < 0) return false;
  AT.i += 3;
  // The seconds are optional: `:5` is not them, and the text then fails where the regex's `\s*$` would.
  const s1 = s.charCodeAt(AT.i) === 58 ? digitAt(s, AT.i + 1) : -1;
  const s2 = s1 >= 0 ? digitAt(s, AT.i + 2) : -1;
  AT.h = h;
  AT.mi = m1 * 10 + m2;
  AT.s = s2 >= 0 ? s1 * 10 + s2 : 0;
  if (s2 >= 0) AT.i += 3;
  return true;
}

const isTwoDigits = (n: number) => Number.isInteger(n) && n >= 0 && n <= 99;

/**
 * `2026-05-28T14:30:00+08:00` as one flat string from its char codes, for a year of four digits, two-digit fields
 * and a whole-minute offset under 100 hours; undefined otherwise (the caller's template writes those).
 */
export function isoDigits(p: DateParts, offset: number): string | undefined {
  const { y, m, d, h, mi, s } = p;
  if (!(Number.isInteger(y) && y >= 1000 && y <= 9999)) return undefined;
  if (!(isTwoDigits(m) && isTwoDigits(d) && isTwoDigits(h) && isTwoDigits(mi) && isTwoDigits(s))) return undefined;
  const a = Math.abs(offset);
  if (!Number.isInteger(a) || a >= 6000) return undefined;
  const oh = Math.floor(a / 60);
  const om = a % 60;
  return String.fromCharCode(
    48 + Math.floor(y / 1000),
    48 + (Math.floor(y / 100) % 10),
    48 + (Math.floor(y / 10) % 10),
    48 + (y % 10),
    45,
    48 + Math.floor(m / 10),
    48 + (m % 10),
    45,
    48 + Math.floor(d / 10),
    48 + (d % 10),
    84,
    48 + Math.floor(h / 10),
    48 + (h % 10),
    58,
    48 + Math.floor(mi / 10),
    48 + (mi % 10),
    58,
    48 + Math.floor(s / 10),
    48 + (s % 10),
    offset < 0 ? 45 : 43,
    48 + Math.floor(oh / 10),
    48 + (oh % 10),
    58,
    48 + Math.floor(om / 10),
    48 + (om % 10),
  );
}
