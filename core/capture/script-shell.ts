/**
 * A page saved without the rows its scripts load: the list container is there (`<ul id="replyList"></ul>`, a table
 * with a header and an empty body, a `加载中…` placeholder) and so is the script that fills it, but no row. Reading
 * such a page yields one made-up case out of its chrome (人民网 领导留言板's list page, issue 18), so the extractor
 * gives no case and says why.
 */
import { hasDate } from './dates';
import { tagOf } from './elements';
import { titleWithoutSite } from './page-title';
import { bestContentBlock, contentText } from './readable';
import type { Scan } from './scan';
import { collapse } from './text';
import { titleHeading } from './title-heading';
import type { DateContext } from './zones';

// Class/id words of a container that holds a list's rows.
const LIST_WORDS =
  /(?:^|[-_\s])(?:list|lists|lst|rows?|items?|results?|data|datas|records?|threads?|msgs?|messages?|liuyan|letters?|cases?|orders?|table|grid|tbody)(?:$|[-_\s\d])|list|liebiao|xinxi/i;
// What a page shows until its script has filled the list.
const LOADING =
  /^(?:加载中|正在加载|数据加载中|正在载入|载入中|加载数据中|loading|please wait|请稍候|请稍后)[.。…\s]*$/i;
// Scripts that fetch data to fill the page.
const DATA_SCRIPT =
  /\$\.(?:ajax|get|post|getJSON)\s*\(|\baxios\b|\bfetch\s*\(|XMLHttpRequest|\.load\s*\(\s*["']|new\s+Vue\s*\(|createApp\s*\(|layui\.(?:table|laypage|flow)|\blaytpl\b|template\s*\(\s*["'][\w-]+["']/;
const TEMPLATE_TYPES = /text\/(?:html|template|x-template|x-handlebars-template|x-jquery-tmpl|x-tmpl)|x-tmpl/i;
export const TEMPLATE_MARK = /\{\{[^{}]{1,80}\}\}|\$\{[a-z_][\w.]{0,40}\}/i;
const TEMPLATE_ATTRS = ['v-for', 'ng-repeat', 'th:each', 'x-for', 'wx:for', 'data-bind'];

// A main text: at least this many characters over at least three sentences. A list page's chrome (a one-line
// intro, a footer) stays well under it; a government article with an ajax-filled `相关链接` list is well over it.
const MAIN_TEXT_CHARS = 200;
const MAIN_TEXT_SENTENCES = 3;
const SENTENCE_END = /[。！？!?]|\.(?=\s|$)/g;

/**
 * Does the page hold a clear main text of its own? Many government article pages carry an inline `$.ajax` and an
 * empty `<ul class="xglist">` (related links, hit counters) beside a full article: they are detail pages, and
 * `rowsLoadedByScript` must not turn them into "no case".
 */
export function hasMainText(scan: Scan): boolean {
  const block = bestContentBlock(scan, () => false);
  if (!block) return false;
  const text = collapse(contentText(scan, block, () => false));
  return text.length >= MAIN_TEXT_CHARS && (text.match(SENTENCE_END)?.length ?? 0) >= MAIN_TEXT_SENTENCES;
}

/**
 * Does the page show one case of its own: a heading whose words open the <title> (`简化机动车交易过程手续 - 公安部…
 * - 领导留言板 - 人民网`) over a dated line (`b***  2021-02-18 00:23`)? A message awaiting its reply keeps an empty
 * reply list and the site's row templates beside its short text, and is still a detail page. Page:
 * cn-people-liuyan-mps-message-9233844.
 */
export function hasOwnCase(scan: Scan, docTitle: string, ctx: DateContext): boolean {
  const first = docTitle ? titleWithoutSite(docTitle) : '';
  if (first.replace(/\s+/g, '').length < 4) return false;
  const heading = titleHeading(scan, first);
  if (!heading) return false;
  let seen = 0;
  for (let next = heading.nextElementSibling; next && seen < 3; next = next.nextElementSibling) {
    const raw = next.textContent ?? '';
    if (!raw.trim()) continue;
    seen++;
    if (raw.length <= 300 && hasDate(raw, ctx)) return true;
  }
  return false;
}

/** An element meant to hold rows that holds none (only whitespace or a loading placeholder). */
function isEmptyRowContainer(el: Element): boolean {
  const tag = tagOf(el);
  const text = collapse(el.textContent ?? '');
  if (text && !LOADING.test(text)) return false;
  if (tag === 'TBODY') {
    const table = el.closest('table');
    // A table with a header over an empty body.
    return Boolean(table?.querySelector('thead th, thead td, tr th'));
  }
  if (!['UL', 'OL', 'DIV', 'SECTION', 'DL', 'TABLE'].includes(tag)) return false;
  if (el.querySelector('img, iframe, video, canvas, svg, object, embed, input, select, textarea')) return false;
  const words = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  return LIST_WORDS.test(words);
}

/** Does a script name this element (`#replyList`, `getElementById('replyList')`, `.replyListBox`)? */
function namedByScript(el: Element, scripts: string): boolean {
  const id = el.getAttribute('id');
  if (id && (scripts.includes(`#${id}`) || scripts.includes(`'${id}'`) || scripts.includes(`"${id}"`))) return true;
  for (const cls of (el.getAttribute('class') ?? '').split(/\s+/)) if (cls && scripts.includes(`.${cls}`)) return true;
  return false;
}

/**
 * Does the page look like a list whose rows its scripts were to load, saved before (or without) them? An empty list
 * container counts only when a data-loading script names it, or a row template waits to fill it: plenty of pages
 * load a visit counter by ajax beside an empty decorative `<div class="list">`, and their text is still there.
 */
export function rowsLoadedByScript(doc: Document, root: Element): boolean {
  const data: string[] = [];
  let template = false;
  for (const s of Array.from(doc.getElementsByTagName('script'))) {
    const type = s.getAttribute('type') ?? '';
    if (TEMPLATE_TYPES.test(type)) template = true;
    else if (!/json/i.test(type) && DATA_SCRIPT.test(s.textContent ?? '')) data.push(s.textContent ?? '');
  }
  if (!template) {
    template =
      Array.from(root.getElementsByTagName('template')).length > 0 ||
      TEMPLATE_ATTRS.some((a) => root.querySelector(`[${a.replace(':', '\\:')}]`) !== null);
  }
  if (!data.length && !template) return false;
  const scripts = data.join('\n');
  const candidates = root.querySelectorAll('ul, ol, div, section, dl, table, tbody');
  for (const el of Array.from(candidates)) {
    if (!isEmptyRowContainer(el)) continue;
    const table = tagOf(el) === 'TBODY' ? el.closest('table') : null;
    if (template || namedByScript(el, scripts) || (table && namedByScript(table, scripts))) return true;
  }
  // A template printed as text (`{{item.title}}`) is a row nobody filled.
  return template && TEMPLATE_MARK.test(root.textContent ?? '');
}

// A whole class or id of the block that holds a page's own text (`main-content`, `article-content`, `js-application`),
// empty as served: the page's scripts fill it. Part of a name is none (`MainContent_tabContainer`, an ASP.NET id).
const CONTENT_BOX =
  /(?:^|\s)(?:main-?content|article-?(?:content|body|text)|content-?(?:body|main)|js-app(?:lication)?|app-root)(?:$|\s)/i;
const CONTENT_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN']);
const MEDIA = 'img, iframe, video, canvas, svg, object, embed, form, table';

/**
 * A page saved without the text its scripts load: the block meant for its own text is empty (`<div
 * id="article-content"></div>` under an empty `<div id="article-title">`, ACOS's `<section class="js-application">`),
 * and nothing else on the page says more than its heading. Reading it yields one case made of the <title> and the
 * site's description; the extractor gives none and says why. Pages: no-sauda-acos-politiske-moter-js-shell,
 * cn-foshan-hdjlpt-yjzj-answer-js-shell.
 */
export function contentLoadedByScript(doc: Document, scan: Scan): boolean {
  if (!doc.getElementsByTagName('script').length) return false;
  for (let i = 0; i < scan.all.length; i++) {
    if (!CONTENT_TAGS.has(scan.tags[i]!)) continue;
    const el = scan.all[i]!;
    if (!CONTENT_BOX.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) continue;
    if (!(el.textContent ?? '').trim() && !el.querySelector(MEDIA)) return true;
  }
  return false;
}
