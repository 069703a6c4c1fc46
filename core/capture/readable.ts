/**
 * The readable-content fallback for pages without labels (news items, plain 留言 pages): the most text-dense block
 * (Readability-style scoring over paragraphs) and its text without the page's controls and link bars. The title of
 * such a page is chosen in page-title.ts.
 */

import { tagOf } from './elements';
import { headedTable } from './pair-tables';
import type { Scan } from './scan';
import { collapse } from './text';
import { linkTextLength, readText } from './visible-text';

const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'BLOCKQUOTE', 'TD', 'DD', 'LI', 'DIV', 'SECTION', 'ARTICLE']);
// A run of stops (`......................` drawn as a rule between link groups) is one mark, not fifty sentences. Page:
// us-chicago-plan-commission-meetings (its `See Also` panel outscored the lead paragraph).
const PUNCT = /[，。！？；、,.;!?]+/g;
// A short line that ends no sentence (`Walter Burnett, Jr., Alderman`, `Intake Submission Checklist (PDF)`) is an item
// of a list of names or documents, not prose. Page: us-chicago-plan-commission-meetings (the Members list).
const SHORT_LINE = 80;
const SENTENCE_END = /[.。!?！？…]["'”’)）]?$/;
// A line of stops alone (`......`) is a rule drawn in text, whatever it ends with.
const WORDS = /\p{L}\p{L}/u;
// What the page needs from the browser, not what it says: `This screen uses the Adobe Flash Player to display
// charts…`, `Please enable JavaScript`, `请升级您的浏览器`. Page: uk-charity-commission-youth-arts-festival.
const PLUGIN_NOTICE =
  /\b(?:adobe flash|flash player|(?:enable|turn on|activate) javascript|javascript (?:is )?(?:disabled|required|turned off)|your browser (?:does not|doesn't|cannot) support|(?:upgrade|update) your browser)\b|(?:启用|开启|打开)\s*javascript|(?:升级|更新)(?:您的)?浏览器|浏览器版本过低/i;

/** The element holding the page's main text, or null when nothing reads like prose. */
export function bestContentBlock(scan: Scan, skip: (el: Element) => boolean): Element | null {
  const scores = new Map<Element, number>();
  const values = dataTableParts(scan);
  for (let i = 0; i < scan.all.length; i++) {
    const el = scan.all[i]!;
    if (!PARAGRAPH_TAGS.has(scan.tags[i]!) || values[i] || !scan.leafy.has(el)) continue;
    if (scan.excluded(el) || skip(el)) continue;
    let text = collapse(el.textContent ?? '');
    if (text.length < 25) continue;
    // `<div class="field"><span class="label">Location:</span> <span>City Hall, …</span></div>`: a line made of a
    // pair already read is no prose, however many commas its value has.
    if (el.firstElementChild && hasSkippedChild(el, skip)) continue;
    // A script inside a paragraph is no prose (山西省政府网's pager: `<p class="…-page-hide"><script>function
    // createPageHTML(…)…</script></p>` outscored the article). Page: cn-shanxi-gov-news.
    if (el.querySelector('script, style, template')) text = collapse(readText(el));
    if (text.length < 25) continue;
    const links = linkTextLength(el);
    if (links / text.length > 0.5) continue;
    if (text.length < SHORT_LINE && (!SENTENCE_END.test(text) || !WORDS.test(text))) continue;
    if (PLUGIN_NOTICE.test(text)) continue;
    const score = 1 + (text.match(PUNCT)?.length ?? 0) + Math.min(text.length / 60, 5);
    const parent = el.parentElement;
    // A leafy <div> of prose is its own container; a <p> scores for its parent and grandparent.
    const host = tagOf(el) === 'DIV' || tagOf(el) === 'TD' || tagOf(el) === 'DD' ? el : parent;
    if (!host) continue;
    scores.set(host, (scores.get(host) ?? 0) + score);
    const grand = host.parentElement;
    if (grand && grand !== scan.root.parentElement) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (scan.excluded(el) || skip(el)) continue;
    const adjusted = s * (1 - Math.min(linkTextLength(el) / Math.max(collapse(el.textContent ?? '').length, 1), 0.9));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  return bestScore >= 3 ? best : null;
}

/**
 * 1 for each element inside a data table (a head row over value rows, pair-tables.ts): a tender's clause cells, an
 * award's item rows are values by column, never the notice's text, however long. Page:
 * cn-jsggzy-nanjing-metro-tender-notice (a clause cell's scoring rules outscored `本招标项目…已具备招标条件`).
 */
function dataTableParts(scan: Scan): Uint8Array {
  const out = new Uint8Array(scan.all.length);
  for (let i = 0; i < scan.all.length; i++) {
    if (scan.tags[i] !== 'TABLE' || !headedTable(scan.all[i]!)) continue;
    for (let j = i + 1; j < scan.all.length && scan.depths[j]! > scan.depths[i]!; j++) out[j] = 1;
  }
  return out;
}

function hasSkippedChild(el: Element, skip: (el: Element) => boolean): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (skip(c)) return true;
  return false;
}

/** Text of the content block without parts already used for other fields or page chrome. */
export function contentText(scan: Scan, block: Element, skip: (el: Element) => boolean): string {
  return readText(
    block,
    (el) =>
      skip(el) || scan.excluded(el) || /^(H1|H2|BUTTON|FORM)$/.test(tagOf(el)) || isLinkBar(el) || isPageControl(el),
  );
}

/**
 * Words of the page's controls, not of the case: `Back to search results`, `Print this page`, `Back to top`,
 * `【打印本页】【关闭窗口】`, `返回列表`, `分享到：`. Only a short element whose whole text is such words.
 */
const PAGE_CONTROL =
  /^(?:(?:back|return|go back)\s+to\b.{0,40}|(?:print|email|share|bookmark)(?:\s+(?:this|the)\s+(?:page|report|case|article))?|back to top|top of page|skip to (?:main )?content|close(?: window)?|(?:[【[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回(?:顶部|列表|首页|上一页)?|收藏(?:本页)?|分享到?[：:]?|字号[：:]?.{0,12})\s*[】\]]?\s*)+)$/i;

function isPageControl(el: Element): boolean {
  // The walk asks this of every element of the content block: read at most 60 characters, never a whole reply.
  const raw = boundedText(el, 60);
  if (raw === undefined) return false;
  const t = collapse(raw);
  return t.length > 0 && PAGE_CONTROL.test(t);
}

/** The element's text if it has at most `max` characters (stops reading past them), else undefined. */
function boundedText(el: Element, max: number): string | undefined {
  let out = '';
  const stack: Node[] = [el];
  let nodes = 0;
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      out += (n as Text).data;
      if (out.length > max) return undefined;
      continue;
    }
    if (++nodes > 12) return undefined;
    for (let c = n.lastChild; c; c = c.previousSibling) if (c.nodeType === 1 || c.nodeType === 3) stack.push(c);
  }
  return out;
}

const BAR_SEPARATORS = /^[\s|｜·•/\\>»\-–—[\]]*$/;

/**
 * `<strong><a>NEW SEARCH</a> | <a>HOME</a> | <a>HELP</a></strong>`: links and separators only, a menu with no class
 * to say so. Page: us-thomas-hr718-bill-status.
 */
export function isLinkBar(el: Element): boolean {
  let links = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const tag = tagOf(c);
    if (tag === 'A') links++;
    else if (tag !== 'BR' && tag !== 'IMG') return false;
  }
  if (links < 3) return false;
  let between = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) between += n.textContent ?? '';
  return between.trim() !== '' && BAR_SEPARATORS.test(between);
}

/**
 * A summary set just before the main text, as a block of its own beside it (`<div class="reifun">` over the
 * `<div class="alit">` letter): read first, it is the description's opening. Only the block right before (empty
 * elements between them aside), under the same parent, of prose (two sentences at least) shorter than the main text.
 * Page: is-umbodsmadur-althingis-f143-2023-hpv-case.
 */
export function summaryBefore(
  scan: Scan,
  block: Element,
  skip: (el: Element) => boolean,
  mainLength: number,
): string | undefined {
  let prev = block.previousElementSibling;
  while (prev && !collapse(prev.textContent ?? '')) prev = prev.previousElementSibling;
  if (!prev || !PARAGRAPH_TAGS.has(tagOf(prev)) || scan.excluded(prev) || skip(prev)) return undefined;
  const text = contentText(scan, prev, skip);
  if (text.length < 80 || text.length >= mainLength || (text.match(/[.。!?！？](?:\s|$)/g)?.length ?? 0) < 2)
    return undefined;
  return linkTextLength(prev) * 5 > text.length ? undefined : text;
}
