import { looksLikeAddress, readsLikePostalAddress } from './address';
/**
 * Lists in tables: the rows of a table with a header row of case columns (`工单编号 | 诉求标题 | 受理时间 | 办理状态`),
 * one table per month under the same header, and a table holding several cases as blocks of label rows. One draft
 * per case, in page order.
 */
import { detailLink } from './card-draft';
import { typeUnnamedColumns } from './court-lists';
import { captionInCell } from './courts';
import { type Draft, emptyDraft, fieldsFromPairs, fillGaps, KEY_TO_FIELD, normaliseTidy } from './draft';
import type { HeaderTable } from './header-tables';
import { ISSUE_FIELDS } from './labels';
import type { ListFound } from './lists';
import type { Pair } from './pairs';
import { collapse } from './text';
import { cellText } from './visible-text';
import type { DateContext } from './zones';

/** Rows of header tables with a title or case-number column. */
export function tableList(tables: HeaderTable[], ctx: DateContext, base: string | undefined): ListFound | null {
  const best = tables
    .filter((t) => t.kind === 'issues' && (t.rows.length >= 2 || oneRowGrid(t) || namedRow(t)))
    .sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!best) return null;
  const rows = sameHeadedRows(tables, best);
  const drafts: Draft[] = [];
  // In a list, the unit that answered a case (`答复单位`) is the one handling it.
  const answeredBy = best.columns.findIndex((c) => c.match?.field === 'updateBy');
  const fields = best.columns.map((col) => (col.match ? KEY_TO_FIELD[col.match.field] : undefined));
  // A list of decided cases dated only by the decision (`Party Name | Decision Date | …`): that date is the row's.
  // Page: us-nycourts-slip-decisions-court-of-appeals.
  if (!fields.includes('reportedAt')) {
    const decided = best.columns.findIndex((c) => c.match?.field === 'updateAt');
    if (decided >= 0) fields[decided] = 'reportedAt';
  }
  typeUnnamedColumns(best, fields, ctx);
  const described = fields.includes('title') ? -1 : fields.indexOf('description');
  const hours = hourColumn(fields);
  // Rows under one case-number cell (`rowspan`) are the parties of one decision, one case: its first row reads it.
  // Page: cn-nfra-xzcf-zhejiang-2024-52-penalty (a penalty on a company and on its deputy manager).
  const numbered = fields.indexOf('caseNumber');
  let numberCell: Element | undefined;
  for (const row of rows) {
    if (numbered >= 0) {
      const cell = row.cells[numbered];
      if (cell && cell === numberCell) continue;
      numberCell = cell;
    }
    const d = emptyDraft();
    let dateText: string | undefined;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const cell = row.cells[i];
      if (!field || !cell || d[field] !== undefined) continue;
      const text = (field === 'title' && captionInCell(cell)) || cellText(cell);
      const v = normaliseTidy(field, text, ctx);
      if (v !== undefined) (d as unknown as Record<string, string>)[field] = v;
      if (field === 'title') d.url = detailLink(cell, base);
      if (field === 'reportedAt' && v !== undefined) dateText = text;
    }
    const hourCell = hours >= 0 && dateText ? row.cells[hours] : undefined;
    if (hourCell) withHour(d, dateText!, cellText(hourCell), ctx);
    if (d.address === undefined && d.description) placeBeforeDash(d);
    // No title column, but the description cell names the case (`P. v. McDavid 4/29/24 SC  Case Details`).
    const describedCell = d.title === undefined && described >= 0 ? row.cells[described] : undefined;
    if (describedCell) d.title = captionInCell(describedCell);
    const answeredCell = answeredBy >= 0 ? row.cells[answeredBy] : undefined;
    if (d.department === undefined && answeredCell)
      d.department = normaliseTidy('department', cellText(answeredCell), ctx);
    d.url ??= detailLink(row.tr, base);
    if (d.title || d.caseNumber) drafts.push(d);
  }
  if (drafts.length >= 2 || (drafts.length === 1 && oneRowGrid(best))) return { drafts, items: rows.map((r) => r.tr) };
  return drafts.length === 1 && namedRow(best) ? { drafts, items: [best.rows[0]!.tr], single: true } : null;
}

/** A second date column after the first (`Meeting Date | Meeting Time`): where the rows give their hour. */
function hourColumn(fields: Array<string | undefined>): number {
  const first = fields.indexOf('reportedAt');
  return first < 0 ? -1 : fields.indexOf('reportedAt', first + 1);
}

const HOUR_ALONE = /^\d{1,2}(?::\d{2}){1,2}\s*[ap]\.?\s*m\.?$/i;

/**
 * The hour in a column of its own (`6/12/2014 | 10:00 AM`) joins the row's date. Page:
 * us-nyc-council-legistar-calendar-2014-06 (Legistar's `Meeting Date | Meeting Time`).
 */
function withHour(d: Draft, dateText: string, hourText: string, ctx: DateContext): void {
  const hour = collapse(hourText);
  if (hour.length > 12 || !HOUR_ALONE.test(hour)) return;
  d.reportedAt = normaliseTidy('reportedAt', `${collapse(dateText)} ${hour}`, ctx) ?? d.reportedAt;
}

/**
 * A list cut into one table per month (`<caption>June 2014</caption>`, the same `Opinion # | Case | Date` header in
 * each): the rows of every table beside the largest that has its very header, in page order. Page:
 * us-maine-law-court-opinions-2014.
 */
function sameHeadedRows(tables: HeaderTable[], best: HeaderTable): HeaderTable['rows'] {
  const head = (t: HeaderTable) => t.columns.map((c) => c.label).join('|');
  const key = head(best);
  const parent = best.table.parentElement;
  const same = tables.filter(
    (t) =>
      t === best ||
      (t.kind === 'issues' && t.table.parentElement === parent && t.table !== best.table && head(t) === key),
  );
  if (same.length < 2) return best.rows;
  // Document order: a table that precedes another in the page comes first.
  same.sort((a, b) => (a.table.compareDocumentPosition(b.table) & 4 ? -1 : 1));
  return same.flatMap((t) => t.rows);
}

/**
 * A results grid that found one case (MasterView's `Number | Submitted | Details` over one row and an empty footer):
 * a number and a date column under sort links say it is a list of cases, however short. Page:
 * au-mackay-masterview-submitted-this-week.
 */
function oneRowGrid(t: HeaderTable): boolean {
  const fields = new Set(t.columns.map((c) => c.match?.field));
  const sortable = t.head.querySelectorAll('a[href*="__doPostBack"], a[href*="sort" i]').length >= 2;
  const filled = t.rows.filter((r) => collapse(r.tr.textContent ?? '') !== '');
  return sortable && filled.length === 1 && fields.has('caseNumber') && fields.has('reportedAt');
}

/**
 * A table whose columns name a case's title, its number and its date is a list of cases even with one row
 * (Washington's opinions of the month: `File Date | Case Info/File | Div. | Case Title | File Contains` over one
 * opinion). Page: us-wa-courts-appeals-published-opinions-2026.
 */
function namedRow(t: HeaderTable): boolean {
  const fields = new Set(t.columns.map((c) => c.match?.field));
  return t.rows.length === 1 && fields.has('title') && fields.has('caseNumber') && fields.has('reportedAt');
}

/**
 * One table holding several cases as blocks of label rows (`案件编号 / 标题 / 上报时间 / 状态`, a spacer row, the
 * same labels again): the first label's return starts the next case.
 */
export function repeatedBlocks(pairs: Pair[], ctx: DateContext, base: string | undefined): ListFound | null {
  const byTable = new Map<Element, Pair[]>();
  for (const p of pairs) {
    const table = p.source === 'cell' ? p.el.closest('table') : null;
    if (!table || !p.field || !ISSUE_FIELDS.has(p.field)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), p]);
  }
  let best: Pair[][] | null = null;
  for (const list of byTable.values()) {
    const firstKey = list[0]!.key;
    const blocks: Pair[][] = [];
    for (const p of list) {
      if (p.key === firstKey || blocks.length === 0) blocks.push([]);
      blocks[blocks.length - 1]!.push(p);
    }
    const cases = blocks.filter((b) => b.some((p) => p.field === 'title' || p.field === 'caseNumber'));
    if (cases.length < 2 || cases.length < blocks.length * 0.8 || (best && cases.length <= best.length)) continue;
    best = cases;
  }
  if (!best) return null;
  const drafts = best.map((block) => {
    const d = fillGaps(emptyDraft(), fieldsFromPairs(block, ctx));
    for (const p of block) d.url ??= detailLink(p.valueEl, base);
    return d;
  });
  return { drafts, items: best.flatMap((block) => block.map((p) => p.el)) };
}

/**
 * `7 Thompson Cres TEWANTIN - Patio Within Side Boundary Setback`: a register's details cell that opens with the
 * site, a dash, then the proposal. The part before the dash is the address when it reads as a street address. Page:
 * au-noosa-t1-etrack-submitted-this-week (T1 eTrack's `Details` column).
 */
const SITE_THEN_PROPOSAL = /^(\d[^-–—\n]{5,80}?)\s+[-–—]\s+(\S.{3,})$/s;

function placeBeforeDash(d: Draft): void {
  const m = SITE_THEN_PROPOSAL.exec(d.description!);
  if (!m || !looksLikeAddress(m[1]!) || !readsLikePostalAddress(m[1]!)) return;
  d.address = m[1]!;
  d.description = m[2]!;
}
