/**
 * The states and territories of the countries that span several zones, one table per country, and the one reader of
 * the place an address names → its zone: `…, Chicago, IL 60602` (a US state by its letters and ZIP code), `…,
 * Chicago, Illinois` (by its name), `Saipan, MP 96950` (a US territory), `BILINGA QLD 4225` (an Australian state and
 * its postcode). The domain readers in zones.ts use the same tables.
 */
import type { PageZone } from './zones';

/** Australia spans three offsets and not every state keeps summer time. */
export const AUSTRALIAN_STATE_ZONES: Readonly<Record<string, string>> = {
  nsw: 'Australia/Sydney',
  act: 'Australia/Sydney',
  vic: 'Australia/Melbourne',
  qld: 'Australia/Brisbane',
  sa: 'Australia/Adelaide',
  wa: 'Australia/Perth',
  tas: 'Australia/Hobart',
  nt: 'Australia/Darwin',
};

/**
 * Brazil spans four offsets (Acre −05:00, the Amazon −04:00, Brasília −03:00, Noronha −02:00) and its states kept
 * summer time on different terms until 2019: each state by its two letters, as its government domains name it
 * (`cianorte.pr.gov.br`). Page: br-cianorte-orgao-oficial-publicacoes (Paraná; read as UTC before).
 */
export const BRAZILIAN_STATE_ZONES: Readonly<Record<string, string>> = {
  ...Object.fromEntries('sp rj mg es pr sc rs go df'.split(' ').map((s) => [s, 'America/Sao_Paulo'])),
  ...Object.fromEntries('ma pi ce rn pb'.split(' ').map((s) => [s, 'America/Fortaleza'])),
  ...Object.fromEntries('pa ap'.split(' ').map((s) => [s, 'America/Belem'])),
  ...Object.fromEntries('al se'.split(' ').map((s) => [s, 'America/Maceio'])),
  pe: 'America/Recife',
  ba: 'America/Bahia',
  to: 'America/Araguaina',
  am: 'America/Manaus',
  rr: 'America/Boa_Vista',
  ro: 'America/Porto_Velho',
  mt: 'America/Cuiaba',
  ms: 'America/Campo_Grande',
  ac: 'America/Rio_Branco',
};

/** The United States span six offsets: each state and territory by its two letters, in the zone of most of it. */
const US_STATE_ZONES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    'ct de dc fl ga ma md me nc nh nj ny oh pa ri sc va vt wv'.split(' ').map((s) => [s, 'America/New_York']),
  ),
  ...Object.fromEntries(
    'al ar ia il ks la mn mo ms nd ne ok sd tn tx wi'.split(' ').map((s) => [s, 'America/Chicago']),
  ),
  ...Object.fromEntries('co mt nm ut wy'.split(' ').map((s) => [s, 'America/Denver'])),
  ...Object.fromEntries('ca nv or wa'.split(' ').map((s) => [s, 'America/Los_Angeles'])),
  ak: 'America/Anchorage',
  az: 'America/Phoenix',
  hi: 'Pacific/Honolulu',
  id: 'America/Boise',
  in: 'America/Indiana/Indianapolis',
  ky: 'America/Kentucky/Louisville',
  mi: 'America/Detroit',
  pr: 'America/Puerto_Rico',
  // The territories: the Northern Mariana Islands and Guam (UTC+10), the Virgin Islands, American Samoa (UTC−11).
  mp: 'Pacific/Saipan',
  gu: 'Pacific/Guam',
  vi: 'America/St_Thomas',
  as: 'Pacific/Pago_Pago',
};

/** A US state's name, its words run together (`newyork`, as a domain writes it) → its two letters. */
export const US_STATE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  'alabama:al alaska:ak arizona:az arkansas:ar california:ca colorado:co connecticut:ct delaware:de florida:fl georgia:ga hawaii:hi idaho:id illinois:il indiana:in iowa:ia kansas:ks kentucky:ky louisiana:la maine:me maryland:md massachusetts:ma michigan:mi minnesota:mn mississippi:ms missouri:mo montana:mt nebraska:ne nevada:nv newhampshire:nh newjersey:nj newmexico:nm newyork:ny northcarolina:nc northdakota:nd ohio:oh oklahoma:ok oregon:or pennsylvania:pa rhodeisland:ri southcarolina:sc southdakota:sd tennessee:tn texas:tx utah:ut vermont:vt virginia:va washington:wa westvirginia:wv wisconsin:wi wyoming:wy'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** The zone of a US state or territory by its two letters (`OK` → Chicago), if a state's. */
export function usStateZoneOf(code: string): PageZone | undefined {
  const iana = US_STATE_ZONES[code.toLowerCase()];
  return iana ? { iana } : undefined;
}

const US_ZONE_NAMES = new Set(Object.values(US_STATE_ZONES));

/** Is this IANA zone one of a US state's or territory's (`America/Chicago`; not Canada's `America/Toronto`)? */
export const isUsZone = (iana: string): boolean => US_ZONE_NAMES.has(iana);

/** A country's places: by their letters (`il`, `qld`) → IANA zone, and by name (`illinois`) → letters. */
interface PlaceTable {
  letters: Readonly<Record<string, string>>;
  names?: Readonly<Record<string, string>>;
}

const US_PLACES: PlaceTable = { letters: US_STATE_ZONES, names: US_STATE_NAMES };
const AUSTRALIAN_PLACES: PlaceTable = { letters: AUSTRALIAN_STATE_ZONES };

/**
 * How an address of one country names its place: a global pattern whose `letters` group holds the place by its
 * letters, or whose `name` group holds it by name, read in the country's table.
 */
export interface AddressForm {
  places: PlaceTable;
  pattern: RegExp;
}

/**
 * `Chicago, Illinois`, `Chicago, IL 60602`: a city, then its state by name or by its two letters and ZIP code. Page:
 * us-chicago-ssa73-chinatown-meeting-schedule (`… Chicago, Illinois at 6:30 p.m:`).
 */
export const US_ADDRESS: AddressForm = {
  places: US_PLACES,
  pattern: /,\s*(?<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:\s+\d{5})?\b|,\s*(?<letters>[A-Z]{2})\s+\d{5}\b/g,
};

/**
 * `Saipan, MP 96950`: a territory's letters and one of its own ZIP codes, as a court's footer prints it. Page:
 * us-cnmi-supreme-slip-opinions-2022.
 */
export const US_TERRITORY_ADDRESS: AddressForm = {
  places: US_PLACES,
  pattern: /,\s*(?<letters>MP|GU|VI|AS|PR)\s+(?:96[79]\d\d|00[6-9]\d\d)\b/g,
};

/**
 * `Cleveland, OH 44113`, `Chicago, IL 60659`: a state's two letters and a ZIP code, as a site prints its own or its
 * meeting's address, on a `.com` or `.org` site that names no state in its host. Pages:
 * us-gcrta-board-meeting-2024-07-30, us-north-river-mental-health-finance-committee-notice.
 */
// Or the state's name written out (`1 World Way, Los Angeles, California 90045`): the ZIP code still ties it to an
// address. Page: us-lawa-granicus-boac-audit-committee-agenda-2022-01-27 (read as UTC before).
export const US_STATE_ZIP_ADDRESS: AddressForm = {
  places: US_PLACES,
  pattern: /,\s*(?:(?<letters>[A-Z]{2})|(?<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?))\s+\d{5}(?:-\d{4})?(?!\d)/g,
};

/**
 * `264 Coolangatta Road, BILINGA QLD 4225`: an Australian address ends with its state and four-digit postcode. Text
 * joined across cells may run on (`QLD 4225StatusPublic`): the postcode ends where the digits do. Page:
 * au-goldcoast-epathway-mcu-2018-1167-details (a council's register hosted off its own domain).
 */
export const AUSTRALIAN_ADDRESS: AddressForm = {
  places: AUSTRALIAN_PLACES,
  pattern: /\b(?<letters>NSW|ACT|VIC|QLD|SA|WA|TAS|NT)\s+\d{4}(?![\d-–])/g,
};

/** Every form an address line may take. */
export const ADDRESS_FORMS: readonly AddressForm[] = [US_ADDRESS, AUSTRALIAN_ADDRESS];

/**
 * The forms read in a whole page's text, when its domain names no country: only those a postal code ties to the
 * place. A page's text names cities and states in passing (`a visitor from Austin, Texas`); a territory's ZIP code
 * or a state's postcode after it is an address.
 */
export const PAGE_ADDRESS_FORMS: readonly AddressForm[] = [
  US_TERRITORY_ADDRESS,
  US_STATE_ZIP_ADDRESS,
  AUSTRALIAN_ADDRESS,
];

/**
 * The zone of the place an address names: the forms in turn, each form's places in the order the text gives them;
 * the first place a table knows wins.
 */
export function addressZone(text: string, forms: readonly AddressForm[] = ADDRESS_FORMS): PageZone | undefined {
  for (const { places, pattern } of forms) {
    for (const m of text.matchAll(pattern)) {
      const { letters, name } = m.groups ?? {};
      const code =
        letters?.toLowerCase() ?? (name ? places.names?.[name.toLowerCase().replace(/\s+/g, '')] : undefined);
      const iana = code ? places.letters[code] : undefined;
      if (iana) return { iana };
    }
  }
  return undefined;
}
