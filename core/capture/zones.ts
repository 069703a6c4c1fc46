/**
 * Where a page's times live and how far that is from UTC: the zone a page states (`All times are shown in UK time`,
 * `北京时间`, `UTC+8`, `CDT`), else its language and domain; and the one place that turns a sign, hours and minutes
 * into an offset and back. Chinese pages default to +08:00.
 */
import { type SiteClues, siteCityZone } from './city-zones';
import { CHINA_ZONE, COUNTRY_ZONES, hostCountry, writtenInZone } from './country-zones';
import {
  AUSTRALIAN_STATE_ZONES,
  addressZone,
  BRAZILIAN_STATE_ZONES,
  isUsZone,
  PAGE_ADDRESS_FORMS,
  US_STATE_NAMES,
  usStateZoneOf,
} from './state-zones';

/** Where a page's times live: a fixed offset in minutes, or an IANA zone whose offset depends on the date. */
export type PageZone = { offset: number } | { iana: string };

export interface DateContext {
  zone: PageZone;
  /** `dmy` for British-style `3/3/2026`, `mdy` for US-style; Chinese pages use y/m/d and never hit this. */
  numericOrder: 'dmy' | 'mdy';
  /** Taiwan pages may print ROC (民國) years: 115 → 2026. */
  roc: boolean;
}

export { CHINA_ZONE };
export const DEFAULT_CONTEXT: DateContext = { zone: CHINA_ZONE, numericOrder: 'dmy', roc: false };

// ------------------------------------------------------------------------------------------ offset arithmetic

/** `+`/`-`/`−` (U+2212, as Wikipedia-style pages print it), hours, minutes → minutes east of UTC. */
export function offsetMinutes(sign: string, hours: string | number, minutes: string | number = 0): number {
  return (sign === '-' || sign === '−' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** `+08:00`, `+0800`, `-5`, `Z` → minutes east of UTC, or undefined when it is not an offset. */
export function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const m = /([+\-−])\s*(\d{1,2})(?::?(\d{2}))?/.exec(text);
  return m ? offsetMinutes(m[1]!, m[2]!, m[3] ?? 0) : undefined;
}

// `00`–`99` made once: a list formats a date per row, and each padded number was a string made and thrown away.
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Zero-padded digits (`5` → `05`); the common two-digit case from a table, as dates ask once per row. */
export const pad = (n: number, w = 2) =>
  w !== 2 || n < 0 ? String(n).padStart(w, '0') : (TWO_DIGITS[n] ?? (n < 10 ? `0${n}` : String(n)));

// A page writes its dates in one or two offsets: each is formatted once.
const OFFSETS = new Map<number, string>();

/** Minutes east of UTC → `+08:00`. */
export function formatOffset(minutes: number): string {
  let out = OFFSETS.get(minutes);
  if (out === undefined) {
    const a = Math.abs(minutes);
    out = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
    if (OFFSETS.size < 256) OFFSETS.set(minutes, out);
  }
  return out;
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

/**
 * The offset of a wall-clock time (`localMs`: its fields read as if UTC) in `zone`. An IANA zone is asked twice:
 * once at the wall time taken as UTC, then at the instant that first guess gives, which lands on the right side
 * of a daylight-saving change.
 */
export function offsetOfWallTime(localMs: number, zone: PageZone): number {
  if ('offset' in zone) return zone.offset;
  try {
    const first = zoneOffsetAt(zone.iana, localMs);
    return zoneOffsetAt(zone.iana, localMs - first * 60000);
  } catch {
    return 0;
  }
}

// ------------------------------------------------------------------------------------------ zone names

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
/** A zone printed beside a time: `GMT+8`, `UTC−05:00` (groups 1–3) or a name (`BST`, `北京时间`, group 4). */
export const RE_ZONE = new RegExp(
  `(?:\\b(?:GMT|UTC)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?\\b)|(?<![A-Za-z])(${ZONE_NAMES})(?![A-Za-z])`,
);

function isAmerican(ctx: DateContext): boolean {
  return ctx.numericOrder === 'mdy' || ('iana' in ctx.zone && ctx.zone.iana.startsWith('America/'));
}

/** A zone name → minutes east of UTC; `CST` is US Central on American pages and China's everywhere else. */
function namedOffset(name: string, ctx: DateContext): number | undefined {
  if (name.startsWith('北京')) return 480;
  if (name === 'CST') return isAmerican(ctx) ? -360 : 480;
  return ZONE_ABBR[name];
}

/** The offset a `RE_ZONE` match states, read in the page's context. */
export function zoneMatchOffset(m: RegExpExecArray, ctx: DateContext): number | undefined {
  if (m[1]) return offsetMinutes(m[1], m[2]!, m[3] ?? 0);
  return namedOffset(m[4]!, ctx);
}

// ------------------------------------------------------------------------------------------ the page's zone

const BARE_IP = /^[\d.:]+$/;

/**
 * A portal served from a bare IP address (`88.41.51.242`) may name its own domain in its title (`DaDaBIK -
 * http://www.comune.barcellona-pozzo-di-gotto.me.it/`): that domain stands for the page's. Page:
 * it-barcellonapg-albo-pretorio-atti-list.
 */
function hostNamedFor(host: string, names: ReadonlyArray<string | undefined>): string {
  if (!BARE_IP.test(host)) return host;
  for (const name of names) {
    const named = name ? /\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,})/i.exec(name)?.[1] : undefined;
    if (named) return named.toLowerCase();
  }
  return host;
}

/**
 * Australia spans three offsets and not every state keeps summer time: a state government domain
 * (`planning.mackay.qld.gov.au`, `awpe.southperth.wa.gov.au`) names the state, hence its zone. Pages:
 * au-southperth-civica-advertised-applications (Perth, +08:00 all year), au-mackay-masterview-submitted-this-week.
 */
function australianZone(host: string): PageZone | undefined {
  const parts = host.split('.');
  for (let i = parts.length - 2; i >= 0; i--) {
    const iana = AUSTRALIAN_STATE_ZONES[parts[i]!];
    if (iana) return { iana };
  }
  return undefined;
}

// The second-level domains under `.br` whose next label is a state: government, legislature, courts, prosecutors.
const BR_STATE_SPHERES = new Set(['gov', 'leg', 'jus', 'mp', 'def']);

/** A Brazilian state's domain (`cianorte.pr.gov.br`, `al.sp.leg.br`) names the state, hence its zone. */
function brazilianZone(host: string): PageZone | undefined {
  const parts = host.split('.');
  if (!BR_STATE_SPHERES.has(parts.at(-2) ?? '')) return undefined;
  const iana = BRAZILIAN_STATE_ZONES[parts.at(-3) ?? ''];
  return iana ? { iana } : undefined;
}

/**
 * A page on a service's own domain (`penrith.infocouncil.biz`) that names no place links home to its council's site
 * (`www.penrithcity.nsw.gov.au`, its logo): the state that site's domain names. Only Australian government hosts,
 * whose state label is certain. Page: au-penrith-infocouncil-agendas-and-minutes-2024 (read as UTC before).
 */
function linkedStateZone(clues: SiteClues | undefined): PageZone | undefined {
  for (const host of clues?.linkHosts ?? []) {
    const zone = host.endsWith('.gov.au') ? australianZone(host) : undefined;
    if (zone) return zone;
  }
  return undefined;
}

const US_TERRITORIES = new Set('mp gu vi as pr'.split(' '));

// `cnmilaw.org`, `guamcourts.org`, `www.vicourts.org`: a territory's name in a domain.
const TERRITORY_HOST: ReadonlyArray<[RegExp, string]> = [
  [/cnmi|saipan|marianas/, 'mp'],
  [/guam/, 'gu'],
  [/^vi(?:courts|gov|legislature)$|usvi|virginislands/, 'vi'],
  [/americansamoa|^as(?:courts|gov)$/, 'as'],
  [/puertorico|^pr(?:courts|gov)$/, 'pr'],
];

/**
 * The US territories on a domain that does not name a state (`cnmilaw.org`): the territory its name names (else
 * the address it prints, read by addressZone). Page: us-cnmi-supreme-slip-opinions-2022 (Saipan, UTC+10; read as
 * UTC before).
 */
function usTerritoryZone(host: string): PageZone | undefined {
  const name = host.split('.').at(-2) ?? '';
  const code = TERRITORY_HOST.find(([re]) => re.test(name))?.[1];
  return code ? usStateZoneOf(code) : undefined;
}

/**
 * The federal courts of appeals sit in one city each: `media.ca7.uscourts.gov` is the Seventh Circuit's, in Chicago
 * (us-ca7-oral-argument-recordings; read as Eastern time before).
 */
const US_CIRCUIT_ZONES: Record<string, string> = {
  ...Object.fromEntries('ca1 ca2 ca3 ca4 ca6 ca11 cadc cafc'.split(' ').map((c) => [c, 'America/New_York'])),
  ...Object.fromEntries('ca5 ca7 ca8'.split(' ').map((c) => [c, 'America/Chicago'])),
  ca9: 'America/Los_Angeles',
  ca10: 'America/Denver',
};

// `utcourts.gov`, `txcourts.gov`, `kscourts.org`: a state's courts named by its two letters (us-utah-supreme-…,
// us-texas-coa1-document-search, us-kansas-supreme-decisions-search).
const STATE_COURTS = /^([a-z]{2})courts$/;

/**
 * The United States span six offsets: a state's own domain (`courts.ca.gov`, `courts.state.ny.us`,
 * `ci.seattle.wa.us`) or a federal district court's (`ecf.cand.uscourts.gov`: state and district) names the state,
 * hence its zone (the zone of most of the state). Pages: us-cal-courts-supreme-court-slip-opinions,
 * us-wa-courts-appeals-published-opinions-2026 (Pacific).
 */
function usStateZone(host: string): PageZone | undefined {
  const parts = host.split('.');
  const tld = parts[parts.length - 1];
  const name = parts[parts.length - 2] ?? '';
  // `ecf.nysd.uscourts.gov`: a district court's state, its district, `d` (district) or `b` (bankruptcy).
  const court = parts.length >= 3 && name === 'uscourts' ? parts[parts.length - 3]! : '';
  if (US_CIRCUIT_ZONES[court]) return { iana: US_CIRCUIT_ZONES[court]! };
  const state =
    /^([a-z]{2})[nsewcm]?[db]$/.exec(court)?.[1] ??
    STATE_COURTS.exec(name)?.[1] ??
    (tld === 'gov' ? US_STATE_NAMES[name] : undefined) ??
    (tld === 'gov' || tld === 'us' ? name : '');
  return state ? usStateZoneOf(state) : undefined;
}

// `All times are shown in UK time` (council-reports-near-you-en, northmoor-council-reports-en).
const STATED_IN =
  /(?:times?|dates?)\s+(?:are|is)\s+(?:shown|given|displayed|listed)?\s*in\s+((?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|UK time|British time|London time|local time|GMT|UTC|BST)/i;
// `All dates and times are shown in Central Time (CDT, UTC−05:00)` (mapleton-311-case-en, wp-us-311-cards-list),
// `All times AEST (UTC+10)` (au-council-request-aest).
const ZONE_STATEMENT = new RegExp(
  `\\btimes?\\b[^.\\n]{0,60}?(?:\\b(?:UTC|GMT)\\s*([+\\-−])\\s*(\\d{1,2})(?::?(\\d{2}))?|\\b(${Object.keys(ZONE_ABBR)
    .filter((z) => z !== 'Z')
    .join('|')}|CST)\\b)`,
  'i',
);

const BEIJING = /北京时间|北京時間|UTC\s*\+\s*8|GMT\s*\+\s*8/;

/** What follows `… shown in` (`UK time`, `UTC`, `GMT+5:30`) → the zone; `local time` names none. */
function zoneStatedIn(words: string, tld: string, region: string): PageZone | undefined {
  const s = words.toLowerCase();
  if (/uk|british|london/.test(s)) return { iana: 'Europe/London' };
  if (s === 'gmt' && (tld === 'uk' || region === 'gb')) return { iana: 'Europe/London' };
  if (s === 'gmt' || s === 'utc') return { offset: 0 };
  if (s === 'bst') return { offset: 60 };
  const offset = parseOffset(s);
  return offset === undefined ? undefined : { offset };
}

/** `Times … CDT` / `times … UTC−05:00` → the zone named after the word "time(s)". */
function zoneNamedNearTimes(text: string, ctx: DateContext): PageZone | undefined {
  const m = ZONE_STATEMENT.exec(text);
  if (!m) return undefined;
  if (m[1]) return { offset: offsetMinutes(m[1], m[2]!, m[3] ?? 0) };
  const name = m[4]!.toUpperCase();
  // BST and GMT alternate through the year: the London zone gives each date its own.
  if (name === 'BST' || name === 'GMT') return { iana: 'Europe/London' };
  const offset = namedOffset(name, ctx);
  return offset === undefined ? undefined : { offset };
}

/**
 * The page's zone and date habits, from what it states (`All times are shown in UK time`, `北京时间`, `UTC+8`), then
 * its language and domain. Chinese pages default to +08:00.
 */
export function pageDateContext(input: {
  lang?: string;
  url?: string;
  text?: string;
  /** The site's own name and the page's title: a city they name is the last hint before a country-wide guess. */
  siteName?: string;
  title?: string;
  /** The footer line and linked hosts: where a site that names no place in its title names itself. */
  clues?: SiteClues;
}): DateContext {
  const lang = (input.lang ?? '').toLowerCase();
  let host = '';
  try {
    host = input.url ? new URL(input.url).hostname.toLowerCase() : '';
  } catch {
    host = '';
  }
  host = hostNamedFor(host, [input.siteName, input.title]);
  const tld = host.split('.').pop() ?? '';
  const country = hostCountry(host);
  const region = /^[a-z]{2,3}-([a-z]{2})\b/.exec(lang)?.[1] ?? '';
  const roc = tld === 'tw' || region === 'tw' || lang.includes('hant-tw');
  const text = input.text ?? '';
  // Not on a `.gov` host (the US federal domain): its language menu (`English español 中文: 繁體版`) names Chinese
  // in its first lines. Page: us-ed-ocr-pending-title-ix-investigations-list.
  const cjk = lang.startsWith('zh') || (tld !== 'gov' && /[\u4e00-\u9fff]/.test(text.slice(0, 2000)));
  // A country domain outweighs the `lang="en-US"` a CMS ships by default: `08/05/2020` on a `.wa.gov.au` register
  // is 8 May (au-southperth-civica-advertised-applications).
  const dayFirstDomain = country !== undefined && country !== 'us' && country !== 'ca';
  const numericOrder =
    !dayFirstDomain &&
    (region === 'us' ||
      (!region &&
        (tld === 'gov' || tld === 'us' || (tld === 'org' && STATE_COURTS.test(host.split('.').at(-2) ?? '')))))
      ? 'mdy'
      : 'dmy';
  const stated = STATED_IN.exec(text);
  const zone =
    (stated ? zoneStatedIn(stated[1]!, tld, region) : BEIJING.test(text) ? CHINA_ZONE : undefined) ??
    zoneNamedNearTimes(text, { zone: CHINA_ZONE, numericOrder: tld === 'gov' ? 'mdy' : 'dmy', roc }) ??
    (tld === 'au' ? australianZone(host) : undefined) ??
    (tld === 'br' ? brazilianZone(host) : undefined) ??
    (tld === 'gov' || tld === 'us' || tld === 'org' ? usStateZone(host) : undefined) ??
    (US_TERRITORIES.has(tld) ? usStateZoneOf(tld) : undefined) ??
    (country ? undefined : (usTerritoryZone(host) ?? addressZone(text, PAGE_ADDRESS_FORMS))) ??
    siteCityZone([input.siteName, input.title], host, tld, input.clues) ??
    (country ? COUNTRY_ZONES[country] : undefined) ??
    (region ? COUNTRY_ZONES[region] : undefined) ??
    (!cjk && tld.length > 2 && tld !== 'gov' ? linkedStateZone(input.clues) : undefined) ??
    (!cjk && tld.length > 2 && tld !== 'gov' ? writtenInZone(text) : undefined) ??
    (cjk ? CHINA_ZONE : host.endsWith('.gov') ? { iana: 'America/New_York' } : { offset: 0 });
  // A US state or city the site names (`Creve Coeur City, Missouri` on a `.com` host) writes `9/8/2019` month first.
  // Page: us-crevecoeur-iqm2-audit-committee-2019-08-08.
  const usNamed = !dayFirstDomain && !region && 'iana' in zone && isUsZone(zone.iana);
  return { zone, numericOrder: usNamed ? 'mdy' : numericOrder, roc };
}
