/**
 * Which elements are page chrome, judged one by one for the scan (scan.ts): header, footer, navigation, sidebars,
 * search forms and dialogs, by tag, role, class and id words, and by what they hold (a sidebar that holds the page's
 * title or most of its text is its main column, not chrome).
 */
import { type ElementsBelow, elementsBelow, NATIVE_DOM, TITLE_CLASS, tagOf } from './elements';
import { isPairRow } from './pair-shapes';

/** Tags that can be chrome without any attribute saying so. */
export const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'HEADER', 'FOOTER', 'FORM']);
// Class/id words of page chrome; a dialog the page opens on a click (`<div id="overlaymenuDisclaimer"
// class="overlaymenu">`: Meeting.burger's note on its publishing, be-boortmeerbeek-meetingburger-gemeenteraad-agenda-2024-04-22)
// too. A prefix like `site-`/`g-` is allowed, `card-header` is not chrome. Pinyin words too: `tuijian` (推荐, 证券时报网's 为你推荐 block: cn-stcn-noon-announcements),
// `xiangguan` (相关), `remen` (热门), `fenxiang` (分享), as their English words above.
const CHROME =
  /^(?:(?:site|page|g|global|sys|gov|web|top|bottom|left|right|m|pub|common|wrap|main|aside)[-_]?)?(?:header|head|footer|foot|ft|bottom|nav|navbar|navigation|menu|mainnav|mainmenu|submenu|sidebar|side|aside|sidenav|breadcrumbs?|crumbs?|copyright|masthead|topbar|top|utility|banner|toolbar|friendlinks?|quicklinks?|share|tree|hotlist|hot|related|recommend|tuijian|xiangguan|remen|fenxiang|overlay|modal|popup|disclaimer)(?:[-_]?(?:bar|box|col|column|nav|panel|menu|inner|wrap|links|list|tree|area|mod))?$/i;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
// A form that sorts the results shown (`<form name="registerEnquirySortForm">` with radio buttons and a `Sort`
// button) is a control of the list, as a search box is. Pages: au-orange-civica-da-enquiry-results,
// au-burwood-civica-da-search-results.
const SEARCH_WORDS = /search|query|chaxun|sousuo|jiansuo|filter|seach|finder|sort(?:form|by|order)?(?![a-z])|paixu/i;
const SEARCH_BUTTON = /^(查询|搜索|检索|查詢|搜尋|檢索|排序|search|go|filter|find|submit query|sort|re-?sort)$/i;

function hasChromeToken(value: string | null): boolean {
  if (!value) return false;
  for (const token of value.split(/\s+/)) if (token && CHROME.test(token)) return true;
  return false;
}

function isSearchForm(form: Element): boolean {
  if (form.getAttribute('role') === 'search') return true;
  // A form around the whole page (ASP.NET) is not a search box, even if a search box sits inside it.
  if ((form.textContent ?? '').length > 3000) return false;
  const words = `${form.getAttribute('class') ?? ''} ${form.getAttribute('id') ?? ''} ${form.getAttribute('name') ?? ''}`;
  if (SEARCH_WORDS.test(words)) return true;
  const action = form.getAttribute('action') ?? '';
  if (/search|query|sousuo|chaxun/i.test(action)) return true;
  const controls = form.querySelectorAll('input, select, textarea');
  if (controls.length > 8) return false;
  for (const b of Array.from(form.querySelectorAll('button, input[type=submit], input[type=button]'))) {
    const label = (b.textContent || b.getAttribute('value') || '').trim();
    if (SEARCH_BUTTON.test(label)) return true;
  }
  return false;
}

/**
 * Is this element itself (not its ancestors) page chrome? `below` lists an element's descendants: the scan passes
 * one that keeps the list, so a sidebar that is looked into is walked once for its headings and its scripts.
 */
export function isChrome(el: Element, below: ElementsBelow = elementsBelow): boolean {
  const tag = tagOf(el);
  if (tag === 'NAV' || tag === 'ASIDE') return true;
  // A <footer> that closes a reply or a comment (`<blockquote>…<footer>回复单位：…</footer>`) is content.
  if ((tag === 'HEADER' || tag === 'FOOTER') && !el.parentElement?.closest('article, main, blockquote, section, li'))
    return true;
  if (tag === 'FORM' && isSearchForm(el)) return true;
  // Most elements with attributes (a row's `<a href>`, a cell's `colspan`) have no class, id or role to judge.
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  const role = el.getAttribute('role');
  if (!cls && !id && !role) return false;
  if (role && CHROME_ROLES.has(role)) return true;
  if (isInputDialog(el)) return true;
  if (!hasChromeToken(cls) && !hasChromeToken(id)) return false;
  // A page header holds a logo or links; a `head` block inside a reply (`回复机构：… 答复时间：…`) holds neither.
  if (isHeadToken(el) && !el.querySelector('a, img, svg, nav, ul, form, input')) return false;
  if (isMainColumn(el, below) || holdsMain(el, below)) return false;
  if (isHeadToken(el) && (holdsPageHeading(el) || holdsCaseHeader(el, below))) return false;
  if (holdsTitleHeading(el, below)) return false;
  return true;
}

/**
 * A wrapper named like a menu (`<div class="navlist">`) that holds the heading the <title> ends with
 * (`达州市人民政府_达市府办（发）_<heading>`, at least half of it) is the page's frame, not a menu: a menu's headings
 * name its sections, not the page. Page:
 * cn-dazhou-xxgk-housing-measures-notice-25182. So is a `headerBox` around the heading the <title> opens with (two
 * thirds of it at least: a site's name over `Name - Page` is less), with the case's meta line under it
 * (`<title><heading>_征集信息_首都之窗_…</title>`). Page: cn-beijing-hudong-gfxwjzj-presale-contract-consultation.
 */
function holdsTitleHeading(el: Element, below: ElementsBelow): boolean {
  const title = compactText(el.ownerDocument?.title ?? '');
  if (title.length < 8) return false;
  const list = below(el);
  let found = false;
  for (let i = 0; i < list.length && !found; i++) {
    const h = list[i]!;
    const tag = tagOf(h);
    if (tag !== 'H1' && tag !== 'H2') continue;
    const t = compactText(h.textContent ?? '');
    found =
      t.length >= 6 &&
      t.length <= 150 &&
      ((title.endsWith(t) && t.length * 2 >= title.length) ||
        (title.startsWith(t) && t.length * 3 >= title.length * 2));
  }
  return found;
}

/**
 * A page header that holds a heading and, beside it, a list of terms with their values (`<h1>Motie</h1><dl><dt>Nummer
 * </dt><dd>33308-13</dd><dt>Indiener</dt>…</dl>`) is the paper's own header: a site's header holds a logo, links
 * and a search box, never a record of fields. Page: nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen. The
 * same terms laid out as lines (`<p><b>Nummer:</b> 33308-13</p>`) or two divs each are as much (shape ablation).
 */
function holdsCaseHeader(el: Element, below: ElementsBelow): boolean {
  const list = below(el);
  let heading = false;
  let terms = 0;
  for (let i = 0; i < list.length; i++) {
    const tag = tagOf(list[i]!);
    if (tag === 'H1') heading = true;
    else if (heading && (tag === 'DT' || ((tag === 'P' || tag === 'DIV' || tag === 'LI') && isPairRow(list[i]!))))
      terms++;
  }
  return terms >= 2;
}

const SIDE_TOKEN = /(?:^|[-_])(?:side|aside|sidebar|left|right)(?:[-_]|$)|^(?:side|aside|sidebar|left|right)/i;

/**
 * `<div id="side">` that holds the page's heading and most of its text is the main column under an unlucky name
 * (issue 18: 人民网 领导留言板's message pages), not a sidebar; so is `<div class="outerPageBox leftMenu">`, a layout
 * with a menu at its left around the page's content (us-il-gaming-board-meetings-2020).
 */
function isMainColumn(el: Element, below: ElementsBelow): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
  if (!words.some((w) => SIDE_TOKEN.test(w)) || !holdsHeading(el, below)) return false;
  const all = bodyTextLength(el.ownerDocument);
  return all > 0 && (el.textContent ?? '').replace(/\s+/g, '').length * 2 > all;
}

const compactText = (t: string) => t.replace(/\s+/g, '');

/**
 * A wrapper named like chrome that holds the page's `<main>` or `role="main"` is the page's frame, not a menu: the
 * Chilean Convention's platform puts its breadcrumb, module lead and `<div id="body" role="main">` all inside
 * `<div id="navigation">`. Page: cl-chileconvencion-iniciativa-5502-propiedad-privada.
 */
function holdsMain(el: Element, below: ElementsBelow): boolean {
  const list = below(el);
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (tagOf(c) === 'MAIN' || c.getAttribute('role') === 'main') return true;
  }
  return false;
}

/**
 * An h1 or h2 under `el`, outside any <template> (whose content is no part of the page). One pass over a listing the
 * caller may keep: a selector would walk a 2 MB page's sidebar at twice the cost of reading its text (linkedom).
 */
function holdsHeading(el: Element, below: ElementsBelow): boolean {
  const list = below(el);
  for (let i = 0; i < list.length; i++) {
    const h = list[i]!;
    const tag = tagOf(h);
    if (tag !== 'H1' && tag !== 'H2') continue;
    let a = h.parentElement;
    while (a && a !== el && tagOf(a) !== 'TEMPLATE') a = a.parentElement;
    if (a === el) return true;
  }
  return false;
}

/**
 * A page header that holds the page's own heading is not chrome: 新华网 puts `<div class="h-title">` (the <title>
 * without `-新华网`) and the date line under it inside `<div class="header">`. Page: cn-xinhuanet-world-news.
 */
function holdsPageHeading(el: Element): boolean {
  const title = compactText(el.ownerDocument?.title ?? '');
  if (title.length < 8) return false;
  for (const h of Array.from(el.querySelectorAll('h1, h2, [class*=tit], [class*=Tit]'))) {
    if (!/^H[12]$/.test(tagOf(h)) && !TITLE_CLASS.test(h.getAttribute('class') ?? '')) continue;
    if (h.closest('a')) continue;
    const t = compactText(h.textContent ?? '');
    if (t.length >= 6 && t.length <= 150 && title.startsWith(t) && t.length * 3 >= title.length * 2) return true;
  }
  return false;
}

const bodyLengths = new WeakMap<Document, { last: Element | null; kids: number; n: number }>();

/** Characters of text in <body>, counted once per document (again when its top-level blocks change: a live page). */
function bodyTextLength(doc: Document | null): number {
  const body = doc?.body;
  if (!doc || !body) return 0;
  const known = bodyLengths.get(doc);
  if (known && known.last === body.lastElementChild && known.kids === body.childElementCount) return known.n;
  const n = (body.textContent ?? '').replace(/\s+/g, '').length;
  bodyLengths.set(doc, { last: body.lastElementChild, kids: body.childElementCount, n });
  return n;
}

const DIALOG_WORDS = /(^|[\s_-])(mask|modal|dialog|popup|pop|layer|drawer|lightbox)([\s_-]|$)/i;

/**
 * A dialog that asks for input (`写信`, `评价`, `回复` forms a script shows on click): its labels are a blank form,
 * not the case. A dialog that shows a case (read-only) is kept, and so is a "dialog" that is the page: Drupal 8+
 * wraps every page in `<div class="dialog-off-canvas-main-canvas">`, which holds the site search and most of the
 * text. Pages: us-gcrta-board-meeting-2024-07-30, us-chicago-elections-board-meetings.
 */
function isInputDialog(el: Element): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`;
  if (!DIALOG_WORDS.test(words)) return false;
  // A "dialog" around the page's <main> is the page, even when scripts after it outweigh its text (Drupal's
  // `dialog-off-canvas-main-canvas` on a page with a large settings script). Page:
  // au-nsw-planning-portal-planning-panel-ppssth-638.
  if (el.querySelector('main')) return false;
  for (const c of Array.from(el.querySelectorAll('textarea, input'))) {
    const type = (c.getAttribute('type') ?? 'text').toLowerCase();
    const editable = !c.hasAttribute('readonly') && !c.hasAttribute('disabled');
    if (editable && (tagOf(c) === 'TEXTAREA' || /^(text|tel|email|number|search)$/.test(type)))
      return !holdsThePage(el);
  }
  return false;
}

/** More than half of the body's text is inside `el`. */
function holdsThePage(el: Element): boolean {
  const all = bodyTextLength(el.ownerDocument);
  return all > 0 && compactText(el.textContent ?? '').length * 2 > all;
}

const HEAD_TOKEN = /(?:^|[-_])(?:head|header|hd|top)$/i;

function isHeadToken(el: Element): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
  const chrome = words.filter((w) => CHROME.test(w));
  return chrome.length > 0 && chrome.every((w) => HEAD_TOKEN.test(w));
}

const JUDGED_NAMES = new Set(['class', 'id', 'style', 'hidden', 'type', 'role']);

/** `hasJudgedAttribute` of an element whose attribute names are listed already. */
export function judgedAmong(names: readonly string[]): boolean {
  for (const name of names) if (JUDGED_NAMES.has(name)) return true;
  return false;
}

/**
 * Attributes `isSkipped` and `isChrome` read (`hidden`, `style`, `type`, `class`, `id`, `role`). An element with
 * none of them is judged by its tag alone, exactly as one without attributes.
 */
export function hasJudgedAttribute(el: Element): boolean {
  // A 10,000-row list asks this of each row's link. Chromium converts each name asked into its own string type before
  // it looks (six lookups 230 ns): one call listing the names is 65. linkedom looks names up in its list of attributes.
  if (NATIVE_DOM) return judgedAmong(el.getAttributeNames());
  return (
    el.hasAttribute('class') ||
    el.hasAttribute('id') ||
    el.hasAttribute('style') ||
    el.hasAttribute('hidden') ||
    el.hasAttribute('type') ||
    el.hasAttribute('role')
  );
}
