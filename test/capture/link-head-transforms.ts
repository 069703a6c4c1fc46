/**
 * List shapes the fifteenth session's unseen pages failed on, rewritten onto every corpus list page they fit
 * (shape-ablation.ts reads each; totalled apart as `document links and head rows`):
 * - the rows as undated document links, one link a paragraph, grouped under small headings, with nothing else on the
 *   row (Carmen de Areco's Boletín Oficial: `<h5>ORDENANZAS</h5><p><a href=….pdf>Ordenanza Fiscal N° 3057/2021</a></p>`,
 *   ar-carmendeareco-boletin-oficial). Only what such a list can keep is scored: the count, each title still written
 *   in a link, the rows' addresses and the absent strings;
 * - a table's head row in words no table knows, the table then rewritten as divs (the div rewrites of
 *   us-clovis-municode-planning-commission-meetings, za-pmg-proceedings-on-bills-2013, us-pittsburgh-port-authority-*
 *   and us-omaha-planning-* read as one case: their head line was found by its words only).
 */
import { SKIP_TAGS, tagOf } from '@linli/core/capture/elements';
import { collapse, hasCjk } from '@linli/core/capture/text';
import { blockRuns, LIST_TRANSFORMS, type Transform } from './shape-transforms';

/** A transform that keeps only some of a row's fields: which expected fields its page is scored on. */
export interface PartialTransform extends Transform {
  scores: (key: string, want: unknown, doc: Document) => boolean;
}

const CELLS = new Set(['TD', 'TH']);
const cellsOf = (row: Element) => Array.from(row.children).filter((c) => CELLS.has(tagOf(c)));
const rowsOf = (table: Element) =>
  Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
const textOf = (el: Node) => collapse(el.textContent ?? '');

function insideSkipped(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (SKIP_TAGS.has(tagOf(a))) return true;
  return false;
}

/** A list's table: three rows of two cells or more, most of its rows so, no table inside. */
function listTables(doc: Document): Element[] {
  if (!doc.body) return [];
  return Array.from(doc.body.querySelectorAll('table')).filter((t) => {
    if (insideSkipped(t) || t.querySelector('table')) return false;
    const rows = rowsOf(t);
    const wide = rows.filter((r) => cellsOf(r).length >= 2).length;
    return wide >= 3 && wide >= 0.6 * rows.length;
  });
}

/** A small number from the site's name: how many rows a group holds on this page (they differ by page). */
const pick = (site: string, n: number) => [...site].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % n;

/** Group headings as a town's bulletin writes them: a kind of paper, capitals, in a `<strong>` inside an `<h5>`. */
const GROUP_NAMES = ['INFORMES', 'ORDENANZAS', 'DECRETOS', 'RESOLUCIONES', 'ANEXOS', 'CIRCULARES'];

/** The row's link with the most text: the document it names. */
function mainLink(row: Element): Element | undefined {
  let best: Element | undefined;
  for (const a of Array.from(row.querySelectorAll('a[href]')))
    if (textOf(a) && (!best || textOf(a).length > textOf(best).length)) best = a;
  return best;
}

/** A date's words and digits out of a link's text (`Situación al 31/12/2019` → `Situación al`). */
const UNDATED = new RegExp(
  [
    String.raw`\b\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?`,
    String.raw`\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b`,
    String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?`,
    String.raw`\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b`,
    String.raw`\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b`,
  ].join('|'),
  'gi',
);
const undated = (text: string) => collapse(text.replace(UNDATED, ' '));

/** Rows as `<h5>` groups of `<p><a>` lines, put by `place`; false (and nothing changed) when a row has no link. */
function asDocumentLinks(doc: Document, rows: Element[], place: (out: Element) => void, size: number): boolean {
  const links = rows.map(mainLink);
  if (links.some((a) => !a || !undated(textOf(a)))) return false;
  const out = doc.createElement('div');
  links.forEach((a, i) => {
    if (i % size === 0) {
      const h = out.appendChild(doc.createElement('h5'));
      h.appendChild(doc.createElement('strong')).textContent = GROUP_NAMES[(i / size) % GROUP_NAMES.length]!;
    }
    const link = out.appendChild(doc.createElement('p')).appendChild(doc.createElement('a'));
    link.setAttribute('href', a!.getAttribute('href') ?? '');
    link.textContent = undated(textOf(a!));
  });
  place(out);
  return true;
}

/** Each list (a table's value rows, a run of blocks, a `<ul>` of linked items) as grouped document links. */
const documentLinks: PartialTransform = Object.assign(
  (doc: Document, site: string) => {
    const size = 3 + pick(site, 4);
    let n = 0;
    for (const table of listTables(doc)) {
      const rows = rowsOf(table).filter((r) => !cellsOf(r).every((c) => tagOf(c) === 'TH'));
      if (asDocumentLinks(doc, rows, (out) => table.replaceWith(out), size)) n++;
    }
    for (const run of blockRuns(doc, 2)) {
      const place = (out: Element) => {
        run[0]!.before(out);
        for (const block of run) block.remove();
      };
      if (asDocumentLinks(doc, run, place, size)) n++;
    }
    if (doc.body)
      for (const list of Array.from(doc.body.querySelectorAll('ul, ol'))) {
        const items = Array.from(list.children).filter((c) => tagOf(c) === 'LI');
        if (items.length < 3 || insideSkipped(list) || !list.isConnected) continue;
        if (asDocumentLinks(doc, items, (out) => list.replaceWith(out), size)) n++;
      }
    return n;
  },
  {
    // The count and the absent strings are always scored (compare.ts); a title only where a link still writes it.
    scores: (key: string, want: unknown, doc: Document) => {
      if (key === 'source.url' || key === 'source.url~') return true;
      if ((key !== 'title' && key !== 'title~') || typeof want !== 'string') return false;
      const w = collapse(want);
      return Array.from(doc.querySelectorAll('p > a')).some((a) => textOf(a).includes(w));
    },
  },
);

/** Letters of the unknown words: no label of any table is spelt with them (as label-blind.ts's tokens). */
const LATIN = 'kwzvj';
const CJK = '甲乙丙丁戊己庚辛壬癸';

function tokenOf(i: number, like: string): string {
  const letters = hasCjk(like) ? CJK : LATIN;
  let out = '';
  let n = i;
  do {
    out += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  } while (n > 0);
  return hasCjk(like) ? out.padEnd(2, '癸') : `Zq${out}`.padEnd(Math.min(Math.max(like.length, 4), 12), 'x');
}

/** A head row: `<th>` cells or a `<thead>` row, or bold cells; every cell short and without a digit. */
function headRowOf(table: Element): Element | undefined {
  const row = rowsOf(table)[0];
  if (!row) return undefined;
  const cells = cellsOf(row).filter((c) => textOf(c));
  if (cells.length < 2 || cells.some((c) => textOf(c).length > 40 || /\d/.test(textOf(c)))) return undefined;
  const bold = (c: Element) => {
    const b = c.querySelector('b, strong');
    return !!b && textOf(b).length >= textOf(c).length * 0.8;
  };
  const marked = cells.every((c) => tagOf(c) === 'TH') || row.parentElement?.tagName === 'THEAD' || cells.every(bold);
  return marked ? row : undefined;
}

/** Every list table's head row in words no table knows (one word per distinct head), then `then` on the page. */
const unknownHeads =
  (then: Transform): Transform =>
  (doc, site, title, description) => {
    const words = new Map<string, string>();
    let n = 0;
    for (const table of listTables(doc)) {
      const row = headRowOf(table);
      if (!row) continue;
      for (const cell of cellsOf(row)) {
        const walker = doc.createTreeWalker(cell, 4);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          const text = collapse(t.textContent ?? '');
          if (!text) continue;
          if (!words.has(text)) words.set(text, tokenOf(words.size, text));
          t.textContent = ` ${words.get(text)} `;
        }
      }
      n++;
    }
    if (n) then(doc, site, title, description);
    return n;
  };

/** The list shapes of the fifteenth session's unseen pages, by name: totalled apart by shape-ablation.ts. */
export const LINK_HEAD_TRANSFORMS: Record<string, Transform> = {
  'rows-as-document-links-under-headings': documentLinks,
  'head-row-unknown-div-blocks': unknownHeads(LIST_TRANSFORMS['table-rows-as-div-blocks']!),
  'head-row-unknown-cell-spans': unknownHeads(LIST_TRANSFORMS['table-cells-as-spans']!),
};

/** Is this one of them? */
export const isLinkHeadTransform = (name: string) => name in LINK_HEAD_TRANSFORMS;
