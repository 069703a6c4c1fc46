/**
 * What an element is, asked without selectors or layout: its tag, whether a reader sees it, its place in the page,
 * its kind among its siblings. Only standard DOM APIs (no innerText, no layout) so the same code runs on a live page
 * in a content script and on a linkedom document in Node.
 */

/**
 * Elements whose text a reader never sees. `<title>` and `<meta>` count wherever they stand: a whole document pasted
 * into a notice's `<div>` (`<!doctype html><html><head><title>Title</title><style>…`) keeps them, and its `<style>`,
 * as elements of that div in a browser, whose parser drops only the nested `<html>`/`<head>`/`<body>` tags (linkedom
 * keeps those, and <head> is skipped here). Page: cn-jsggzy-nanjing-metro-tender-notice (`Title` read as a label and
 * the stylesheet as its value became the description in Chromium).
 */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'TITLE',
  'META',
]);

/** Elements that start a new line when rendered. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/**
 * Whether the engine runs on a browser's own DOM (the content script) rather than linkedom's (the CLI, tests): the
 * same property costs differ between them. linkedom has no global document.
 */
export const NATIVE_DOM = typeof document !== 'undefined';

const UPPER_TAGS = new Map<string, string>();
let lastName = '';
let lastTag = '';

/**
 * The element's tag in upper case, through a cache. linkedom's `tagName` upper-cases the name on every call, so it is
 * read from `localName` there; Chromium keeps each HTML element's `tagName` ready and makes a new V8 string of
 * `localName` at each read (36 against 70 ns; a 2 MB list asks 200,000 times a run). Either name gives the same
 * answer: `tagName` is the qualified name, upper-cased for HTML, except with a prefix (`svg:rect` in an XML page),
 * which is read from `localName`.
 */
export function tagOf(el: Element): string {
  const name = NATIVE_DOM ? el.tagName : el.localName;
  // Walks ask about runs of alike elements (the cells of a row): the same name as last time needs no lookup.
  if (name === lastName) return lastTag;
  let tag = UPPER_TAGS.get(name);
  if (tag === undefined) {
    if (NATIVE_DOM && name.includes(':')) return el.localName.toUpperCase();
    tag = name.toUpperCase();
    UPPER_TAGS.set(name, tag);
  }
  lastName = name;
  lastTag = tag;
  return tag;
}

/**
 * The element itself or its nearest ancestor with this tag (upper case): `closest('table')` without a selector.
 * linkedom parses and compiles the selector on every `closest` call, 24 ms a run when a 10,000-row list asks it
 * of each row.
 */
export function closestTag(el: Element, tag: string): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (tagOf(e) === tag) return e;
  return null;
}

export function isHidden(el: Element): boolean {
  // Most elements (rows, cells) carry no attribute at all: one call instead of three.
  if (!el.hasAttributes()) return false;
  // In a browser one call lists the names (65 ns) where each lookup converts its name first (40 ns): a list's row
  // links carry only `href`, and none of the three below is then asked of the page.
  const names = NATIVE_DOM ? el.getAttributeNames() : null;
  if (names ? names.includes('hidden') : el.hasAttribute('hidden')) return true;
  // No `type`, no hidden input: the tag is not asked of a list's row links.
  if (
    (!names || names.includes('type')) &&
    tagOf(el) === 'INPUT' &&
    (el.getAttribute('type') ?? '').toLowerCase() === 'hidden'
  )
    return true;
  // Only display:none: `visibility: hidden` is how pages (WeChat articles among them) hide their content until a
  // script has laid it out, so a saved copy still carries it on the very text a reader sees.
  const style = names && !names.includes('style') ? null : el.getAttribute('style');
  if (style !== null && /display\s*:\s*none/i.test(style)) return true;
  // Bootstrap's `.hide` (display:none !important): a popover's content kept in the page until hovered
  // (`辦理中` followed by `<div class="hide">➤規劃中：… ➤辦理中：…</div>`), no part of the value a reader sees. Saved
  // copies often lack the stylesheet, so the class itself is read. Page:
  // tw-moi-develop-land-taichung-daqing-readjustment-case.
  // Asked first: linkedom answers getAttribute('class') from a classList it builds for the element (a Set, kept on
  // it) even when there is no class at all, and a list asks this of every row's link.
  if (!(names ? names.includes('class') : el.hasAttribute('class'))) return false;
  const cls = el.getAttribute('class')!;
  if (cls.includes('visible-') || cls.includes('hidden-lg')) return narrowOnly(cls);
  if (cls.includes(':hidden') || cls.includes('-none')) return hiddenWhenWide(cls);
  if (cls.includes('collapse')) return collapsed(cls);
  if (!cls.includes('hide')) return false;
  return HIDE_CLASS.test(cls);
}

const COLLAPSE = /(?:^|\s)collapse(?:\s|$)/;
// Shown after all: opened (`show`, Bootstrap 3's `in`), a menu bar's (`navbar-collapse`, `nav-collapse`: drawn
// open on a wide screen), Foundation's gutterless `row collapse`.
const COLLAPSE_SHOWN = /(?:^|\s)(?:show|in|row|navbar-collapse|nav-collapse)(?:\s|$)/;

/**
 * Bootstrap's collapsed block (`.collapse:not(.show){display:none}`): a row's detail kept under it until clicked
 * (`<tr class="collapse">` repeating the row's fields and more). Read, each row was two cases. Measured by the
 * shape ablation's `rows-with-hidden-twin` (test/capture/twice-transforms.ts), from King County's inspection results
 * (us-kingcounty-food-inspection-*), whose twins `display:none` hides.
 */
function collapsed(cls: string): boolean {
  return (COLLAPSE.test(cls) && !COLLAPSE_SHOWN.test(cls)) || HIDE_CLASS.test(cls);
}

// AngularJS's `ng-hide` likewise (`.ng-hide{display:none !important}`): cn-nfra-xzcf-zongju-2024-36-penalty.
const HIDE_CLASS = /(?:^|\s)(?:ng-)?hide(?:\s|$)/;
const NARROW_VISIBLE = /(?:^|\s)visible-(?:xs|sm|md)(?:-block|-inline|-inline-block)?(?:\s|$)/;
const WIDE_VISIBLE = /(?:^|\s)visible-lg(?:-block|-inline|-inline-block)?(?:\s|$)/;
const WIDE_HIDDEN = /(?:^|\s)hidden-lg(?:\s|$)/;

/**
 * Bootstrap 3's responsive copies: the same date drawn once per screen width (`visible-xs`: `Sep 29 2020 - 10:00AM`,
 * `visible-sm`, `visible-md`, `visible-lg`: `September 29 2020 10:00 AM`), each shown at its width only. A desktop
 * reader (1200 px and wider) sees the `visible-lg` copy and none hidden by `hidden-lg`; reading them all made one
 * meeting four. Page: us-detroit-escribe-meetings-2020-09 (eSCRIBE).
 */
function narrowOnly(cls: string): boolean {
  if (WIDE_HIDDEN.test(cls)) return true;
  return NARROW_VISIBLE.test(cls) && !WIDE_VISIBLE.test(cls);
}

// Tailwind's screens up to a desktop reader's 1280 px (`sm:` 640, `md:` 768, `lg:` 1024, `xl:` 1280; `2xl:` 1536 is
// wider) and its display utilities; Bootstrap 4–5's `d-none`, `d-md-block` (`sm` 576 … `xl` 1200; `xxl` 1400 is wider).
const TAILWIND_SCREEN = ['', 'sm:', 'md:', 'lg:', 'xl:'];
const TAILWIND_DISPLAY =
  /^(?:hidden|block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|table-row|table-cell|contents|flow-root|list-item)$/;
const BOOTSTRAP_DISPLAY =
  /^d-(?:(sm|md|lg|xl)-)?(none|block|inline|inline-block|flex|inline-flex|grid|table|table-row|table-cell)$/;
const BOOTSTRAP_SCREEN = ['', 'sm', 'md', 'lg', 'xl'];

/**
 * A responsive copy drawn for narrow screens only (Tailwind `md:hidden`, Bootstrap `d-md-none`), beside its wide twin
 * (`hidden md:table`, `d-none d-md-block`): the widest screen up to 1280 px that sets a display wins, as in CSS. Read
 * only when some screen prefix sets one: a bare `hidden` or `d-none` is left as before. Page:
 * vn-dichvucong-danang-thu-tuc-hanh-chinh-list (the same procedures as a table and again as cards; reading both
 * made ten rows one case).
 */
function hiddenWhenWide(cls: string): boolean {
  let rank = -1;
  let shown = true;
  let responsive = false;
  for (const token of cls.split(/\s+/)) {
    const colon = token.lastIndexOf(':');
    let screen: number;
    let hidden: boolean;
    if (colon >= 0 || TAILWIND_DISPLAY.test(token)) {
      screen = TAILWIND_SCREEN.indexOf(token.slice(0, colon + 1));
      if (screen < 0 || !TAILWIND_DISPLAY.test(token.slice(colon + 1))) continue;
      hidden = token.endsWith('hidden');
    } else {
      const m = BOOTSTRAP_DISPLAY.exec(token);
      if (!m) continue;
      screen = BOOTSTRAP_SCREEN.indexOf(m[1] ?? '');
      hidden = m[2] === 'none';
    }
    if (screen > 0) responsive = true;
    if (screen >= rank) {
      rank = screen;
      shown = !hidden;
    }
  }
  return responsive && !shown;
}

export function isSkipped(el: Element): boolean {
  return SKIP_TAGS.has(tagOf(el)) || isHidden(el);
}

/** Document order index of every element, computed once so sorting never needs compareDocumentPosition. */
export function documentOrder(root: Element): Map<Element, number> {
  const order = new Map<Element, number>();
  let i = 0;
  order.set(root, i++);
  for (const el of Array.from(root.querySelectorAll('*'))) order.set(el, i++);
  return order;
}

/** Class words of an element holding a page's or a card's title (`title`, `h-title`, `news_tit`, `biaoti`). */
export const TITLE_CLASS = /(^|[-_\s])(title|tit|bt|biaoti|subject|headline|summary)([-_\s]|$)/i;

// Class words that mark one item's state, not its kind: `<li class="latest">`, `<tr class="odd">`, `is-active`.
const STATE_CLASS =
  /^(?:active|current|latest|last|first|on|cur|selected|odd|even|new|hot|top|highlight|is-.+|.+--(?:active|current|latest))$/i;

/** An element's kind for "are these siblings alike": its tag and classes, state words left out. */
export function shapeOf(el: Element): string {
  const all = (el.getAttribute('class') ?? '').trim().split(/\s+/);
  const classes = all.filter((c) => c && !STATE_CLASS.test(c) && !positionOf(c, all)).sort();
  return `${tagOf(el)}.${classes.join('.')}`;
}

// A class word's ending that says where the item stands: `views-row-1`, `views-row-odd`, `views-row-first`.
const POSITION_END = /-(?:\d+|odd|even|first|last)$/;

/**
 * A class that repeats another of the element's with its position after it (Drupal's `views-row views-row-3
 * views-row-odd`): each row's own, not its kind. A number so is a position only beside an odd or even of the same
 * stem: `col col-2` is a cell's width. Page: us-whitehouse-we-the-people-petitions-2016-08.
 */
function positionOf(c: string, all: string[]): boolean {
  const m = POSITION_END.exec(c);
  if (!m) return false;
  const stem = c.slice(0, m.index);
  if (!all.includes(stem)) return false;
  return !/\d$/.test(c) || all.includes(`${stem}-odd`) || all.includes(`${stem}-even`);
}

/**
 * A parent's children of the given tags, grouped by shape (`shapeOf`): the like siblings every list finder weighs.
 * Groups in the order their first member appears, members in page order; `skip` leaves a child out.
 */
export function childrenByShape(
  parent: Element,
  tags: ReadonlySet<string>,
  skip?: (el: Element) => boolean,
): Map<string, Element[]> {
  const groups = new Map<string, Element[]>();
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    if (!tags.has(tagOf(c)) || skip?.(c)) continue;
    const key = shapeOf(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** The elements under `el` (not `el`), in document order. */
export type ElementsBelow = (el: Element) => ArrayLike<Element>;

/** The element after `n` in a walk of `el`'s subtree in document order, or null at its end. */
function nextBelow(el: Element, n: Element): Element | null {
  if (n.firstElementChild) return n.firstElementChild;
  let up: Element | null = n;
  while (up && up !== el && !up.nextElementSibling) up = up.parentElement;
  return up && up !== el ? up.nextElementSibling : null;
}

/** A walk in document order (linkedom's `getElementsByTagName('*')` finds nothing; its selectors cost twice this). */
export function elementsBelow(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstElementChild; n; n = nextBelow(el, n)) out.push(n);
  return out;
}

/**
 * The first element under `el` (not `el`) in document order that passes `test`: the same walk, where linkedom's
 * selectors (even by tag alone) test every element at several times its cost.
 */
export function firstBelow(el: Element, test: (n: Element) => boolean): Element | undefined {
  for (let n = el.firstElementChild; n; n = nextBelow(el, n)) if (test(n)) return n;
  return undefined;
}
