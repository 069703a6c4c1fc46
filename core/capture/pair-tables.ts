/**
 * Pairs laid out in tables and definition lists: a label cell beside its value cell (several pairs per row too), a
 * label row over a value row, and <dt>/<dd>. Header tables (header-tables.ts) are read by column, never here.
 */

import { tagOf } from './elements';
import { labelOf, shortText } from './header-tables';
import { looksLikeLabel, matchLabel } from './labels';
import { START_LABEL } from './lines';
import { makePair, type Pair, valueText } from './pair-value';
import { rowCells } from './table-rows';
import { collapse } from './text';

export function rowPairs(tr: Element, out: Pair[]): void {
  const cells = rowCells(tr);
  // A label row over a value row: <tr><td colspan=4>诉求内容</td></tr><tr><td colspan=4>…</td></tr>.
  if (cells.length === 1) {
    const lt = shortText(cells[0]!);
    const lm = lt ? (/[:：]\s*$/.test(lt) ? labelOf(lt) : matchLabel(lt, true)) : null;
    const next = tr.nextElementSibling;
    const nextCells = next && tagOf(next) === 'TR' ? rowCells(next) : [];
    if (lm && lm !== 'unknown' && nextCells.length === 1 && !labelOf(shortText(nextCells[0]!))) {
      const p = makePair(lt!, valueText(nextCells[0]!), nextCells[0]!, cells[0]!, 'cell');
      if (p) out.push(p);
    }
    return;
  }
  if (labelRowOverValues(tr, cells, out) || headOverValues(tr, cells)) return;
  for (let i = 0; i + 1 < cells.length; ) {
    const labelCell = cells[i]!;
    const valueCell = cells[i + 1]!;
    const lt = shortText(labelCell);
    const lm = labelOf(lt);
    const isLabel =
      lm !== null ||
      (tagOf(labelCell) === 'TH' && lt !== null && lt.length > 0) ||
      ((cells.length === 2 || (cells.length === 4 && i % 2 === 0)) && unknownLabelColumn(tr, lt));
    if (!isLabel || labelCell.querySelector('table, input, select, textarea')) {
      i++;
      continue;
    }
    const vt = shortText(valueCell);
    const valueIsLabel = (labelOf(vt) !== null && tagOf(valueCell) !== 'TD') || (vt !== null && looksLikeLabel(vt));
    if (valueIsLabel || holdsDataTable(valueCell)) {
      i++;
      continue;
    }
    const p = makePair(lt!, valueText(valueCell), valueCell, labelCell, 'cell');
    if (p) out.push(p);
    i += 2;
  }
}

/**
 * A row of labels over one row of values, column by column (`Committee/Subcommittee: | Activity:` over `House Energy
 * and Commerce | Referral, In Committee`): each label takes the cell below it. Only the first row below: further rows
 * (a subcommittee under the committee) are details of the first. Page: us-thomas-hr718-bill-status.
 */
function labelRowOverValues(tr: Element, cells: Element[], out: Pair[]): boolean {
  const labels = cells.map((c) => labelOf(shortText(c)));
  // `<th>Address</th><th>Ward</th>` over `<td>10 Napier Street…</td><td>1</td>`: a row of header cells names the
  // cells below it, whether or not every name is known; none of its cells is the value of the one before it. Pages:
  // au-wollongong-epathway-da-2019-486-details, au-goldcoast-epathway-mcu-2018-1167-details.
  const headerRow = cells.every((c) => tagOf(c) === 'TH' && shortText(c));
  const known = labels.some((l) => l !== null && l !== 'unknown' && l.field !== 'ignore');
  if (!known || !(headerRow || labels.every((l) => l !== null))) return false;
  const next = tr.nextElementSibling;
  const values = next && tagOf(next) === 'TR' ? rowCells(next) : [];
  if (values.length !== cells.length || values.some((c) => labelOf(shortText(c)) !== null)) return headerRow;
  cells.forEach((c, i) => {
    const p = makePair(shortText(c)!, valueText(values[i]!), values[i]!, c, 'cell');
    if (p) out.push(p);
  });
  return true;
}

/** Fewest cells of a table's head row read by its shape alone (two are a label and its value). */
const MIN_HEAD_CELLS = 3;

/** How a cell is drawn: its tag, class and weight (a pair row draws its labels unlike its values; widths vary). */
const lookOf = (c: Element) => `${tagOf(c)}|${c.getAttribute('class') ?? ''}|${boldCell(c)}`;
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|[6-9]00)/i;
/** A cell set in bold: by its style, or its one child `<b>` / `<strong>` holding all its text. */
const boldCell = (c: Element) =>
  BOLD_STYLE.test(c.getAttribute('style') ?? '') ||
  (c.childElementCount === 1 && /^(?:B|STRONG)$/.test(tagOf(c.firstElementChild!)) && !collapse(ownText(c)));
const ownText = (c: Element) => Array.from(c.childNodes, (n) => (n.nodeType === 3 ? n.textContent : '')).join('');

/**
 * A table's head row over its value rows (`名称 | 品牌（如有） | 规格型号 | 数量 | 单价（元/台）` over a notice's items,
 * `条款号 | 条款内容 | 编列内容` over a tender's clauses): three cells or more, drawn alike, each a short distinct name with
 * no digit and no link, over a row of as many cells none of which is a label. Its cells name the columns below; none
 * is the value of the one before it (`名称: 品牌（如有）` titled the notice). An even count may be pairs drawn alike
 * (`信访人 | 张** | 信访形式 | 网上信访`): it is a head only when drawn unlike the row below (`<th>`, bold, a class).
 * Pages: cn-ccgp-shenzhen-longhua-school-aircon-award, cn-jsggzy-nanjing-metro-tender-notice.
 */
function headOverValues(tr: Element, cells: Element[]): boolean {
  if (cells.length < MIN_HEAD_CELLS) return false;
  const look = lookOf(cells[0]!);
  const names = new Set<string>();
  for (const c of cells) {
    const t = shortText(c);
    if (!labelShaped(t) || names.has(t) || lookOf(c) !== look || c.querySelector('a, input, select')) return false;
    names.add(t);
  }
  const next = tr.nextElementSibling;
  const values = next && tagOf(next) === 'TR' ? rowCells(next) : [];
  if (values.length !== cells.length || values.some((c) => labelOf(shortText(c)) !== null)) return false;
  // Pairs drawn alike in a row of an even count: a head only when drawn unlike every cell of the row below.
  return cells.length % 2 === 1 || values.every((c) => lookOf(c) !== look);
}

/** A data table: its first row is a head over value rows (`headOverValues`); its cells are values, no prose. */
export function headedTable(table: Element): boolean {
  for (let part = table.firstElementChild; part; part = part.nextElementSibling) {
    const rows = tagOf(part) === 'TR' ? [part] : SECTIONS.has(tagOf(part)) ? Array.from(part.children) : [];
    for (const tr of rows) {
      const cells = tagOf(tr) === 'TR' ? rowCells(tr) : [];
      if (cells.length) return headOverValues(tr, cells);
    }
  }
  return false;
}
const SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);

/** A first cell that may be a label no table knows: short, no digit, no sentence. */
const labelShaped = (t: string | null): t is string =>
  t !== null && t.length >= 2 && t.length <= 30 && !/\d/.test(t) && !/[.。,，;；!?！？]\s*\S/.test(t);

// Per table section: whether its rows are label | value pairs by their shape.
const pairRowsOf = new WeakMap<Element, boolean>();

/** Whether a row is a label cell and its value, or two such pairs whose label cells are set apart from the values. */
function pairShapedRow(cells: Element[]): boolean {
  const pair = (l: Element, v: Element) => labelShaped(shortText(l)) && collapse(v.textContent ?? '') !== '';
  if (cells.length === 2) return pair(cells[0]!, cells[1]!);
  return cells.length === 4 && pair(cells[0]!, cells[1]!) && pair(cells[2]!, cells[3]!) && setApart(cells);
}

const looks = (c: Element) => `${tagOf(c)}|${c.getAttribute('class') ?? ''}|${c.getAttribute('style') ?? ''}`;

/**
 * Label cells dressed alike and unlike their values (`<td style="background: #f6f6f6">索引号</td><td>…</td>` twice a
 * row): a layout of pairs, where a data table's cells of one row look alike.
 */
function setApart(cells: Element[]): boolean {
  return looks(cells[0]!) === looks(cells[2]!) && looks(cells[0]!) !== looks(cells[1]!);
}

/**
 * `<tr><td>Lodged</td><td>15/05/2019</td></tr>` under a label no table knows: a table section of three or more rows of
 * two cells, each a short wordlike first cell (no digit) and a value, is a list of label–value pairs by its shape; and
 * rows of two such pairs whose label cells are set apart from their values (a Chinese public-information page's
 * `索引号 | … | 文号 | …` head table), two rows or more. Asked once per section (the answer is kept). Pages:
 * au-noosa-t1-etrack-rab19-0135-application-details, cn-lishui-xxgk-veteran-placement-notice-2493752 (their labels
 * made unknown by test/capture/detail-ablation.ts).
 */
function unknownLabelColumn(tr: Element, first: string | null): boolean {
  if (!labelShaped(first)) return false;
  const section = tr.parentElement;
  if (!section) return false;
  let known = pairRowsOf.get(section);
  if (known === undefined) {
    let rows = 0;
    let shaped = 0;
    let double = 0;
    for (let r = section.firstElementChild; r && rows <= 200; r = r.nextElementSibling) {
      if (tagOf(r) !== 'TR') continue;
      rows++;
      const cells = rowCells(r);
      if (!pairShapedRow(cells)) continue;
      shaped++;
      if (cells.length === 4) double++;
    }
    known = rows <= 200 && (shaped >= 3 || double >= 2) && shaped * 3 >= rows * 2;
    pairRowsOf.set(section, known);
  }
  return known;
}

/**
 * A table inside a value cell is data (a nested form) unless it only lays out a short value beside an icon
 * (`<td><table><tr><td><img></td><td>办理中</td></tr></table></td>`).
 */
function holdsDataTable(cell: Element): boolean {
  if (!cell.querySelector('table')) return false;
  const raw = cell.textContent ?? '';
  if (raw.length > 400 || cell.querySelector('th')) return true;
  const text = collapse(raw);
  return text.length > 40 || labelOf(text) !== null || /[:：]/.test(text);
}

/** A dd that starts with its own known `label：`. */
export function selfLabelled(dd: Element): boolean {
  const head = START_LABEL.exec(collapse(dd.textContent ?? '').slice(0, 40));
  return head !== null && matchLabel(head[1]!) !== null;
}

export function dlPair(dt: Element, out: Pair[]): void {
  const label = shortText(dt);
  if (!label) return;
  const values: string[] = [];
  let first: Element | null = null;
  for (let s = dt.nextElementSibling; s && tagOf(s) !== 'DT'; s = s.nextElementSibling) {
    if (tagOf(s) !== 'DD') continue;
    // `<dt><a>title</a></dt><dd><em>编号：</em>…</dd>`: each dd carries its own label; the dt is no label.
    if (selfLabelled(s)) return;
    first ??= s;
    const v = valueText(s);
    if (v) values.push(v);
  }
  if (!first) return;
  const p = makePair(label, values.join('\n'), first, dt, 'dl');
  if (p) out.push(p);
}
