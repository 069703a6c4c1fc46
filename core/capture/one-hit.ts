/**
 * A result list that found one record: no structure repeats, so the list finders see none, yet the page says it
 * shows one hit (`Treffer 1 - 1 von 1`, `Results 1–1 of 1`). The record is then the one row of the page (a table row
 * or a list item) that screens as a record on its own: a title, a number, a date and a way to itself. Page:
 * de-nrw-landtag-parlamentsdatenbank-antwort-16-8774-kurzansicht (the heading over it named the search, not the
 * answer it found).
 */
import type { ListFound } from './lists';
import type { Pair } from './pairs';
import { recordDraft, screenRecord } from './record-read';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

/**
 * How a results page says it shows one hit, in the languages met: German `Treffer 1 - 1 von 1` (the page above),
 * English `Results 1 - 1 of 1`, `Showing 1 to 1 of 1`, `1 of 1 results`.
 */
const ONE_HIT = [
  /\b(?:treffer|ergebnisse?|dokumente?)\s*:?\s*1\s*(?:-|–|bis)\s*1\s*(?:von|aus)\s*1\b/i,
  /\b(?:results?|hits?|records?|showing|displaying)\s*:?\s*1\s*(?:-|–|to)\s*1\s*of\s*1\b/i,
  /(?:^|\s)1\s*of\s*1\s+(?:results?|hits?|records?|matches)\b/i,
];

/** Rows at most this many are screened: a page of one hit is small. */
const MAX_ROWS = 60;
/** A row longer than this is a page's layout, not a hit. */
const MAX_CHARS = 4000;

/** The one hit of a page that says it shows one, or null. `text` is the page's text, read once by the caller. */
export function oneHit(
  scan: Scan,
  text: string,
  pairs: Pair[],
  ctx: DateContext,
  base: string | undefined,
): ListFound | null {
  const said = collapse(text.length > 200_000 ? text.slice(0, 200_000) : text);
  if (!ONE_HIT.some((re) => re.test(said))) return null;
  // The page's rows, those of a search form's results too (the scan leaves forms out as chrome): one selector, read
  // only on a page that says it shows one hit.
  const rows = Array.from(scan.root.querySelectorAll('tr, li'));
  if (rows.length > MAX_ROWS) return null;
  // Rows that hold no other row (a layout table's row holds the page): each screened on its own.
  const leaves = rows.filter((r) => !rows.some((o) => o !== r && r.contains(o)));
  const hits = leaves
    .filter((r) => (r.textContent ?? '').length <= MAX_CHARS)
    .map((r) => ({ r, s: screenRecord(r, ctx) }))
    .filter(({ s }) => s.titleEl !== undefined && s.dated && s.numbered && s.linked);
  if (hits.length !== 1) return null;
  const { r, s } = hits[0]!;
  return { drafts: [recordDraft(r, [r], s, pairs, ctx, base)], items: [r] };
}
