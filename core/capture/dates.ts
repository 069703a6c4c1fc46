/**
 * Dates as portals print them (`2026年5月28日 14时30分`, `2026/05/28 14:30`, `10:02, Tue 3 March 2026`,
 * `March 3, 2026`, `民國115年5月26日`) → ISO-8601 with an offset. Times without a zone take the page's zone
 * (`./zones`, which also holds the offset arithmetic).
 */

import { isoDigits, plainDate } from './date-digits';
import { MONTH_NAME, monthOf } from './month-names';
import {
  type DateContext,
  DEFAULT_CONTEXT,
  formatOffset,
  offsetOfWallTime,
  type PageZone,
  pad,
  parseOffset,
  RE_ZONE,
  zoneMatchOffset,
} from './zones';

const RE_ISO = /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})(?![\d:])/i;
const RE_ROC_CN = /民[国國]\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/;
// A Japanese era year (令和 6年, 平成 31年, 令和元年; full-width digits and the ideographic space are normalised
// before) and the month and day that follow it, directly (`令和 6年12月26日`) or after the sitting's name in the same
// line, past a month the name holds (`令和 6年第 4回定例会,11月29日-目次`, `令和 6年12月 民生環境協議会,12月17日-01号`: the
// rows of 会議録研究所's VOICES sitting lists, jp-kamogawa-/jp-hachinohe-voices-kaigi-nittei-ichiran).
const RE_JP_ERA = /(令和|平成|昭和)\s*(元|\d{1,2})\s*年[^日年\n]{0,40}?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
// The year before each era's first: 令和 1 is 2019, 平成 1 is 1989, 昭和 1 is 1926.
const JP_ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
const RE_YMD_CN = /(?<!\d)(\d{4}|\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/;
const RE_YMD = /(?<![\d.:/-])(\d{4}|\d{3})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/;
// A 民國 year of two digits on a Taiwanese page (`91/11/29`: 2002, a row of a committee's meetings since 民國 91;
// tw-tainan-udweb-urban-renewal-committee-meetings). Years before 民國 60 (1971) are left to other readings: a version
// or a short day-first date is likelier there.
const RE_ROC_YMD_SHORT = /(?<![\d.:/-])([6-9]\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.:-])/;
// `23/07/08` on a day-first page (the Sénat's timeline: fr-senat-dosleg-pjl07-488-infractions-routieres): day, month,
// two-digit year, slashes only (`3.1.10` is a version). Read only where the page's habit is day-first.
const RE_NUMERIC_DMY_SHORT = /(?<![\d.:/-])(\d{1,2})\/(\d{1,2})\/(\d{2})(?![\d/.:-])/;
/** Two-digit years up to this many years past the current one are of this century, the rest of the last. */
const CENTURY_PIVOT_AHEAD = 10;
const RE_YMD_COMPACT = /(?<![\dA-Za-z])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\dA-Za-z])/;
const RE_NUMERIC_DMY = /(?<![\d.:/-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;
// Danish and Norwegian lists' `08/10-2025`: day and month split by a slash, the year by a hyphen; day-first only.
// Page: dk-aarhus-firstagenda-dagsordener-referater-list (FirstAgenda's result rows).
const RE_DM_DASH_Y = /(?<![\d.:/-])(\d{1,2})\/(\d{1,2})-(\d{4})(?!\d)/;
// `3 March 2026`, `3rd of March 2026`, German `31. Mai 2012`, registers' and dockets' `13-Mar-2020`, `13/MAR/2020`,
// Spanish `9 de abril de 2024`.
const RE_D_MONTH_Y = new RegExp(
  `(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er|\\.)?(?:\\s+(?:of\\s+|de\\s+)?|[-/])${MONTH_NAME},?(?:\\s+(?:de\\s+)?|[-/])(\\d{4})`,
  'i',
);
const RE_MONTH_D_Y = new RegExp(`${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i');
// List cards that print a big day over a small year-month (`<b>09</b><span>2026-05</span>`, gz-12345-card-list), or
// the reverse.
const RE_DAY_OVER_YM = /^[ \t]*(\d{1,2})\s+(\d{4})[-/.](\d{1,2})[ \t]*$/m;
const RE_YM_THEN_DAY = /^[ \t]*(\d{4})[-/.](\d{1,2})\s+(\d{1,2})[ \t]*$/m;
const RE_MD_CN = /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/;
const RE_TIME_CN =
  /(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})\s*[时時点點]\s*(?:(\d{1,2})\s*分|(半))?(?:\s*(\d{1,2})\s*秒)?/;
const RE_TIME =
  /(上午|下午|晚上|凌晨|中午)?\s*(?<![\d.])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?!\d)\s*(a\.?m\.?|p\.?m\.?)?/i;
// A clock written with a dot (`6.30pm`, `18.30 uur`, `18.30u`): only with its meridiem or the Dutch `uur` after it, as
// `6.30` alone is as often a number. Pages: au-yarra-council-meeting-2024-06-03 (`6.30pm`).
const RE_TIME_DOT = /(?<![\d.:])(\d{1,2})\.(\d{2})(?!\d)\s*(a\.?m\.?|p\.?m\.?|uur\b|u\b)/i;
// Or after the Nordic word for o'clock (`1. oktober 2025 kl. 15.45`, `klo 9.30`, `klockan 18.00`), which marks it as
// a clock as well; the Finnish `kello` spelled out too (`ma 8.5.2017 kello 15.30`). Page:
// dk-aarhus-firstagenda-teknisk-udvalg-referat-2025-10-01.
const RE_TIME_KL = /(?<![\p{L}])(?:kl|klo|kello|klokken|klockan)\.?\s*(\d{1,2})\.(\d{2})(?!\d)()/iu;
// The Flemish clock (`om 19u30`, `20u00`): the hour, a `u` for uur, the minutes. Pages: the Flemish council pages of
// held-out-20 write `19:30 uur`; their notices and invitations write `19u30`.
const RE_TIME_U = /(?<![\d.:\p{L}])(\d{1,2})u(\d{2})(?![\d\p{L}])()/u;
// An hour alone with its meridiem (`9am`, `9 a.m.`), or the start of a span whose end carries it (`9 - 11am`): an
// event's time where no minutes are written. Page: us-gcrta-board-meeting-2024-07-30 (`Tue, Jul 30 2024, 9 - 11am`).
const RE_HOUR_MERIDIEM = /(?<![\d:.,])(\d{1,2})(?:\s*(?:-|–|to)\s*(\d{1,2})(?::\d{2})?)?\s*([ap])\.?\s?m\b\.?/i;

/** A clock alone with its meridiem (`9am`, `10:30 p.m.`): a cell or a line that gives an hour and nothing else. */
export const MERIDIEM_CLOCK = /^\d{1,2}(?::\d{2})?\s*[ap]\.?\s*m\.?$/i;

export interface DateParts {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** Offset stated next to the time, in minutes east of UTC. */
  offset?: number;
  /** Whether a time of day was found (a bare date is midnight). */
  hasTime: boolean;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  // Arithmetic, not a Date per call: a list asks once per row.
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0);
}

function fullYear(raw: string, roc: boolean): number {
  const n = Number(raw);
  if (raw.length === 4) return n;
  if (roc || raw.length === 3) return n + 1911;
  return n + 2000;
}

/** Finds a date and a time anywhere in `text` (in either order) and returns their parts, or null. */
export function parseDateParts(text: string, ctx: DateContext = DEFAULT_CONTEXT): DateParts | null {
  // Full-width digits and colons (２０２６年５月) become ASCII; most strings need no normalising at all.
  const src = /[\uff00-\uffef\u3000]/.test(text) ? text.normalize('NFKC') : text;
  // The commonest shape (`2026-05-28 14:30`, `2026/5/28`) alone in a cell: no need to try every pattern.
  const plain = plainDate(src);
  if (plain) {
    if (!validYmd(plain.y, plain.m, plain.d) || (plain.hasTime && (plain.h > 23 || plain.mi > 59 || plain.s > 59)))
      return null;
    return plain;
  }
  const iso = RE_ISO.exec(src);
  if (iso) {
    const [, y, mo, d, h, mi, s, z] = iso;
    const parts = { y: +y!, m: +mo!, d: +d!, h: +h!, mi: +mi!, s: s ? +s : 0, hasTime: true };
    if (!validYmd(parts.y, parts.m, parts.d)) return null;
    return { ...parts, offset: parseOffset(z!) ?? 0 };
  }
  let date: { y: number; m: number; d: number; start: number; end: number } | null = null;
  for (const [re, read] of dateReaders(ctx)) {
    const m = re.exec(src);
    const ymd = m ? read(m) : null;
    if (m && ymd) {
      date = { ...ymd, start: m.index, end: m.index + m[0].length };
      break;
    }
  }
  if (!date || !validYmd(date.y, date.m, date.d)) return null;
  const rest = src.slice(0, date.start) + ' '.repeat(date.end - date.start) + src.slice(date.end);
  const time = parseTime(rest);
  const zone = RE_ZONE.exec(rest);
  const parts: DateParts = { y: date.y, m: date.m, d: date.d, h: 0, mi: 0, s: 0, hasTime: false };
  if (time) Object.assign(parts, time, { hasTime: true });
  if (zone) {
    const off = zoneMatchOffset(zone, ctx);
    if (off !== undefined) parts.offset = off;
  }
  return parts;
}

type Ymd = { y: number; m: number; d: number };

const READERS = new WeakMap<DateContext, Array<[RegExp, (m: RegExpExecArray) => Ymd | null]>>();

/** Date shapes in order of preference; the first that matches wins. */
function dateReaders(ctx: DateContext): Array<[RegExp, (m: RegExpExecArray) => Ymd | null]> {
  let readers = READERS.get(ctx);
  if (!readers) {
    readers = makeReaders(ctx);
    READERS.set(ctx, readers);
  }
  return readers;
}

function makeReaders(ctx: DateContext): Array<[RegExp, (m: RegExpExecArray) => Ymd | null]> {
  // Asked only on Taiwanese pages: elsewhere the pattern would be one more scan of every date string.
  const roc: Array<[RegExp, (m: RegExpExecArray) => Ymd | null]> = ctx.roc
    ? [[RE_ROC_YMD_SHORT, (m) => ({ y: +m[1]! + 1911, m: +m[3]!, d: +m[4]! })]]
    : [];
  return [
    [RE_ROC_CN, (m) => ({ y: Number(m[1]) + 1911, m: +m[2]!, d: +m[3]! })],
    [RE_JP_ERA, (m) => ({ y: JP_ERA_BASE[m[1]!]! + (m[2] === '元' ? 1 : +m[2]!), m: +m[3]!, d: +m[4]! })],
    [RE_YMD_CN, (m) => ({ y: fullYear(m[1]!, ctx.roc), m: +m[2]!, d: +m[3]! })],
    [RE_YMD, (m) => (m[1]!.length === 4 || ctx.roc ? { y: fullYear(m[1]!, ctx.roc), m: +m[3]!, d: +m[4]! } : null)],
    ...roc,
    [RE_D_MONTH_Y, (m) => ({ y: +m[3]!, m: monthOf(m[2]!), d: +m[1]! })],
    [RE_MONTH_D_Y, (m) => ({ y: +m[3]!, m: monthOf(m[1]!), d: +m[2]! })],
    [
      RE_NUMERIC_DMY,
      (m) => {
        let a = +m[1]!;
        let b = +m[3]!;
        // 25/3/2026 can only be day-first and 3/25/2026 only month-first, whatever the page's habit.
        if (ctx.numericOrder === 'mdy' ? a <= 12 || b > 12 : a <= 12 && b > 12) [a, b] = [b, a];
        return { y: +m[4]!, m: b, d: a };
      },
    ],
    [RE_DM_DASH_Y, (m) => ({ y: +m[3]!, m: +m[2]!, d: +m[1]! })],
    [RE_YMD_COMPACT, (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! })],
    [RE_NUMERIC_DMY_SHORT, (m) => (ctx.numericOrder === 'dmy' ? { y: shortYear(+m[3]!), m: +m[2]!, d: +m[1]! } : null)],
    [RE_DAY_OVER_YM, (m) => ({ y: +m[2]!, m: +m[3]!, d: +m[1]! })],
    [RE_YM_THEN_DAY, (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! })],
  ];
}

/** `08` → 2008, `97` → 1997: within ten years ahead of today's year, this century. */
function shortYear(yy: number): number {
  const now = new Date().getUTCFullYear();
  const pivot = (now % 100) + CENTURY_PIVOT_AHEAD;
  return yy <= pivot ? 2000 + yy : 1900 + yy;
}

function parseTime(text: string): { h: number; mi: number; s: number } | null {
  let m = RE_TIME.exec(text);
  const dot = m ? null : (RE_TIME_DOT.exec(text) ?? RE_TIME_KL.exec(text) ?? RE_TIME_U.exec(text));
  const hourOnly = m || dot ? null : RE_HOUR_MERIDIEM.exec(text);
  let h: number;
  let mi: number;
  let s: number;
  let marker: string | undefined;
  if (m) {
    h = +m[2]!;
    mi = +m[3]!;
    s = m[4] ? +m[4] : 0;
    marker = m[1] ?? m[5];
  } else if (dot) {
    h = +dot[1]!;
    mi = +dot[2]!;
    s = 0;
    marker = dot[3];
  } else if (hourOnly) {
    h = +hourOnly[1]!;
    mi = 0;
    s = 0;
    // `11 - 1pm`: the span's start is before noon when it is a later hour than its end.
    marker = hourOnly[2] && h > +hourOnly[2] && hourOnly[3]!.toLowerCase() === 'p' ? 'am' : `${hourOnly[3]}m`;
  } else {
    m = RE_TIME_CN.exec(text);
    if (!m) return null;
    h = +m[2]!;
    mi = m[3] ? +m[3] : m[4] ? 30 : 0;
    s = m[5] ? +m[5] : 0;
    marker = m[1];
  }
  if (marker) {
    const k = marker.toLowerCase().replace(/\./g, '');
    if ((k === 'pm' || k === '下午' || k === '晚上') && h < 12) h += 12;
    if ((k === 'am' || k === '凌晨') && h === 12) h = 0;
    if (k === '中午' && h < 11) h += 12;
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return { h, mi, s };
}

/** Parts → `2026-05-28T14:30:00+08:00` in the stated or page zone. */
export function formatIso(parts: DateParts, zone: PageZone): string {
  const off =
    parts.offset ?? offsetOfWallTime(Date.UTC(parts.y, parts.m - 1, parts.d, parts.h, parts.mi, parts.s), zone);
  return (
    isoDigits(parts, off) ??
    `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}T${pad(parts.h)}:${pad(parts.mi)}:${pad(parts.s)}${formatOffset(off)}`
  );
}

/** Any date string a portal prints → ISO-8601 with offset, or undefined when there is no full date in it. */
export function parseDate(text: string | null | undefined, ctx: DateContext = DEFAULT_CONTEXT): string | undefined {
  if (!text) return undefined;
  const parts = parseDateParts(text, ctx);
  return parts ? formatIso(parts, ctx.zone) : undefined;
}

/**
 * A date column's cell: as parseDate, and a month-first page's `02/02/11` too. Alone in a column of dates (a bill's
 * history) the short form is a date in the page's habit, where in running text it is left unread.
 * Page: us-sc-legislature-s494-bill-history.
 */
export function parseDateCell(text: string, ctx: DateContext): string | undefined {
  const full = parseDate(text, ctx);
  if (full || ctx.numericOrder !== 'mdy') return full;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(text.trim());
  if (!m || +m[1]! > 12 || +m[2]! > 31) return undefined;
  return formatIso({ y: shortYear(+m[3]!), m: +m[1]!, d: +m[2]!, h: 0, mi: 0, s: 0, hasTime: false }, ctx.zone);
}

// A slash date's two first numbers and its year (`12/13/2022`, `8/8/22`), not a part of a longer number or path.
const RE_SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g;
/** Slash dates looked at before a page's order is taken as shown (a register of thousands of rows tells it early). */
const ORDER_SAMPLE = 400;

/**
 * A page whose slash dates show they are month first: one has a second number over 12 (`12/13/2022`) and none a
 * first (no `25/3/2026`). Such a page is read month first whatever its host says of its country's habit: a `.gov.co`
 * bill page writes `8/8/2022` for 8 August and `12/13/2022` (co-congresovisible-proyecto-12558-reforma-tributaria).
 */
export function withShownOrder(ctx: DateContext, text: string): DateContext {
  if (ctx.numericOrder === 'mdy' || text.indexOf('/') < 0) return ctx;
  let monthFirst = false;
  RE_SLASH_DATE.lastIndex = 0;
  for (let k = 0, m = RE_SLASH_DATE.exec(text); m && k < ORDER_SAMPLE; k++, m = RE_SLASH_DATE.exec(text)) {
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 || b > 31 || a === 0 || b === 0) {
      if (a > 12 && a <= 31) return ctx;
      continue;
    }
    if (b > 12) monthFirst = true;
  }
  return monthFirst ? { ...ctx, numericOrder: 'mdy' } : ctx;
}

/** `5月29日` or a time alone, completed from a reference date (the case's own date, usually). */
export function parseDateNear(text: string, reference: DateParts | null, ctx: DateContext): string | undefined {
  const full = parseDate(text, ctx);
  if (full || !reference) return full;
  const md = RE_MD_CN.exec(text);
  const time = parseTime(text);
  if (!md && !time) return undefined;
  const parts: DateParts = { ...reference, hasTime: Boolean(time) };
  if (md) {
    parts.m = +md[1]!;
    parts.d = +md[2]!;
    if (!validYmd(parts.y, parts.m, parts.d)) return undefined;
  }
  if (time) Object.assign(parts, time);
  else if (md) Object.assign(parts, { h: 0, mi: 0, s: 0 });
  return formatIso(parts, ctx.zone);
}

/** Does the text hold a full date (used to tell a timestamp line from a sentence)? */
export function hasDate(text: string, ctx: DateContext = DEFAULT_CONTEXT): boolean {
  return parseDateParts(text, ctx) !== null;
}

const STRIP: RegExp[] = [
  RE_ISO,
  RE_ROC_CN,
  RE_YMD_CN,
  RE_YMD,
  RE_D_MONTH_Y,
  RE_MONTH_D_Y,
  RE_NUMERIC_DMY,
  RE_NUMERIC_DMY_SHORT,
  RE_MD_CN,
  RE_TIME,
  RE_TIME_CN,
  /\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?/i,
  /(?:星期|周|週|礼拜)[一二三四五六日天]/,
  RE_ZONE,
].map((r) => new RegExp(r.source, `${r.flags.replace('g', '')}g`));

/** The text with every date, time and weekday taken out (what is left of `10:02, Tue 3 March 2026 by X`). */
export function stripDates(text: string): string {
  let out = text.normalize('NFKC');
  for (const r of STRIP) out = out.replace(r, ' ');
  return out.replace(/\s+/g, ' ').trim();
}

// A date alone: once the weekday, month names, digits and separators are read, nothing is left. A weekday may be
// cut short (`Tue, Jul 30 2024`: us-gcrta-board-meeting-2024-07-30).
const DATE_WORDS =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?|\b[A-Za-z]{3,9}\.?(?=\s+\d)|[\d\s,./:-]+|[年月日号時时分秒]|星期.|周.|(?:a|p)\.?m\.?/gi;

/**
 * The date of a text that is a date and nothing else (`2019-05-15`, `Tue, Jul 30 2024`, `15/05/2019 10:02`,
 * `2022年1月31日`), else undefined: what a list's date line, an unlabelled value or a title's date part is asked.
 */
export function dateAlone(text: string, ctx: DateContext): string | undefined {
  if (text.length > 40) return undefined;
  const at = parseDate(text, ctx);
  if (!at) return undefined;
  // Nothing but date words: a tolerance of `at`/a few letters (value-shapes' old test) cost the corpus five fields
  // and the list ablation four (s10-cases, SCORES.md).
  return text
    .replace(DATE_WORDS, '')
    .replace(/[()（）]/g, '')
    .trim().length === 0
    ? at
    : undefined;
}
