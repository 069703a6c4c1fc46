/**
 * The time and the street a meeting schedule states once, in a caption, a side note or a cell: `from 8 to 9 a.m.`,
 * `Council Chambers 1033 Fifth Street Clovis, CA 93612`; and the words that call a meeting off.
 */
import { collapse } from './text';

// A meeting that will not be held on its date; AgendaQuick writes it into the body's name (`FINANCE COMMITTEE -
// CANCELED`: us-contracosta-agendaquick-meetings-july-2022).
export const CALLED_OFF = /\b(?:cancell?ed|postponed)\b/i;

// `6:30 PM`, `6:30:00 PM` (OnBase writes the seconds: us-akron-onbase-city-council-meetings-search).
const TIME = /\b(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*([ap])\.?\s*m\b\.?/i;
// `from 8 to 9 a.m.`, `11:30 to 1 p.m.`: a span whose end alone carries the meridiem starts at its first hour, before
// noon when that hour is later than the end's. Page: us-sedgwick-county-corrections-advisory-boards-meetings.
const SPAN = /\b(\d{1,2})(?::(\d{2}))?\s*(?:-|–|to)\s*(\d{1,2})(?::\d{2})?\s*([ap])\.?\s*m\b\.?/i;

// A street: its number, up to four words and its kind (`1033 Fifth Street`).
const STREET_HEAD = String.raw`\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w.'-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Place|Pl|Parkway|Pkwy|Way|Lane|Ln|Court|Ct)\b`;
// In running text: the street and up to three comma-separated parts, up to what ends the address.
const STREET = new RegExp(String.raw`${STREET_HEAD}\.?(?:,\s*[^,:;]{2,40}?){0,3}(?=\s+at\s|[:;,]|$|\s*\.(?:\s|$))`);
const STREET_START = new RegExp(STREET_HEAD);

/** The time a text states first (a span's start), as `h:mm am`. */
export function sharedTime(text: string): string | undefined {
  const m = TIME.exec(text);
  const span = SPAN.exec(text);
  if (span && (!m || span.index <= m.index)) {
    const pm = span[4]!.toLowerCase() === 'p' && Number(span[1]) <= Number(span[3]);
    return `${span[1]}:${span[2] ?? '00'} ${pm ? 'p' : 'a'}m`;
  }
  return m ? `${m[1]}:${m[2] ?? '00'} ${m[3]!.toLowerCase()}m` : undefined;
}

/**
 * A cell is one place (`Council Chambers 1033 Fifth Street Clovis, CA 93612`): when no comma ends the street, from
 * its number to the cell's end, whatever follows the street's name. Page: us-clovis-municode-planning-commission-meetings.
 */
export function streetCell(cell: string): string | undefined {
  const at = STREET_START.exec(cell);
  return at ? cell.slice(at.index).trim() : undefined;
}

export function streetIn(text: string): string | undefined {
  return STREET.exec(collapse(text))?.[0]?.trim();
}
