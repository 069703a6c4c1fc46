/**
 * Label–value pairs, wherever a page keeps them: two-column tables and <dl> (pair-tables.ts), a label element
 * followed by its value, form fields and icons standing in for labels (pair-labels.ts), and `label：value` runs
 * inside one element (lines.ts). This module walks the page once, hands each element to its form, and keeps one pair
 * where two forms found the same. Header tables (header-tables.ts) are read by column, never as pairs.
 */

import { tagOf } from './elements';
import { type HeaderTable, oneNumberedCase } from './header-tables';
import { parseLines } from './lines';
import { formPair, gluedDatePair, iconPair, siblingPair } from './pair-labels';
import { shapedPairs } from './pair-shapes';
import { dlPair, rowPairs, selfLabelled } from './pair-tables';
import { CONTROL_TAGS, makePair, type Pair, type PairSource, valueText } from './pair-value';
import type { Scan } from './scan';
import { collapse } from './text';
import { readText } from './visible-text';

export type { Pair, PairSource } from './pair-value';

export function collectPairs(scan: Scan, headerTables: HeaderTable[]): Pair[] {
  const pairs: Pair[] = [];
  const tableRowsTaken = new Set<Element>();
  for (const t of headerTables) {
    tableRowsTaken.add(t.head);
    for (const r of t.rows) tableRowsTaken.add(r.tr);
    // A header table with one row is a detail page laid out in columns: each column is a pair. So is one whose rows
    // all share one case-number cell (the parties of one decision): its first row reads the case.
    if (t.kind === 'issues' && (t.rows.length === 1 || oneNumberedCase(t))) {
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
      // `<dt>来源：<span>省住房公积金管理局</span></dt><dd>发布日期：…</dd>`: a dt carrying its own label and value is
      // read as a line, as a self-labelled dd is. Page: cn-hainan-gjj-solicitation-loan-policy-consultation.
      if (!selfLabelled(el)) continue;
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
      gluedDatePair(el, pairs);
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
  shapedPairs(scan, pairs, tableRowsTaken);
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
  // The scan's own order, not compareDocumentPosition: linkedom misorders elements of sibling tables. Pairs of one
  // element (the lines of `Ref. No: … | Received: … | Validated: …`) keep the order they were read in, not their
  // groups': a value seen first in an earlier row (`Validated: Mon 11 Feb 2019`) must not put its line before the
  // row's first date. Page: uk-cardiff-idox-decided-applications-search-results.
  const at = (p: Pair) => scan.order.get(p.el) ?? Number.MAX_SAFE_INTEGER;
  const read = new Map(pairs.map((p, i) => [p, i]));
  return [...groups.values()].flat().sort((a, b) => at(a) - at(b) || read.get(a)! - read.get(b)!);
}
