/**
 * Street addresses written where no label says so: a card headed by its address (`<h2>2 Anthony Street SOUTH PERTH
 * WA 6151</h2>` over each application of a council register), or a cell whose first line is the address and the rest
 * the description (`4 Kenzey StreetNORTH MACKAY QLD 4740<br>Reconfiguration of a Lot …`). Pages:
 * au-southperth-civica-advertised-applications, au-mackay-masterview-submitted-this-week.
 */
import type { Draft } from './draft';
import { tagOf } from './elements';
import type { Scan } from './scan';
import { US_STATE_NAMES, usStateZoneOf } from './state-zones';
import { collapse } from './text';
import { readText } from './visible-text';

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

// Optional `Unit 2` / `Lot 5` / `Shop 3,`, a house number (`7A`, `12-14`, `3/21`), up to five name words (an
// ordinal among them: `107 1ST AVE S`, `1033 NE 65th St`), the street word, then no lower-case letter (`StreetNORTH
// MACKAY` runs the suburb on without a space). Page: us-kingcounty-food-inspection-taco-del-mar-seattle.
const ADDRESS_START = new RegExp(
  `^(?:(?:Unit|UNIT|Lot|LOT|Shop|SHOP|Suite|SUITE|Flat|FLAT|Apt|APT)\\.?\\s*\\w{1,5},?\\s+)?` +
    `\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,5}[A-Za-z]?)?,?\\s+(?:(?:[A-Z][\\w'’.-]*|\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))\\s+){1,5}?` +
    `(?:${STREET_WORD})(?![a-z])`,
);

// A land parcel named by its survey reference alone: `Lot 8 RP90257`, `Lot 1 DP 123456`, `Lot 5 on SP 1234`,
// `Section 12 Block 4`, `Parcel 1234-567`. Page: au-goldcoast-epathway-mcu-2018-1167-details (`Property address`).
const PARCEL_ONLY =
  /^(?:(?:Lot|Pt|Part|Section|Sec|Portion|Block|Parcel|Allotment|CT|Volume|Folio)\.?\s*[\w/-]{1,12}(?:\s+(?:on|of)\s+)?\s*(?:(?:RP|SP|DP|CP|PS|LP|TP|BUP|GTP|SL|Plan|Deposited Plan|Strata Plan)\s*[\d/]{1,12})?[,\s]*)+$/i;

/** Is this value only a land parcel's survey reference, with no street? */
export function isParcelOnly(value: string): boolean {
  const t = value.trim();
  return t.length <= 60 && PARCEL_ONLY.test(t);
}

/** Does this one line start like a street address? */
export function looksLikeAddress(line: string): boolean {
  return line.length <= 120 && ADDRESS_START.test(line);
}

// How a postal address ends, by country: a UK postcode (`Brighton BN1 6HE`), an Australian state and postcode
// (`BILINGA QLD 4225`, `Forbes 2871 NSW`), a US state by its letters or name and a ZIP code (`Creve Coeur, MO 63141`).
const UK_POSTCODE_END = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$/;
const AU_STATE_END = /\b(?:NSW|ACT|VIC|QLD|SA|WA|TAS|NT)\s+\d{4}$|\b\d{4}\s+(?:NSW|ACT|VIC|QLD|SA|WA|TAS|NT)$/;
const US_ZIP_END = /,?\s+([A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\.?,?\s+\d{5}(?:-\d{4})?$/;
// A Chinese address: a province, city, district or county, then a road or lane and its number (`长江路123号`).
const CN_ADDRESS =
  /^[^，。；！？,;:：]{0,30}?(?:省|市|区|县|镇|乡|州)[^，。；！？,;:：]{0,30}?(?:路|街|道|巷|弄|胡同|里)\s*\d{1,5}(?:[-之]\d{1,4})?\s*号/;
const STREET_WORD_IN = new RegExp(`\\b(?:${STREET_WORD})\\b`);

/**
 * Does this line read as a postal address and nothing else: a street line (`12 High Street`), or a house number or
 * name, a street and a town ending with the country's postcode (`Arundel Cottage 20 Lewes Crescent Brighton BN2
 * 1GB`, `132 Beaconsfield Villas Brighton BN1 6HE`), or a Chinese address down to the house number. A line that
 * reads so locates a case; it never describes it. Pages: uk-brighton-idox-decided-applications-search-results (the
 * address under each proposal), us-crevecoeur-iqm2-audit-committee-2019-08-08 (a meeting's place).
 */
export function readsLikePostalAddress(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 120) return false;
  if (CN_ADDRESS.test(t)) return t.length <= 60;
  // Sentences are no addresses: an address has no full stop and few lower-case words.
  if (/[.!?;]\s+[A-Za-z]/.test(t) || (t.match(/\b[a-z]{4,}\b/g)?.length ?? 0) > 1) return false;
  if (looksLikeAddress(t)) return true;
  const us = US_ZIP_END.exec(t);
  const ends =
    UK_POSTCODE_END.test(t) ||
    AU_STATE_END.test(t) ||
    (us !== null &&
      (us[1]!.length > 2 ? US_STATE_NAMES[us[1]!.toLowerCase().replace(/\s+/g, '')] : usStateZoneOf(us[1]!)) !==
        undefined);
  // A postcode ends it; a house number or a street word before the town makes it a street address.
  if (!ends) return false;
  const before = t.replace(UK_POSTCODE_END, '').replace(AU_STATE_END, '').replace(US_ZIP_END, '');
  // A full UK postcode narrows to a few dozen doors: a premises and a town before it is an address without a number
  // (`McDonald's Restaurant Hunts Cross Shopping Park Liverpool L24 9GB`: uk-liverpool-northgate-16f-2687, label-blind).
  if (UK_POSTCODE_END.test(t) && before.trim().split(/\s+/).length >= 3) return true;
  return /\b\d{1,5}[A-Za-z]?\b/.test(before) || STREET_WORD_IN.test(before);
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
