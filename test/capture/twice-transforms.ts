/**
 * List shapes the last unseen pages failed on, rewritten onto every corpus list page they fit (shape-ablation.ts reads
 * each; totalled apart as `unseen list shapes`). What a reader sees keeps its text, links and (but for the shuffled
 * spans) order; the rest is markup and copies a 1280 px reader does not see:
 * - a list laid out twice, a table and narrow-screen cards, one copy hidden as sites hide it (vn-dichvucong-danang);
 * - each row followed by a hidden twin repeating its fields and more (us-kingcounty-food-inspection-*);
 * - each row its own one-row `<table>` (King County) or its own `<ul>` (tw-ly-ivod clip cards);
 * - a row's small fields as unlabelled spans in no fixed order (ua-petition-president-list-collecting: number, date,
 *   category; GOV.UK's finder: type, publisher, date).
 */
import { SKIP_TAGS, tagOf } from '@linli/core/capture/elements';
import { collapse } from '@linli/core/capture/text';
import { blockRuns, partsOf, type Transform } from './shape-transforms';

const CELLS = new Set(['TD', 'TH']);
/** A row's field short enough to stand as a span of metadata (`№ 22/256904-еп`, `10.12.2025`, `HMRC`). */
const SMALL = 40;

function insideSkipped(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (SKIP_TAGS.has(tagOf(a))) return true;
  return false;
}

const cellsOf = (row: Element) => Array.from(row.children).filter((c) => CELLS.has(tagOf(c)));
const rowsOf = (table: Element) =>
  Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
const textOf = (el: Node) => collapse(el.textContent ?? '');
const headRow = (row: Element) =>
  cellsOf(row).every((c) => tagOf(c) === 'TH') || row.parentElement?.tagName === 'THEAD';

/** A list's table: three rows of two cells or more, most of its rows so, no table inside (a layout table is none). */
function listTables(doc: Document): Element[] {
  if (!doc.body) return [];
  return Array.from(doc.body.querySelectorAll('table')).filter((t) => {
    if (insideSkipped(t) || t.querySelector('table')) return false;
    const rows = rowsOf(t);
    const wide = rows.filter((r) => cellsOf(r).length >= 2 && !headRow(r)).length;
    return wide >= 3 && wide >= 0.6 * rows.length;
  });
}

/** A small number from the site's name: which of the ways to hide a copy this page gets (they alternate by page). */
const pick = (site: string, n: number) => [...site].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % n;

/** Classes of the copy a wide screen shows and of the one it hides, per way of hiding; `style` is inline CSS. */
const HIDINGS: Array<{ shown: string; hidden: string; style?: string; css?: string }> = [
  { shown: 'd-none d-md-block', hidden: 'd-md-none' },
  { shown: 'hidden md:block', hidden: 'md:hidden' },
  { shown: 'hidden-xs', hidden: 'visible-xs' },
  { shown: '', hidden: '', style: 'display:none' },
  { shown: 'list-wide', hidden: 'list-narrow', css: '.list-narrow{display:none}' },
];

function hide(el: Element, how: (typeof HIDINGS)[number], shown: boolean) {
  const cls = shown ? how.shown : how.hidden;
  if (cls) el.setAttribute('class', `${el.getAttribute('class') ?? ''} ${cls}`.trim());
  if (!shown && how.style) el.setAttribute('style', how.style);
  if (how.css && !el.ownerDocument.getElementById('twice-css')) {
    const style = el.ownerDocument.createElement('style');
    style.id = 'twice-css';
    style.textContent = how.css;
    el.ownerDocument.head?.appendChild(style);
  }
}

/** The rows of a list table as cards: each row a div, each cell with text or a link a div in it (copies). */
function cardsOf(doc: Document, table: Element): Element {
  const cards = doc.createElement('div');
  cards.setAttribute('class', 'cards');
  for (const row of rowsOf(table)) {
    if (headRow(row)) continue;
    const card = cards.appendChild(doc.createElement('div'));
    card.setAttribute('class', 'card');
    for (const cell of cellsOf(row)) {
      if (!textOf(cell) && !cell.querySelector('a, img')) continue;
      const div = card.appendChild(doc.createElement('div'));
      for (const n of Array.from(cell.childNodes)) div.appendChild(n.cloneNode(true));
    }
  }
  return cards;
}

/**
 * The list twice: each list table followed by its rows as cards. `hiddenCopy` says which one a wide screen does not
 * see: the cards (the table is what a reader reads) or the table (the cards are).
 */
const laidOutTwice =
  (hiddenCopy: 'cards' | 'table'): Transform =>
  (doc, site) => {
    const tables = listTables(doc);
    const how = HIDINGS[pick(site, HIDINGS.length)]!;
    for (const table of tables) {
      const cards = cardsOf(doc, table);
      table.after(cards);
      hide(table, how, hiddenCopy !== 'table');
      hide(cards, how, hiddenCopy !== 'cards');
    }
    return tables.length;
  };

/** Ways a row's detail twin is kept out of sight until clicked. */
const TWIN_HIDINGS: Array<Record<string, string>> = [
  { hidden: '' },
  { style: 'display: none' },
  { class: 'collapse', 'aria-hidden': 'true' },
];

/** A detail block repeating a row's fields under their column heads, and a line more. */
function twinOf(doc: Document, parts: Node[][], heads: string[], how: Record<string, string>): Element {
  const twin = doc.createElement('div');
  for (const [name, value] of Object.entries(how)) twin.setAttribute(name, value);
  parts.forEach((part, i) => {
    const line = twin.appendChild(doc.createElement('div'));
    if (heads[i]) line.appendChild(doc.createElement('span')).textContent = `${heads[i]}:`;
    for (const n of part) line.appendChild(n.cloneNode(true));
  });
  twin.appendChild(doc.createElement('div')).textContent = 'Details of this record';
  return twin;
}

/** Each row of a list (a table's, or a run of blocks) followed by its hidden detail twin. */
const hiddenTwins: Transform = (doc, site) => {
  const how = TWIN_HIDINGS[pick(site, TWIN_HIDINGS.length)]!;
  let n = 0;
  for (const table of listTables(doc)) {
    const rows = rowsOf(table);
    const heads = rows[0] && headRow(rows[0]) ? cellsOf(rows[0]).map(textOf) : [];
    for (const row of rows) {
      if (headRow(row)) continue;
      const cells = cellsOf(row);
      const tr = doc.createElement('tr');
      const td = tr.appendChild(doc.createElement('td'));
      td.setAttribute('colspan', String(cells.length));
      td.appendChild(
        twinOf(
          doc,
          cells.map((c) => Array.from(c.childNodes)),
          heads,
          {},
        ),
      );
      for (const [name, value] of Object.entries(how)) tr.setAttribute(name, value);
      row.after(tr);
      n++;
    }
  }
  for (const run of blockRuns(doc, 2))
    for (const block of run) {
      block.after(twinOf(doc, partsOf(block), [], how));
      n++;
    }
  return n;
};

/** Each row of a list table its own one-row table (the head row too), in the table's place. */
const rowsAsOwnTables: Transform = (doc) => {
  const tables = listTables(doc);
  for (const table of tables) {
    const out = doc.createElement('div');
    for (const row of rowsOf(table)) {
      const div = out.appendChild(doc.createElement('div'));
      div.appendChild(doc.createElement('table')).appendChild(doc.createElement('tbody')).appendChild(row);
    }
    table.replaceWith(out);
  }
  return tables.length;
};

/** Each item of a list (a `<ul>`/`<ol>` of three items or more, a run of blocks, a table's rows) in its own `<ul>`. */
const rowsAsOwnLists: Transform = (doc) => {
  let n = 0;
  const own = (items: Node[][], at: Element) => {
    const mark = doc.createComment('');
    at.before(mark);
    for (const nodes of items) {
      const ul = doc.createElement('ul');
      const li = ul.appendChild(doc.createElement('li'));
      for (const node of nodes) li.appendChild(node);
      mark.before(ul);
    }
    mark.remove();
    n++;
  };
  for (const table of listTables(doc)) {
    own(
      rowsOf(table).map((row) =>
        cellsOf(row).map((cell) => {
          const div = doc.createElement('div');
          while (cell.firstChild) div.appendChild(cell.firstChild);
          return div;
        }),
      ),
      table,
    );
    table.remove();
  }
  if (!doc.body) return n;
  for (const list of Array.from(doc.body.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((c) => tagOf(c) === 'LI');
    if (items.length < 3 || insideSkipped(list) || !items.every((li) => li.querySelector('a'))) continue;
    own(
      items.map((li) => Array.from(li.childNodes)),
      list,
    );
    list.remove();
  }
  for (const run of blockRuns(doc, 2)) {
    own(
      run.map((block) => [block]),
      run[0]!,
    );
  }
  return n;
};

/** The row's parts as a card: its first part with a link (else its longest) first, its small parts as spans in turn. */
function spannedCard(doc: Document, parts: Node[][], turn: number): Element {
  const card = doc.createElement('div');
  card.setAttribute('class', 'item');
  const text = (p: Node[]) => collapse(p.map((n) => n.textContent ?? '').join(' '));
  const linked = (p: Node[]) =>
    p.some((n) => n.nodeType === 1 && ((n as Element).querySelector('a') || tagOf(n as Element) === 'A'));
  const lead = parts.find(linked) ?? [...parts].sort((a, b) => text(b).length - text(a).length)[0];
  const small = parts.filter((p) => p !== lead && text(p).length <= SMALL && !linked(p));
  const rest = parts.filter((p) => p !== lead && !small.includes(p));
  const block = (p: Node[], tag: string) => {
    const el = doc.createElement(tag);
    for (const n of p) el.appendChild(n);
    return el;
  };
  if (lead) card.appendChild(block(lead, 'div'));
  const meta = card.appendChild(doc.createElement('div'));
  small.forEach((_, i) => {
    meta.appendChild(block(small[(i + turn) % small.length]!, 'span'));
    meta.appendChild(doc.createTextNode(' '));
  });
  for (const p of rest) card.appendChild(block(p, 'div'));
  return card;
}

/**
 * Each row of a list as a card whose small fields (a number, a date, a category, a status) are unlabelled spans,
 * their order turned by one from row to row; a table's head row (the only labels) left out.
 */
const shuffledSpans: Transform = (doc) => {
  let n = 0;
  for (const table of listTables(doc)) {
    const out = doc.createElement('div');
    rowsOf(table)
      .filter((row) => !headRow(row))
      .forEach((row, i) => {
        const parts = cellsOf(row)
          .filter((c) => textOf(c) || c.querySelector('a, img'))
          .map((c) => Array.from(c.childNodes));
        out.appendChild(spannedCard(doc, parts, i));
      });
    table.replaceWith(out);
    n++;
  }
  for (const run of blockRuns(doc, 3)) {
    run.forEach((block, i) => {
      block.replaceWith(spannedCard(doc, partsOf(block), i));
    });
    n++;
  }
  return n;
};

/** The list shapes of unseen pages, by name: shape-ablation.ts runs them on list pages and totals them apart. */
export const UNSEEN_LIST_TRANSFORMS: Record<string, Transform> = {
  'list-twice-cards-hidden': laidOutTwice('cards'),
  'list-twice-table-hidden': laidOutTwice('table'),
  'rows-with-hidden-twin': hiddenTwins,
  'rows-as-own-tables': rowsAsOwnTables,
  'rows-as-own-uls': rowsAsOwnLists,
  'row-fields-as-shuffled-spans': shuffledSpans,
};

/** Is this one of the unseen list shapes (totalled apart from the other list transforms)? */
export const isUnseenListTransform = (name: string) => name in UNSEEN_LIST_TRANSFORMS;
