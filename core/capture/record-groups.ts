/**
 * Where a list's records may be (records.ts weighs them): groups of like siblings and cousins, records opened by a
 * like element, runs of a parent's inline content cut at `<hr>` / `<br>`, and the date heading over each group.
 * Nothing here reads what a record says; that is record-read.ts's screen.
 */

import { dateAlone } from './dates';
import { shapeOf, tagOf } from './elements';
import { cutRuns } from './record-runs';
import type { Scan } from './scan';
import { collapse } from './text';
import { textUpTo } from './visible-text';
import type { DateContext } from './zones';

/** A record longer than this is a section of a page, not a row of a list. */
const MAX_RECORD_CHARS = 4000;
/** Siblings a record opened by a like element may span at most. */
const MAX_HEADED = 12;
// Elements that never hold a record.
const NOT_RECORD = new Set(['BR', 'HR', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'COL', 'COLGROUP']);

const CONTROL_TAGS = new Set(['SELECT', 'OPTION', 'DATALIST']);

/** A candidate record: an element of the page, or a run of a parent's nodes copied into a detached wrapper. */
export interface Candidate {
  el: Element;
  /** The page's elements the record spans (the element itself, or the run's elements). */
  items: Element[];
  chars: number;
}

export interface Group {
  members: Candidate[];
  potential: number;
  /** Records cut out of inline runs: the first and last runs may hold the page's head and foot. */
  runs: boolean;
  /** Records of k siblings each opened by a like element (`<h2>` over an application's fields). */
  headed?: boolean;
}

/**
 * Characters of visible text under each element of the scan, in one pass from the leaves up (no element's
 * textContent is read): chrome the scan left out counts nothing.
 */
export function textLengths(scan: Scan): Map<Element, number> {
  const len = new Map<Element, number>();
  for (let i = scan.all.length - 1; i >= 0; i--) {
    const el = scan.all[i]!;
    // A drop-down shows one choice of its options (`Jan … Dec`, the years 2099 to 1990): none of them is text a
    // reader reads, whatever the control is named.
    if (CONTROL_TAGS.has(scan.tags[i]!)) {
      len.set(el, 0);
      continue;
    }
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c as Text).data.trim().length;
      else if (c.nodeType === 1) n += len.get(c as Element) ?? 0;
    }
    len.set(el, n);
  }
  return len;
}

/** A table's row of header cells only (`Opinion # | Case | Date` atop each month's table): it names no record. */
function headerRow(row: Element): boolean {
  if (tagOf(row) !== 'TR' || !row.firstElementChild) return false;
  for (let c: Element | null = row.firstElementChild; c; c = c.nextElementSibling) if (tagOf(c) !== 'TH') return false;
  return true;
}

/** A table's one body (or the table itself when its rows sit right under it or in several bodies). */
function tableBody(table: Element): Element {
  let body: Element | null = null;
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const tag = tagOf(c);
    if (tag === 'TR') return table;
    if (tag === 'TBODY') {
      if (body) return table;
      body = c;
    }
  }
  return body ?? table;
}

/** Groups of like siblings under `el` (by shape), and of like cousins under its like children (by both shapes). */
export function siblingGroups(scan: Scan, el: Element, len: Map<Element, number>, out: Group[]): void {
  const level1 = new Map<string, Candidate[]>();
  const level2 = new Map<string, Candidate[]>();
  const add = (map: Map<string, Candidate[]>, key: string, c: Element) => {
    const chars = len.get(c);
    if (chars === undefined || chars === 0 || NOT_RECORD.has(tagOf(c)) || headerRow(c)) return;
    const list = map.get(key) ?? [];
    list.push({ el: c, items: [c], chars });
    map.set(key, list);
  };
  const children: Element[] = [];
  const tags = new Map<string, Set<string>>();
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (!len.has(c)) continue;
    children.push(c);
    const shape = shapeOf(c);
    const tag = tagOf(c);
    add(level1, shape, c);
    tags.set(tag, (tags.get(tag) ?? new Set()).add(shape));
    // The rows of several tables side by side (one per month) are cousins through each table's body.
    const box = tag === 'TABLE' ? tableBody(c) : c;
    if (box.childElementCount >= 1)
      for (let g = box.firstElementChild; g; g = g.nextElementSibling) add(level2, `${shape}>${shapeOf(g)}`, g);
  }
  // Rows told apart only by their classes (`normalRow` / `alternateRow`) are one list: alike by tag as well.
  for (const [tag, shapes] of tags) {
    if (shapes.size < 2 || NOT_RECORD.has(tag)) continue;
    for (const c of children) if (tagOf(c) === tag) add(level1, `${tag}*`, c);
  }
  for (const members of level1.values()) boxedRows(members, len, out);
  const deep = childShapeGroups(level1);
  for (const map of [level1, level2, deep]) {
    for (const members of map.values()) {
      if (members.length < 2) continue;
      // One like child per parent is the level-1 group over again.
      if (map === level2 && new Set(members.map((m) => m.el.parentElement)).size === members.length) continue;
      const big = members.filter((m) => m.chars > MAX_RECORD_CHARS).length;
      if (big > members.length * 0.2) continue;
      out.push({
        members,
        potential: members.reduce((n, m) => n + Math.min(m.chars, MAX_RECORD_CHARS), 0),
        runs: false,
      });
      if (map !== level2) headedGroup(scan, children, members, len, out);
    }
  }
}

/** Like boxes at most this many are looked into for rows (one per body, per month, per category). */
const MAX_BOXES = 60;
/** Levels below a box its rows may lie. */
const MAX_BOX_DEPTH = 4;

/**
 * The rows of one box, below it: from the box down through the child that holds most of its text (a table through
 * its body) to the first level whose children of one shape, two or more (a table's rows, one or more), hold most of it. The path of shapes taken
 * names where they lie. Null when the box's own children are its rows (the cousins of level 2) or none are found.
 */
function rowsInBox(box: Element, len: Map<Element, number>): { path: string; rows: Element[] } | null {
  let node = box;
  let path = '';
  for (let depth = 0; depth <= MAX_BOX_DEPTH; depth++) {
    const parent = tagOf(node) === 'TABLE' ? tableBody(node) : node;
    const byShape = new Map<string, Element[]>();
    let biggest: Element | null = null;
    let most = 0;
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const n = len.get(c);
      if (!n || NOT_RECORD.has(tagOf(c)) || headerRow(c)) continue;
      const shape = shapeOf(c);
      const list = byShape.get(shape);
      if (list) list.push(c);
      else byShape.set(shape, [c]);
      if (n > most) {
        most = n;
        biggest = c;
      }
    }
    const whole = len.get(parent) ?? 0;
    // A table's rows are rows however few (a body that met once this year).
    const least = tagOf(node) === 'TABLE' ? 1 : 2;
    for (const [shape, rows] of byShape) {
      if (rows.length < least) continue;
      if (rows.reduce((n, r) => n + (len.get(r) ?? 0), 0) * 2 < whole) continue;
      return depth === 0 ? null : { path: `${path}>${shape}`, rows };
    }
    if (!biggest) return null;
    path += `>${shapeOf(biggest)}`;
    node = biggest;
  }
  return null;
}

/**
 * Rows of like boxes, however deep in each (a table per committee, each under its heading in a box of its own:
 * `<div><h2>ADA Committee</h2><span><ul>years</ul><table>rows</table></span></div>`): one list of all their rows when
 * they lie at the same path in two boxes or more. Page: us-bremerton-civicplus-agenda-center-2020-12.
 */
function boxedRows(boxes: Candidate[], len: Map<Element, number>, out: Group[]): void {
  if (boxes.length < 2 || boxes.length > MAX_BOXES) return;
  const byPath = new Map<string, { boxes: number; rows: Candidate[] }>();
  for (const box of boxes) {
    const found = rowsInBox(box.el, len);
    if (!found) continue;
    const entry = byPath.get(found.path) ?? { boxes: 0, rows: [] };
    entry.boxes++;
    for (const r of found.rows) entry.rows.push({ el: r, items: [r], chars: len.get(r) ?? 0 });
    byPath.set(found.path, entry);
  }
  for (const { boxes: n, rows } of byPath.values()) {
    if (n < 2 || rows.length < 3 || rows.some((r) => r.chars > MAX_RECORD_CHARS)) continue;
    out.push({ members: rows, potential: rows.reduce((k, r) => k + r.chars, 0), runs: false });
  }
}

/** Like siblings this many or more are told apart by their children's shapes; at most MAX_DEEP of them. */
const MIN_DEEP = 6;
const MAX_DEEP = 1500;

/**
 * Like siblings told apart by their children's shapes (a result's rows in one class-less table: `<tr><td
 * colspan="3"><b>paper</b></td></tr>` over `<tr><td></td><td><img></td><td>title</td></tr>`, repeated), each shape
 * a group of its own when the children show more than one: the rows that open each record are then found alike, and
 * open records of k rows (headedGroup). Page: de-bayern-landtag-schriftliche-anfragen-suchergebnis.
 */
function childShapeGroups(level1: Map<string, Candidate[]>): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const [shape, members] of level1) {
    if (members.length < MIN_DEEP || members.length > MAX_DEEP || shape.endsWith('*')) continue;
    const sub = new Map<string, Candidate[]>();
    let labelled = false;
    for (const m of members) {
      let key = shape;
      for (let g = m.el.firstElementChild; g; g = g.nextElementSibling) {
        key += `>${shapeOf(g)}`;
        if (tagOf(g) === 'TH') labelled = true;
      }
      const list = sub.get(key);
      if (list) list.push(m);
      else sub.set(key, [m]);
    }
    // Rows that label their cells (`<th>投诉人</th><td>…</td><th>电话</th><td>…</td>`) are one case's fields, whatever
    // their count a row: no records of rows (sz-scjg-complaint).
    if (sub.size > 1 && !labelled) for (const [key, list] of sub) out.set(key, list);
  }
  return out;
}

/**
 * Records of k siblings (DEPTA's generalised nodes): like elements that recur every k children (`<h2>address</h2>
 * <div>fields</div><p></p>` repeated, `<dt>`/`<dd>` pairs) each open a record of the k siblings from it, copied into a
 * detached wrapper. Page: au-southperth-civica-advertised-applications (an `<h2>` over each application's fields).
 */
function headedGroup(
  scan: Scan,
  children: Element[],
  members: Candidate[],
  len: Map<Element, number>,
  out: Group[],
): void {
  if (members.length < 3) return;
  const at = new Map(children.map((c, i) => [c, i]));
  const positions = members.map((m) => at.get(m.el)!);
  const gaps = new Map<number, number>();
  for (let i = 1; i < positions.length; i++) {
    const gap = positions[i]! - positions[i - 1]!;
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  // Records of a few siblings each, not always as many (an application shows its decision only once decided).
  const [k] = [...gaps].sort((a, b) => b[1] - a[1])[0]!;
  if (k < 2 || Math.max(...gaps.keys()) > MAX_HEADED) return;
  // A heading right after a like one opens nothing: it is the sub-heading of the record above (a meeting's
  // heading, then its place in a heading of its own: `<h3>… Workshop: August 16(T), 2022</h3><h3>San Jose City Hall
  // - Committee Rooms</h3>`). Page: us-california-transportation-commission-meetings-2022.
  const heading = /^H[1-6]$/.test(tagOf(members[0]!.el));
  const opens = heading ? positions.filter((p, i) => i === 0 || p - positions[i - 1]! > 1) : positions;
  const records: Candidate[] = [];
  for (let i = 0; i < opens.length; i++) {
    const sub = positions.filter((p) => p > opens[i]! && p < (opens[i + 1] ?? children.length)).length;
    const end = Math.min(opens[i]! + k + sub, opens[i + 1] ?? children.length);
    const items = children.slice(opens[i], end);
    const wrapper = scan.doc.createElement('div');
    for (const item of items) wrapper.appendChild(item.cloneNode(true));
    records.push({ el: wrapper, items, chars: items.reduce((n, it) => n + (len.get(it) ?? 0), 0) });
  }
  if (records.some((r) => r.chars > MAX_RECORD_CHARS)) return;
  out.push({ members: records, potential: records.reduce((n, r) => n + r.chars, 0), runs: false, headed: true });
}

/** Records cut out of a parent's inline runs, each copied into a detached wrapper (the page is never changed). */
export function separatedGroups(scan: Scan, el: Element, len: Map<Element, number>, out: Group[]): void {
  for (const runs of cutRuns(el)) {
    if (runs.length < 2) continue;
    const members = runs.map((run) => {
      const wrapper = scan.doc.createElement('div');
      let chars = 0;
      const items: Element[] = [];
      for (const n of run) {
        wrapper.appendChild(n.cloneNode(true));
        if (n.nodeType === 1) {
          items.push(n as Element);
          chars += len.get(n as Element) ?? 0;
        } else if (n.nodeType === 3) chars += (n as Text).data.trim().length;
      }
      return { el: wrapper, items, chars };
    });
    if (members.some((m) => m.chars > MAX_RECORD_CHARS)) continue;
    out.push({ members, potential: members.reduce((n, m) => n + m.chars, 0), runs: true });
  }
}

/**
 * The date of the heading over each record's group (`<h3>June 5, 2014</h3><p>…</p><p>…</p><h3>June 4, 2014</h3>`,
 * or a date heading just before the list that holds them): one pass over each parent's children. `known` keeps each
 * element's answer for the next group: a page's groups share parents, whose other children are asked again.
 */
export function datesAbove(
  group: Group,
  ctx: DateContext,
  known = new Map<Element, string | undefined>(),
): Map<Element, string> {
  const out = new Map<Element, string>();
  if (group.runs) return out;
  const members = new Set(group.members.map((m) => m.el));
  const parents = new Set<Element>();
  for (const m of group.members) if (m.el.parentElement) parents.add(m.el.parentElement);
  const dateOf = (el: Element) => {
    if (known.has(el)) return known.get(el);
    const raw = textUpTo(el, 80);
    const at = raw === undefined ? undefined : dateAlone(collapse(raw), ctx);
    known.set(el, at);
    return at;
  };
  for (const parent of parents) {
    let current: string | undefined;
    // A date heading just before the list (or before the box holding it).
    for (let box: Element | null = parent, depth = 0; box && depth < 2 && !current; box = box.parentElement, depth++)
      for (
        let prev = box.previousElementSibling, k = 0;
        prev && k < 3 && !current;
        prev = prev.previousElementSibling, k++
      )
        current = dateOf(prev);
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (members.has(c)) {
        if (current) out.set(c, current);
      } else current = dateOf(c) ?? current;
    }
  }
  return out;
}
