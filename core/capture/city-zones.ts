/**
 * The zone of a well-known city a site names in its own name, as the last hint before a country-wide guess: a
 * register on an `.org` domain whose only place name is `Chicago Complete Streets` keeps Chicago's hours, not the
 * Eastern time an `en-US` language tag guesses. Page: us-chicago-mpac-meeting-archives (read as Eastern before).
 *
 * Only countries that span several zones need a city: elsewhere the country's own zone is already right.
 */
import { addressZone, US_ADDRESS } from './state-zones';
import type { PageZone } from './zones';

/** City → [country domain, IANA zone]. Cities of one name in two countries keep the larger one. */
const CITY_ZONES: Record<string, [string, string]> = {
  // United States: the largest cities of each zone, and the state capitals that name their state's agencies.
  'new york': ['us', 'America/New_York'],
  boston: ['us', 'America/New_York'],
  philadelphia: ['us', 'America/New_York'],
  baltimore: ['us', 'America/New_York'],
  pittsburgh: ['us', 'America/New_York'],
  atlanta: ['us', 'America/New_York'],
  miami: ['us', 'America/New_York'],
  detroit: ['us', 'America/Detroit'],
  cleveland: ['us', 'America/New_York'],
  columbus: ['us', 'America/New_York'],
  charlotte: ['us', 'America/New_York'],
  indianapolis: ['us', 'America/Indiana/Indianapolis'],
  louisville: ['us', 'America/Kentucky/Louisville'],
  chicago: ['us', 'America/Chicago'],
  houston: ['us', 'America/Chicago'],
  dallas: ['us', 'America/Chicago'],
  'san antonio': ['us', 'America/Chicago'],
  austin: ['us', 'America/Chicago'],
  'fort worth': ['us', 'America/Chicago'],
  milwaukee: ['us', 'America/Chicago'],
  minneapolis: ['us', 'America/Chicago'],
  'saint paul': ['us', 'America/Chicago'],
  'st. louis': ['us', 'America/Chicago'],
  'kansas city': ['us', 'America/Chicago'],
  memphis: ['us', 'America/Chicago'],
  nashville: ['us', 'America/Chicago'],
  'new orleans': ['us', 'America/Chicago'],
  'oklahoma city': ['us', 'America/Chicago'],
  denver: ['us', 'America/Denver'],
  'salt lake city': ['us', 'America/Denver'],
  albuquerque: ['us', 'America/Denver'],
  phoenix: ['us', 'America/Phoenix'],
  tucson: ['us', 'America/Phoenix'],
  'las vegas': ['us', 'America/Los_Angeles'],
  'los angeles': ['us', 'America/Los_Angeles'],
  'san francisco': ['us', 'America/Los_Angeles'],
  'san diego': ['us', 'America/Los_Angeles'],
  'san jose': ['us', 'America/Los_Angeles'],
  oakland: ['us', 'America/Los_Angeles'],
  sacramento: ['us', 'America/Los_Angeles'],
  seattle: ['us', 'America/Los_Angeles'],
  portland: ['us', 'America/Los_Angeles'],
  anchorage: ['us', 'America/Anchorage'],
  honolulu: ['us', 'Pacific/Honolulu'],
  // Canada.
  toronto: ['ca', 'America/Toronto'],
  ottawa: ['ca', 'America/Toronto'],
  montreal: ['ca', 'America/Toronto'],
  winnipeg: ['ca', 'America/Winnipeg'],
  calgary: ['ca', 'America/Edmonton'],
  edmonton: ['ca', 'America/Edmonton'],
  vancouver: ['ca', 'America/Vancouver'],
  halifax: ['ca', 'America/Halifax'],
  // Australia.
  sydney: ['au', 'Australia/Sydney'],
  melbourne: ['au', 'Australia/Melbourne'],
  brisbane: ['au', 'Australia/Brisbane'],
  'gold coast': ['au', 'Australia/Brisbane'],
  adelaide: ['au', 'Australia/Adelaide'],
  perth: ['au', 'Australia/Perth'],
  hobart: ['au', 'Australia/Hobart'],
  darwin: ['au', 'Australia/Darwin'],
  canberra: ['au', 'Australia/Sydney'],
};

const CITY_NAME = new RegExp(
  `(?<![A-Za-z])(${Object.keys(CITY_ZONES)
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.]/g, '\\.').replace(/ /g, '\\s+'))
    .join('|')})(?![A-Za-z])`,
  'i',
);
// A domain's name runs the words together (`chicagocompletestreets`): a city of six letters or more at its start
// or its end (`cityofchicago`) is the city; shorter names (`perth`, `miami`) are too often parts of other words.
const HOST_CITIES = Object.keys(CITY_ZONES)
  .map((c) => [c.replace(/[^a-z]/g, ''), c] as const)
  .filter(([joined]) => joined.length >= 6);

/**
 * The zone of the first well-known city named in the site's name, the page's title or its domain, if the city lies
 * in the country the domain names (a `.de` page titled "Chicago" reports on Chicago; its hours stay German).
 */
export function siteCityZone(
  names: ReadonlyArray<string | undefined>,
  host: string,
  tld: string,
): PageZone | undefined {
  const allowed = (city: string) => {
    const entry = CITY_ZONES[city];
    return entry && (tld.length !== 2 || tld === entry[0]) ? { iana: entry[1] } : undefined;
  };
  for (const name of names) {
    const m = name ? CITY_NAME.exec(name) : null;
    const zone = m ? allowed(m[1]!.toLowerCase().replace(/\s+/g, ' ')) : undefined;
    if (zone) return zone;
  }
  // A town too small for the table, with its state (`Creve Coeur City, Missouri`): the state's zone. Page:
  // us-crevecoeur-iqm2-audit-committee-2019-08-08 (IQM2 on a `.com` host; read as UTC before).
  for (const name of tld.length !== 2 || tld === 'us' ? names : []) {
    const zone = name ? addressZone(name, [US_ADDRESS]) : undefined;
    if (zone) return zone;
  }
  const label = host.split('.').at(-2) ?? '';
  for (const [joined, city] of HOST_CITIES) {
    if (label.startsWith(joined) || label.endsWith(joined)) {
      const zone = allowed(city);
      if (zone) return zone;
    }
  }
  return undefined;
}
