/**
 * Court lists read by what their cells hold, whatever their headings say: rows (table rows, or repeated blocks) that
 * each show a case's caption (`Entela Ruga v. U.S. Attorney General`), a docket number (`13-14377`) and a date are
 * a list of cases. Columns a header table left unnamed are typed the same way. Pages: the b5-courts batch
 * (us-ca11-published-opinions-by-name, us-gaappeals-docket-date-results: their headings were unknown words at first
 * sight).
 */
import { detailLink } from './card-title';
import { docketNumberIn, docketNumberOf, isCaseCaption, splitBracketedNumber } from './courts';
import { parseDate } from './dates';
import { type Draft, emptyDraft } from './draft';
import { childrenByShape, tagOf } from './elements';
import type { HeaderTable } from './header-tables';
import type { ListFound } from './lists';
import type { Scan } from './scan';
import { usStateZoneOf } from './state-zones';
import { rowCells } from './table-rows';
import { collapse } from './text';
import { onclickUrl } from './urls';
import { cellText, readText } from './visible-text';
import type { DateContext } from './zones';

const MAX_PIECE = 250;
const MAX_DATE = 40;
const MAX_SUMMARY = 1500;

/** What one row shows, read piece by piece (cells of a table row, lines of a block). */
interface CourtRow {
  title?: { text: string; el: Element };
  caseNumber?: string;
  reportedAt?: string;
  /** A block's line of words that is none of the above (Virginia: the summary under the caption). */
  description?: string;
}

/**
 * A court's bare serial (`124674` Kansas, `0423134` Virginia, `Case No. 20240965` Utah): five to eight digits alone
 * in a piece or after `No.`. Read only in a row that already names a case, and only when no docket number of a known
 * form is in the row (a bare number alone could be anything).
 */
const BARE_SERIAL = /^(?:(?:case\s+|docket\s+|appeal\s+)?(?:no\.?|number|#)\s*:?\s*)?(\d{5,8})$/i;
const SERIAL_IN = /(?:case|docket|appeal)\s+(?:no\.?|number|#)\s*:?\s*(\d{5,8})/i;

function readRow(pieces: Array<{ text: string; el: Element }>, ctx: DateContext): CourtRow {
  const row: CourtRow = {};
  let serial: string | undefined;
  for (const { text, el } of pieces) {
    if (!text || text.length > MAX_SUMMARY) continue;
    // A caption, a number or a date is short; the summary after them may run longer (us-virginia-cav-opinions-2013:
    // a 330-character holding under the last row was dropped).
    const short = text.length <= MAX_PIECE;
    if (short && !row.title && isCaseCaption(text)) {
      const split = row.caseNumber ? undefined : splitBracketedNumber(text);
      row.title = { text: split?.title ?? text, el };
      if (split) row.caseNumber = split.number;
      continue;
    }
    const number = !short || row.caseNumber ? undefined : (docketNumberOf(text) ?? docketNumberIn(text));
    const bare = !short || number || serial ? undefined : (BARE_SERIAL.exec(text) ?? SERIAL_IN.exec(text))?.[1];
    if (bare) {
      serial = bare;
      const rest = text.replace(bare, ' ');
      if (!row.reportedAt && rest.length <= MAX_DATE * 2) row.reportedAt = parseDate(rest, ctx);
      continue;
    }
    if (number) {
      row.caseNumber = number;
      // `No. 13-14377 · Decided July 2, 2014`: the date may share the number's line.
      const rest = text.replace(number, ' ');
      if (!row.reportedAt && rest.length <= MAX_DATE * 2) row.reportedAt = parseDate(rest, ctx);
      continue;
    }
    if (!row.reportedAt && text.length <= MAX_DATE) {
      row.reportedAt = parseDate(text, ctx);
      if (row.reportedAt) continue;
    }
    if (
      !row.description &&
      row.title &&
      text.length >= 20 &&
      el.tagName !== 'TD' &&
      !LABELLED_LINE.test(text) &&
      /[a-z]{3}.*\s.*[a-z]{3}/i.test(text)
    )
      row.description = text;
  }
  if (!row.caseNumber && serial && row.title) row.caseNumber = serial;
  return row;
}

// `Author: Justice Paul Newby` under a caption: a labelled line is a field of the row, never its summary.
const LABELLED_LINE = /^[A-Z][A-Za-z ]{1,24}:\s.{1,50}$/;

const complete = (r: CourtRow) => r.title !== undefined && r.caseNumber !== undefined && r.reportedAt !== undefined;

// Cheap test before a row is read: a caption's `v.` / `In re` and a digit.
const CAPTION_HINT = /\sv(?:s)?\.?\s|\bin\s+re\b|\bmatter\s+of\b|\bex\s+parte\b/i;

/** Whether a page's text names at least two cases by caption: only then are its rows read one by one. */
export function mayListCases(text: string): boolean {
  const hints = new RegExp(CAPTION_HINT.source, 'gi');
  let n = 0;
  while (hints.exec(text)) if (++n >= 2) return true;
  return false;
}

const INLINE = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'SPAN', 'FONT', 'U']);

/**
 * A block's pieces: each inline element of its own (`<a>Hideout v. Summit County</a>`, `<b>…</b>`) apart from the
 * text around it, which is cut at its lines and at commas before a word (`, Case No. 20220573, Filed October 10,
 * 2024`), so that a caption written on one line with its number and date is read as three pieces (Utah: the
 * caption is a link and the rest plain text; Virginia: `<a>0423134</a> <b>caption</b> 10/08/2013`).
 */
function blockPieces(item: Element): Array<{ text: string; el: Element }> {
  const pieces: Array<{ text: string; el: Element }> = [];
  const addText = (raw: string, el: Element) => {
    for (const line of raw.split('\n'))
      for (const part of line.split(/,\s+(?=[A-Za-z])/)) {
        const text = collapse(part).replace(/^[,;\s]+|[,;\s]+$/g, '');
        if (text) pieces.push({ text, el });
      }
  };
  for (let n = item.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) addText(n.textContent ?? '', item);
    else if (n.nodeType === 1) {
      const el = n as Element;
      if (INLINE.has(tagOf(el)) && !el.querySelector('br,div,p,li,table')) {
        const text = collapse(el.textContent ?? '');
        if (text) pieces.push({ text, el });
      } else addText(readText(el), el);
    }
  }
  return pieces;
}

function piecesOf(item: Element): Array<{ text: string; el: Element }> {
  if (tagOf(item) === 'TR') return rowCells(item).map((cell) => ({ text: collapse(cellText(cell)), el: cell }));
  return readText(item)
    .split('\n')
    .map((line) => ({ text: collapse(line), el: item }));
}

/** A row read by its cells or lines; a block whose lines do not make a row is read again by its inline pieces. */
function readItem(item: Element, ctx: DateContext): CourtRow {
  const row = readRow(piecesOf(item), ctx);
  return complete(row) || tagOf(item) === 'TR' ? row : readRow(blockPieces(item), ctx);
}

/**
 * Tags a row may have. `SPAN`: table rows written with no `<table>` around them lose their `<tr>`/`<td>` to the
 * parser, leaving each row's spans as one span per row (us-nc-supreme-slip-opinions-2025).
 */
const ROW_TAGS = new Set(['TR', 'LI', 'DIV', 'P', 'ARTICLE', 'DL', 'SPAN']);

/** The date a heading opens with (`Filed: 23 May 2025` over `Mandate: …`): its first line only, when short. */
function headingDate(el: Element, ctx: DateContext): string | undefined {
  const raw = el.textContent ?? '';
  if (raw.length > 1000 || !/\d/.test(raw) || CAPTION_HINT.test(raw)) return undefined;
  const first = readText(el)
    .split('\n')
    .find((l) => l.trim());
  return first && first.length <= 60 ? parseDate(first, ctx) : undefined;
}

/**
 * A row that names its case and number but no date, under a heading that opens with one (`<strong>Filed: 23 May
 * 2025<br>Mandate: 12 June 2025…</strong>` over the day's opinions): the date of the nearest such heading before it
 * (rows between are passed over). Page: us-nc-supreme-slip-opinions-2025.
 */
function dateOfHeadingAbove(row: Element, ctx: DateContext): string | undefined {
  for (let prev = row.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (CAPTION_HINT.test(prev.textContent ?? '')) continue;
    return headingDate(prev, ctx);
  }
  return undefined;
}

/**
 * The largest group of sibling rows (at least two) of which at least 80 % each show a caption, a docket number
 * and a date: one case per such row.
 */
export function courtRows(scan: Scan, ctx: DateContext, base: string | undefined): ListFound | null {
  let best: { items: Element[]; rows: CourtRow[] } | null = null;
  for (let i = 0; i < scan.all.length; i++) {
    const parent = scan.all[i]!;
    if (parent.childElementCount < 2 || scan.excluded(parent)) continue;
    for (const group of childrenByShape(parent, ROW_TAGS).values()) {
      if (group.length < 2 || (best && group.length <= best.items.length)) continue;
      const hinted = group.filter((c) => {
        const raw = c.textContent ?? '';
        return raw.length <= 2000 && CAPTION_HINT.test(raw) && /\d/.test(raw);
      });
      if (hinted.length < 2 || hinted.length < group.length * 0.6) continue;
      const items: Element[] = [];
      const rows: CourtRow[] = [];
      for (const c of hinted) {
        const row = readItem(c, ctx);
        if (row.title && row.caseNumber && !row.reportedAt) row.reportedAt = dateOfHeadingAbove(c, ctx);
        if (!complete(row)) continue;
        items.push(c);
        rows.push(row);
      }
      // A header row (words, no digit) is not one of the rows.
      // Nor is a date heading between them (`<li><b>Released: March 4, 2024</b></li>` among the `<li>` rows).
      const filled = group.filter(
        (c) => /\d/.test(c.textContent ?? '') && (items.includes(c) || !headingDate(c, ctx)),
      ).length;
      if (items.length >= 2 && items.length >= filled * 0.8) best = { items, rows };
    }
  }
  if (!best) return null;
  const drafts = best.rows.map((row, k) => {
    const d: Draft = emptyDraft();
    d.title = row.title!.text;
    d.caseNumber = row.caseNumber;
    d.reportedAt = row.reportedAt;
    if (row.description) d.description = row.description;
    d.url = detailLink(row.title!.el, base) ?? detailLink(best!.items[k]!, base) ?? onclickUrl(best!.items[k]!, base);
    return d;
  });
  return { drafts, items: best.items };
}

/**
 * A header table's columns its words did not name, typed by their cells: captions are the title, docket numbers
 * the case number, dates the date (at least 80 % of the filled cells of the column). Mutates `fields`.
 */
export function typeUnnamedColumns(table: HeaderTable, fields: Array<string | undefined>, ctx: DateContext): void {
  const want: Array<['title' | 'caseNumber' | 'reportedAt', (text: string) => boolean]> = [
    ['title', (t) => t.length <= MAX_PIECE && isCaseCaption(t)],
    ['caseNumber', (t) => docketNumberOf(t) !== undefined],
    ['reportedAt', (t) => t.length <= MAX_DATE && parseDate(t, ctx) !== undefined],
  ];
  for (const [field, fits] of want) {
    if (fields.includes(field)) continue;
    for (let col = 0; col < fields.length; col++) {
      if (fields[col] !== undefined || table.columns[col]?.match) continue;
      const texts = table.rows
        .slice(0, 50)
        .map((r) => (r.cells[col] ? collapse(cellText(r.cells[col]!)) : ''))
        .filter(Boolean);
      if (texts.length && texts.filter(fits).length >= texts.length * 0.8) {
        fields[col] = field;
        break;
      }
    }
  }
}

// `2014 OK AG 1`, `2014 ME 74`, `2024 UT 40`: a neutral citation (year, state, series, serial) numbers a decision.
const CITATION = /(?:19|20)\d{2}\s[A-Z]{2}(?:\s[A-Z]{1,4})?\s\d{1,4}\b/;
const LEADING_CITATION = new RegExp(`^(${CITATION.source})[,;:]?\\s+(.+)$`);

/** Whether a page's text shows at least two neutral citations: only then are its rows read for them. */
export function mayListCitations(text: string): boolean {
  const all = new RegExp(CITATION.source, 'g');
  return all.exec(text) !== null && all.exec(text) !== null;
}

/** A row that opens with a citation, then its date, then what it is (`2014 OK AG 1, 01/13/2014, Question …`). */
interface CitationRow {
  title: string;
  caseNumber: string;
  reportedAt: string;
}

function citationRow(raw: string, ctx: DateContext): CitationRow | undefined {
  if (raw.length > 600) return undefined;
  const m = LEADING_CITATION.exec(collapse(raw));
  if (!m) return undefined;
  const parts = m[2]!.split(/,\s+/);
  const date = parts[0]!.length <= MAX_DATE ? parseDate(parts[0]!, ctx) : undefined;
  const title = parts.slice(1).join(', ');
  return date && title ? { caseNumber: m[1]!, reportedAt: date, title } : undefined;
}

// What a list of opinions by citation is drawn as (`<dd>` in a definition list).
const CITATION_ROW_TAGS: ReadonlySet<string> = new Set(['TR', 'LI', 'DIV', 'P', 'DD']);

/**
 * Rows of decisions numbered by a neutral citation, with no caption (an attorney general's opinions: `<p><a>2014 OK
 * AG 1, 01/13/2014, Question Submitted by: …</a></p>`): the largest group of sibling rows (at least two) of which
 * at least 80 % open with a citation and a date. Page: us-oklahoma-ag-opinions-2014.
 */
export function citationRows(scan: Scan, pageCtx: DateContext, base: string | undefined): ListFound | null {
  const text = scan.root.textContent ?? '';
  const ctx = orderShownBy(text, zoneOfCitations(text, pageCtx));
  let best: { items: Element[]; rows: CitationRow[] } | null = null;
  for (const parent of scan.all) {
    if (parent.childElementCount < 2 || scan.excluded(parent)) continue;
    for (const group of childrenByShape(parent, CITATION_ROW_TAGS).values()) {
      if (group.length < 2 || (best && group.length <= best.items.length)) continue;
      const items: Element[] = [];
      const rows: CitationRow[] = [];
      for (const c of group) {
        const row = citationRow(c.textContent ?? '', ctx);
        if (!row) continue;
        items.push(c);
        rows.push(row);
      }
      if (items.length >= 2 && items.length >= group.length * 0.8) best = { items, rows };
    }
  }
  if (!best) return null;
  const drafts = best.rows.map((row, k) => {
    const d: Draft = emptyDraft();
    d.title = row.title;
    d.caseNumber = row.caseNumber;
    d.reportedAt = row.reportedAt;
    d.url = detailLink(best!.items[k]!, base);
    return d;
  });
  return { drafts, items: best.items };
}

/**
 * `01/13/2014` can only be month first: on a page whose domain tells nothing (`oscn.net`, no `lang`), the first
 * numeric date that cannot be read both ways gives the order of all (us-oklahoma-ag-opinions-2014: `02/06/2014` is
 * 6 February). Read from the page's first 200 citation lines at most.
 */
function orderShownBy(text: string, ctx: DateContext): DateContext {
  const re = new RegExp(`${CITATION.source}[,;:]?\\s+(\\d{1,2})[/.](\\d{1,2})[/.]\\d{2,4}`, 'g');
  for (let k = 0, m = re.exec(text); m && k < 200; k++, m = re.exec(text)) {
    if (Number(m[1]) > 12) return { ...ctx, numericOrder: 'dmy' };
    if (Number(m[2]) > 12) return { ...ctx, numericOrder: 'mdy' };
  }
  return ctx;
}

/**
 * A neutral citation names its state (`2014 OK AG 1`: Oklahoma): on a page whose domain gave no zone (the bare UTC
 * fallback, `oscn.net`), the state of its first citation gives the zone (us-oklahoma-ag-opinions-2014).
 */
function zoneOfCitations(text: string, ctx: DateContext): DateContext {
  if (!('offset' in ctx.zone) || ctx.zone.offset !== 0) return ctx;
  const m = new RegExp(CITATION.source).exec(text);
  const zone = m ? usStateZoneOf(m[0].split(/\s/)[1]!) : undefined;
  return zone ? { ...ctx, zone } : ctx;
}
