import { looksLikeAddress, readsLikePostalAddress } from './address';
/**
 * Lists in tables: the rows of a table with a header row of case columns (`工单编号 | 诉求标题 | 受理时间 | 办理状态`),
 * one table per month under the same header, and a table holding several cases as blocks of label rows. One draft
 * per case, in page order.
 */
import { detailLink, ownLink } from './card-title';
import { typeUnnamedColumns } from './court-lists';
import { captionInCell } from './courts';
import {
  type Draft,
  type DraftField,
  emptyDraft,
  fieldsFromPairs,
  fillGaps,
  KEY_TO_FIELD,
  normaliseTidy,
} from './draft';
import { firstBelow, isHidden, tagOf } from './elements';
import type { HeaderTable } from './header-tables';
import { ISSUE_FIELDS, matchLabel } from './labels';
import type { ListFound } from './lists';
import type { Pair } from './pairs';
import { ONE_LINK, TEXT_ONLY } from './table-rows';
import { collapse } from './text';
import { cellText, textOf } from './visible-text';
import type { DateContext } from './zones';

/** Rows of header tables with a title or case-number column. */
export function tableList(tables: HeaderTable[], ctx: DateContext, base: string | undefined): ListFound | null {
  const best = tables
    .filter((t) => t.kind === 'issues' && (t.rows.length >= 2 || oneRowGrid(t) || namedRow(t)))
    .sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!best) return null;
  const drafts: Draft[] = [];
  const rows: HeaderTable['rows'] = [];
  // Each table by its own head, a table under the very head of the largest by that head's reading.
  const key = headKey(best);
  const bestColumns = readColumns(best, ctx);
  for (const t of sameList(tables, best)) {
    const columns = headKey(t) === key ? bestColumns : readColumns(t, ctx);
    // Rows under one case-number cell (`rowspan`) are the parties of one decision, one case: its first row reads it.
    // Page: cn-nfra-xzcf-zhejiang-2024-52-penalty (a penalty on a company and on its deputy manager).
    const numbered = columns.fields.indexOf('caseNumber');
    let numberCell: Element | undefined;
    for (const row of t.rows) {
      if (numbered >= 0) {
        const cell = row.cells[numbered];
        if (cell && cell === numberCell) continue;
        numberCell = cell;
      }
      const d = readRow(row, columns, ctx, base);
      if (d.title || d.caseNumber) drafts.push(d);
    }
    rows.push(...t.rows);
  }
  if (drafts.length >= 2 || (drafts.length === 1 && oneRowGrid(best))) return { drafts, items: rows.map((r) => r.tr) };
  return drafts.length === 1 && namedRow(best) ? { drafts, items: [best.rows[0]!.tr], single: true } : null;
}

interface Columns {
  fields: Array<DraftField | undefined>;
  answeredBy: number;
  described: number;
  hours: number;
}

function readColumns(t: HeaderTable, ctx: DateContext): Columns {
  // In a list, the unit that answered a case (`答复单位`) is the one handling it.
  const answeredBy = t.columns.findIndex((c) => c.match?.field === 'updateBy');
  const fields = t.columns.map((col) => (col.match ? KEY_TO_FIELD[col.match.field] : undefined));
  // A list of decided cases dated only by the decision (`Party Name | Decision Date | …`): that date is the row's.
  // Page: us-nycourts-slip-decisions-court-of-appeals.
  if (!fields.includes('reportedAt')) {
    const decided = t.columns.findIndex((c) => c.match?.field === 'updateAt');
    if (decided >= 0) fields[decided] = 'reportedAt';
  }
  typeUnnamedColumns(t, fields, ctx);
  if (!fields.includes('caseNumber') && fields.includes('title')) {
    const col = t.columns.findIndex(
      (c, i) => !fields[i] && (KIND_HEAD.test(c.label) || namesItsNumber(c.label)) && numbersRows(t, i),
    );
    if (col >= 0) fields[col] = 'caseNumber';
  }
  const described = fields.includes('title') ? -1 : fields.indexOf('description');
  return { fields, answeredBy, described, hours: hourColumn(fields) };
}

/**
 * A column headed by the kind of record the list holds (`Bill`, `Motion`), beside a title column, over short
 * numbers (`9D-2009`, `PM8 - 2013`): each row's number. Page: za-pmg-proceedings-on-bills-2013.
 */
const KIND_HEAD = /^(?:bill|motion|resolution|ordinance|petition|opinion|case|application)$/i;

/**
 * A case-number head that names what it numbers (`QoN No.`, the question's number on notice) over a column that
 * counts 1, 2, 3…: the count is the records' own numbering, not a row counter (`#`, `S. No.`, `序号`), in a list whose
 * rows are titled cases. Page: au-aph-senate-estimates-communications-qon.
 */
const ROW_COUNTER =
  /^(?:#|no\.?|nr\.?|№|(?:s|sr|sl|serial|item|row|line)\.?\s*(?:no\.?|nr\.?|number|#)?|序号|序號|編號|编号)$/i;

function namesItsNumber(label: string): boolean {
  return !ROW_COUNTER.test(label) && matchLabel(label)?.field === 'caseNumber';
}

function numbersRows(t: HeaderTable, col: number): boolean {
  const texts = t.rows
    .slice(0, 50)
    .map((r) => (r.cells[col] ? collapse(cellText(r.cells[col]!)) : ''))
    .filter(Boolean);
  return texts.length > 0 && texts.filter((x) => x.length <= 20 && /\d/.test(x)).length >= texts.length * 0.8;
}

function readRow(row: HeaderTable['rows'][number], c: Columns, ctx: DateContext, base: string | undefined): Draft {
  const { fields, answeredBy, described, hours } = c;
  const d = emptyDraft();
  let dateText: string | undefined;
  let summary: string | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const cell = row.cells[i];
    if (!field || !cell || d[field] !== undefined) continue;
    // A title cell's text read once for both questions: 10,000 more strings built on a 2 MB list in a browser.
    const raw = field === 'title' ? textOf(cell) : undefined;
    // What the scan saw of the cell spares asking its children (`cellText`, `detailLink`) on a big list.
    const kind = row.kinds?.[i];
    const link =
      raw === undefined || kind === TEXT_ONLY ? null : kind === ONE_LINK ? cell.firstElementChild : linkOnly(cell);
    const text =
      (raw !== undefined && captionInCell(cell, raw)) ||
      (link || kind === TEXT_ONLY ? collapse(raw ?? textOf(cell)) : cellText(cell, raw));
    const v = normaliseTidy(field, text, ctx);
    if (v !== undefined) (d as unknown as Record<string, string>)[field] = v;
    if (field === 'title') {
      d.url = link ? ownLink(link, base) : detailLink(cell, base);
      // A cell that is one link holds no summary.
      const lead = !link && raw !== undefined && raw.length > LONG_TITLE_CELL ? leadIn(cell, d.title) : undefined;
      if (lead) [d.title, summary] = lead;
    }
    if (field === 'reportedAt' && v !== undefined) dateText = text;
  }
  if (summary !== undefined) d.description ??= summary;
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
  return d;
}

/** A title cell longer than this (raw characters) may hold the title's link and a summary after it. */
const LONG_TITLE_CELL = 100;

/**
 * A title cell that holds the title's link (or heading) and then a paragraph (`<p><a>Breach of the Protection
 * Obligation by Avant Logistic Service</a></p> Directions were issued to …`): the link's words are the title, what
 * follows them the description. Asked only of long cells: a plain title cell costs nothing more. Page:
 * sg-pdpc-data-protection-enforcement-cases (a regulator's decisions as rows of blocks under `Date | Topic`).
 */
function leadIn(cell: Element, whole: string | undefined): [string, string] | undefined {
  if (!whole) return undefined;
  const el = firstBelow(cell, (n) => LEAD_TAGS.has(tagOf(n)));
  const lead = el ? collapse(el.textContent ?? '') : '';
  if (lead.length < 8 || !whole.startsWith(lead)) return undefined;
  const rest = whole.slice(lead.length).trim();
  return rest.length >= 40 ? [lead, rest] : undefined;
}

const LEAD_TAGS: ReadonlySet<string> = new Set(['A', 'H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'B']);

/**
 * The one link that is all a cell holds (`<td><a href="…">第12号诉求：…</a></td>`, most lists' title cell), shown: its
 * text is the cell's (`cellText`) and its link the cell's (`detailLink`), found from one look at the link instead of
 * each reader asking the cell's children and the link's tag again (four DOM calls a row in a browser).
 */
function linkOnly(cell: Element): Element | null {
  const a = cell.firstElementChild;
  if (!a || a !== cell.lastElementChild || a.firstElementChild || tagOf(a) !== 'A' || isHidden(a)) return null;
  return tagOf(cell) === 'A' ? null : a;
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

const headKey = (t: HeaderTable) => t.columns.map((c) => c.label).join('|');

/**
 * A list cut into one table per month (`<caption>June 2014</caption>`, the same `Opinion # | Case | Date` header in
 * each): every table beside the largest that has its very header, in page order. Page: us-maine-law-court-opinions-2014.
 * A list cut by sections whose tables differ by a column or two (`Bill | Act | Short Title | PC …` over the bills
 * introduced before the year, `Bill | Short Title | Intro | PC …` over the year's) is one list too: the same title
 * column and most heads shared. Page: za-pmg-proceedings-on-bills-2013.
 */
function sameList(tables: HeaderTable[], best: HeaderTable): HeaderTable[] {
  const key = headKey(best);
  const parent = best.table.parentElement;
  const labels = new Set(best.columns.map((c) => c.label));
  const titled = best.columns.find((c) => c.match?.field === 'title')?.label;
  const related = (t: HeaderTable) => {
    if (headKey(t) === key) return true;
    if (!titled || !t.columns.some((c) => c.label === titled && c.match?.field === 'title')) return false;
    const shared = t.columns.filter((c) => labels.has(c.label)).length;
    return shared >= Math.max(t.columns.length, labels.size) * 0.7;
  };
  const same = tables.filter(
    (t) =>
      t === best || (t.kind === 'issues' && t.table.parentElement === parent && t.table !== best.table && related(t)),
  );
  // Document order: a table that precedes another in the page comes first.
  return same.sort((a, b) => (a === b ? 0 : a.table.compareDocumentPosition(b.table) & 4 ? -1 : 1));
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
