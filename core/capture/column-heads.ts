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
