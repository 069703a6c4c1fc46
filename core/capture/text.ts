/**
 * DOM text helpers. Only standard DOM APIs (no innerText, no layout) so the same code runs on a live page in a
 * content script and on a linkedom document in Node.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose text a reader never sees. */
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

const WS_RUN = /[\s\u00a0\u3000\u2000-\u200b\u2028\u2029\u202f\u205f\ufeff]+/g;
// What collapsing changes: white space other than a lone space between words (a tab, a line break, a full-width
// space, two spaces, a zero-width space) or a space at either end.
const UNCOLLAPSED = /[^\S ]|\u200b| {2}/;

/** One line: every run of whitespace (full-width spaces and nbsp included) becomes one space. */
export function collapse(text: string): string {
  // Most text read twice is already one line (`2026-05-28 14:30`, a title): the replace would copy it unchanged.
  if (!UNCOLLAPSED.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32) return text;
  // After the runs are single spaces, trim() removes what is left at the edges.
  return text.replace(WS_RUN, ' ').trim();
}

// Where a breadcrumb trail starts; each root with the real page that showed it as a heading or a labelled value.
const BREADCRUMB_ROOTS = [
  '首页', // cn-gsc-society-news: `<h3>首页 - 新闻动态</h3>`; cn-zyyfy-hospital-news: `位置：首页 > 新闻动态`
  '主页',
  '网站首页',
  'home',
];
const BREADCRUMB = new RegExp(
  `^(?:(?:当前|您的|您现在的|现在)?位置[:：]?\\s*)?(?:${BREADCRUMB_ROOTS.join('|')})\\s*(?:[>»›/|\\-–—]|&gt;)`,
  'i',
);

// Words addressed to the reader: what to click, which button to press, what to read first. Page:
// au-goldcoast-epathway-mcu-2018-1167-details (`… click on the ‘Have your say’ button below. Please read …`).
const TO_THE_READER = [
  /\b(?:click|tap|press)\s+(?:on\s+)?(?:the\s+|this\s+)?(?:here|link|button|[‘'"“])/i,
  /\bbutton (?:below|above)\b/i,
  /^please (?:read|click|note|see|log ?in|sign ?in|select|use|contact)\b/i,
  /请点击|点击下方|点击(?:这里|此处|按钮)|请(?:先)?阅读|请登录/,
];

/**
 * Is this short block an instruction to the reader (a call to action), never a case's description? Only its first
 * line is asked, and only of a block under 400 characters: a long text that mentions clicking still describes.
 */
export function addressedToReader(text: string): boolean {
  const first = text.trim().split('\n', 1)[0] ?? '';
  return text.length <= 400 && TO_THE_READER.some((re) => re.test(first));
}

// A notice about the site itself, not the page's matter: its first sentence names the site as the writer's or the
// reader's own. Page: us-missouri-house-hb45-bill-summary (`The Missouri House of Representatives is constantly
// working to improve our website. We welcome your suggestions … to the Webmaster email account.`); a cookie notice
// (`This website uses cookies …`) is the same kind of block.
// Chinese `本站` is left out: `本站讯` opens a news report (cn-zyyfy-hospital-news).
const ABOUT_THE_SITE = [/\b(?:our|this) (?:web ?site|web ?page|site)\b/i];

/** Is this block (under 800 characters) a notice about the website rather than the page's matter? */
export function aboutTheSite(text: string): boolean {
  const first = /^[^.!?。！？\n]*/.exec(text.trim())?.[0] ?? '';
  return text.length <= 800 && ABOUT_THE_SITE.some((re) => re.test(first));
}

// Markup a template wrote as text (`<title>Slip Opinions &lt;select …&gt;&lt;option …</title>`): a control with its
// choices goes whole, any other tag its brackets, and a tag cut off by the end of the text goes to the end. Page:
// us-nc-supreme-slip-opinions-2025 (a year picker escaped into its <title>).
const CONTROL_MARKUP = /<(select|textarea|button|script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG_MARKUP = /<\/?[a-z][\w-]*(?:[\s/][^<>]*)?>|<\/?[a-z][\w-]*[\s/][^<>]*$/gi;

// A block tag between two Chinese characters is where a heading wraps: joined without a space, as a wrapped Chinese
// heading's lines are (joinWrappedTitle); an inline tag (`通知<span>新</span>`) still leaves one.
const BLOCK_TAG = /^<\/?(?:div|p|h[1-6]|li|td|th|tr|section|article|header)\b/i;
const CJK_TAG_GAP =
  /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026])\u0001+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026])/gu;

/** Text without any markup written into it as characters: titles and other text fields never show tags. */
export function withoutMarkup(text: string): string {
  if (!text.includes('<')) return text;
  // `<meta name="ArticleTitle" content="为现代化巴彦淖尔建设凝聚强大智慧和力量<div>——热烈祝贺市政协五届一次会议开幕</div>">`.
  // Page: cn-bynr-zwdt-cppcc-session-greeting.
  const marked = text.replace(CONTROL_MARKUP, ' ').replace(TAG_MARKUP, (tag) => (BLOCK_TAG.test(tag) ? '\u0001' : ' '));
  return collapse(marked.replace(CJK_TAG_GAP, '').replace(/\u0001/g, ' '));
}

/** Class words of an element holding a page's or a card's title (`title`, `h-title`, `news_tit`, `biaoti`). */
export const TITLE_CLASS = /(^|[-_\s])(title|tit|bt|biaoti|subject|headline|summary)([-_\s]|$)/i;

/** `首页 > 新闻动态`, `首页 - 新闻动态`: where the page sits in its site, never a title or an address. */
export function isBreadcrumb(text: string): boolean {
  return BREADCRUMB.test(collapse(text));
}

/** The last step of a breadcrumb trail (`首页 - 新闻动态` → `新闻动态`): the column the page is in. */
export function lastCrumb(text: string): string | undefined {
  if (!isBreadcrumb(text)) return undefined;
  const steps = collapse(text)
    .split(/\s*(?:[>»›/|\-–—]|&gt;)+\s*/)
    .filter(Boolean);
  return steps.length > 1 ? steps[steps.length - 1] : undefined;
}

const WRAP_BREAK =
  /(?<=[\p{Script=Han}\d\u3001-\u3011\uff09\uff0c\uff1a\uff1b])[ \t\u3000]*\n[\s\u3000]*(?=[\p{Script=Han}\u3008-\u3011\uff08\u201c])/gu;

/**
 * A Chinese heading wrapped for layout (`常务委员会<br>\n关于批准…`, `关于完善\n《…》的建议`) reads as one line: a line
 * break between Han characters or CJK brackets (and the indent after it) goes; spaces within a line (`不忘初心 牢记使命`,
 * `充电隐患　街道…`, `《…的建议》 （第0243号）`) stay, as Chromium draws them. Pages: cn-gov-gongbao-npc-resolution (a
 * three-line <strong> heading), cn-shenyang-fcj-jyta-proposal-reply-list (the space kept).
 */
export function joinWrappedTitle(text: string): string {
  return collapse(text.replace(WRAP_BREAK, ''));
}

/** Keeps line breaks (paragraphs), collapses everything else, drops empty lines. */
export function tidyLines(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const c = collapse(line);
    if (c) out.push(c);
  }
  return out.join('\n');
}

const UPPER_TAGS = new Map<string, string>();
let lastName = '';
let lastTag = '';

/**
 * The element's tag in upper case. Read from `localName` through a cache: linkedom's `tagName` upper-cases the name
 * on every call, and the walks over a 10,000-row list ask a million times.
 */
export function tagOf(el: Element): string {
  const name = el.localName;
  // Walks ask about runs of alike elements (the cells of a row): the same name as last time needs no lookup.
  if (name === lastName) return lastTag;
  let tag = UPPER_TAGS.get(name);
  if (tag === undefined) {
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
  if (el.hasAttribute('hidden')) return true;
  if (tagOf(el) === 'INPUT' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  // Only display:none: `visibility: hidden` is how pages (WeChat articles among them) hide their content until a
  // script has laid it out, so a saved copy still carries it on the very text a reader sees.
  const style = el.getAttribute('style');
  if (style !== null && /display\s*:\s*none/i.test(style)) return true;
  // Bootstrap's `.hide` (display:none !important): a popover's content kept in the page until hovered
  // (`辦理中` followed by `<div class="hide">➤規劃中：… ➤辦理中：…</div>`), no part of the value a reader sees. Saved
  // copies often lack the stylesheet, so the class itself is read. Page:
  // tw-moi-develop-land-taichung-daqing-readjustment-case.
  // Asked first: linkedom answers getAttribute('class') from a classList it builds for the element (a Set, kept on
  // it) even when there is no class at all, and a list asks this of every row's link.
  if (!el.hasAttribute('class')) return false;
  const cls = el.getAttribute('class')!;
  if (cls.includes('visible-') || cls.includes('hidden-lg')) return narrowOnly(cls);
  if (!cls.includes('hide')) return false;
  return HIDE_CLASS.test(cls);
}

const HIDE_CLASS = /(?:^|\s)hide(?:\s|$)/;
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

export function isSkipped(el: Element): boolean {
  return SKIP_TAGS.has(tagOf(el)) || isHidden(el);
}

/**
 * Text as a reader sees it: block boundaries and <br> become line breaks, hidden parts are left out. Adjacent
 * inline elements with nothing between them (`<span>10:02</span><span>Council</span>`) get a space so their words
 * do not run together.
 */
export function readText(node: Node, exclude?: (el: Element) => boolean): string {
  // Plain text only (most table cells): nothing to walk.
  if (!(node as Element).firstElementChild && node.nodeType === ELEMENT_NODE) return tidyLines(node.textContent ?? '');
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
  return OPENING_QUOTE.test(data) || CLOSING_QUOTE.test(last);
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
  let only: Node | null = el.firstChild;
  while (only !== null && only === (only.parentNode as Element).lastChild && only.nodeType === ELEMENT_NODE)
    only = only.firstChild;
  return only !== null && only.nodeType === TEXT_NODE && only === only.parentNode!.lastChild
    ? (only as Text).data
    : (el.textContent ?? '');
}

/** Text of a table cell: `<td>text</td>` and `<td><a>text</a></td>` without walking. */
export function cellText(cell: Element): string {
  const first = cell.firstElementChild;
  if (!first || (first === cell.lastElementChild && !first.firstElementChild && !BLOCK_TAGS.has(tagOf(first)))) {
    if (!first || !isSkipped(first)) return collapse(textOf(cell));
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

/** Document order index of every element, computed once so sorting never needs compareDocumentPosition. */
export function documentOrder(root: Element): Map<Element, number> {
  const order = new Map<Element, number>();
  let i = 0;
  order.set(root, i++);
  for (const el of Array.from(root.querySelectorAll('*'))) order.set(el, i++);
  return order;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * Trims a string to at most `max` UTF-16 units (what the Issue model's limits count) without cutting a surrogate
 * pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

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
