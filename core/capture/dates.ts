/**
 * Dates as portals print them (`2026年5月28日 14时30分`, `2026/05/28 14:30`, `10:02, Tue 3 March 2026`,
 * `March 3, 2026`, `民國115年5月26日`) → ISO-8601 with an offset. Times without a zone take the page's zone.
 */

/** Where a page's times live: a fixed offset in minutes, or an IANA zone whose offset depends on the date. */
export type PageZone = { offset: number } | { iana: string };

export interface DateContext {
  zone: PageZone;
  /** `dmy` for British-style `3/3/2026`, `mdy` for US-style; Chinese pages use y/m/d and never hit this. */
  numericOrder: 'dmy' | 'mdy';
  /** Taiwan pages may print ROC (民國) years: 115 → 2026. */
  roc: boolean;
}

export const CHINA_ZONE: PageZone = { offset: 480 };
export const DEFAULT_CONTEXT: DateContext = { zone: CHINA_ZONE, numericOrder: 'dmy', roc: false };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const RE_ISO = /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})(?![\d:])/i;
const RE_PLAIN = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/;
const RE_ROC_CN = /民[国國]\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/;
const RE_YMD_CN = /(?<!\d)(\d{4}|\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/;
const RE_YMD = /(?<![\d.:/-])(\d{4}|\d{3})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/;
const RE_YMD_COMPACT = /(?<![\dA-Za-z])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\dA-Za-z])/;
const RE_NUMERIC_DMY = /(?<![\d.:/-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;
const RE_D_MONTH_Y = new RegExp(`(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})`, 'i');
const RE_MONTH_D_Y = new RegExp(`${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i');
// List cards that print a big day over a small year-month (`<b>09</b><span>2026-05</span>`), or the reverse.
const RE_DAY_OVER_YM = /^[ \t]*(\d{1,2})\s+(\d{4})[-/.](\d{1,2})[ \t]*$/m;
const RE_YM_THEN_DAY = /^[ \t]*(\d{4})[-/.](\d{1,2})\s+(\d{1,2})[ \t]*$/m;
const RE_MD_CN = /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/;
const RE_TIME_CN =
  /(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})\s*[时時点點]\s*(?:(\d{1,2})\s*分|(半))?(?:\s*(\d{1,2})\s*秒)?/;
const RE_TIME =
  /(上午|下午|晚上|凌晨|中午)?\s*(?<![\d.])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?!\d)\s*(a\.?m\.?|p\.?m\.?)?/i;
// Zone abbreviations a page prints after a time. CST is China's on Chinese pages and US Central on US ones.
const ZONE_ABBR: Record<string, number> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};
const ZONE_NAMES = `${Object.keys(ZONE_ABBR).join('|')}|CST|北京时间|北京時間`;
const RE_ZONE = new RegExp(
  `(?:\\b(?:GMT|UTC)\\s*([+-−])\\s*(\\d{1,2})(?::?(\\d{2}))?\\b)|(?<![A-Za-z])(${ZONE_NAMES})(?![A-Za-z])`,
);

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

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
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
  const plain = RE_PLAIN.exec(src);
  if (plain) {
    const [, y, mo, d, h, mi, sec] = plain;
    if (!validYmd(+y!, +mo!, +d!) || (h !== undefined && (+h > 23 || +mi! > 59 || +(sec ?? 0) > 59))) return null;
    return { y: +y!, m: +mo!, d: +d!, h: h ? +h : 0, mi: mi ? +mi : 0, s: sec ? +sec : 0, hasTime: h !== undefined };
  }
  const iso = RE_ISO.exec(src);
  if (iso) {
    const [, y, mo, d, h, mi, s, z] = iso;
    const parts = { y: +y!, m: +mo!, d: +d!, h: +h!, mi: +mi!, s: s ? +s : 0, hasTime: true };
    if (!validYmd(parts.y, parts.m, parts.d)) return null;
    return { ...parts, offset: parseOffset(z!) };
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
    const off = zoneOffset(zone, ctx);
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
  return [
    [RE_ROC_CN, (m) => ({ y: Number(m[1]) + 1911, m: +m[2]!, d: +m[3]! })],
    [RE_YMD_CN, (m) => ({ y: fullYear(m[1]!, ctx.roc), m: +m[2]!, d: +m[3]! })],
    [RE_YMD, (m) => (m[1]!.length === 4 || ctx.roc ? { y: fullYear(m[1]!, ctx.roc), m: +m[3]!, d: +m[4]! } : null)],
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
    [RE_YMD_COMPACT, (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! })],
    [RE_DAY_OVER_YM, (m) => ({ y: +m[2]!, m: +m[3]!, d: +m[1]! })],
    [RE_YM_THEN_DAY, (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! })],
  ];
}

function monthOf(name: string): number {
  const key = name.toLowerCase().replace('.', '');
  return MONTHS[key.slice(0, key.startsWith('sept') ? 4 : 3)] ?? 0;
}

function parseTime(text: string): { h: number; mi: number; s: number } | null {
  let m = RE_TIME.exec(text);
  let h: number;
  let mi: number;
  let s: number;
  let marker: string | undefined;
  if (m) {
    h = +m[2]!;
    mi = +m[3]!;
    s = m[4] ? +m[4] : 0;
    marker = m[1] ?? m[5];
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

function parseOffset(z: string): number {
  if (z === 'Z' || z === 'z') return 0;
  const m = /([+-])(\d{2}):?(\d{2})/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function zoneOffset(m: RegExpExecArray, ctx: DateContext): number | undefined {
  if (m[1]) return (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  const name = m[4]!;
  if (name.startsWith('北京')) return 480;
  if (name === 'CST') {
    const american = ctx.numericOrder === 'mdy' || ('iana' in ctx.zone && ctx.zone.iana.startsWith('America/'));
    return american ? -360 : 480;
  }
  return ZONE_ABBR[name];
}

const DTF_CACHE = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC that `iana` uses at the instant `utcMs`. */
export function zoneOffsetAt(iana: string, utcMs: number): number {
  let fmt = DTF_CACHE.get(iana);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    DTF_CACHE.set(iana, fmt);
  }
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

function offsetFor(parts: DateParts, zone: PageZone): number {
  if (parts.offset !== undefined) return parts.offset;
  if ('offset' in zone) return zone.offset;
  try {
    const local = Date.UTC(parts.y, parts.m - 1, parts.d, parts.h, parts.mi, parts.s);
    const first = zoneOffsetAt(zone.iana, local);
    const second = zoneOffsetAt(zone.iana, local - first * 60000);
    return second;
  } catch {
    return 0;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Parts → `2026-05-28T14:30:00+08:00` in the stated or page zone. */
export function formatIso(parts: DateParts, zone: PageZone): string {
  const off = offsetFor(parts, zone);
  return `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}T${pad(parts.h)}:${pad(parts.mi)}:${pad(parts.s)}${formatOffset(off)}`;
}

/** Any date string a portal prints → ISO-8601 with offset, or undefined when there is no full date in it. */
export function parseDate(text: string | null | undefined, ctx: DateContext = DEFAULT_CONTEXT): string | undefined {
  if (!text) return undefined;
  const parts = parseDateParts(text, ctx);
  return parts ? formatIso(parts, ctx.zone) : undefined;
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

const COUNTRY_ZONES: Record<string, PageZone> = {
  cn: CHINA_ZONE,
  tw: { iana: 'Asia/Taipei' },
  hk: { iana: 'Asia/Hong_Kong' },
  mo: { iana: 'Asia/Macau' },
  sg: { iana: 'Asia/Singapore' },
  jp: { iana: 'Asia/Tokyo' },
  uk: { iana: 'Europe/London' },
  gb: { iana: 'Europe/London' },
  ie: { iana: 'Europe/Dublin' },
  au: { iana: 'Australia/Sydney' },
  nz: { iana: 'Pacific/Auckland' },
  ca: { iana: 'America/Toronto' },
  us: { iana: 'America/New_York' },
};

/**
 * The page's zone and date habits, from what it states (`All times are shown in UK time`, `北京时间`, `UTC+8`), then
 * its language and domain. Chinese pages default to +08:00.
 */
export function pageDateContext(input: { lang?: string; url?: string; text?: string }): DateContext {
  const lang = (input.lang ?? '').toLowerCase();
  let host = '';
  try {
    host = input.url ? new URL(input.url).hostname.toLowerCase() : '';
  } catch {
    host = '';
  }
  const tld = host.split('.').pop() ?? '';
  const region = /^[a-z]{2,3}-([a-z]{2})\b/.exec(lang)?.[1] ?? '';
  const roc = tld === 'tw' || region === 'tw' || lang.includes('hant-tw');
  const cjk = lang.startsWith('zh') || /[\u4e00-\u9fff]/.test((input.text ?? '').slice(0, 2000));
  let zone: PageZone | undefined;
  const text = input.text ?? '';
  const stated =
    /(?:times?|dates?)\s+(?:are|is)\s+(?:shown|given|displayed|listed)?\s*in\s+((?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|UK time|British time|London time|local time|GMT|UTC|BST)/i.exec(
      text,
    );
  if (stated) {
    const s = stated[1]!.toLowerCase();
    if (/uk|british|london/.test(s)) zone = { iana: 'Europe/London' };
    else if (s === 'gmt' && (tld === 'uk' || region === 'gb')) zone = { iana: 'Europe/London' };
    else if (s === 'gmt' || s === 'utc') zone = { offset: 0 };
    else if (s === 'bst') zone = { offset: 60 };
    else {
      const m = /([+-])\s*(\d{1,2})(?::?(\d{2}))?/.exec(s);
      if (m) zone = { offset: (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) };
    }
  } else if (/北京时间|北京時間|UTC\s*\+\s*8|GMT\s*\+\s*8/.test(text)) zone = CHINA_ZONE;
  if (!zone) zone = statedZone(text, { zone: CHINA_ZONE, numericOrder: tld === 'gov' ? 'mdy' : 'dmy', roc });
  if (!zone) zone = COUNTRY_ZONES[tld] ?? (region ? COUNTRY_ZONES[region] : undefined);
  if (!zone) zone = cjk ? CHINA_ZONE : host.endsWith('.gov') ? { iana: 'America/New_York' } : { offset: 0 };
  const numericOrder = region === 'us' || (!region && tld === 'gov') ? 'mdy' : 'dmy';
  return { zone, numericOrder, roc };
}

// `All dates and times are shown in Central Time (CDT, UTC−05:00)`, `All times AEST (UTC+10)`.
const ZONE_STATEMENT = new RegExp(
  `\\btimes?\\b[^.\\n]{0,60}?(?:\\b(?:UTC|GMT)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?|\\b(${Object.keys(ZONE_ABBR)
    .filter((z) => z !== 'Z')
    .join('|')}|CST)\\b)`,
  'i',
);

function statedZone(text: string, ctx: DateContext): PageZone | undefined {
  const m = ZONE_STATEMENT.exec(text);
  if (!m) return undefined;
  if (m[1]) return { offset: (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) };
  const name = m[4]!.toUpperCase();
  // BST and GMT alternate through the year: the London zone gives each date its own.
  if (name === 'BST' || name === 'GMT') return { iana: 'Europe/London' };
  if (name === 'CST') return { offset: ctx.numericOrder === 'mdy' ? -360 : 480 };
  const offset = ZONE_ABBR[name];
  return offset === undefined ? undefined : { offset };
}

const STRIP: RegExp[] = [
  RE_ISO,
  RE_ROC_CN,
  RE_YMD_CN,
  RE_YMD,
  RE_D_MONTH_Y,
  RE_MONTH_D_Y,
  RE_NUMERIC_DMY,
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
