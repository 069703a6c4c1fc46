/**
 * Label–value pairs known by their layout alone, whatever words the labels are: a run of like rows, each a short
 * wordlike element followed by its value (`<p><span class="key">Lodged</span><span>15/05/2019</span></p>`, `<div><div
 * class="label">…</div><div class="value">…</div></div>`, a label above its value in a grid's block), or a bold label
 * followed by loose text (`<li><strong>Reference</strong> BH2018/03004</li>`). The labels no table knows give pairs of
 * no field, whose values value-shapes.ts reads by their shape. One walk over the scan; no selector.
 */

import { tagOf } from './elements';
import { makePair, type Pair, valueText } from './pair-value';
import type { Scan } from './scan';
import { collapse } from './text';
import { linkTextLength, readText } from './visible-text';

/** A label no table knows: short, no digit, no sentence inside it, no link. */
function labelShaped(el: Element): string | null {
  if (el.firstElementChild?.firstElementChild) return null;
  const raw = el.textContent ?? '';
  if (raw.length > 80) return null;
  const t = collapse(raw);
  if (t.length < 2 || t.length > 30 || /\d/.test(t) || /[.。,，;；!?！？]\s*\S/.test(t)) return null;
  return t;
}

const LABEL_TAGS = new Set(['SPAN', 'DIV', 'B', 'STRONG', 'LABEL', 'EM', 'P', 'H4', 'H5', 'H6', 'TD', 'TH', 'DT']);
// What may hold a label that loose text follows: `<b>`, `<strong>`, `<label>`, a `<span>` (Northgate's lists of pairs).
const BOLD = new Set(['B', 'STRONG', 'LABEL', 'SPAN', 'EM']);
// A heading over a list of links is a menu (a footer's `Notre communauté` over its links), no label and value.
const LIST_TAGS = new Set(['UL', 'OL', 'NAV', 'SELECT', 'TABLE', 'FORM']);
const NOT_ROWS = new Set(['TR', 'TABLE', 'TBODY', 'THEAD', 'SELECT', 'UL', 'OL', 'NAV', 'BUTTON', 'A']);

interface Candidate {
  row: Element;
  label: Element;
  text: string;
  /** The value element; null when the value is the row's loose text after a bold label. */
  value: Element | null;
}

/** A row of the shape: two element children (label, value), or a bold label then text. */
function rowShape(row: Element): Candidate | null {
  const a = row.firstElementChild;
  if (!a) return null;
  const b = a.nextElementSibling;
  if (b && !b.nextElementSibling) {
    if (tagOf(b) === 'A') return labelledLink(row, a, b);
    if (!LABEL_TAGS.has(tagOf(a)) || LIST_TAGS.has(tagOf(b)) || linksMostly(b)) return null;
    const text = labelShaped(a);
    // Text loose in the row besides the two children would be part of neither.
    return text && !looseText(row) ? { row, label: a, text, value: b } : null;
  }
  if ((!b || onlyBreaks(b)) && BOLD.has(tagOf(a)) && opensRow(row, a)) {
    const text = labelShaped(a);
    return text ? { row, label: a, text, value: null } : null;
  }
  return null;
}

/** Is this element a row of a label and its value by its layout alone (two children, or a bold label then text)? */
export const isPairRow = (row: Element): boolean => rowShape(row) !== null;

/**
 * A row of two elements whose first a known label already reads (`<div><div>Indiener</div><div><a>Lilian Helder</a>,
 * Kamerlid <a>PVV</a></div></div>`, a value mostly links) keeps a run of pairs whole around it, as it does in a
 * `<dl>`. Found by the shape ablation (nl-tweedekamer-motie's terms laid out as two divs each: `Nummer` was left alone).
 */
function labelledRow(row: Element, labelled: Set<Element>): Candidate | null {
  const a = row.firstElementChild;
  const b = a?.nextElementSibling;
  if (!a || !b || b.nextElementSibling || !labelled.has(a)) return null;
  return { row, label: a, text: collapse(a.textContent ?? ''), value: b };
}

/** Line breaks only from here on (`<span>Label</span>value<br>more<br>`). */
function onlyBreaks(from: Element): boolean {
  for (let e: Element | null = from; e; e = e.nextElementSibling) if (tagOf(e) !== 'BR') return false;
  return true;
}

/**
 * The label is the first thing the row shows. What follows may be empty (`<span>Comments Until</span>&#160;`): such a
 * row gives no pair but keeps its run whole. Page: uk-liverpool-northgate-16f-2687-application-details (its progress
 * dates, one of them empty, were three runs of two).
 */
function opensRow(row: Element, a: Element): boolean {
  for (let n = row.firstChild; n && n !== a; n = n.nextSibling) if ((n.textContent ?? '').trim()) return false;
  return true;
}

/** `<p><span>Applicant</span><a href=…>Kim Lee</a></p>`: a value that is a link. */
function labelledLink(row: Element, a: Element, b: Element): Candidate | null {
  if (!LABEL_TAGS.has(tagOf(a)) || tagOf(b) !== 'A') return null;
  const text = labelShaped(a);
  return text && !looseText(row) ? { row, label: a, text, value: b } : null;
}

function linksMostly(el: Element): boolean {
  if (!el.firstElementChild) return false;
  const all = collapse(el.textContent ?? '').length;
  return all > 0 && linkTextLength(el) * 2 > all;
}

function looseText(row: Element): boolean {
  for (let n = row.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && (n.textContent ?? '').trim()) return true;
  return false;
}

/**
 * Where a row stands among its like: itself, or the wrapper it is the only child of (`<li><div><span>Label</span>value
 * </div></li>`, Northgate's lists), up to two levels.
 */
function slotOf(row: Element): Element {
  let slot = row;
  for (let up = 0; up < 2; up++) {
    const parent = slot.parentElement;
    if (parent?.childElementCount !== 1 || NOT_ROWS.has(tagOf(parent))) break;
    slot = parent;
  }
  return slot;
}

/**
 * Pairs of rows shaped so, three or more next to each other under one parent: one row alone is any two elements (an
 * icon and a caption), a run of them is a form laid out. Rows whose label element already labels a pair are left as
 * they are.
 */
export function shapedPairs(scan: Scan, pairs: Pair[], tableRows: ReadonlySet<Element>): void {
  const labelled = new Set<Element>();
  for (const p of pairs) {
    labelled.add(p.el);
    labelled.add(p.valueEl);
  }
  // Runs of like rows, each run the rows that follow one another (whatever stands between runs).
  const runs: Candidate[][] = [];
  let run: Candidate[] = [];
  for (let i = 0; i < scan.all.length; i++) {
    // A header table's rows are read by column, never as pairs (collectPairs and colonRuns skip them too): a big
    // list's title cells each cost six DOM calls here to learn they hold one link.
    if (scan.tags[i] === 'TR' && tableRows.has(scan.all[i]!)) {
      const depth = scan.depths[i]!;
      while (i + 1 < scan.all.length && scan.depths[i + 1]! > depth) i++;
      continue;
    }
    // The tag and the walk's childless flag from the scan before any DOM call: a list's rows (`TR`) are most of a big
    // page's parents and its text-only cells most of the rest; a row needs a first element child.
    if (scan.childless[i] === 1 || NOT_ROWS.has(scan.tags[i]!)) continue;
    const row = scan.all[i]!;
    const c = rowShape(row) ?? labelledRow(row, labelled);
    if (!c) continue;
    if (run.length && slotOf(run[run.length - 1]!.row).nextElementSibling !== slotOf(row)) {
      runs.push(run);
      run = [];
    }
    run.push(c);
  }
  runs.push(run);
  colonRuns(scan, labelled, pairs, tableRows);
  for (const group of runs) {
    if (group.length < 3) continue;
    for (const c of group) {
      if (labelled.has(c.label) || labelled.has(c.row) || (c.value && labelled.has(c.value))) continue;
      const value = c.value ? valueText(c.value) : collapse(readText(c.row, (el) => el === c.label));
      const p = makePair(c.text, value, c.value ?? c.row, c.label, 'sibling');
      if (p) pairs.push(p);
    }
  }
}

// `Application Status: Determined`: a short label, its colon, the value on the same line.
const COLON_LINE = /^([^:：\n]{2,30}?)\s*[:：]\s*(\S[^\n]{0,199})$/;
// What may stand as one labelled line: a cell, a list item, a paragraph or a block of text.
const LINE_TAGS = new Set(['TD', 'LI', 'P', 'DIV', 'SPAN', 'DD']);

const DIGIT = /\d/;

/** Where the first colon (`:` or `：`) of `text` stands, or -1. */
function firstColon(text: string): number {
  const a = text.indexOf(':');
  const b = text.indexOf('：');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** The element standing in for a line among its like: itself, or the row it is the only cell of. */
function lineSlot(el: Element): Element {
  const parent = el.parentElement;
  return parent && tagOf(parent) === 'TR' && parent.childElementCount === 1 ? parent : el;
}

/**
 * `Label: value` lines whose labels no table knows, two or more one after another (rows of one-cell rows, items of a
 * list): one such line may be prose (`Note: …`), a run of them is a form printed as text. Each element holds one line
 * and nothing else; a line a known label reads counts towards its run. Page: au-gunnedah-masterview-da-2019-36-details (label-blind: `Application Status: Determined`
 * under the `Decision` heading).
 */
function colonRuns(scan: Scan, labelled: Set<Element>, pairs: Pair[], tableRows: ReadonlySet<Element>): void {
  let run: Array<{ el: Element; label: string; value: string }> = [];
  const flush = () => {
    if (run.length >= 2)
      for (const c of run) {
        // A line a known label already reads counts towards the run and stays as it was read.
        if (labelled.has(c.el)) continue;
        const p = makePair(c.label, c.value, c.el, c.el, 'line');
        if (p) pairs.push(p);
      }
    run = [];
  };
  for (let i = 0; i < scan.all.length; i++) {
    const tag = scan.tags[i]!;
    // A header table's rows are read by column, never as lines (collectPairs skips them too): a big list's cells.
    if (tag === 'TR' && tableRows.has(scan.all[i]!)) {
      const depth = scan.depths[i]!;
      while (i + 1 < scan.all.length && scan.depths[i + 1]! > depth) i++;
      continue;
    }
    if (!LINE_TAGS.has(tag)) continue;
    const el = scan.all[i]!;
    // A text-only element is a leaf without asking (a big list's cells: the leafy test builds a memo per element).
    if (scan.childless[i] !== 1 && !scan.leafy.has(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 300) continue;
    const colon = firstColon(raw);
    // The label is what stands before the first colon and holds no digit: a list's dates (`2026-05-28 14:30`) and
    // numbered titles (`第12号诉求：…`) stop here, before the line is collapsed and matched.
    if (colon < 0 || DIGIT.test(raw.slice(0, colon))) continue;
    const m = COLON_LINE.exec(collapse(raw));
    const label = m ? m[1]!.trim() : '';
    if (!m || /[.。,，;；!?！？]\s*\S/.test(label) || /^https?$/i.test(label)) continue;
    const last = run[run.length - 1];
    if (last && lineSlot(last.el).nextElementSibling !== lineSlot(el)) flush();
    run.push({ el, label, value: m[2]!.trim() });
  }
  flush();
}
