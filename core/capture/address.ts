/**
 * Street addresses written where no label says so: a card headed by its address (`<h2>2 Anthony Street SOUTH PERTH
 * WA 6151</h2>` over each application of a council register), or a cell whose first line is the address and the rest
 * the description (`4 Kenzey StreetNORTH MACKAY QLD 4740<br>Reconfiguration of a Lot …`). Pages:
 * au-southperth-civica-advertised-applications, au-mackay-masterview-submitted-this-week.
 */
import type { Draft } from './draft';

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
  }
}
