/**
 * Readable-content fallback for pages without labels (news items, plain 留言 pages): the most text-dense block
 * (Readability-style scoring over paragraphs) and a title from the main heading or the <title> minus its site
 * suffix.
 */
import { headOf } from './meta';
import type { Scan } from './scan';
import { mapStatus } from './status';
import {
  collapse,
  isBreadcrumb,
  joinWrappedTitle,
  lastCrumb,
  linkTextLength,
  readText,
  TITLE_CLASS,
  tagOf,
} from './text';

const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'BLOCKQUOTE', 'TD', 'DD', 'LI', 'DIV', 'SECTION', 'ARTICLE']);
const PUNCT = /[，。！？；、,.;!?]/g;

/** The element holding the page's main text, or null when nothing reads like prose. */
export function bestContentBlock(scan: Scan, skip: (el: Element) => boolean): Element | null {
  const scores = new Map<Element, number>();
  for (const el of scan.all) {
    if (!PARAGRAPH_TAGS.has(tagOf(el)) || !scan.leafy.has(el)) continue;
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

const SEPARATORS = /\s*(?:[_|｜]|\s[-–—]\s|\s*[–—]\s*|--)\s*/;

/** `<title>` minus the site name: `居民反映…充电棚_街镇动态_上海闵行` → `居民反映…充电棚`. */
export function titleWithoutSite(title: string, siteName?: string): string {
  let t = collapse(title);
  if (siteName) {
    const s = collapse(siteName);
    if (s && t.endsWith(s) && t.length > s.length + 2) t = t.slice(0, -s.length);
  }
  const parts = t.split(SEPARATORS).filter((p) => p.trim());
  if (parts.length <= 1) return t.replace(/[\s_|｜\-–—]+$/, '');
  return parts[0]!.trim();
}

function similar(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  return x.length >= 4 && y.length >= 4 && (x.includes(y) || y.includes(x) || wordsWithin(a, b));
}

/**
 * A heading that says the <title>'s words with a hyphen or a word more (`Mail-Aktion an den Deutschen Bundestag`
 * for `Mailaktion an den Bundestag`): every word of the shorter, in order, within the longer. Page:
 * de-pilger-mailaktion-bundestag.
 */
function wordsWithin(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[-‐‑–]/g, '');
  const [long, short] = a.length >= b.length ? [norm(a), norm(b)] : [norm(b), norm(a)];
  const words = short.split(/\s+/).filter(Boolean);
  if (words.length < 3) return false;
  let at = 0;
  for (const w of words) {
    const i = long.indexOf(w, at);
    if (i < 0) return false;
    at = i + w.length;
  }
  return true;
}

// Page names, not case titles: `工单详情`, `留言详情`, `Case details`.
// A page type in English too: `Planning Applications - 20/01234/FUL`, `Service Requests`, `Search Results`, `Summary`.
const GENERIC_TITLE =
  /(详情|詳情|详细|詳細|明细|明細|查看|信息|資訊|内容|內容|正文|页面|頁面|查询|查詢|details?|view|information|applications|requests|results|cases|register|summary|overview)$/i;

// What a <title> says when it names the site and the page type rather than the case.
const ORG_NAME =
  /(政府|委员会|委員會|街道|办事处|辦事處|局|网|網|平台|中心|信箱|热线|熱線|门户|門戶|council|government|city of .+)$/i;
const ID_ONLY = /^[\p{L} ]{0,30}?[#:：]?\s*[A-Z]{0,6}[-_]?\d[\dA-Z-]{5,}$/u;
// The name of the portal a <title> adds after the organisation (`Forbes Shire Council - Application Tracker`,
// `Maranoa Regional Council - PD Online`). Pages: au-forbes-masterview-da-10-2019-46-details and the other b5-au
// MasterView details.
const PORTAL_NAME = /(tracker|online|portal|e-?services?|eproperty)$/i;
// A heading that names the kind of record before a colon (`Application: Development Application (10-2019-46-1)`):
// the words after it are the case's title.
const RECORD_KIND_LABEL =
  /^(?:application|case|request|service request|complaint|enquiry|inquiry|matter|petition|permit|appeal|ticket|申请|案件|工单|诉求|投诉)\s*[:：]\s*/i;

/**
 * `工单详情`, `Service request SR-2026-0045123`, `奉贤区人民政府--区长信箱--信件查看`: the page's name, not a case title.
 */
function namesPageOnly(first: string, docTitle: string): boolean {
  if (GENERIC_TITLE.test(first) || ID_ONLY.test(first)) return true;
  // Split on bare hyphens too (`申请详情-依申请公开-闵行区…`): only to look for a page-type part.
  const parts = collapse(docTitle)
    .split(/\s*[-–—_|｜]+\s*/)
    .filter(Boolean);
  if (parts.length < 2 || !parts.some((p) => GENERIC_TITLE.test(p) || PORTAL_NAME.test(p))) return false;
  return ORG_NAME.test(first) || GENERIC_TITLE.test(parts[0]!);
}

// Whole class words of a page's banner (`header`, `site-header`, `g-top`), not of a card's (`sr-header`).
const SITE_HEADER = /^(?:(?:site|page|g|global|web|gov|main)[-_]?)?(?:header|head|masthead|banner|logo|top|topbar)$/i;

/** `<div class="header"><div class="wrap"><h1>site name</h1></div></div>`: the site's banner, not the case. */
function inPageHeader(el: Element): boolean {
  let a: Element | null = el.parentElement;
  for (let depth = 0; a && depth < 3; depth++, a = a.parentElement) {
    const words = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tagOf(a) === 'HEADER' || words.some((w) => SITE_HEADER.test(w))) return true;
  }
  return false;
}

/** What a <title> adds after the page's own heading: a separator and a short site name (`-新华网`, `_人民网`). */
const SITE_SUFFIX = /^[-_|｜–—·:：]{1,2}[^-_|｜–—·]{1,16}$/;
const compact = (t: string) => t.replace(/\s+/g, '');

/** Columns the page sits in, from its breadcrumb trails (`首页 - 新闻动态` → `新闻动态`). */
function columnNames(scan: Scan): Set<string> {
  const out = new Set<string>();
  for (const el of scan.all) {
    if (!scan.leafy.has(el)) continue;
    const raw = el.textContent ?? '';
    const last = raw.length <= 200 ? lastCrumb(raw) : undefined;
    if (last) out.add(compact(last));
  }
  return out;
}

function titleText(el: Element): string | undefined {
  const raw = el.textContent ?? '';
  if (raw.length > 400 || isBreadcrumb(raw)) return undefined;
  const t = joinWrappedTitle(raw);
  return t.length >= 6 && t.length <= 150 && !GENERIC_TITLE.test(t) && !ID_ONLY.test(t) ? t : undefined;
}

/**
 * The heading just above the main text (`<h5>…</h5><div class="ly">发布时间…</div><div class="detailCon">`): walks
 * back from the content block, through its ancestors' earlier siblings, to the nearest heading or title-classed
 * element. Page: cn-gsc-society-news (an <h5> title under a breadcrumb <h3>).
 */
function titleAboveContent(scan: Scan, block: Element): string | undefined {
  let at: Element | null = block;
  for (let depth = 0; at && at !== scan.root && depth < 4; depth++, at = at.parentElement) {
    let sib = at.previousElementSibling;
    for (let i = 0; sib && i < 4; i++, sib = sib.previousElementSibling) {
      if (scan.excluded(sib) || inPageHeader(sib)) continue;
      const heading = /^H[1-6]$/.test(tagOf(sib)) || TITLE_CLASS.test(sib.getAttribute('class') ?? '');
      if (!heading) continue;
      const t = titleText(sib);
      if (t) return t;
    }
  }
  return undefined;
}

// A font-size switcher's words, each set with the page that showed it in or beside its heading.
const FONT_SIZE_WORDS = new Set([
  ...['超大', '大', '标准', '小'], // 人民网 领导留言板 message pages (issue 18): `… 已办理 建言 超大 大 标准 小`
  ...['字号', '默认', '中'], // cn-gov-gongbao-npc-resolution: `字号：默认 大 超大`
  ...['较大', '特大', 'A+', 'A-', 'A'],
]);

/** `超大 大 标准 小`, `字号：默认 大 超大`: a control, not words of the page. */
export function isFontSizeControl(text: string): boolean {
  const words = text.split(/[\s:：|｜【】[\]]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => FONT_SIZE_WORDS.has(w));
}

const BADGE_HINT = /state|status|zt|type|kind|tag|cat|label|badge|flag|lx|lb|sort|class/i;

/**
 * A heading's own words, without what a portal puts inside it: a status badge (`已办理`), a kind tag (`建言`), the
 * font-size switcher. Page: 人民网 领导留言板 message pages (issue 18).
 */
function headingText(h: Element): string {
  if (!h.firstElementChild) return joinWrappedTitle(h.textContent ?? '');
  let own = '';
  for (const n of Array.from(h.childNodes)) {
    if (n.nodeType === 3) own += n.textContent ?? '';
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const t = collapse(el.textContent ?? '');
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (isFontSizeControl(t) || (t.length <= 6 && mapStatus(t, true)) || (t.length <= 6 && BADGE_HINT.test(hint)))
      continue;
    own += el.textContent ?? '';
  }
  return joinWrappedTitle(own);
}

/** A title for a page with no labelled one: a heading that the <title> confirms, else the <title> itself. */
export function fallbackTitle(
  scan: Scan,
  docTitle: string,
  ogTitle?: string,
  siteName?: string,
  block?: Element | null,
): string | undefined {
  // `Report HBC-260602-0417: Deep pothole outside 41 Mill Lane`: the words after a reference prefix.
  const fromTitle = docTitle
    ? titleWithoutSite(joinWrappedTitle(docTitle), siteName).replace(/^[^:：]{0,40}\d[^:：]*[:：]\s*/, '')
    : '';
  const fromOg = ogTitle ? titleWithoutSite(joinWrappedTitle(ogTitle), siteName) : '';
  const headings = scan.all.filter((el) => /^H[1-3]$/.test(tagOf(el)) && !scan.excluded(el));
  for (const h of headings) {
    const t = headingText(h);
    if (!t || GENERIC_TITLE.test(t) || ID_ONLY.test(t) || isBreadcrumb(t)) continue;
    if ((fromTitle && similar(t, fromTitle)) || (fromOg && similar(t, fromOg))) return t;
  }
  // The <title>'s words as the page shows them (`<strong>…常务委员会<br>关于…</strong>`, where the <title> has a
  // full-width space at the wrap instead). Page: cn-gov-gongbao-npc-resolution.
  for (const words of [fromTitle, fromOg]) {
    const want = compact(words);
    if (want.length < 6 || namesPageOnly(words, docTitle)) continue;
    for (const el of scan.all) {
      const raw = el.textContent ?? '';
      if (raw.length > 400 || scan.excluded(el) || compact(raw) !== want || inPageHeader(el)) continue;
      return joinWrappedTitle(raw);
    }
  }
  // `<div class="title">X</div>` with `<title>X  Hospital name</title>`: the page's own title element, without
  // whatever the <title> adds (separated here by two spaces only). Page: cn-zyyfy-hospital-news.
  const whole = compact(fromOg || fromTitle);
  if (whole.length >= 6) {
    for (const el of scan.all) {
      if (!TITLE_CLASS.test(el.getAttribute('class') ?? '') || scan.excluded(el)) continue;
      const t = titleText(el);
      const own = t ? compact(t) : '';
      if (!t || !whole.startsWith(own) || own.length * 2 < whole.length) continue;
      // In the page's header only when what the <title> adds is a short site name after a separator: 新华网 keeps
      // the article heading `<div class="h-title">` inside `<div class="header">`, <title> `…交通-新华网`.
      // Page: cn-xinhuanet-world-news.
      if (inPageHeader(el) && !SITE_SUFFIX.test(whole.slice(own.length))) continue;
      return t;
    }
  }
  // `<span class="STYLE8">中华人民共和国监察法</span>` with `<title>中华人民共和国监察法-纪检</title>`: a leaf of text showing
  // the <title> less a short name after a separator is the page's own title, whatever its tag or class. Page:
  // cn-sxmu-discipline-office-law.
  if (whole.length >= 6) {
    for (const el of scan.all) {
      if (!scan.leafy.has(el) || scan.excluded(el) || inPageHeader(el)) continue;
      const t = titleText(el);
      const own = t ? compact(t) : '';
      if (own.length * 2 >= whole.length && whole.startsWith(own) && SITE_SUFFIX.test(whole.slice(own.length)))
        return t;
    }
  }
  let best = fromOg || fromTitle;
  // `<title>新闻动态--中国地理学会官网</title>` under a breadcrumb ending in 新闻动态: the column, not the page.
  if (best && columnNames(scan).has(compact(best))) best = '';
  if (best && !namesPageOnly(best, docTitle) && best.length >= 4) return best;
  // The <title> only names the page type: the case's own heading is the title, first one that names the record's
  // kind before a colon (`<h2>Application: Development Application (10-2019-46-1)</h2>`).
  // Bootstrap's `<div class="page-header">` holds it: the label, not the wrapper, tells it from a site banner.
  for (const el of scan.all) {
    if (!/^H[1-3]$/.test(tagOf(el)) || scan.excluded(el)) continue;
    const t = titleText(el);
    const kind = t ? RECORD_KIND_LABEL.exec(t) : null;
    if (t && kind && t.length > kind[0].length + 3) return t.slice(kind[0].length);
  }
  const above = block ? titleAboveContent(scan, block) : undefined;
  if (above) return above;
  const site = siteName ? collapse(siteName) : '';
  for (const el of scan.all) {
    if (!/^H[1-4]$/.test(tagOf(el)) && !TITLE_CLASS.test(el.getAttribute('class') ?? '')) continue;
    if (scan.excluded(el) || inPageHeader(el)) continue;
    const t = titleText(el);
    if (!t || t === site) continue;
    if (!/[:：]/.test(t.slice(0, 10))) return t;
  }
  // `Planning Applications` names the page type: the description's first sentence says more (detail.ts).
  return best && !GENERIC_TITLE.test(best) ? best : undefined;
}

/** Images and document links inside `root`, resolved to absolute URLs. */
export function collectAttachments(
  root: Element,
  base: string | undefined,
  scan: Scan,
): Array<{ url: string; kind: 'image' | 'document' | 'video' | 'link' }> {
  const out: Array<{ url: string; kind: 'image' | 'document' | 'video' | 'link' }> = [];
  const seen = new Set<string>();
  const add = (raw: string | null, kind: 'image' | 'document' | 'video' | 'link') => {
    if (!raw || /^(data:|javascript:|#|about:|mailto:|tel:)/i.test(raw.trim())) return;
    const url = resolveUrl(raw.trim(), base);
    if (!url || seen.has(url)) return;
    seen.add(url);
    out.push({ url, kind });
  };
  for (const el of [root, ...Array.from(root.querySelectorAll('img, a[href], video, source'))]) {
    if (scan.excluded(el)) continue;
    const tag = tagOf(el);
    if (tag === 'IMG') {
      const src = el.getAttribute('data-original') ?? el.getAttribute('data-src') ?? el.getAttribute('src');
      const w = Number(el.getAttribute('width') ?? 999);
      const h = Number(el.getAttribute('height') ?? 999);
      if (w < 40 || h < 40 || /logo|icon|spacer|blank|loading|arrow|btn|button/i.test(src ?? '')) continue;
      add(src, 'image');
    } else if (tag === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (/\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|wps|ofd|txt|csv)(\?|#|$)/i.test(href)) add(href, 'document');
      else if (/\.(jpe?g|png|gif|webp|bmp)(\?|#|$)/i.test(href)) add(href, 'image');
      else if (/\.(mp4|mov|webm|avi|m3u8)(\?|#|$)/i.test(href)) add(href, 'video');
    } else if (tag === 'VIDEO' || tag === 'SOURCE') add(el.getAttribute('src'), 'video');
  }
  return out;
}

export function resolveUrl(raw: string, base: string | undefined): string | undefined {
  // Absolute URLs and plain root-relative paths (most links of a case list) need no URL parser.
  if (/^https?:\/\/[a-z0-9.-]+(?::\d+)?\/\S*$/.test(raw) && !/[\\]|\/\.\.?\//.test(raw)) return raw;
  if (base && /^\/[^/\s\\]*(?:\/[^/\s\\.][^/\s\\]*)*$/.test(raw)) {
    const origin = originOf(base);
    if (origin) return origin + raw;
  }
  try {
    return new URL(raw, base).href;
  } catch {
    return /^https?:\/\//i.test(raw) ? raw : undefined;
  }
}

let lastBase: { base: string; origin: string | undefined } | undefined;

/** `https://host:port` of a base address; a list resolves every row against the same one. */
function originOf(base: string): string | undefined {
  if (lastBase?.base !== base) lastBase = { base, origin: /^https?:\/\/[^/?#]+/i.exec(base)?.[0] };
  return lastBase.origin;
}

/** The base for relative links: `<base href>` resolved against the page URL. */
export function baseUrl(doc: Document, pageUrl: string | undefined): string | undefined {
  const href = headOf(doc).base;
  if (href) return resolveUrl(href, pageUrl) ?? pageUrl;
  return pageUrl;
}
