/**
 * Label–value pairs, wherever a page keeps them: two-column tables (several pairs per row too), vertical tables
 * with <th>, <dl>, `label：value` runs inside one element, a label element followed by its value element, and
 * form fields with <label for> or an adjacent label, and icons standing in for labels. Header tables
 * (header-tables.ts) are read by column, never as pairs.
 */
import { type HeaderTable, labelOf, rowCells, shortText } from './header-tables';
import { type FieldKey, type LabelMatch, looksLikeLabel, matchLabel, normalizeLabel } from './labels';
import { parseLines, START_LABEL } from './lines';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse, controlValue, readText, tagOf } from './text';

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

const CONTROL_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

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

// `SUMMARY: ***NONE***`: a placeholder where the page has no value. Page: us-thomas-hr718-bill-status.
const NO_VALUE = /^[*\s]*none[*\s]*$/i;

function makePair(label: string, value: string, valueEl: Element, el: Element, source: PairSource): Pair | null {
  const v = value.trim();
  if (!v || NO_VALUE.test(v)) return null;
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
  for (let i = 0; i < scan.all.length; i++) {
    if (scan.tags[i] === 'LABEL') {
      const el = scan.all[i]!;
      const f = el.getAttribute('for');
      if (f) forLabels.set(f, el);
    }
  }

  const all = scan.all;
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = scan.tags[i]!;
    if (tag === 'TR') {
      // Rows of a header table are read by column, never as pairs: skip the whole row.
      if (tableRowsTaken.has(el)) {
        const depth = scan.depths[i]!;
        while (i + 1 < all.length && scan.depths[i + 1]! > depth) i++;
      } else rowPairs(el, pairs);
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
  if (labelRowOverValues(tr, cells, out)) return;
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
 * A row of labels over one row of values, column by column (`Committee/Subcommittee: | Activity:` over `House Energy
 * and Commerce | Referral, In Committee`): each label takes the cell below it. Only the first row below: further rows
 * (a subcommittee under the committee) are details of the first. Page: us-thomas-hr718-bill-status.
 */
function labelRowOverValues(tr: Element, cells: Element[], out: Pair[]): boolean {
  const labels = cells.map((c) => labelOf(shortText(c)));
  if (!labels.every((l) => l !== null) || !labels.some((l) => l !== 'unknown' && l!.field !== 'ignore')) return false;
  const next = tr.nextElementSibling;
  const values = next && tagOf(next) === 'TR' ? rowCells(next) : [];
  if (values.length !== cells.length || values.some((c) => labelOf(shortText(c)) !== null)) return false;
  cells.forEach((c, i) => {
    const p = makePair(shortText(c)!, valueText(values[i]!), values[i]!, c, 'cell');
    if (p) out.push(p);
  });
  return true;
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

// A radio button or a checkbox is a choice: its label names the option (`Location`, `Suburb` of a sort form) and its
// `value` is a code (`2`), never the field's value. Page: au-burwood-civica-da-search-results.
const CHOICE_INPUT = /^(radio|checkbox)$/i;

function formPair(control: Element, forLabels: Map<string, Element>, out: Pair[]): void {
  if (tagOf(control) === 'INPUT' && CHOICE_INPUT.test(control.getAttribute('type') ?? '')) return;
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
  // `<li><a>Summary</a></li><li><a>Further Information</a></li>`: tabs or a menu, items of one list, not a label and
  // its value; nor is a link (`<li><a>Summary</a></li>`) a label without its colon.
  if (!colon && !structural && (tagOf(el) === 'LI' || linkOnly(el, text))) return;
  // `<h3>办理过程</h3>` heads a section of entries, read as a timeline; its next sibling is only the first entry.
  if (!colon && lm !== 'unknown' && lm.field === 'update' && /^H[1-6]$/.test(tagOf(el)) && alikeNext(el)) return;
  // `label：value` in one element is a line, not a label for the next element.
  if (lm !== 'unknown' && !/[:：]\s*$/.test(text) && /[:：]/.test(text)) return;
  // `<b>Latest Title:</b> Abstinence Education Reallocation Act of 2013<br>` loose in a block of other blocks: the
  // text after the label, up to the next element, is the value (in a leafy block, its lines are read as lines).
  // Page: us-thomas-hr718-bill-status.
  const host = el.parentElement;
  const after = colon && host && !leafy.has(host) ? textAfter(el) : '';
  if (after) {
    const p = makePair(text, after, el, el, 'sibling');
    if (p) out.push(p);
    return;
  }
  const next = el.nextElementSibling;
  // `<hr><b>SUMMARY AS OF:</b><br>9/7/2011--Passed Senate.<p>Provides for …</p><hr>`: a known label loose in a block,
  // alone on its line, heads what follows up to the next rule or label. Page: us-thomas-hconres74-bill-status.
  if (colon && lm !== 'unknown' && host && !leafy.has(host) && next && tagOf(next) === 'BR') {
    const section = looseSection(el);
    const p = section ? makePair(text, section, el, el, 'sibling') : null;
    if (p) out.push(p);
    return;
  }
  if (!next || tagOf(next) === 'BR' || tagOf(next) === 'BUTTON') return;
  // `<h1>Summary</h1><div class="tabcontainer">…</div>`: a heading over a block of blocks names a section; its words
  // label a value only when the next element is a value (a leaf), or the section's text is the description.
  if (!colon && /^H[1-6]$/.test(tagOf(el)) && !leafy.has(next) && !isSectionHeading(el, lm)) return;
  // A status badge (`<span class="badge">Closed</span>`) is a value, even when its word is also a label.
  if (!colon && mapStatus(text, true)) return;
  if (lm === 'unknown' && tagOf(next) !== 'SPAN' && tagOf(next) !== 'DIV' && !CONTROL_TAGS.has(tagOf(next))) return;
  const nt = shortText(next);
  // `State` over `Closed`: a status word after a status label is its value, though `Closed` is a label too.
  const statusValue = nt !== null && lm !== 'unknown' && lm.field === 'status' && mapStatus(nt, true) !== undefined;
  if (nt !== null && !statusValue && (matchLabel(nt, true) !== null || looksLikeLabel(nt))) return;
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

const SECTION_END = new Set(['HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'DL', 'UL', 'OL', 'FORM']);

/** The text after a label that stands on its own line, up to a rule, a heading, a list, a table or the next label. */
function looseSection(label: Element): string {
  const lines: string[] = [];
  let size = 0;
  for (let n = label.nextSibling; n && size < 4000; n = n.nextSibling) {
    if (n.nodeType === 3) {
      lines.push(n.textContent ?? '');
      size += (n.textContent ?? '').length;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    const tag = tagOf(e);
    if (SECTION_END.has(tag)) break;
    if (tag === 'BR') {
      lines.push('\n');
      continue;
    }
    const t = shortText(e);
    if (t && /[:：]\s*$/.test(t) && labelOf(t)) break;
    const v = readText(e);
    lines.push(`\n${v}\n`);
    size += v.length;
  }
  return tidyValue(lines.join(''));
}

/** All of the element's words are one link's. */
function linkOnly(el: Element, text: string): boolean {
  const a = el.firstElementChild;
  return a !== null && tagOf(a) === 'A' && collapse(a.textContent ?? '') === text;
}

/** The text nodes right after an element, up to the next element. */
function textAfter(el: Element): string {
  let text = '';
  for (let n = el.nextSibling; n && n.nodeType === 3; n = n.nextSibling) text += n.textContent ?? '';
  return collapse(text);
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
