/**
 * One pass over the page that later steps share: document order, which elements are boilerplate (header, footer,
 * navigation, sidebars, search forms, hidden parts) and which are "leafy" (hold no block elements).
 */
import { CHROME_TAGS, hasJudgedAttribute, isChrome, judgedAmong } from './chrome';
import { BLOCK_TAGS, type ElementsBelow, elementsBelow, isSkipped, NATIVE_DOM, SKIP_TAGS, tagOf } from './elements';

export interface Scan {
  doc: Document;
  root: Element;
  /** Every element under root (root first), in document order, except chrome and hidden parts: none is excluded. */
  all: Element[];
  /** `tagOf(all[i])` for each element: the passes over `all` read it here (a DOM call per element in a browser). */
  tags: string[];
  /** Depth of `all[i]` below root: the elements after `all[i]` with a greater depth are its subtree. */
  depths: Int32Array;
  /**
   * 1 where `all[i]` has no element child at all (kept or left out), as the walk found when it pushed the children:
   * passes over `all` that need a first child skip the text-only cells of a big list without asking the DOM.
   */
  childless: Uint8Array;
  /** 1 where `all[i]` has attributes: a table's cells without any need no `colspan` read (header-tables.ts). */
  attributed: Uint8Array;
  /**
   * 1 where the walk left out an element child of `all[i]` (hidden, chrome, a script): where it is 0 the kept
   * elements at the next depth below `all[i]` are all its element children, so a reader may take them from here.
   */
  cut: Uint8Array;
  /** `<script type="application/ld+json">` under root, wherever it sits (often in a hidden or footer part). */
  jsonLd: Element[];
  /** Whether an element of `all` carries `itemscope` (microdata): asked by the walk of those with attributes. */
  itemscope: boolean;
  /** Document order index (built on first use: list pages never need it). */
  order: { get(el: Element): number | undefined };
  /** Elements with no block-level descendants (so their text is a run of lines); computed on demand. */
  leafy: { has(el: Element): boolean };
  excluded(el: Element): boolean;
  /** Elements already used for a field or an update, so fallbacks do not take them twice. */
  used: Set<Element>;
}

export function createScan(doc: Document, root: Element): Scan {
  const memo = new Map<Element, boolean>();
  // The descendants of an element the chrome test looked into (a sidebar named `side`): its scripts are read from
  // the same list when it is left out.
  const listed = new Map<Element, ArrayLike<Element>>();
  const below: ElementsBelow = (el) => {
    let list = listed.get(el);
    if (!list) {
      list = elementsBelow(el);
      listed.set(el, list);
    }
    return list;
  };
  // Chrome and hidden subtrees are left out of the walk altogether: on a 2 MB page most elements are menus,
  // sidebars and link lists, and every later step walks `all`.
  // A 2 MB list keeps 70,000 elements. An array grown one push at a time past 128 KB is copied into a new
  // large-object allocation at each step (the four lists cost 29 ms a run against a walk's 9, s13-speed): the
  // elements and tags gather in chunks joined once, the numbers in typed arrays doubled when full.
  const all = new Chunked<Element>(root);
  const tags = new Chunked<string>(tagOf(root));
  // Sized once from the browser's own count of the elements (a native walk, no call per element): doubling from 1,024
  // made eight arrays of each kind on the 2 MB list and copied them, 2–3 % of a run in Chromium. linkedom counts by
  // building a list of them all, dearer than the doubling.
  const size = NATIVE_DOM ? root.getElementsByTagName('*').length + 1 : 1024;
  let depths = new Int32Array(size);
  let childless = new Uint8Array(size);
  let attributes = new Uint8Array(size);
  let cut = new Uint8Array(size);
  childless[0] = root.lastElementChild ? 0 : 1;
  attributes[0] = root.hasAttributes() ? 1 : 0;
  let n = 1;
  const jsonLd: Element[] = [];
  let itemscope = root.hasAttribute('itemscope');
  const stack: Element[] = [];
  const stackDepths: number[] = [];
  const stackParents: number[] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) {
    stack.push(c);
    stackDepths.push(1);
    stackParents.push(0);
  }
  while (stack.length) {
    const el = stack.pop()!;
    const depth = stackDepths.pop()!;
    const parent = stackParents.pop()!;
    // Most elements of a big page (cells, rows, links) have no attribute that can rule them out (an `href`, a
    // `colspan`): only their tag can.
    const tag = tagOf(el);
    const attributed = el.hasAttributes();
    // In a browser the names are listed once for both questions asked of an element with attributes (a list's links).
    const names = attributed && NATIVE_DOM ? el.getAttributeNames() : null;
    const out =
      attributed && (names ? judgedAmong(names) : hasJudgedAttribute(el))
        ? isSkipped(el) || isChrome(el, below)
        : SKIP_TAGS.has(tag) || (CHROME_TAGS.has(tag) && isChrome(el, below));
    if (out) {
      cut[parent] = 1;
      memo.set(el, true);
      const scripts: ArrayLike<Element> =
        tag === 'SCRIPT' ? [el] : (listed.get(el) ?? el.getElementsByTagName('script'));
      for (let i = 0; i < scripts.length; i++) {
        const s = scripts[i]!;
        if (tagOf(s) === 'SCRIPT' && /ld\+json/i.test(s.getAttribute('type') ?? '')) jsonLd.push(s);
      }
      continue;
    }
    all.push(el);
    tags.push(tag);
    if (n === depths.length) {
      depths = grown(depths, new Int32Array(n * 2));
      childless = grown(childless, new Uint8Array(n * 2));
      attributes = grown(attributes, new Uint8Array(n * 2));
      cut = grown(cut, new Uint8Array(n * 2));
    }
    depths[n] = depth;
    if (attributed) {
      attributes[n] = 1;
      if (!itemscope) itemscope = names ? names.includes('itemscope') : el.hasAttribute('itemscope');
    }
    const last = el.lastElementChild;
    const at = n;
    childless[n++] = last ? 0 : 1;
    for (let c = last; c; c = c.previousElementSibling) {
      stack.push(c);
      stackDepths.push(depth + 1);
      stackParents.push(at);
    }
  }
  return finishScan(
    doc,
    root,
    all.done(),
    tags.done(),
    depths.subarray(0, n),
    childless.subarray(0, n),
    attributes.subarray(0, n),
    cut.subarray(0, n),
    jsonLd,
    itemscope,
    memo,
  );
}

function finishScan(
  doc: Document,
  root: Element,
  all: Element[],
  tags: string[],
  depths: Int32Array,
  childless: Uint8Array,
  attributed: Uint8Array,
  cut: Uint8Array,
  jsonLd: Element[],
  itemscope: boolean,
  memo: Map<Element, boolean>,
): Scan {
  let orderMap: Map<Element, number> | undefined;
  const order = {
    get(el: Element): number | undefined {
      if (!orderMap) {
        orderMap = new Map();
        for (let i = 0; i < all.length; i++) orderMap.set(all[i]!, i);
      }
      return orderMap.get(el);
    },
  };
  const blockMemo = new Map<Element, boolean>();
  // Whether an element holds a block element anywhere below it; memoised, so asking for every element is O(n).
  const holdsBlock = (el: Element): boolean => {
    const known = blockMemo.get(el);
    if (known !== undefined) return known;
    let out = false;
    for (let c = el.firstElementChild; c && !out; c = c.nextElementSibling) {
      const tag = tagOf(c);
      // An empty block (`<p></p>` after the text of 证券时报网's `<div class="txt_con">`) leaves its parent a leaf
      // of text. Page: cn-stcn-noon-announcements. Its text is read only for a block: every inline child's would be
      // a string built per element (a DOM call each in a browser).
      const block = BLOCK_TAGS.has(tag) && tag !== 'BR';
      out = (block && !(!c.firstElementChild && !(c.textContent ?? '').trim())) || holdsBlock(c);
    }
    blockMemo.set(el, out);
    return out;
  };
  // The walk memoises only what it left out (a few subtrees), not the tens of thousands of elements it kept:
  // building that map was an eighth of a 10,000-row list's time. Under root the walk has decided, so an element
  // is excluded exactly when an ancestor it left out is above it; only elements outside root (a selection's
  // surroundings) are judged on their own.
  const excluded = (el: Element): boolean => {
    const known = memo.get(el);
    if (known !== undefined) return known;
    // The selection root is never chrome, even if the user selected inside a sidebar.
    let out = false;
    if (el !== root) {
      out = !root.contains(el) && (isSkipped(el) || isChrome(el));
      if (!out && el.parentElement) out = excluded(el.parentElement);
    }
    memo.set(el, out);
    return out;
  };
  return {
    doc,
    root,
    all,
    tags,
    depths,
    childless,
    attributed,
    cut,
    jsonLd,
    itemscope,
    order,
    leafy: { has: (el) => !holdsBlock(el) },
    excluded,
    used: new Set(),
  };
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

const CHUNK = 8192;

/**
 * A list appended to in chunks, joined into one array once at the end. The first grows one push at a time (a small
 * page needs no more); the next are made at their full size, since a chunk grown push by push is copied at each step
 * of its growth: three times its size made and thrown away, per chunk of a 2 MB page.
 */
class Chunked<T> {
  private chunks: T[][] = [];
  private last: T[];
  private n = 1;
  constructor(first: T) {
    this.last = [first];
  }
  push(item: T): void {
    if (this.n === CHUNK) {
      this.chunks.push(this.last);
      this.last = new Array<T>(CHUNK);
      this.n = 0;
    }
    this.last[this.n++] = item;
  }
  done(): T[] {
    this.last.length = this.n;
    if (!this.chunks.length) return this.last;
    // `concat` sizes the result once (`flat()` measured five times slower here).
    return ([] as T[]).concat(...this.chunks, this.last);
  }
}

export function orderOf(scan: Scan, el: Element | null | undefined): number {
  return el ? (scan.order.get(el) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
}
