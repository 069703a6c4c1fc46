/**
 * Structure rewrites of a page that keep what a reader reads — the text, its order, which text is a link, which is a
 * heading — and change only the markup, as another site laying out the same content would (shape-ablation.ts reads
 * every corpus page through each). Each returns how many places it rewrote: 0 means the page has no such shape.
 */
import { SKIP_TAGS, tagOf } from '@linli/core/capture/elements';
import { collapse, hasCjk } from '@linli/core/capture/text';

/**
 * `title` and `description` are the page's expected ones, for the transforms that rewrite the title's own heading or
 * insert after the description's block.
 */
export type Transform = (doc: Document, site: string, title?: string, description?: string) => number;

const TABLE_PARTS = new Set(['THEAD', 'TBODY', 'TFOOT', 'TR', 'CAPTION']);
const CELLS = new Set(['TD', 'TH']);
/** Blocks that repeat as a list's rows. */
const ROW_BLOCKS = new Set(['DIV', 'LI', 'ARTICLE', 'SECTION']);
/** Elements that break a line, made inline when a row becomes one line. */
const LINE_BREAKERS = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER']);
const SEPARATOR = ' | ';

const elementsOf = (doc: Document, selector: string) =>
  doc.body ? Array.from(doc.body.querySelectorAll(selector)).filter((el) => !insideSkipped(el)) : [];

function insideSkipped(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (SKIP_TAGS.has(tagOf(a))) return true;
  return false;
}

/** The element made anew with another tag, its attributes and children moved over (the same child nodes). */
export function retag(el: Element, tag: string, keepAttributes = true): Element {
  const out = el.ownerDocument.createElement(tag);
  if (keepAttributes) for (const name of el.getAttributeNames()) out.setAttribute(name, el.getAttribute(name) ?? '');
  while (el.firstChild) out.appendChild(el.firstChild);
  el.replaceWith(out);
  return out;
}

const cellsOf = (row: Element) => Array.from(row.children).filter((c) => CELLS.has(tagOf(c)));
const rowsOf = (table: Element) =>
  Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);

/** Every table as blocks of divs, its cells as `cell` elements (div or span). */
const tablesAsBlocks =
  (cell: 'div' | 'span'): Transform =>
  (doc) => {
    const tables = elementsOf(doc, 'table');
    for (const col of elementsOf(doc, 'colgroup, col')) col.remove();
    for (const el of elementsOf(doc, 'td, th')) retag(el, cell);
    for (const el of elementsOf(doc, 'thead, tbody, tfoot, tr, caption')) retag(el, 'div');
    for (const t of tables) retag(t, 'div');
    return tables.length;
  };

/** Every list as a div of div blocks. */
const listsAsDivs: Transform = (doc) => {
  const lists = elementsOf(doc, 'ul, ol');
  for (const li of elementsOf(doc, 'li')) retag(li, 'div');
  for (const l of lists) retag(l, 'div');
  return lists.length;
};

/** A block's own content: past wrappers that hold one element and no text. */
function contentOf(block: Element): Element {
  let at = block;
  while (at.children.length === 1 && collapse(ownText(at)) === '' && ROW_BLOCKS.has(tagOf(at.children[0]!)))
    at = at.children[0]!;
  return at;
}

const ownText = (el: Element) =>
  Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('');

/** Parts of a block that read apart: its element children and its runs of loose text. */
export function partsOf(block: Element): Node[][] {
  const parts: Node[][] = [];
  let loose: Node[] = [];
  const closeLoose = () => {
    if (loose.some((n) => collapse(n.textContent ?? ''))) parts.push(loose);
    loose = [];
  };
  for (const n of Array.from(contentOf(block).childNodes)) {
    if (n.nodeType === 1 && !SKIP_TAGS.has(tagOf(n as Element)) && tagOf(n as Element) !== 'BR') {
      closeLoose();
      if (collapse(n.textContent ?? '') || (n as Element).querySelector('a, img')) parts.push([n]);
    } else if (n.nodeType === 3) loose.push(n);
  }
  closeLoose();
  return parts;
}

/**
 * Runs of like sibling blocks (same tag and class, three or more, none inside another run): a list's rows laid out
 * as blocks. `parts` is the fewest parts each block must have.
 */
export function blockRuns(doc: Document, parts: number): Element[][] {
  const runs: Element[][] = [];
  const taken = new Set<Element>();
  for (const parent of elementsOf(doc, '*')) {
    let run: Element[] = [];
    const close = () => {
      if (run.length >= 3 && !run.some((b) => insideTaken(b, taken))) {
        runs.push(run);
        for (const b of run) taken.add(b);
      }
      run = [];
    };
    for (const child of Array.from(parent.children)) {
      const like =
        ROW_BLOCKS.has(tagOf(child)) &&
        partsOf(child).length >= parts &&
        (!run.length || (tagOf(run[0]!) === tagOf(child) && run[0]!.className === child.className));
      if (like) run.push(child);
      else {
        close();
        if (ROW_BLOCKS.has(tagOf(child)) && partsOf(child).length >= parts) run.push(child);
      }
    }
    close();
  }
  return runs;
}

function insideTaken(el: Element, taken: Set<Element>): boolean {
  for (let a = el.parentElement; a; a = a.parentElement) if (taken.has(a)) return true;
  return false;
}

/** Runs of blocks as the rows of a table, each part of a block a cell. */
const blocksAsTable: Transform = (doc) => {
  const runs = blockRuns(doc, 2);
  for (const run of runs) {
    const table = doc.createElement('table');
    const body = doc.createElement('tbody');
    table.appendChild(body);
    run[0]!.before(table);
    for (const block of run) {
      const tr = doc.createElement('tr');
      for (const name of ['class', 'id'])
        if (block.hasAttribute(name)) tr.setAttribute(name, block.getAttribute(name)!);
      for (const part of partsOf(block)) {
        const td = doc.createElement('td');
        for (const n of part) td.appendChild(n);
        tr.appendChild(td);
      }
      body.appendChild(tr);
      block.remove();
    }
  }
  return runs.length;
};

/** One more wrapper level around every row: a div around each block of a run, inside each list item and table cell. */
const wrappedRows: Transform = (doc) => {
  const wrap = (el: Element) => {
    const div = doc.createElement('div');
    while (el.firstChild) div.appendChild(el.firstChild);
    el.appendChild(div);
  };
  let n = 0;
  for (const run of blockRuns(doc, 1))
    for (const block of run) {
      n++;
      if (tagOf(block) === 'LI') wrap(block);
      else {
        const div = doc.createElement('div');
        block.before(div);
        div.appendChild(block);
      }
    }
  for (const cell of elementsOf(doc, 'td, th')) {
    if (!cell.firstChild) continue;
    wrap(cell);
    n++;
  }
  return n;
};

/** An element's content made one line: blocks within it made inline, line breaks spaces. */
function flatten(el: Element) {
  for (const br of Array.from(el.querySelectorAll('br'))) br.replaceWith(el.ownerDocument.createTextNode(' '));
  for (const inner of Array.from(el.querySelectorAll('*')))
    if (LINE_BREAKERS.has(tagOf(inner)) || CELLS.has(tagOf(inner))) {
      // What a line break set apart a space does now.
      retag(inner, 'span').after(el.ownerDocument.createTextNode(' '));
    }
}

/** A row's fields in one line, the parts apart by a separator. */
function oneLine(doc: Document, parts: Node[][], tag: string): Element {
  const line = doc.createElement(tag);
  parts.forEach((part, i) => {
    if (i) line.appendChild(doc.createTextNode(SEPARATOR));
    const span = doc.createElement('span');
    for (const n of part) span.appendChild(n);
    flatten(span);
    line.appendChild(span);
  });
  return line;
}

/** Each row of two cells or more, and each block of a run of two parts or more, as one line of text. */
const rowsAsLines: Transform = (doc) => {
  let n = 0;
  for (const table of elementsOf(doc, 'table').reverse()) {
    const rows = rowsOf(table);
    if (rows.filter((r) => cellsOf(r).length >= 2).length < 2) continue;
    const div = doc.createElement('div');
    for (const row of rows) {
      const parts = cellsOf(row)
        .filter((c) => collapse(c.textContent ?? '') || c.querySelector('a, img'))
        .map((c) => Array.from(c.childNodes));
      if (parts.length) div.appendChild(oneLine(doc, parts, 'p'));
    }
    table.replaceWith(div);
    n++;
  }
  for (const run of blockRuns(doc, 2))
    for (const block of run) {
      const line = oneLine(doc, partsOf(block), tagOf(block) === 'LI' ? 'li' : 'div');
      block.replaceWith(line);
      n++;
    }
  return n;
};

interface Pair {
  label: Element;
  values: Element[];
}

/** A short text naming a field: no digits (a date or a number is a value), at most 40 characters. */
const labelLike = (el: Element) => {
  const t = collapse(el.textContent ?? '');
  return t.length >= 1 && t.length <= 40 && !/\d/.test(t);
};

/**
 * A table whose rows are label/value pairs (two or four cells, the labels short and without digits; most of its
 * rows so, two at least), as its rows: each a list of pairs, or null for a row that is not pairs. A table headed by a
 * row of column heads is a list's, not pairs.
 */
function pairTable(table: Element): Array<Pair[] | null> | null {
  const rows = rowsOf(table);
  if (rows.some((r) => r.querySelector('table'))) return null;
  const first = rows[0] ? cellsOf(rows[0]) : [];
  if (first.length >= 2 && first.every((c) => tagOf(c) === 'TH') && rows.length > 2) return null;
  const read = rows.map((r) => {
    const cells = cellsOf(r);
    if (cells.length !== 2 && cells.length !== 4) return null;
    const pairs: Pair[] = [];
    for (let i = 0; i < cells.length; i += 2) {
      if (!labelLike(cells[i]!)) return null;
      pairs.push({ label: cells[i]!, values: [cells[i + 1]!] });
    }
    return pairs;
  });
  const pairRows = read.filter(Boolean).length;
  return pairRows >= 2 && pairRows >= 0.6 * rows.length ? read : null;
}

/** A description list's pairs: each term with the descriptions after it. */
function dlPairs(dl: Element): Pair[] | null {
  const pairs: Pair[] = [];
  for (const child of Array.from(dl.children)) {
    if (tagOf(child) === 'DT') pairs.push({ label: child, values: [] });
    else if (tagOf(child) === 'DD' && pairs.length) pairs[pairs.length - 1]!.values.push(child);
    else return null;
  }
  return pairs.length >= 2 && pairs.every((p) => p.values.length) ? pairs : null;
}

type PairShape = (doc: Document, pair: Pair) => Element[];

const moveChildren = (from: Element[], to: Element) => {
  from.forEach((el, i) => {
    if (i) to.appendChild(el.ownerDocument.createTextNode(' '));
    while (el.firstChild) to.appendChild(el.firstChild);
  });
  return to;
};

const asDl: PairShape = (doc, { label, values }) => [
  moveChildren([label], doc.createElement('dt')),
  moveChildren(values, doc.createElement('dd')),
];

/** `<p><b>Label：</b>value</p>`, the colon of the label's script added where it had none. */
const asBoldLine: PairShape = (doc, { label, values }) => {
  const p = doc.createElement('p');
  const b = doc.createElement('b');
  const text = collapse(label.textContent ?? '');
  b.textContent = /[:：]$/.test(text) ? text : `${text}${hasCjk(text) ? '：' : ':'}`;
  p.append(b, doc.createTextNode(' '));
  return [moveChildren(values, p)];
};

const asTwoDivs: PairShape = (doc, { label, values }) => {
  const row = doc.createElement('div');
  row.append(moveChildren([label], doc.createElement('div')), moveChildren(values, doc.createElement('div')));
  return [row];
};

/** Every label/value table (and with `fromDl`, every description list) laid out as `shape`, in a `container`. */
const pairsAs =
  (shape: PairShape, container: string, fromDl: boolean): Transform =>
  (doc) => {
    let n = 0;
    for (const table of elementsOf(doc, 'table').reverse()) {
      const read = pairTable(table);
      if (!read) continue;
      const out = doc.createElement(container);
      rowsOf(table).forEach((row, i) => {
        const pairs = read[i];
        if (pairs) for (const pair of pairs) out.append(...shape(doc, pair));
        else {
          const div = doc.createElement('div');
          for (const cell of cellsOf(row)) div.appendChild(moveChildren([cell], doc.createElement('div')));
          out.appendChild(div);
        }
      });
      table.replaceWith(out);
      n++;
    }
    if (fromDl)
      for (const dl of elementsOf(doc, 'dl')) {
        const pairs = dlPairs(dl);
        if (!pairs) continue;
        const out = doc.createElement(container);
        for (const pair of pairs) out.append(...shape(doc, pair));
        dl.replaceWith(out);
        n++;
      }
    return n;
  };

/** The h1 a div styled as one (no heading tag), while a heading in a new page header names the site. */
const headingAsDiv: Transform = (doc, site) => {
  const h1s = elementsOf(doc, 'h1');
  for (const h of h1s) retag(h, 'div').setAttribute('style', 'font-size:2em;font-weight:bold');
  if (h1s.length && doc.body) {
    const header = doc.createElement('div');
    const h = doc.createElement('h1');
    h.textContent = site;
    header.appendChild(h);
    doc.body.prepend(header);
  }
  return h1s.length;
};

/** The column holding the page's h1 (the nearest block around it with four times its text), wrapped in three divs. */
const wrappedMain: Transform = (doc) => {
  const h1 = elementsOf(doc, 'h1')[0];
  if (!h1) return 0;
  const own = collapse(h1.textContent ?? '').length;
  let col = h1.parentElement;
  while (col && tagOf(col) !== 'BODY' && collapse(col.textContent ?? '').length < Math.max(4 * own, 200))
    col = col.parentElement;
  if (!col || tagOf(col) === 'BODY' || tagOf(col) === 'HTML') return 0;
  let inner: Element = doc.createElement('div');
  const outer = inner;
  for (let i = 0; i < 2; i++) inner = inner.appendChild(doc.createElement('div'));
  if (CELLS.has(tagOf(col)) || TABLE_PARTS.has(tagOf(col))) {
    while (col.firstChild) inner.appendChild(col.firstChild);
    col.appendChild(outer);
  } else {
    col.before(outer);
    inner.appendChild(col);
  }
  return 1;
};

/** The transforms of list pages and of case pages, by name. */
export const LIST_TRANSFORMS: Record<string, Transform> = {
  'table-rows-as-div-blocks': tablesAsBlocks('div'),
  'table-cells-as-spans': tablesAsBlocks('span'),
  'ul-li-as-div-blocks': listsAsDivs,
  'blocks-as-table-rows': blocksAsTable,
  'rows-wrapped-once-more': wrappedRows,
  'row-as-one-line': rowsAsLines,
};

export const CASE_TRANSFORMS: Record<string, Transform> = {
  'pair-table-as-dl': pairsAs(asDl, 'dl', false),
  'pairs-as-bold-label-lines': pairsAs(asBoldLine, 'div', true),
  'pairs-as-two-divs': pairsAs(asTwoDivs, 'div', true),
  'h1-as-styled-div-site-heading': headingAsDiv,
  'main-column-wrapped': wrappedMain,
};
