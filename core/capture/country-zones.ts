/**
 * The zone a country's domain settles (`.it` → Rome, `.cn` → +08:00): the table zones.ts reads a page's hours by when
 * nothing on the page states them. Each entry added for a page names it.
 */
import type { PageZone } from './zones';

/** China's one zone, +08:00 all year: the default of every page that gives no other. */
export const CHINA_ZONE: PageZone = { offset: 480 };

export const COUNTRY_ZONES: Record<string, PageZone> = {
  cn: CHINA_ZONE,
  tw: { iana: 'Asia/Taipei' },
  hk: { iana: 'Asia/Hong_Kong' },
  mo: { iana: 'Asia/Macau' },
  sg: { iana: 'Asia/Singapore' },
  jp: { iana: 'Asia/Tokyo' },
  uk: { iana: 'Europe/London' },
  gb: { iana: 'Europe/London' },
  ie: { iana: 'Europe/Dublin' },
  // German-speaking pages (`lang=de-DE`, de-partei-luebeck-petition-post).
  de: { iana: 'Europe/Berlin' },
  at: { iana: 'Europe/Vienna' },
  // Dutch domains (nl-denhelder-go-raadsinformatie-raadscommissie-bestuur-en-middelen-2015-10-05: read as UTC before).
  nl: { iana: 'Europe/Amsterdam' },
  ch: { iana: 'Europe/Zurich' },
  // French pages and `.fr` domains (fr-senat-dosleg-pjl07-488-infractions-routieres: CET/CEST, read as UTC before).
  fr: { iana: 'Europe/Paris' },
  // The European Union's own domain: its institutions sit in Brussels, Luxembourg and Strasbourg, all on CET/CEST.
  // Page: eu-vies-vat-validation-gb-677974165 (ec.europa.eu; read as UTC before).
  eu: { iana: 'Europe/Brussels' },
  // Chile keeps summer time (−03:00 from September to April, −04:00 the rest of the year); its pages write the day
  // first. Page: cl-chileconvencion-iniciativa-5502-propiedad-privada (read as UTC before).
  cl: { iana: 'America/Santiago' },
  // Brazil: Brasília's zone, the one of most Brazilians, where no state domain names another (zones.ts).
  br: { iana: 'America/Sao_Paulo' },
  au: { iana: 'Australia/Sydney' },
  nz: { iana: 'Pacific/Auckland' },
  ca: { iana: 'America/Toronto' },
  us: { iana: 'America/New_York' },
  ...singleZoneCountries(),
};

/**
 * Countries that keep one zone over all their land (no overseas parts with a domain of their own): their country
 * domain settles the page's hours. Pages (each read as UTC before): it-barcellonapg-albo-pretorio-atti-list,
 * dk-aarhus-firstagenda-teknisk-udvalg-referat-2025-10-01, is-umbodsmadur-althingis-f143-2023-hpv-case,
 * za-parliament-na-executive-replies-to-questions-list, no-sauda-acos-politiske-moter-js-shell.
 */
function singleZoneCountries(): Record<string, PageZone> {
  const zones: Record<string, string> = {
    it: 'Europe/Rome',
    sm: 'Europe/San_Marino',
    va: 'Europe/Vatican',
    dk: 'Europe/Copenhagen',
    no: 'Europe/Oslo',
    se: 'Europe/Stockholm',
    fi: 'Europe/Helsinki',
    is: 'Atlantic/Reykjavik',
    be: 'Europe/Brussels',
    lu: 'Europe/Luxembourg',
    li: 'Europe/Vaduz',
    pl: 'Europe/Warsaw',
    cz: 'Europe/Prague',
    sk: 'Europe/Bratislava',
    hu: 'Europe/Budapest',
    si: 'Europe/Ljubljana',
    hr: 'Europe/Zagreb',
    rs: 'Europe/Belgrade',
    gr: 'Europe/Athens',
    ro: 'Europe/Bucharest',
    bg: 'Europe/Sofia',
    ee: 'Europe/Tallinn',
    lv: 'Europe/Riga',
    lt: 'Europe/Vilnius',
    mt: 'Europe/Malta',
    cy: 'Asia/Nicosia',
    il: 'Asia/Jerusalem',
    za: 'Africa/Johannesburg',
    kr: 'Asia/Seoul',
    in: 'Asia/Kolkata',
    ph: 'Asia/Manila',
    my: 'Asia/Kuala_Lumpur',
    th: 'Asia/Bangkok',
    vn: 'Asia/Ho_Chi_Minh',
  };
  return Object.fromEntries(Object.entries(zones).map(([tld, iana]) => [tld, { iana }]));
}

/**
 * Languages spoken where one zone holds (Dutch: the Netherlands and Flanders, both on CET/CEST), and a few of their
 * commonest words, none of them English, German or Afrikaans words: a page on a host that names no country and in
 * no language its markup states is read in that zone when its text is written in one. Page:
 * be-boortmeerbeek-meetingburger-gemeenteraad-agenda-2024-04-22 (Meeting.burger on a `.net` host, no `lang`; its
 * `22 april 2024 20:00` read as UTC before).
 */
const WRITTEN_IN: ReadonlyArray<{ words: RegExp; zone: PageZone }> = [
  { words: /(?<!\p{L})(?:wordt|worden|niet|zijn|het|een|voor|bij)(?!\p{L})/giu, zone: { iana: 'Europe/Brussels' } },
];
// How many of those words, and how many of them different, make a text one in that language.
const MIN_WORDS = 12;
const MIN_DISTINCT = 4;
const READ_CHARS = 200_000;

/** The zone of the one-zone language the text is written in, or undefined. */
export function writtenInZone(text: string): PageZone | undefined {
  const head = text.slice(0, READ_CHARS);
  for (const { words, zone } of WRITTEN_IN) {
    const found = head.match(words);
    if (!found || found.length < MIN_WORDS) continue;
    if (new Set(found.map((w) => w.toLowerCase())).size >= MIN_DISTINCT) return zone;
  }
  return undefined;
}
