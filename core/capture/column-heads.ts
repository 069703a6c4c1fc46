/**
 * Column heads over rows built of blocks rather than a table: `<ul class="guestbook_title"><li>留言时间</li>…
 * <li>受理单位</li></ul>` over `<ul><li>2025-12-02</li>…<li>凤城街道办事处</li></ul>` rows, the way Lonsun (龙讯),
 * Hanweb (大汉) and TRS message boards lay out their letter lists. A header `<tr>` of a real table is read by
 * header-tables.ts; this reads the same idea when the rows are `<ul>`s or `<div>`s. Page: cn-ahxx-xzxx-letter-list.
 */
import { type Draft, type DraftField, KEY_TO_FIELD, normaliseTidy } from './draft';
import { shortText } from './header-tables';
import { type FieldKey, matchLabel } from './labels';
import { collapse } from './text';
import type { DateContext } from './zones';

// A list names the body that answers each row in a reply column (`回复单位`, `答复部门`): in a list of cases that
// body is the row's department, as `受理单位` / `办理单位` are.
const COLUMN_FIELD: Partial<Record<FieldKey, DraftField>> = { ...KEY_TO_FIELD, updateBy: 'department' };

/**
 * The fields a header row just above the first record names, by column, or null when that row is no header: as
 * many cells as the record, all short, two or more of them labels known to the dictionary.
 */
export function columnHeads(first: Element): Map<number, DraftField> | null {
  const head = first.previousElementSibling;
  if (!head || head.childElementCount !== first.childElementCount || head.childElementCount < 2) return null;
  const out = new Map<number, DraftField>();
  let known = 0;
  let k = 0;
  for (let c = head.firstElementChild; c; c = c.nextElementSibling, k++) {
    // A column head is a word or two (`受理单位`, `Responsible department`): as short as a label cell.
    const text = shortText(c);
    if (!text) return null;
    const m = matchLabel(text, true);
    if (!m) continue;
    known++;
    const field = COLUMN_FIELD[m.field];
    if (field) out.set(k, field);
  }
  return known >= 2 ? out : null;
}

/** Fills what a record's draft still lacks from its cells under the named columns; found fields are kept. */
export function fillFromColumns(d: Draft, row: Element, heads: Map<number, DraftField>, ctx: DateContext): void {
  const cells = Array.from(row.children);
  for (const [k, field] of heads) {
    const cell = cells[k];
    if (!cell || (d as unknown as Record<string, unknown>)[field] !== undefined) continue;
    const value = normaliseTidy(field, collapse(cell.textContent ?? ''), ctx);
    if (value !== undefined) (d as unknown as Record<string, unknown>)[field] = value;
  }
}

/**
 * Cells that name their header cells by id (`<td headers="result-urheber">` under `<th id="result-urheber">Urheber</th>`,
 * HTML's own way to tie a cell to its heads when rows are not a plain grid): fills what each record still lacks from
 * them. Page: de-mv-parldok-kleine-anfragen-search-results (a record's rows under a three-row header).
 */
export function fillFromHeaderIds(d: Draft, items: Element[], ctx: DateContext): void {
  for (const item of items) {
    const cells = item.hasAttribute('headers') ? [item] : Array.from(item.querySelectorAll('[headers]'));
    for (const cell of cells) {
      for (const id of (cell.getAttribute('headers') ?? '').split(/\s+/)) {
        const head = id ? cell.ownerDocument.getElementById(id) : null;
        const text = head ? shortText(head) : null;
        const m = text ? matchLabel(text, true) : null;
        const field = m ? COLUMN_FIELD[m.field] : undefined;
        if (!field || (d as unknown as Record<string, unknown>)[field] !== undefined) continue;
        const value = normaliseTidy(field, collapse(cell.textContent ?? ''), ctx);
        if (value !== undefined) (d as unknown as Record<string, unknown>)[field] = value;
      }
    }
  }
}

/** Rows sampled to choose the category column; the chosen column is then read on every row. */
const SAMPLE = 50;
const MAX_CATEGORY = 40;

/** The row of heads over the records: just before the first, or before a box it sits in (a grid nested in a cell). */
function headRowOver(first: Element, width: number): Element[] | null {
  let el: Element | null = first;
  for (let depth = 0; el && depth < 8; depth++, el = el.parentElement) {
    const head = el.previousElementSibling;
    if (!head || head.childElementCount !== width) continue;
    const cells = Array.from(head.children);
    // Heads are a word or two, and name; a row of values (digits) is a record, not the heads.
    if (cells.every((c) => shortText(c) !== null && !/\d/.test(c.textContent ?? ''))) return cells;
  }
  return null;
}

function cellAt(row: Element, k: number): Element | null {
  let c = row.firstElementChild;
  for (let i = 0; c && i < k; i++) c = c.nextElementSibling;
  return c;
}

/**
 * A column of short words that repeat from row to row (`Aid Response`, `Rescue Elevator`; `聲請秘密保持命令`) under a
 * head the dictionary may not know (`Type`, `裁判案由`) is the kind of each record: its category. Not a column the
 * records' title, number or place came from, nor codes (`E35`, a unit's call sign: too many kinds to be kinds) or
 * numbers. Pages: us-seattle-fire-realtime-911-2024-03-31 (a dispatch log's call type),
 * tw-judicial-fjud-ipc-judgment-search-results (a judgment list's cause).
 */
export function fillCategoryColumn(rows: Element[], drafts: Draft[], ctx: DateContext): void {
  const first = rows[0];
  if (!first || rows.length < 4 || drafts.some((d) => d.category !== undefined)) return;
  const width = first.childElementCount;
  const heads = width >= 2 ? headRowOver(first, width) : null;
  if (!heads) return;
  let best = -1;
  let bestShare = 0.7;
  for (let k = 0; k < width; k++) {
    const head = collapse(heads[k]!.textContent ?? '');
    const named = head ? matchLabel(head, true) : null;
    if (!head || (named && named.field !== 'category')) continue;
    const values: string[] = [];
    let fits = true;
    // Cells the row's title, number or place was read from: a row or two may have taken its name from the kind
    // (a place not read as one), most rows not.
    let taken = 0;
    for (let r = 0; r < Math.min(rows.length, SAMPLE) && fits; r++) {
      const cell = cellAt(rows[r]!, k);
      const v = cell ? collapse(cell.textContent ?? '') : '';
      const d = drafts[r]!;
      if (!v) continue;
      fits = v.length <= MAX_CATEGORY && /\p{L}{3}/u.test(v);
      if (v === d.title || v === d.caseNumber || v === d.address) taken++;
      values.push(v);
    }
    if (!fits || taken > values.length * 0.2 || values.length < Math.min(rows.length, SAMPLE) * 0.8) continue;
    const share = new Set(values).size / values.length;
    if (share < bestShare) {
      best = k;
      bestShare = share;
    }
  }
  if (best < 0) return;
  rows.forEach((row, r) => {
    const cell = cellAt(row, best);
    const v = cell ? normaliseTidy('category', collapse(cell.textContent ?? ''), ctx) : undefined;
    if (v !== undefined) drafts[r]!.category = v;
  });
}
