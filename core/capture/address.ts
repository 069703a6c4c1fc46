/**
 * Street addresses written where no label says so: a card headed by its address (`<h2>2 Anthony Street SOUTH PERTH
 * WA 6151</h2>` over each application of a council register), or a cell whose first line is the address and the rest
 * the description (`4 Kenzey StreetNORTH MACKAY QLD 4740<br>Reconfiguration of a Lot …`). Pages:
 * au-southperth-civica-advertised-applications, au-mackay-masterview-submitted-this-week.
 */
import type { Draft } from './draft';
import type { Scan } from './scan';
import { collapse, readText, tagOf } from './text';

/**
 * Street-type words of English-speaking countries (full and the abbreviations postal services use), as they end the
 * street name in `12 High Street`, `7A Pepler Ave`, `46 Lowan Loop`.
 */
export const STREET_TYPES: readonly string[] = (
  'Street St Road Rd Avenue Ave Av Drive Dr Way Lane Ln Place Pl Court Ct Crescent Cres Close Cl Parade Pde ' +
  'Terrace Tce Highway Hwy Boulevard Blvd Grove Gr Loop Circuit Cct Esplanade Esp Square Sq Mews Row Walk Rise ' +
  'Gardens Gdns Track Trail Parkway Pkwy Circle Cir Broadway Promenade Quay Wharf Hill Green Crossing Bend Vale'
).split(' ');

const STREET_WORD = STREET_TYPES.map((w) => `${w}|${w.toUpperCase()}`).join('|');

// Optional `Unit 2` / `Lot 5` / `Shop 3,`, a house number (`7A`, `12-14`, `3/21`), up to five name words, the street
// word, then no lower-case letter (`StreetNORTH MACKAY` runs the suburb on without a space).
const ADDRESS_START = new RegExp(
  `^(?:(?:Unit|UNIT|Lot|LOT|Shop|SHOP|Suite|SUITE|Flat|FLAT|Apt|APT)\\.?\\s*\\w{1,5},?\\s+)?` +
    `\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,5}[A-Za-z]?)?,?\\s+(?:[A-Z][\\w'’.-]*\\s+){1,5}?(?:${STREET_WORD})(?![a-z])`,
);

/** Does this one line start like a street address? */
export function looksLikeAddress(line: string): boolean {
  return line.length <= 120 && ADDRESS_START.test(line);
}

/** Fills the draft's address, when no label gave one, from a title or a description's first line that is one. */
export function addressFromText(d: Draft): void {
  if (d.address) return;
  const title = d.title?.trim();
  if (title && looksLikeAddress(title)) {
    d.address = title;
    return;
  }
  const desc = d.description;
  if (!desc) return;
  const nl = desc.indexOf('\n');
  if (nl < 0) return;
  const first = desc.slice(0, nl).trim();
  const rest = desc.slice(nl + 1).trim();
  if (rest && looksLikeAddress(first)) {
    d.address = first;
    d.description = rest;
    return;
  }
  d.address = venueAddress(desc);
}

// `Chicago, Illinois 60601`, `Chicago, IL 60601-1234`, `Forbes NSW 2871`: a line that ends an address by its postcode.
const POSTCODE_END = /\b\d{4,5}(?:-\d{4})?$/;

/**
 * A venue: its name over its street address (`Illinois Commerce Commission` / `160 North LaSalle Street` / `Eighth
 * Floor, State of Illinois Building` / `Chicago, Illinois 60601`), the whole text a short block of lines. The address
 * is the street line, with the lines after it when the last ends with a postcode. Page:
 * us-il-commerce-policy-session-2020-05-27 (a meeting's place).
 */
function venueAddress(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2 || lines.length > 5) return undefined;
  const [name, street] = lines as [string, string];
  if (name.length > 60 || /\d/.test(name) || !looksLikeAddress(street)) return undefined;
  const tail = lines.slice(1);
  return POSTCODE_END.test(tail[tail.length - 1]!) ? tail.join(', ') : street;
}

// A section heading that names the land the case is about. `Notified Addresses` and the like name other places.
const PROPERTY_HEADING = /^(?:propert(?:y|ies)|property details|location|site|address(?:es)?|land|地址|位置)$/i;

/**
 * `<h3><a>Properties</a></h3><div><table><tr><td>36 William St, Forbes 2871 NSW (Lot: 1 DP: 346103)</td>…`: the
 * first line of a section headed by the word for the land, when it is a street address. Pages: the b5-au MasterView
 * details (au-forbes-masterview-da-10-2019-46-details, au-maranoa-masterview-pa-30-2019-19912-details).
 */
export function addressUnderHeading(scan: Scan): string | undefined {
  for (const h of scan.all) {
    if (!/^H[2-5]$/.test(tagOf(h)) || scan.excluded(h) || !PROPERTY_HEADING.test(collapse(h.textContent ?? '')))
      continue;
    const section = h.nextElementSibling;
    const first = section
      ? readText(section)
          .split('\n')
          .map(collapse)
          .find((l) => l)
      : undefined;
    if (first && looksLikeAddress(first)) return first;
  }
  return undefined;
}
