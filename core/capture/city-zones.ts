/**
 * The zone of a well-known city a site names in its own name, as the last hint before a country-wide guess: a
 * register on an `.org` domain whose only place name is `Chicago Complete Streets` keeps Chicago's hours, not the
 * Eastern time an `en-US` language tag guesses. Page: us-chicago-mpac-meeting-archives (read as Eastern before).
 *
 * Only countries that span several zones need a city: elsewhere the country's own zone is already right.
 */
import { addressZone, US_ADDRESS, usStateZoneOf } from './state-zones';
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
  // The other US cities of over 250,000 people whose name is theirs alone (not Arlington, Aurora, Glendale…).
  jacksonville: ['us', 'America/New_York'],
  tampa: ['us', 'America/New_York'],
  orlando: ['us', 'America/New_York'],
  raleigh: ['us', 'America/New_York'],
  'virginia beach': ['us', 'America/New_York'],
  cincinnati: ['us', 'America/New_York'],
  toledo: ['us', 'America/New_York'],
  akron: ['us', 'America/New_York'],
  buffalo: ['us', 'America/New_York'],
  'jersey city': ['us', 'America/New_York'],
  greensboro: ['us', 'America/New_York'],
  'st. petersburg': ['us', 'America/New_York'],
  lexington: ['us', 'America/New_York'],
  'el paso': ['us', 'America/Denver'],
  omaha: ['us', 'America/Chicago'],
  tulsa: ['us', 'America/Chicago'],
  wichita: ['us', 'America/Chicago'],
  'corpus christi': ['us', 'America/Chicago'],
  plano: ['us', 'America/Chicago'],
  laredo: ['us', 'America/Chicago'],
  lubbock: ['us', 'America/Chicago'],
  'baton rouge': ['us', 'America/Chicago'],
  'st. paul': ['us', 'America/Chicago'],
  'colorado springs': ['us', 'America/Denver'],
  mesa: ['us', 'America/Phoenix'],
  scottsdale: ['us', 'America/Phoenix'],
  boise: ['us', 'America/Boise'],
  reno: ['us', 'America/Los_Angeles'],
  fresno: ['us', 'America/Los_Angeles'],
  'long beach': ['us', 'America/Los_Angeles'],
  bakersfield: ['us', 'America/Los_Angeles'],
  anaheim: ['us', 'America/Los_Angeles'],
  'santa ana': ['us', 'America/Los_Angeles'],
  stockton: ['us', 'America/Los_Angeles'],
  irvine: ['us', 'America/Los_Angeles'],
  'chula vista': ['us', 'America/Los_Angeles'],
  spokane: ['us', 'America/Los_Angeles'],
  tacoma: ['us', 'America/Los_Angeles'],
  // The largest US counties whose name no city or state of another zone shares: a county government names
  // itself by its county (`Contra Costa County`, `contra-costa.granicus.com`). Page:
  // us-contracosta-agendaquick-meetings-july-2022 (read as UTC before).
  'cook county': ['us', 'America/Chicago'],
  'harris county': ['us', 'America/Chicago'],
  maricopa: ['us', 'America/Phoenix'],
  'miami-dade': ['us', 'America/New_York'],
  'riverside county': ['us', 'America/Los_Angeles'],
  'san bernardino': ['us', 'America/Los_Angeles'],
  'santa clara': ['us', 'America/Los_Angeles'],
  alameda: ['us', 'America/Los_Angeles'],
  'contra costa': ['us', 'America/Los_Angeles'],
  'san mateo': ['us', 'America/Los_Angeles'],
  ventura: ['us', 'America/Los_Angeles'],
  multnomah: ['us', 'America/Los_Angeles'],
  snohomish: ['us', 'America/Los_Angeles'],
  'king county': ['us', 'America/Los_Angeles'],
  'clark county': ['us', 'America/Los_Angeles'],
  tarrant: ['us', 'America/Chicago'],
  bexar: ['us', 'America/Chicago'],
  hennepin: ['us', 'America/Chicago'],
  broward: ['us', 'America/New_York'],
  'palm beach': ['us', 'America/New_York'],
  hillsborough: ['us', 'America/New_York'],
  pinellas: ['us', 'America/New_York'],
  cuyahoga: ['us', 'America/New_York'],
  allegheny: ['us', 'America/New_York'],
  mecklenburg: ['us', 'America/New_York'],
  fairfax: ['us', 'America/New_York'],
  'prince george': ['us', 'America/New_York'],
  'wayne county': ['us', 'America/Detroit'],
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
  // Regional councils that sign their registers by name alone on a vendor's `.com` host (`Noosa Council - eProperty`
  // on t1cloud.com): Queensland keeps no summer time, so Sydney's hours are wrong there half the year. Page:
  // au-noosa-t1-etrack-submitted-this-week.
  noosa: ['au', 'Australia/Brisbane'],
  'sunshine coast': ['au', 'Australia/Brisbane'],
  'moreton bay': ['au', 'Australia/Brisbane'],
  townsville: ['au', 'Australia/Brisbane'],
  cairns: ['au', 'Australia/Brisbane'],
  toowoomba: ['au', 'Australia/Brisbane'],
  rockhampton: ['au', 'Australia/Brisbane'],
  bundaberg: ['au', 'Australia/Brisbane'],
  wollongong: ['au', 'Australia/Sydney'],
  geelong: ['au', 'Australia/Melbourne'],
  ballarat: ['au', 'Australia/Melbourne'],
  bendigo: ['au', 'Australia/Melbourne'],
  launceston: ['au', 'Australia/Hobart'],
  'alice springs': ['au', 'Australia/Darwin'],
  'mount gambier': ['au', 'Australia/Adelaide'],
  bunbury: ['au', 'Australia/Perth'],
};

const CITY_NAME = new RegExp(
  `(?<![A-Za-z])(${Object.keys(CITY_ZONES)
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.]/g, '\\.').replace(/ /g, '\\s+'))
    .join('|')})(?![A-Za-z])`,
  'i',
);
// A domain's name runs the words together (`chicagocompletestreets`, `contra-costa`): a city of six letters or more
// at its start or its end (`cityofchicago`) is the city; shorter names (`perth`, `miami`) only as the whole label.
/** The countries whose cities the table holds. */
const CITY_COUNTRIES = new Set(Object.values(CITY_ZONES).map(([country]) => country));
const HOST_CITIES = Object.keys(CITY_ZONES).map((c) => [c.replace(/[^a-z]/g, ''), c] as const);

/**
 * A US city's name with its state's two letters (`detroitmi`, `pub-detroitmi.escribemeetings.com`), as vendors name
 * their customers' hosts. Page: us-detroit-escribe-meetings-2020-09 (read as UTC before).
 */
function withoutUsState(part: string): string | undefined {
  const joined = part.slice(0, -2);
  if (joined.length < 4 || !usStateZoneOf(part.slice(-2))) return undefined;
  const city = cityKey(joined);
  return city && CITY_ZONES[city]?.[0] === 'us' ? city : undefined;
}
const cityKey = (joined: string) => HOST_CITIES.find(([j]) => j === joined)?.[1];

/** The place a host's labels name: every label but the top level (`sandiego.hylandcloud.com`, `www.cityofdallas.org`). */
function hostCity(host: string): string | undefined {
  if (/^[\d.:]+$/.test(host)) return undefined;
  for (const raw of host.split('.').slice(0, -1)) {
    const label = raw.replace(/-/g, '');
    for (const [joined, city] of HOST_CITIES) {
      if (label === joined || (joined.length >= 6 && (label.startsWith(joined) || label.endsWith(joined)))) return city;
    }
    for (const part of raw.split('-')) {
      const city = withoutUsState(part);
      if (city) return city;
    }
  }
  return undefined;
}

/** Where else a site names itself than its name and title. */
export interface SiteClues {
  /** The page's footer line (`Dallas Area Rapid Transit (DART) Video Archive / Login`): the site's own name. */
  footer?: string;
  /** The hosts the page links to: read only when the page's own host is a bare IP address, which names nothing. */
  linkHosts?: readonly string[];
}

/**
 * The zone of the first well-known city or county named in the site's name, the page's title, its domain or its
 * footer line, if the place lies in the country the domain names (a `.de` page titled "Chicago" reports on Chicago;
 * its hours stay German). Pages: us-sandiego-onbase-council-committees-recent-upcoming (the city in a subdomain,
 * read as Eastern before), us-dart-swagit-board-of-directors-archive (Dallas only in the footer, read as UTC before).
 */
export function siteCityZone(
  names: ReadonlyArray<string | undefined>,
  host: string,
  tld: string,
  clues: SiteClues = {},
): PageZone | undefined {
  // A country domain with no city in the table (`.cn`, `.de`) allows none: nothing to read.
  if (/^[a-z]{2}$/.test(tld) && !CITY_COUNTRIES.has(tld)) return undefined;
  const allowed = (city: string | undefined) => {
    const entry = city ? CITY_ZONES[city] : undefined;
    return entry && (tld.length !== 2 || tld === entry[0]) ? { iana: entry[1] } : undefined;
  };
  const named = (name: string | undefined) => {
    const m = name ? CITY_NAME.exec(name) : null;
    return m ? allowed(m[1]!.toLowerCase().replace(/\s+/g, ' ')) : undefined;
  };
  for (const name of names) {
    const zone = named(name);
    if (zone) return zone;
  }
  // A town too small for the table, with its state (`Creve Coeur City, Missouri`): the state's zone. Page:
  // us-crevecoeur-iqm2-audit-committee-2019-08-08 (IQM2 on a `.com` host; read as UTC before).
  for (const name of tld.length !== 2 || tld === 'us' ? names : []) {
    const zone = name ? addressZone(name, [US_ADDRESS]) : undefined;
    if (zone) return zone;
  }
  const zone = allowed(hostCity(host)) ?? named(clues.footer?.slice(0, 300));
  if (zone || !/^[\d.:]+$/.test(host)) return zone;
  // A portal served from a bare IP address (`64.166.146.245`) names its place only in the hosts it links to (its
  // video archive on `contra-costa.granicus.com`). Page: us-contracosta-agendaquick-meetings-july-2022.
  for (const linked of clues.linkHosts ?? []) {
    const city = allowed(hostCity(linked));
    if (city) return city;
  }
  return undefined;
}

/**
 * The footer line (a `<footer>`, else the page's last paragraph, where a site signs its pages) and the hosts of the
 * page's absolute links, as siteCityZone reads them.
 */
export function siteClues(body: Element | null | undefined): SiteClues {
  if (!body) return {};
  // Read only when asked (a page whose domain or title settles its zone never walks the page for them: two
  // selector walks of a 2 MB list cost more than its extraction's goal allows).
  let footer: string | undefined | null = null;
  let linkHosts: string[] | null = null;
  return {
    get footer() {
      if (footer === null) {
        const foot =
          body.querySelector('footer, [role="contentinfo"], #footer, .footer') ??
          Array.from(body.querySelectorAll('p')).at(-1);
        footer = foot?.textContent ?? undefined;
      }
      return footer;
    },
    get linkHosts() {
      if (linkHosts === null) {
        const hosts = new Set<string>();
        for (const a of Array.from(body.querySelectorAll('a[href^="http"]')).slice(0, 300)) {
          const host = /^https?:\/\/([^/:?#\s]+)/i.exec(a.getAttribute('href') ?? '')?.[1];
          if (host) hosts.add(host.toLowerCase());
        }
        linkHosts = [...hosts];
      }
      return linkHosts;
    },
  };
}
