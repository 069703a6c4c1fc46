/**
 * Node-only entry: parses HTML with linkedom. Kept apart from index.ts so the extension's bundle, which runs on
 * the real page DOM, never pulls linkedom in.
 */
import { parseHTML } from 'linkedom';
import { decodeHtml } from './decode';

/**
 * Parses a page into a standard `Document` (linkedom). With `url`, `document.URL` answers it as a browser's
 * would, so extraction resolves links and reads the page's address the same way in both places.
 */
export function parseHtml(html: string, url?: string): Document {
  // linkedom makes a bare fragment's first element the document element; a browser would wrap it in <body>.
  const full = /<(html|body)[\s>]/i.test(html.slice(0, 5000))
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(full);
  const doc = document as unknown as Document;
  if (UPPER_ATTRIBUTE.test(full)) lowerAttributeNames(doc);
  placeBody(doc);
  if (/<t[rdh][\s>]/i.test(html)) {
    dropStrayTableParts(doc);
    splitNestedCells(doc);
  }
  if (url) {
    try {
      Object.defineProperty(doc, 'URL', { value: url, configurable: true });
    } catch {
      // A read-only URL (not linkedom's case) just means callers pass opts.url explicitly.
    }
  }
  return doc;
}

// An attribute written in capitals (`<A HREF=…>`, `<TD COLSPAN=3>`), as old server-made markup writes them.
const UPPER_ATTRIBUTE = /<[A-Za-z][^<>]*?\s[A-Z][A-Za-z-]*\s*=/;

/**
 * HTML's attribute names are case-blind and browsers lower them; linkedom keeps them as written, so
 * `getAttribute('href')` missed every `HREF` (会議録研究所's VOICES lists: each sitting's link read as none,
 * jp-tsukuba-voices-kaigi-nittei-ichiran). Asked only of pages that write any in capitals.
 */
function lowerAttributeNames(doc: Document): void {
  for (const el of doc.querySelectorAll('*')) {
    const names = el.getAttributeNames();
    for (const name of names) {
      const lower = name.toLowerCase();
      if (lower === name) continue;
      const value = el.getAttribute(name) ?? '';
      el.removeAttribute(name);
      if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
    }
  }
}

// What a document's <head> may hold; any other element (or text) ends the head under HTML's parsing rules.
const HEAD_TAGS = new Set([
  'BASE',
  'BASEFONT',
  'BGSOUND',
  'LINK',
  'META',
  'NOFRAMES',
  'NOSCRIPT',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'TITLE',
]);

const hasText = (n: Node) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '';

/**
 * Where the body starts and ends as HTML's parsing rules decide, and every browser shows, where linkedom's tree
 * differs. A template that leaves out `</head><body>` keeps the whole content in linkedom's <head>: the head ends at
 * its first element that cannot stand there (a `<div>`) or its first text, and the rest opens the body (page:
 * us-osha-inspection-1458614-group-1-automotive, OSHA's IMIS pages). A stray `</html>` or `</body>` mid-page (a
 * header include that closes the document) ends linkedom's tree there, and what follows it belongs at the body's end
 * (page: cn-gov-gongbao-npc-resolution, www.gov.cn's gazette pages).
 */
function placeBody(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  let first: ChildNode | null = doc.head?.firstChild ?? null;
  while (first && !(first.nodeType === 1 ? !HEAD_TAGS.has((first as Element).tagName.toUpperCase()) : hasText(first)))
    first = first.nextSibling;
  const opening: Node[] = [];
  for (let n: ChildNode | null = first; n; n = n.nextSibling) opening.push(n);
  const closing: Node[] = [];
  for (let n = body.nextSibling; n; n = n.nextSibling) closing.push(n);
  for (let n = doc.documentElement?.nextSibling ?? null; n; n = n.nextSibling) closing.push(n);
  const start = body.firstChild;
  for (const n of opening) body.insertBefore(n, start);
  for (const n of closing) if (n.nodeType === 1 || hasText(n)) body.appendChild(n);
}

// Tags of a table's inside: outside any <table>, HTML's parsing rules ignore them (their content stays in place).
const TABLE_PARTS = 'tr, td, th, tbody, thead, tfoot, caption, colgroup, col';

/**
 * `<tr><td>…</td></tr>` written with no `<table>` around it: a browser ignores those tags and keeps their content
 * where it is (so each row's spans become siblings under the enclosing block); linkedom keeps them as elements. They
 * are unwrapped here so that Node reads the tree Chromium reads. Page: us-nc-supreme-slip-opinions-2025 (31
 * opinions in `<tr class="hover">` rows inside a `<div>`).
 */
function dropStrayTableParts(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(TABLE_PARTS))) {
    if (el.closest('table')) continue;
    const parent = el.parentNode;
    if (!parent) continue;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
  }
}

const isCell = (el: Element) => el.tagName === 'TD' || el.tagName === 'TH';

/**
 * `<td><font><td>Presentado</td></font></td>`: a cell opened inside a cell with no table between them. HTML's
 * parsing rules close the open cell there, so a browser reads two sibling cells (the first one empty); linkedom
 * nests them, and the row's columns then no longer line up with its header's. Each nested cell is moved out after
 * its enclosing cell, in page order, so that Node reads the row Chromium reads. Page:
 * pe-congreso-proyectos-de-ley-por-numero (a Lotus Domino view writes every column's cell inside another).
 */
function splitNestedCells(doc: Document): void {
  const placedAfter = new Map<Element, Element>();
  for (const cell of Array.from(doc.querySelectorAll('td td, td th, th td, th th'))) {
    let outer: Element | null = cell.parentElement;
    while (outer && !isCell(outer) && outer.tagName !== 'TABLE') outer = outer.parentElement;
    if (!outer || !isCell(outer) || !outer.parentNode) continue;
    const after = placedAfter.get(outer) ?? outer;
    after.parentNode?.insertBefore(cell, after.nextSibling);
    placedAfter.set(outer, cell);
  }
}

/** Bytes in any charset → Document. */
export function parseHtmlBytes(bytes: Uint8Array, url?: string): Document {
  return parseHtml(decodeHtml(bytes), url);
}
