/**
 * Text as a reader sees it: block boundaries and <br> become line breaks, hidden parts are left out, form controls
 * show their values. Only standard DOM APIs (no innerText, no layout) so the same code runs on a live page in a
 * content script and on a linkedom document in Node.
 */
import { BLOCK_TAGS, isSkipped, NATIVE_DOM, SKIP_TAGS, tagOf } from './elements';
import { collapse, tidyLines } from './text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Text as a reader sees it: block boundaries and <br> become line breaks, hidden parts are left out. Adjacent
 * inline elements with nothing between them (`<span>10:02</span><span>Council</span>`) get a space so their words
 * do not run together.
 */
export function readText(node: Node, exclude?: (el: Element) => boolean): string {
  // Plain text only (most table cells): nothing to walk. A `<style>` or `<script>` asked directly is no text either.
  if (!(node as Element).firstElementChild && node.nodeType === ELEMENT_NODE)
    return SKIP_TAGS.has(tagOf(node as Element)) ? '' : tidyLines(node.textContent ?? '');
  const parts: string[] = [];
  walk(node, parts, exclude);
  return tidyLines(parts.join(''));
}

const INLINE_LABEL_START = /^[\u3400-\u9fffA-Za-z]{1,10}\s*[：:]/;

/** `市场监管局<b>回复时间：</b>…`: an inline label right after a value's text starts a new pair. */
function startsWithLabel(el: Element): boolean {
  const first = el.firstChild;
  return first !== null && first.nodeType === TEXT_NODE && INLINE_LABEL_START.test((first as Text).data);
}

// Han characters and full-width punctuation: Chinese set without spaces.
const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff01-\uff65\u2018\u2019\u201c\u201d\u2014\u2026]/u;
// Quotes and title marks open or close words inside a sentence; a badge or tag (`市容环境`, `已回复`, `【建言】`) is
// set apart by CSS and keeps its space.
const OPENING_QUOTE = /^[“‘《〈「『]/;
const CLOSING_QUOTE = /[”’》〉」』]$/;

/**
 * Two inline runs of Chinese with nothing between them in the markup, meeting at a quote or title mark
 * (`<font>关于整治</font><font>“空中蜘蛛网”…`, a Word paste's font runs): Chromium draws them joined, so no space is
 * put between them. Whitespace the markup has between them (`》 （`, or a line break) Chromium draws as a space, and
 * it stays. Pages: cn-pingtan-zxta-proposal-38201, cn-shenyang-fcj-jyta-proposal-reply-list; tags set apart by CSS:
 * district-minyi-ask-answer.
 */
function cjkSeam(parts: string[], el: Element): boolean {
  const before = parts[parts.length - 1];
  if (!before) return false;
  const last = before[before.length - 1]!;
  if (!CJK_CHAR.test(last)) return false;
  let first: Node | null = el.firstChild;
  while (first && first.nodeType === ELEMENT_NODE) first = first.firstChild;
  const data = first?.nodeType === TEXT_NODE ? (first as Text).data : '';
  if (data === '' || !CJK_CHAR.test(data[0]!)) return false;
  return OPENING_QUOTE.test(data) || CLOSING_QUOTE.test(last) || wordRun(el);
}

/**
 * A run of a Word document saved as HTML (`<span style="font-family:仿宋_GB2312;mso-font-kerning:0pt">`): Word splits
 * one sentence into a span per change of formatting (`、委托` `未取得合法资格` `的` …), and Chromium draws them joined.
 * Government bodies paste their tables from Word everywhere. Page: cn-nfra-xzcf-zongju-2024-36-penalty.
 */
function wordRun(el: Element): boolean {
  return el.hasAttributes() && (el.getAttribute('style') ?? '').includes('mso-');
}

function walk(node: Node, parts: string[], exclude?: (el: Element) => boolean): void {
  let prevWasElement = false;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const data = (child as Text).data;
      // `<em>城建</em>领域：<em>交通</em>`: a label right after a value element starts a new pair.
      if (prevWasElement && INLINE_LABEL_START.test(data)) parts.push(' ');
      parts.push(data);
      if (data.trim()) prevWasElement = false;
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    if (isSkipped(el) || exclude?.(el)) continue;
    const tag = tagOf(el);
    if (tag === 'BR') {
      parts.push('\n');
      prevWasElement = false;
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    else if ((prevWasElement && !cjkSeam(parts, el)) || startsWithLabel(el)) parts.push(' ');
    if (tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT') parts.push(controlValue(el));
    else if (tag === 'TD' || tag === 'TH') {
      walk(el, parts, exclude);
      parts.push(' ');
    } else walk(el, parts, exclude);
    if (block) parts.push('\n');
    prevWasElement = true;
  }
}

/**
 * `el.textContent`, read off the one text node that holds it when there is one (`<td>text</td>`, `<td><a>text</a>
 * </td>`): linkedom builds every textContent as a list of its text nodes joined, and a 10,000-row list asks it of
 * each cell.
 */
export function textOf(el: Element): string {
  // A browser builds textContent natively, and reading a text node makes a wrapper object for it: the walk below
  // took twice textContent's time over the 2 MB list's 50,000 cells in Chromium.
  if (NATIVE_DOM) return el.textContent ?? '';
  let only: Node | null = el.firstChild;
  while (only !== null && only === (only.parentNode as Element).lastChild && only.nodeType === ELEMENT_NODE)
    only = only.firstChild;
  return only !== null && only.nodeType === TEXT_NODE && only === only.parentNode!.lastChild
    ? (only as Text).data
    : (el.textContent ?? '');
}

/**
 * `el.textContent` when it has at most `max` characters, else undefined — found out by counting its text nodes up to
 * `max`, without building the text of a big element: rules that look for a short line (a date heading) ask it of
 * siblings that may hold a whole page, and a browser builds each textContent as a new string.
 */
export function textUpTo(el: Element, max: number): string | undefined {
  let n = 0;
  for (let c: Node | null = el.firstChild; c && c !== el; ) {
    if (c.nodeType === TEXT_NODE) {
      n += (c as Text).data.length;
      if (n > max) return undefined;
    }
    if (c.firstChild) c = c.firstChild;
    else {
      while (c && c !== el && !c.nextSibling) c = c.parentNode;
      c = c && c !== el ? c.nextSibling : null;
    }
  }
  const raw = el.textContent ?? '';
  return raw.length > max ? undefined : raw;
}

/**
 * Text of a table cell: `<td>text</td>` and `<td><a>text</a></td>` without walking. `raw`: the cell's `textOf`, when
 * the caller has read it already (a browser builds a new string at each read).
 */
export function cellText(cell: Element, raw?: string): string {
  const first = cell.firstElementChild;
  if (!first || (first === cell.lastElementChild && !first.firstElementChild && !BLOCK_TAGS.has(tagOf(first)))) {
    if (!first || !isSkipped(first)) return collapse(raw ?? textOf(cell));
  }
  return readText(cell);
}

/** Current value of a form control: live property first (browser), attribute/markup second (saved page). */
export function controlValue(el: Element): string {
  const tag = tagOf(el);
  if (tag === 'SELECT') {
    const options = Array.from(el.querySelectorAll('option'));
    let chosen = options.find((o) => o.hasAttribute('selected'));
    const live = (el as HTMLSelectElement).value;
    if (typeof live === 'string' && live !== '') {
      const byValue = options.find((o) => (o.getAttribute('value') ?? collapse(o.textContent ?? '')) === live);
      if (byValue && !chosen?.isSameNode(byValue)) chosen = byValue;
    }
    if (!chosen) return '';
    // A selected placeholder ("--请选择--", "全部" with an empty value) means nothing was chosen.
    if (chosen.getAttribute('value') === '') return '';
    return collapse(chosen.textContent ?? '');
  }
  if (tag === 'TEXTAREA') {
    const live = (el as HTMLTextAreaElement).value;
    return typeof live === 'string' ? live : (el.textContent ?? '');
  }
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'checkbox' || type === 'radio') {
    return el.hasAttribute('checked') || (el as HTMLInputElement).checked ? (el.getAttribute('value') ?? 'on') : '';
  }
  if (['hidden', 'password', 'submit', 'button', 'reset', 'image', 'file'].includes(type)) return '';
  const live = (el as HTMLInputElement).value;
  return typeof live === 'string' ? live : (el.getAttribute('value') ?? '');
}

/** Text of links inside `el`, for link density (navigation blocks are mostly links). */
export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += collapse(a.textContent ?? '').length;
  return n;
}
