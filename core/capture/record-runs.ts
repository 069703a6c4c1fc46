/**
 * Records that have no element of their own: a parent's inline content cut into runs at `<hr>`, at blank lines of
 * `<br>` or at each `<br>` (Mississippi's hand-down list, the Third Circuit's list of opinions). Used by records.ts,
 * which copies each run into a detached wrapper.
 */
import { BLOCK_TAGS, tagOf } from './elements';
import { readText } from './visible-text';

/** Lines a run of nodes shows: inline content between breaks is one line, a block its own lines. */
function linesOf(nodes: Node[]): number {
  let lines = 0;
  let inLine = false;
  for (const n of nodes) {
    if (n.nodeType === 3) {
      if ((n as Text).data.trim() && !inLine) {
        lines++;
        inLine = true;
      }
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = tagOf(n as Element);
    if (tag === 'BR' || tag === 'HR') inLine = false;
    else if (BLOCK_TAGS.has(tag)) {
      lines += readText(n)
        .split('\n')
        .filter((l) => l.trim()).length;
      inLine = false;
    } else if ((n.textContent ?? '').trim() && !inLine) {
      lines++;
      inLine = true;
    }
  }
  return lines;
}

/** Elements a rule may sit in, each holding nothing else (`<tr><td colspan="4"><hr /></td></tr>`). */
const RULE_DEPTH = 3;
/**
 * Row groups a browser's parser puts between a `<table>` and its rows whether the page wrote them or not (linkedom
 * does not): not counted as a level, so Node and Chromium find the same rules
 * (de-niedersachsen-nilas-grosse-anfragen-vollanzeige: `<table><tr><td colspan="3"><hr></td></tr></table>`).
 */
const ROW_GROUPS = new Set(['TBODY', 'THEAD', 'TFOOT']);

/**
 * An `<hr>`, or an element that shows nothing but one (a table row whose one cell holds a rule): J3S ParlDok cuts its
 * result table's rows into records so (de-mv-parldok-kleine-anfragen-search-results).
 */
function isRule(n: Node): boolean {
  if (n.nodeType !== 1) return false;
  let el = n as Element;
  if (blankSpanningRow(el)) return true;
  for (let depth = 0; depth <= RULE_DEPTH; ) {
    if (tagOf(el) === 'HR') return depth === 0 || !(n.textContent ?? '').trim();
    if (el.childElementCount !== 1) return false;
    el = el.firstElementChild!;
    if (!ROW_GROUPS.has(tagOf(el))) depth++;
  }
  return false;
}

/**
 * A table row of one cell across the table that shows nothing (`<tr><td colspan="2" class="…line…"><font
 * size="1">&nbsp;</font></td></tr>`): a rule its stylesheet draws, between records of two rows each. Page:
 * it-termevigliatore-albo-pretorio-atti-recenti.
 */
function blankSpanningRow(el: Element): boolean {
  if (tagOf(el) !== 'TR' || el.childElementCount !== 1) return false;
  const cell = el.firstElementChild!;
  return Number(cell.getAttribute('colspan') ?? 1) > 1 && !(el.textContent ?? '').trim();
}

const isBr = (n: Node | undefined) => n?.nodeType === 1 && tagOf(n as Element) === 'BR';
const blank = (n: Node) => n.nodeType === 3 && !(n as Text).data.trim();

/** A parent's nodes cut at each separator (`<hr>`, a blank line of two `<br>`, or each `<br>`). */
function cutAt(nodes: Node[], separator: 'hr' | 'blank' | 'br'): Node[][] {
  const runs: Node[][] = [[]];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    let cut = false;
    if (separator === 'hr') cut = isRule(n);
    else if (isBr(n)) {
      if (separator === 'br') cut = true;
      else {
        let j = i + 1;
        while (j < nodes.length && blank(nodes[j]!)) j++;
        if (isBr(nodes[j])) {
          cut = true;
          i = j;
        }
      }
    }
    if (cut) runs.push([]);
    else runs[runs.length - 1]!.push(n);
  }
  return runs.map((r) => trimBlank(r)).filter((r) => r.length > 0);
}

function trimBlank(run: Node[]): Node[] {
  let a = 0;
  let b = run.length;
  while (a < b && (blank(run[a]!) || isBr(run[a]))) a++;
  while (b > a && (blank(run[b - 1]!) || isBr(run[b - 1]))) b--;
  return run.slice(a, b);
}

const shapeOf = (run: Node[]) =>
  run
    .filter((n) => n.nodeType === 1)
    .map((n) => tagOf(n as Element))
    .join(' ');

/**
 * The one shape of elements every middle run shows (`TABLE TABLE`: a proceeding's heading table and its papers'
 * table), or undefined when they differ or hold inline text (runs between `<br>`s are aligned by their lines).
 */
function middleShape(runs: Node[][]): string[] | undefined {
  const middle = runs.slice(1, -1);
  const shape = shapeOf(middle[0]!);
  const inline = (r: Node[]) => r.some((n) => n.nodeType === 3 && (n as Text).data.trim());
  return shape && middle.every((r) => shapeOf(r) === shape && !inline(r)) ? shape.split(' ') : undefined;
}

/**
 * An edge run that ends (the first) or opens (the last) in the middle runs' shape keeps those elements, whatever
 * their lines: counting lines cut off the first record's heading when its papers ran longer than the others'
 * (de-niedersachsen-nilas-grosse-anfragen-vollanzeige: its answer names 14 annexes). Null when it does not.
 */
function edgeByShape(run: Node[], shape: string[], first: boolean): Node[] | null {
  const els = run.filter((n) => n.nodeType === 1);
  if (els.length < shape.length) return null;
  const part = first ? els.slice(-shape.length) : els.slice(0, shape.length);
  if (shapeOf(part) !== shape.join(' ')) return null;
  return first ? run.slice(run.indexOf(part[0]!)) : run.slice(0, run.indexOf(part[part.length - 1]!) + 1);
}

/**
 * The first run may open with the page's head and the last close with its foot (Mississippi's hand-down list: the
 * court's name, the list's date and a download link before the first record): they keep as many lines from the
 * record side as the middle runs have.
 */
function alignEdges(runs: Node[][]): Node[][] {
  if (runs.length < 3) return runs;
  const shape = middleShape(runs);
  const middle = runs
    .slice(1, -1)
    .map(linesOf)
    .sort((a, b) => a - b);
  const typical = middle[Math.floor(middle.length / 2)]!;
  const shapedFirst = shape && edgeByShape(runs[0]!, shape, true);
  const first = shapedFirst || [...runs[0]!];
  if (!shapedFirst) while (first.length > 1 && linesOf(first) > typical) first.shift();
  const shapedLast = shape && edgeByShape(runs[runs.length - 1]!, shape, false);
  const last = shapedLast || [...runs[runs.length - 1]!];
  if (!shapedLast) while (last.length > 1 && linesOf(last) > typical) last.pop();
  return [first, ...runs.slice(1, -1), last];
}

/**
 * A parent's child nodes cut into runs by each separator it uses twice or more, each cut's first and last run
 * trimmed to the record side. Each cut is tried: `<hr>`s may divide records or only set the page's head apart from
 * them (a link bar between two rules over records cut by blank lines: us-ca3-not-precedential-opinions-30-days).
 */
export function cutRuns(el: Element): Node[][][] {
  let hr = 0;
  let br = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const tag = tagOf(c);
    if (isRule(c)) hr++;
    else if (tag === 'BR') br++;
  }
  if (hr < 2 && br < 2) return [];
  const nodes = Array.from(el.childNodes);
  const seps: Array<'hr' | 'blank' | 'br'> = [];
  if (hr >= 2) seps.push('hr');
  if (br >= 2) seps.push('blank', 'br');
  return seps.map((sep) => alignEdges(cutAt(nodes, sep)));
}
