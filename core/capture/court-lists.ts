/**
 * Court lists read by what their cells hold, whatever their headings say: rows (table rows, or repeated blocks) that
 * each show a case's caption (`Entela Ruga v. U.S. Attorney General`), a docket number (`13-14377`) and a date are
 * a list of cases. Columns a header table left unnamed are typed the same way. Pages: the b5-courts batch
 * (us-ca11-published-opinions-by-name, us-gaappeals-docket-date-results: their headings were unknown words at first
 * sight).
 */
import { detailLink } from './card-draft';
import { docketNumberIn, docketNumberOf, isCaseCaption } from './courts';
import { parseDate } from './dates';
import { type Draft, emptyDraft } from './draft';
import { type HeaderTable, rowCells } from './header-tables';
import type { ListFound } from './lists';
import type { Scan } from './scan';
import { cellText, collapse, readText, shapeOf, tagOf } from './text';
import type { DateContext } from './zones';

const MAX_PIECE = 250;
const MAX_DATE = 40;

/** What one row shows, read piece by piece (cells of a table row, lines of a block). */
interface CourtRow {
  title?: { text: string; el: Element };
  caseNumber?: string;
  reportedAt?: string;
}

function readRow(pieces: Array<{ text: string; el: Element }>, ctx: DateContext): CourtRow {
  const row: CourtRow = {};
  for (const { text, el } of pieces) {
    if (!text || text.length > MAX_PIECE) continue;
    if (!row.title && isCaseCaption(text)) {
      row.title = { text, el };
      continue;
    }
    const number = row.caseNumber ? undefined : (docketNumberOf(text) ?? docketNumberIn(text));
    if (number) {
      row.caseNumber = number;
      // `No. 13-14377 · Decided July 2, 2014`: the date may share the number's line.
      const rest = text.replace(number, ' ');
      if (!row.reportedAt && rest.length <= MAX_DATE * 2) row.reportedAt = parseDate(rest, ctx);
      continue;
    }
    if (!row.reportedAt && text.length <= MAX_DATE) row.reportedAt = parseDate(text, ctx);
  }
  return row;
}

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

function piecesOf(item: Element): Array<{ text: string; el: Element }> {
  if (tagOf(item) === 'TR') return rowCells(item).map((cell) => ({ text: collapse(cellText(cell)), el: cell }));
  return readText(item)
    .split('\n')
    .map((line) => ({ text: collapse(line), el: item }));
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
    const groups = new Map<string, Element[]>();
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const tag = tagOf(c);
      if (tag !== 'TR' && tag !== 'LI' && tag !== 'DIV' && tag !== 'P' && tag !== 'ARTICLE' && tag !== 'DL') continue;
      const key = shapeOf(c);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const group of groups.values()) {
      if (group.length < 2 || (best && group.length <= best.items.length)) continue;
      const hinted = group.filter((c) => {
        const raw = c.textContent ?? '';
        return raw.length <= 2000 && CAPTION_HINT.test(raw) && /\d/.test(raw);
      });
      if (hinted.length < 2 || hinted.length < group.length * 0.6) continue;
      const items: Element[] = [];
      const rows: CourtRow[] = [];
      for (const c of hinted) {
        const row = readRow(piecesOf(c), ctx);
        if (!complete(row)) continue;
        items.push(c);
        rows.push(row);
      }
      // A header row (words, no digit) is not one of the rows.
      const filled = group.filter((c) => /\d/.test(c.textContent ?? '')).length;
      if (items.length >= 2 && items.length >= filled * 0.8) best = { items, rows };
    }
  }
  if (!best) return null;
  const drafts = best.rows.map((row, k) => {
    const d: Draft = emptyDraft();
    d.title = row.title!.text;
    d.caseNumber = row.caseNumber;
    d.reportedAt = row.reportedAt;
    d.url = detailLink(row.title!.el, base) ?? detailLink(best!.items[k]!, base);
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
