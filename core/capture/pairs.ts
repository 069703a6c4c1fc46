/**
 * Label–value pairs, wherever a page keeps them: two-column tables (several pairs per row too), vertical tables
 * with <th>, <dl>, `label：value` runs inside one element, a label element followed by its value element, and
 * form fields with <label for> or an adjacent label. Header tables (one header row, rows of cases) are detected
 * here too, because their cells must not be mistaken for pairs.
 */
import { type FieldKey, type LabelMatch, looksLikeLabel, matchLabel, normalizeLabel } from './labels';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse, controlValue, isSkipped, readText, tagOf } from './text';

export type PairSource = 'cell' | 'dl' | 'line' | 'sibling' | 'form' | 'column';

export interface Pair {
  label: string;
  key: string;
  field: FieldKey | null;
  rank: number;
  value: string;
  /** The element holding the value (a cell, a dd, a form field, or the line's element). */
  valueEl: Element;
  /** Where the pair sits (label element or the row), for containment and document order. */
  el: Element;
  source: PairSource;
}

export interface HeaderTable {
  table: Element;
  /** The header row (the first row of the table, or a row inside it for an embedded table). */
  head: Element;
  columns: Array<{ label: string; match: LabelMatch | null }>;
  rows: Array<{ tr: Element; cells: Element[] }>;
  /** Rows are cases (a title / case number column) or progress notes (a time and a text column). */
  kind: 'issues' | 'updates';
}

const CONTROL_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const MAX_LABEL = 24;

/** The value an element shows: a form field's value, or its text. */
export function valueText(el: Element): string {
  if (CONTROL_TAGS.has(tagOf(el))) return collapse(controlValue(el));
  const controls = el.querySelectorAll('input, textarea, select');
  if (controls.length === 1) {
    const own = readText(el, (c) => CONTROL_TAGS.has(tagOf(c)));
    if (!own) return tidyValue(controlValue(controls[0]!));
  }
  const text = tidyValue(readText(el));
  if (text) return text;
  // `<td><img src="ybj.png" alt="已办结"></td>`: a status shown as a picture is read by its alt text.
  const img = el.querySelector('img[alt]');
  return img ? collapse(img.getAttribute('alt') ?? '') : '';
}

function tidyValue(text: string): string {
  return text
    .split('\n')
    .map((l) => collapse(l))
    .filter(Boolean)
    .join('\n')
    .replace(/^[:：]\s*/, '');
}

function shortText(el: Element): string | null {
  const raw = el.textContent ?? '';
  if (raw.length > 200) return null;
  const t = collapse(raw);
  return t.length <= MAX_LABEL + 4 ? t : null;
}

/** A label cell or element: a dictionary word, or an unknown short word ending with a colon. */
function labelOf(text: string | null): LabelMatch | 'unknown' | null {
  if (!text) return null;
  const m = matchLabel(text);
  if (m) return m;
  return looksLikeLabel(text) ? 'unknown' : null;
}

function makePair(label: string, value: string, valueEl: Element, el: Element, source: PairSource): Pair | null {
  const v = value.trim();
  if (!v) return null;
  const m = matchLabel(label);
  return {
    label: collapse(label)
      .replace(/[:：]\s*$/, '')
      .replace(/^[*＊※★]\s*/, ''),
    key: normalizeLabel(label),
    field: m?.field ?? null,
    rank: m?.rank ?? 9,
    value: v,
    valueEl,
    el,
    source,
  };
}

// ---------------------------------------------------------------------------------------------- header tables

function rowCells(tr: Element): Element[] {
  const out: Element[] = [];
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagOf(c);
    if (t === 'TD' || t === 'TH') out.push(c);
  }
  return out;
}

function expandColspan(cells: Element[]): Element[] {
  const out: Element[] = [];
  for (const c of cells) {
    const span = Math.min(Math.max(Number(c.getAttribute('colspan') ?? 1) || 1, 1), 20);
    for (let i = 0; i < span; i++) out.push(c);
  }
  return out;
}

function tableRows(table: Element): Element[] {
  // Rows of this table only, not of tables nested in its cells: <tr> children of the table and its sections.
  const out: Element[] = [];
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagOf(c);
    if (t === 'TR') out.push(c);
    else if (t === 'TBODY' || t === 'THEAD' || t === 'TFOOT') {
      for (let r = c.firstElementChild; r; r = r.nextElementSibling) if (tagOf(r) === 'TR') out.push(r);
    }
  }
  return out;
}

export function findHeaderTables(scan: Scan): HeaderTable[] {
  const out: HeaderTable[] = [];
  // Grid components (Element UI, Ant Design) draw the header row and the body rows as two separate tables.
  let loneHead: { table: Element; head: Element; width: number } | null = null;
  for (const table of scan.all) {
    if (tagOf(table) !== 'TABLE' || scan.excluded(table)) continue;
    const rows = tableRows(table);
    if (rows.length === 1 && rowCells(rows[0]!).every((c) => tagOf(c) === 'TH')) {
      loneHead = { table, head: rows[0]!, width: expandColspan(rowCells(rows[0]!)).length };
      continue;
    }
    const split = loneHead && splitBody(loneHead, table, rows, out);
    loneHead = null;
    if (split || rows.length < 2) continue;
    let headerIndex = -1;
    for (let i = 0; i < Math.min(rows.length, 3); i++) {
      const cells = rowCells(rows[i]!);
      if (cells.length < 2) continue;
      const inHead = rows[i]!.parentElement && tagOf(rows[i]!.parentElement!) === 'THEAD';
      const allTh = cells.every((c) => tagOf(c) === 'TH');
      const labels = cells.filter((c) => matchLabel(shortText(c) ?? '')).length;
      const anyLong = cells.some((c) => (shortText(c) ?? 'x'.repeat(99)).length > 20);
      if (inHead || allTh || (labels >= 2 && labels / cells.length >= 0.6 && !anyLong)) {
        headerIndex = i;
        break;
      }
      // A two-column label/value row means a vertical table, not a header row.
      if (cells.length >= 2 && labelOf(shortText(cells[0]!)) && !labelOf(shortText(cells[1]!))) break;
    }
    if (headerIndex < 0) {
      out.push(...embeddedTables(table, rows));
      continue;
    }
    const dataRows = rows
      .slice(headerIndex + 1)
      .map((tr) => ({ tr, cells: expandColspan(rowCells(tr)) }))
      // A hidden template row (`<tr class="template" style="display:none">{{gdbt}}…`) is no case.
      .filter((r) => r.cells.length >= 2 && r.cells.some((c) => tagOf(c) === 'TD') && !isSkipped(r.tr))
      // A data row may not itself be a header or label row.
      .filter((r) => !r.cells.every((c) => tagOf(c) === 'TH'));
    const found = headerTable(table, rows[headerIndex]!, dataRows);
    if (found) out.push(found);
  }
  return out;
}

/** The body table of a grid whose header row stands alone in the table just before it. */
function splitBody(
  lone: { table: Element; head: Element; width: number },
  table: Element,
  rows: Element[],
  out: HeaderTable[],
): boolean {
  const near = lone.table.parentElement?.parentElement;
  if (!near?.contains(table)) return false;
  const dataRows = rows
    .map((tr) => ({ tr, cells: expandColspan(rowCells(tr)) }))
    .filter((r) => r.cells.length === lone.width && !isSkipped(r.tr));
  if (dataRows.length < rows.length * 0.8) return false;
  const found = headerTable(table, lone.head, dataRows);
  if (found) out.push(found);
  return found !== null;
}

function headerTable(table: Element, head: Element, dataRows: HeaderTable['rows']): HeaderTable | null {
  if (dataRows.length === 0) return null;
  const columns = expandColspan(rowCells(head)).map((c) => {
    const label = collapse(c.textContent ?? '');
    return { label, match: matchLabel(label) };
  });
  // `日期 | 進度` with sentences under 進度: a progress column holds notes, not status words.
  columns.forEach((col, i) => {
    if (col.match?.field === 'status' && longCells(dataRows, i)) col.match = { field: 'update', rank: 2 };
  });
  const fields = new Set(columns.map((c) => c.match?.field));
  let kind: HeaderTable['kind'] | null = null;
  if (fields.has('title') || fields.has('caseNumber')) kind = 'issues';
  else if (
    (fields.has('update') || fields.has('description')) &&
    (fields.has('updateAt') || fields.has('reportedAt') || fields.has('updateBy') || fields.has('department'))
  )
    kind = 'updates';
  else if (fields.has('description') && (fields.has('address') || fields.has('category'))) kind = 'issues';
  return kind ? { table, head, columns, rows: dataRows, kind } : null;
}

/**
 * A header row inside a form-like table (`处理时间 | 处理部门 | 处理人 | 处理意见` under a `三、处理过程` row of a
 * printed work order): the rows below it with the same number of columns, up to the next section, are its data.
 */
function embeddedTables(table: Element, rows: Element[]): HeaderTable[] {
  const out: HeaderTable[] = [];
  for (let i = 0; i < rows.length - 1; i++) {
    const cells = rowCells(rows[i]!);
    if (cells.length < 3 || !cells.every((c) => labelOf(shortText(c)) !== null)) continue;
    const width = expandColspan(cells).length;
    const dataRows: HeaderTable['rows'] = [];
    let j = i + 1;
    for (; j < rows.length; j++) {
      const dataCells = expandColspan(rowCells(rows[j]!));
      if (dataCells.length !== width || labelOf(shortText(dataCells[0]!)) !== null) break;
      if (dataCells.every((c) => tagOf(c) === 'TH')) break;
      dataRows.push({ tr: rows[j]!, cells: dataCells });
    }
    const found = headerTable(table, rows[i]!, dataRows);
    if (found) out.push(found);
    i = j - 1;
  }
  return out;
}

function longCells(rows: Array<{ cells: Element[] }>, column: number): boolean {
  let long = 0;
  for (const r of rows) if (collapse(r.cells[column]?.textContent ?? '').length > 24) long++;
  return long >= rows.length / 2;
}

// ---------------------------------------------------------------------------------------------- lines

const INNER_LABEL = /(^|[\s|｜;；,，]+)([^\s：:|｜;；,，]{1,16})\s*[：:](?!\/\/)/g;
const START_LABEL = /^([^：:\n]{1,100}?)\s*[：:](?!\/\/)/;

// What an icon stands for, from its class or file name (`icon-user`, `fa-map-marker`, `ico_tel.png`).
const ICON_LABELS: Array<[RegExp, string]> = [
  [/(^|[-_\s/])(user|person|people|avatar|account|author)([-_\s.]|$)/, '联系人'],
  [/(^|[-_\s/])(phone|tel|mobile|call)([-_\s.]|$)/, '联系电话'],
  [/(^|[-_\s/])(time|clock|calendar|date)([-_\s.]|$)/, '时间'],
  [/(^|[-_\s/])(map|marker|location|address|place|pin|position)([-_\s.]|$)/, '地址'],
];

/** `<span><i class="icon-user"></i>张先生</span>`, `<img alt="电话">186…`: an icon in place of a label. */
function iconPair(icon: Element, out: Pair[]): void {
  if ((icon.textContent ?? '').trim()) return;
  const parent = icon.parentElement;
  if (!parent || parent.firstElementChild !== icon || parent.children.length !== 1) return;
  const value = tidyValue(readText(parent, (c) => c === icon));
  if (!value || value.length > 80 || /[:：]/.test(value.slice(0, 12))) return;
  const alt = icon.getAttribute('alt') ?? icon.getAttribute('title') ?? icon.getAttribute('aria-label') ?? '';
  const words = `${icon.getAttribute('class') ?? ''} ${icon.getAttribute('src') ?? ''}`.toLowerCase();
  const label = alt && matchLabel(alt) ? alt : ICON_LABELS.find(([re]) => re.test(words))?.[1];
  if (!label) return;
  const p = makePair(label, value, parent, icon, 'sibling');
  if (p) out.push(p);
}

/** `问 网友` (an icon's letter before the label): the last word, when only it is a known label. */
function knownLastWord(label: string): string {
  if (matchLabel(label)) return label;
  const last = label.trim().split(/\s+/).pop() ?? '';
  return last !== label.trim() && matchLabel(last) ? last : label;
}

const REPLY_META = new Set(['updateAt', 'updateBy', 'updateStatus', 'department']);

/** `label：value` runs inside lines of text: `留言人：钱女士 分类：城市建设 留言时间：2026.05.27`. */
export function parseLines(lines: string[]): Array<{ label: string; value: string }> {
  const out: Array<{ label: string; value: string }> = [];
  const consumed = new Set<number>();
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (consumed.has(li) || (!line.includes(':') && !line.includes('：'))) continue;
    const starts: Array<{ label: string; at: number; end: number }> = [];
    const first = START_LABEL.exec(line);
    const firstLabel = first ? knownLastWord(first[1]!) : '';
    if (first && (matchLabel(firstLabel) || /^[\u3400-\u9fff]{1,10}$/.test(firstLabel.replace(/\s/g, '')))) {
      if (!/\d/.test(firstLabel))
        starts.push({ label: firstLabel, at: line.indexOf(firstLabel), end: first[0].length });
    }
    INNER_LABEL.lastIndex = 0;
    for (let m = INNER_LABEL.exec(line); m; m = INNER_LABEL.exec(line)) {
      const label = m[2]!;
      const at = m.index + m[1]!.length;
      if (starts.some((s) => at < s.end)) continue;
      if (/\d/.test(label)) continue;
      if (!matchLabel(label) && !/^[\u3400-\u9fff]{2,8}$/.test(label)) continue;
      starts.push({ label, at, end: m.index + m[0].length });
    }
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      const stop = starts[i + 1]?.at ?? line.length;
      let value = collapse(line.slice(s.end, stop)).replace(/[|｜;；,，]+$/, '');
      if (!value && i === starts.length - 1) {
        // `诉求内容：` alone on its line: the value is every following line up to the next label. A reply may
        // open with its own meta lines (`处理意见:⏎处理单位: X⏎处理时间: …⏎经核查…`): those stay pairs of their own.
        const block = matchLabel(s.label)?.field;
        const multiline = block === 'description' || block === 'update';
        const taken: string[] = [];
        for (let n = li + 1; n < lines.length; n++) {
          const next = lines[n]!;
          const head = START_LABEL.exec(next);
          const nextField = head ? matchLabel(head[1]!)?.field : undefined;
          if (nextField && block === 'update' && !taken.length && REPLY_META.has(nextField)) continue;
          if (nextField) break;
          taken.push(collapse(next));
          consumed.add(n);
          if (!multiline) break;
        }
        value = taken.filter(Boolean).join('\n');
      }
      if (value) out.push({ label: s.label, value });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- collection

export function collectPairs(scan: Scan, headerTables: HeaderTable[]): Pair[] {
  const pairs: Pair[] = [];
  const tableRowsTaken = new Set<Element>();
  for (const t of headerTables) {
    tableRowsTaken.add(t.head);
    for (const r of t.rows) tableRowsTaken.add(r.tr);
    // A header table with one row is a detail page laid out in columns: each column is a pair.
    if (t.kind === 'issues' && t.rows.length === 1) {
      const row = t.rows[0]!;
      t.columns.forEach((col, i) => {
        const cell = row.cells[i];
        if (!cell || row.cells.indexOf(cell) !== i) return;
        const p = makePair(col.label, valueText(cell), cell, cell, 'column');
        if (p) pairs.push(p);
      });
    }
  }
  const forLabels = new Map<string, Element>();
  for (const el of scan.all) {
    if (tagOf(el) === 'LABEL') {
      const f = el.getAttribute('for');
      if (f) forLabels.set(f, el);
    }
  }

  const all = scan.all;
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (scan.excluded(el)) continue;
    const tag = tagOf(el);
    if (tag === 'TR') {
      // Rows of a header table are read by column, never as pairs: skip the whole row.
      if (tableRowsTaken.has(el)) while (i + 1 < all.length && el.contains(all[i + 1]!)) i++;
      else rowPairs(el, pairs);
      continue;
    }
    if (tag === 'DT') {
      dlPair(el, pairs);
      continue;
    }
    if (CONTROL_TAGS.has(tag)) {
      formPair(el, forLabels, pairs);
      continue;
    }
    if (tag === 'LABEL') {
      if (!el.hasAttribute('for') && !el.querySelector('input, select, textarea')) siblingPair(el, pairs, scan.leafy);
      continue;
    }
    if (tag === 'TH' || tag === 'OPTION' || (tag === 'DD' && !selfLabelled(el))) continue;
    if ((tag === 'I' || tag === 'IMG' || tag === 'SPAN' || tag === 'EM') && !el.firstElementChild) iconPair(el, pairs);
    if (scan.leafy.has(el)) {
      if (tag !== 'TD' && tag !== 'BODY') siblingPair(el, pairs, scan.leafy);
      if (isLineHost(el)) {
        const text = readText(el);
        if (text.includes(':') || text.includes('：')) {
          for (const { label, value } of parseLines(text.split('\n'))) {
            const p = makePair(label, value, el, el, 'line');
            if (p) pairs.push(p);
          }
        }
      }
    }
  }
  return dedupe(pairs, scan);
}

function isLineHost(el: Element): boolean {
  // Leafy blocks hold lines; inline leaves are covered by the block around them.
  const tag = tagOf(el);
  if (tag === 'TD' || tag === 'TH' || tag === 'DD' || tag === 'DT') return true;
  if (!el.parentElement) return true;
  return (
    !['SPAN', 'A', 'B', 'STRONG', 'EM', 'I', 'FONT', 'LABEL', 'SMALL', 'U', 'TIME', 'OPTION', 'BUTTON'].includes(tag) ||
    !isInlineParentLeafy(el)
  );
}

function isInlineParentLeafy(el: Element): boolean {
  // Inline elements directly inside a non-leafy block (e.g. <div><span>a：b</span><div>…</div></div>) are lines.
  const parent = el.parentElement!;
  for (const c of Array.from(parent.children)) {
    const t = tagOf(c);
    if (['DIV', 'P', 'UL', 'OL', 'TABLE', 'DL', 'SECTION', 'LI'].includes(t)) return false;
  }
  return true;
}

function rowPairs(tr: Element, out: Pair[]): void {
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
  for (let i = 0; i + 1 < cells.length; ) {
    const labelCell = cells[i]!;
    const valueCell = cells[i + 1]!;
    const lt = shortText(labelCell);
    const lm = labelOf(lt);
    const isLabel = lm !== null || (tagOf(labelCell) === 'TH' && lt !== null && lt.length > 0);
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
function selfLabelled(dd: Element): boolean {
  const head = START_LABEL.exec(collapse(dd.textContent ?? '').slice(0, 40));
  return head !== null && matchLabel(head[1]!) !== null;
}

function dlPair(dt: Element, out: Pair[]): void {
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

function formPair(control: Element, forLabels: Map<string, Element>, out: Pair[]): void {
  const value = collapse(controlValue(control));
  if (!value || value === control.getAttribute('placeholder')) return;
  const id = control.getAttribute('id');
  let labelEl = id ? forLabels.get(id) : undefined;
  labelEl ??= control.closest('label') ?? undefined;
  let label = labelEl ? readText(labelEl, (c) => CONTROL_TAGS.has(tagOf(c))) : '';
  if (!label) label = control.getAttribute('aria-label') ?? '';
  if (!label) return;
  const text = tagOf(control) === 'TEXTAREA' ? controlValue(control) : value;
  const p = makePair(label, tidyValue(text), control, labelEl ?? control, 'form');
  if (p) out.push(p);
}

const LABEL_CLASS = /(^|[-_\s])(label|lbl|name|key|tit|title|hd|bt|th|field-name|f-name|item-name|caption)([-_\s]|$)/i;

function siblingPair(el: Element, out: Pair[], leafy: Scan['leafy']): void {
  const text = shortText(el);
  if (!text) return;
  const colon = /[:：]\s*$/.test(text);
  // A link or a button (`<a>回复</a>` in a menu, `<button>回复</button>`) is an action, not a label.
  if (tagOf(el) === 'BUTTON' || el.closest('button') || (!colon && (tagOf(el) === 'A' || el.closest('a')))) return;
  // Without a colon only the dictionary's own words count (headings like `工单详情` are not labels), unless the
  // markup says it is a label (<label>, class="label").
  const structural = tagOf(el) === 'LABEL' || LABEL_CLASS.test(el.getAttribute('class') ?? '');
  const lm = colon || structural ? labelOf(text) : matchLabel(text, true);
  if (!lm) return;
  // `<h3>办理过程</h3>` heads a section of entries, read as a timeline; its next sibling is only the first entry.
  if (!colon && lm !== 'unknown' && lm.field === 'update' && /^H[1-6]$/.test(tagOf(el)) && alikeNext(el)) return;
  // `label：value` in one element is a line, not a label for the next element.
  if (lm !== 'unknown' && !/[:：]\s*$/.test(text) && /[:：]/.test(text)) return;
  const next = el.nextElementSibling;
  if (!next || tagOf(next) === 'BR' || tagOf(next) === 'BUTTON') return;
  // A status badge (`<span class="badge">Closed</span>`) is a value, even when its word is also a label.
  if (!colon && mapStatus(text, true)) return;
  if (lm === 'unknown' && tagOf(next) !== 'SPAN' && tagOf(next) !== 'DIV' && !CONTROL_TAGS.has(tagOf(next))) return;
  const nt = shortText(next);
  if (nt !== null && (matchLabel(nt, true) !== null || looksLikeLabel(nt))) return;
  // `<p><button>提交</button><button>取消</button></p>` after a form label: actions, not a value.
  if (next.querySelector('button, input[type=submit], input[type=button]') && !readText(next, isAction)) return;
  // <li><label>来电时间</label><span>2026年5月8日</span> <span>10:02</span></li>: the value is the rest of the line.
  const parent = el.parentElement;
  const wholeLine = parent && leafy.has(parent) && parent.firstElementChild === el && parent.children.length > 2;
  const valueEl = wholeLine ? parent : next;
  const value = wholeLine
    ? tidyValue(readText(parent, (c) => c === el))
    : isSectionHeading(el, lm)
      ? sectionText(el)
      : valueText(next);
  // A value that starts with its own `label：` is a block of pairs, not one value.
  const head = START_LABEL.exec(value);
  if (head && matchLabel(head[1]!)) return;
  const p = makePair(text, value, valueEl, el, 'sibling');
  if (p) out.push(p);
}

/** `<h3>留言内容</h3><p>…</p><p>…</p>`: a heading over a description owns every paragraph up to the next heading. */
function isSectionHeading(el: Element, lm: LabelMatch | 'unknown'): boolean {
  return lm !== 'unknown' && lm.field === 'description' && /^H[1-6]$/.test(tagOf(el));
}

function sectionText(heading: Element): string {
  const parts: string[] = [];
  for (let s = heading.nextElementSibling; s && !/^H[1-6]$/.test(tagOf(s)); s = s.nextElementSibling) {
    const t = valueText(s);
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

/** Two or more alike siblings after a heading (`<p class="jl">…</p><p class="jl">…</p>`). */
function alikeNext(heading: Element): boolean {
  const a = heading.nextElementSibling;
  const b = a?.nextElementSibling;
  return !!a && !!b && tagOf(a) === tagOf(b) && a.getAttribute('class') === b.getAttribute('class');
}

const isAction = (el: Element) => {
  const tag = tagOf(el);
  return tag === 'BUTTON' || (tag === 'INPUT' && /^(submit|button|reset)$/i.test(el.getAttribute('type') ?? ''));
};

const SOURCE_PRIORITY: Record<PairSource, number> = { form: 0, sibling: 1, cell: 1, dl: 1, column: 1, line: 2 };

/** The same label and value found twice at one place (a row seen as a line and as label + value): keep one. */
function dedupe(pairs: Pair[], scan: Scan): Pair[] {
  const groups = new Map<string, Pair[]>();
  for (const p of pairs) {
    const k = `${p.key}\u0000${collapse(p.value)}`;
    const group = groups.get(k);
    if (!group) {
      groups.set(k, [p]);
      continue;
    }
    const twin = group.findIndex((q) => q.el === p.el || q.el.contains(p.el) || p.el.contains(q.el));
    if (twin < 0) group.push(p);
    else if (SOURCE_PRIORITY[p.source] < SOURCE_PRIORITY[group[twin]!.source]) group[twin] = p;
  }
  // The scan's own order, not compareDocumentPosition: linkedom misorders elements of sibling tables.
  const at = (p: Pair) => scan.order.get(p.el) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].flat().sort((a, b) => at(a) - at(b));
}
