/**
 * A title for a page with no labelled one: the page's own heading that its <title> confirms, else the <title> less
 * the site's name, never a breadcrumb, a page-type name (`工单详情`, `Search Results`) or a banner's site name.
 */

import { boldName } from './bold-name';
import { TITLE_CLASS, tagOf } from './elements';
import { headingText } from './heading-badges';
import type { Scan } from './scan';
import { boldCellTitle, labelledTitle, namesSite } from './site-title';
import { headingOverHeading, headingRanks, mainStyledHeading } from './styled-heading';
import { collapse, isBreadcrumb, joinWrappedTitle, lastCrumb } from './text';

const SEPARATORS = /\s*(?:[_|｜]|\s[-–—]\s|\s*[–—]\s*|--)\s*/;

// How a site's name ends (`巴彦淖尔市人民政府网`, `新华网`, `中国政府网`, `…门户网站`, `…官网`): the words after a `——` in a
// <title> name the site only so; else the dash is the Chinese 破折号 before a subtitle.
const SITE_NAME_END = /(?:网|网站|门户|官网|平台|频道|政府|在线|之窗|日报|晚报)$/;

/** `A——B`: B is a subtitle of the title, not a site's name after a separator (see titleWithoutSite). */
function isSubtitle(rest: string, siteName?: string): boolean {
  const m = /^——([^_|｜\-–—]+)/.exec(rest);
  if (!m) return false;
  const words = m[1]!.trim();
  const site = siteName ? collapse(siteName) : '';
  return words.length >= 2 && !SITE_NAME_END.test(words) && !(site && (words.includes(site) || site.includes(words)));
}

const KEPT_DASH = '\u0000';

/** `<title>` minus the site name: `居民反映…充电棚_街镇动态_上海闵行` → `居民反映…充电棚`. */
export function titleWithoutSite(title: string, siteName?: string): string {
  let t = collapse(title);
  if (siteName) {
    const s = collapse(siteName);
    if (s && t.endsWith(s) && t.length > s.length + 2) t = t.slice(0, -s.length);
  }
  // `为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网`: the dash before a subtitle stays
  // in the title; only a site's name after it is cut. Page: cn-bynr-zwdt-cppcc-session-greeting.
  t = t.replace(/——/g, (dash, at: number) => (isSubtitle(t.slice(at), siteName) ? KEPT_DASH : dash));
  const parts = t.split(SEPARATORS).filter((p) => p.trim());
  const restore = (p: string) => p.split(KEPT_DASH).join('——');
  if (parts.length <= 1) return restore(t.replace(/[\s_|｜\-–—]+$/, ''));
  return restore(parts[0]!.trim());
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
// In German and French: a documentation system's result page under its own heading (`<h1>Ergebnisanzeige</h1>` over
// the one proceeding found: de-bremen-paris-grosse-anfrage-19-30-kinderschutz); the list and detail views' names.
const PAGE_TYPE_WORDS_DE_FR = [
  'ergebnisanzeige', // de-bremen-paris-grosse-anfrage-19-30-kinderschutz: the result view's heading
  'suchergebnisse?',
  'trefferliste',
  'trefferanzeige',
  'ergebnisliste',
  'vollanzeige', // de-niedersachsen-nilas-grosse-anfragen-vollanzeige: the full view's heading
  'kurzanzeige',
  '\\banzeige', // de-brandenburg-elvis-grosse-anfrage-6-1999-medienwirtschaft: `<h1>Anzeige</h1>`, the view's own name
  'detailansicht',
  'résultats de (?:la )?recherche',
];
const GENERIC_TITLE = new RegExp(
  `(详情|詳情|详细|詳細|明细|明細|查看|閲覧|信息|資訊|内容|內容|正文|页面|頁面|查询|查詢|details?|detalles?|detalhes?|détails?|dettagli[oa]?|view|information|applications|requests|results|cases|register|summary|overview|${PAGE_TYPE_WORDS_DE_FR.join('|')})$`,
  'i',
);

/** Does `title` name a kind of page (`Details`, `Detalle`, `文書閲覧`, `Search Results`) rather than a record? */
export const namesPageType = (title: string) => GENERIC_TITLE.test(title);

// What a <title> says when it names the site and the page type rather than the case.
const ORG_NAME =
  /(政府|委员会|委員會|街道|办事处|辦事處|局|网|網|平台|中心|信箱|热线|熱線|门户|門戶|council|government|city of .+)$/i;
const ID_SHAPE = /^[\p{L} ]{0,30}?[#:：]?\s*[A-Z]{0,6}[-_]?\d[\dA-Z-]{5,}$/u;
/**
 * A reference of digits, capitals, slashes and brackets, nothing else (`2022/2852(RSP)`, the procedure's number as
 * its page's first heading): it numbers the case, it does not name it. Page:
 * eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen.
 */
const REF_SHAPE = /^(?=(?:\D*\d){4})[\dA-Z/().\-_]{6,30}$/;
const ID_ONLY = { test: (t: string) => ID_SHAPE.test(t) || REF_SHAPE.test(t) };
// The name of the portal a <title> adds after the organisation (`Forbes Shire Council - Application Tracker`,
// `Maranoa Regional Council - PD Online`). Pages: au-forbes-masterview-da-10-2019-46-details and the other b5-au
// MasterView details.
const PORTAL_NAME = /(tracker|online|portal|e-?services?|eproperty)$/i;
// A <title> that names the software serving the page and its version (`SDNY CM/ECF Version 6.2.1`), not the page.
// Page: us-pacer-nysd-docket-441170.
const SYSTEM_NAME = /\b(?:version|ver\.?|v)\s?\d+(?:\.\d+){1,3}\s*$/i;
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

function titleText(el: Element, shortest = 6): string | undefined {
  const raw = el.textContent ?? '';
  if (raw.length > 400 || isBreadcrumb(raw)) return undefined;
  const t = joinWrappedTitle(raw);
  return t.length >= shortest && t.length <= 150 && !GENERIC_TITLE.test(t) && !ID_ONLY.test(t) ? t : undefined;
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
      const at = scan.order.get(sib);
      const heading =
        (at !== undefined && headingRanks(scan)[at]! > 0) || TITLE_CLASS.test(sib.getAttribute('class') ?? '');
      if (!heading) continue;
      const t = titleText(sib);
      if (t) return t;
    }
  }
  return undefined;
}

/**
 * A heading that is a number and one word (`19. Wahlperiode`, `Session 119`, `2024 Meetings`) names the period or
 * section records are grouped under, not a case: a documentation system's result puts the term's heading over the
 * proceeding's own (de-bremen-paris-grosse-anfrage-19-30-kinderschutz).
 */
const PERIOD_HEADING = /^(?:\d{1,4}\.?\s*\p{L}+|\p{L}+\s+\d{1,4})$/u;

/** A title for a page with no labelled one: a heading that the <title> confirms, else the <title> itself. */
// `2019/08/08 09:30 AM Audit Committee Committee Meeting`: the date a <title> opens with dates the page, it names
// nothing (and its clock's colon is no reference prefix's). Page: us-crevecoeur-iqm2-audit-committee-2019-08-08.
const LEADING_DATE =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?\s+(?=\S)/;

/**
 * The first `<h1>` inside the page's main landmark (`<main>`, `role="main"`) is the page's own title: the <title> and
 * og:title may name the site or the section instead (`Cabildos y Encuentros`, `Plataforma Digital de Participación
 * Popular`), and a section's `<h1>` outside main may repeat them. Pages: cl-chileconvencion-cabildo-806-monte-patria,
 * cl-chileconvencion-iniciativa-5502-propiedad-privada (og:title in title case, the `<h1>` as written).
 */
function mainHeading(scan: Scan): string | undefined {
  // Only the page's few <h1> look up their ancestors: no pass over every element of a 2 MB page.
  for (let i = 0; i < scan.all.length; i++) {
    if (scan.tags[i] !== 'H1') continue;
    const el = scan.all[i]!;
    if (!el.closest('main, [role="main"]') || scan.excluded(el)) continue;
    const t = headingText(el);
    // A figure in a statistics box (`<h1>2.809.751</h1> Apoyos`) names nothing.
    if (!t || !/\p{L}{2}/u.test(t) || GENERIC_TITLE.test(t) || ID_ONLY.test(t) || isBreadcrumb(t)) continue;
    return t;
  }
  // With no `<h1>` in it, the main landmark's first block styled as large as one (styled-heading.ts).
  return mainStyledHeading(
    scan,
    (t) => /\p{L}{2}/u.test(t) && !GENERIC_TITLE.test(t) && !ID_ONLY.test(t) && !isBreadcrumb(t),
  );
}

/**
 * The first heading (ranked 1–4 or title-classed) that is no period, reference or label; a heading with another as
 * large under it names the site or the column: taken only if no other heading will do. `first`: where the first of
 * them stands.
 */
function lateHeading(
  scan: Scan,
  site: string,
  bodyAfter: (i: number) => number,
): { text: string; first: number } | undefined {
  const ranked = headingRanks(scan);
  let over: { text: string; first: number } | undefined;
  for (let i = 0; i < scan.all.length; i++) {
    const el = scan.all[i]!;
    const rank = ranked[i]!;
    if ((rank < 1 || rank > 4) && !TITLE_CLASS.test(el.getAttribute('class') ?? '')) continue;
    if (scan.excluded(el) || inPageHeader(el)) continue;
    const t = titleText(el);
    if (!t || t === site || PERIOD_HEADING.test(t) || ID_ONLY.test(t) || /[:：]/.test(t.slice(0, 10))) continue;
    if (rank !== 1 || !headingOverHeading(scan, i, bodyAfter(i))) return { text: t, first: over?.first ?? i };
    over ??= { text: t, first: i };
  }
  return over;
}

export function fallbackTitle(
  scan: Scan,
  docTitle: string,
  ogTitle?: string,
  siteName?: string,
  block?: Element | null,
): string | undefined {
  // `Report HBC-260602-0417: Deep pothole outside 41 Mill Lane`: the words after a reference prefix.
  const shown =
    docTitle && !SYSTEM_NAME.test(docTitle)
      ? titleWithoutSite(joinWrappedTitle(docTitle), siteName)
          .replace(LEADING_DATE, '')
          .replace(/^[^:：]{0,40}\d[^:：]*[:：](?!\d)\s*/, '')
      : '';
  // A <title> naming the site or its tool (`DIP21 Extrakt`) names no case (site-title.ts), nor one that is the very
  // name the site gives itself (`<meta name="SiteName">`); an `ArticleTitle` or og:title that says more still may.
  // Page: cn-nfra-xzcf-zongju-2024-36-penalty (<title>国家金融监督管理总局</title>).
  const isSiteName = Boolean(shown && siteName) && compact(shown) === compact(siteName!);
  const siteNamed = Boolean(shown) && (isSiteName || namesSite(scan, shown, docTitle));
  // `Procedure File: 2022/2852(RSP)`: the kind of page and the case's number name no case either. Page:
  // eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen.
  const numberOnly = /^[^:：]{2,40}[:：]\s*(\S+)$/.exec(shown)?.[1];
  const fromTitle = siteNamed || (numberOnly && ID_ONLY.test(numberOnly)) ? '' : shown;
  const ogSays = ogTitle && (!siteNamed || (isSiteName && compact(ogTitle) !== compact(shown)));
  const fromOg = ogSays ? titleWithoutSite(joinWrappedTitle(ogTitle), siteName) : '';
  const labelled = labelledTitle(scan);
  if (labelled) return labelled;
  const own = mainHeading(scan);
  if (own) return own;
  // A heading the <title> confirms; one with another as large under it names the site or the column (`City of
  // Chicago` over `Chicago Plan Commission`, the <title> naming both): the lower one first.
  const ranked = headingRanks(scan);
  // Where the item's body starts, for a heading above it; a heading inside it looks on to the page's end.
  const blockAt = (block && scan.order.get(block)) ?? -1;
  const bodyAfter = (i: number) => (blockAt > i ? blockAt : scan.all.length);
  let confirmedOver: string | undefined;
  for (let i = 0; i < scan.all.length; i++) {
    const rank = ranked[i]!;
    if (rank < 1 || rank > 3 || scan.excluded(scan.all[i]!)) continue;
    const t = headingText(scan.all[i]!);
    if (!t || GENERIC_TITLE.test(t) || ID_ONLY.test(t) || isBreadcrumb(t)) continue;
    if (!(fromTitle && similar(t, fromTitle)) && !(fromOg && similar(t, fromOg))) continue;
    if (rank !== 1 || !headingOverHeading(scan, i, bodyAfter(i))) return t;
    confirmedOver ??= t;
  }
  if (confirmedOver) return confirmedOver;
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
      const t = titleText(el, 4);
      if (!t) continue;
      const own = compact(t);
      const rest = whole.slice(own.length);
      if (!whole.startsWith(own) || !SITE_SUFFIX.test(rest) || isSubtitle(rest, siteName)) continue;
      // `<p class="focus-details">车牌进展</p>` with `<title>车牌进展-阳光热线问政平台</title>`: a short title under a
      // longer site name is still the whole of what comes before the separator. Page: cn-sun0769-wenzheng-case-456615.
      if (own.length * 2 >= whole.length || (own.length >= 4 && !columnNames(scan).has(own))) return t;
    }
  }
  let best = fromOg || fromTitle;
  // `<title>新闻动态--中国地理学会官网</title>` under a breadcrumb ending in 新闻动态: the column, not the page.
  if (best && columnNames(scan).has(compact(best))) best = '';
  const site = siteName ? collapse(siteName) : '';
  const notName = (t: string) =>
    t === site ||
    GENERIC_TITLE.test(t) ||
    ID_ONLY.test(t) ||
    namesSite(scan, t, docTitle) ||
    columnNames(scan).has(compact(t));
  // A bold name before the item's fields, and before any heading that would name it (a heading under it is one of
  // the body's sections: `Key events`, `Osallistuminen ja vuorovaikutus`).
  let named = boldName(scan, blockAt, notName);
  const late = named && lateHeading(scan, site, bodyAfter);
  if (named && late && late.first < named.at) named = undefined;
  // A <title> the page never shows (`Opis przebiegu procesu legislacyjnego…` over the bill's bold name) names the
  // page's kind: the bold name is the item's. Pages: pl-sejm-orka-druk-15-przebieg,
  // ro-cdep-bp346-2013-ziua-independentei.
  // Before the item's body, or among its first words, after a label or a number at most (a layout table or a
  // panel of label lines read as the body).
  const bodyText = named && blockAt >= 0 && named.at > blockAt ? compact(block!.textContent ?? '') : '';
  const startsAt = named ? bodyText.indexOf(compact(named.text).slice(0, 12)) : -1;
  const opensBody = named && (named.at < blockAt || (startsAt >= 0 && startsAt <= 40));
  const beforeBody = named && (blockAt < 0 || opensBody);
  if (best && beforeBody && !compact(scan.root.textContent ?? '').includes(compact(best))) return named!.text;
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
  const bold = siteNamed ? boldCellTitle(scan) : undefined;
  if (bold) return bold;
  const above = block ? titleAboveContent(scan, block) : undefined;
  if (above) return above;
  // With no body found, a bold line is as likely an agenda's first item (`WELCOME & ROLL CALL`) as a name.
  if (named && opensBody) return named.text;
  const heading = late ?? lateHeading(scan, site, bodyAfter);
  if (heading) return heading.text;
  // `Planning Applications` names the page type: the description's first sentence says more (detail.ts).
  return best && !GENERIC_TITLE.test(best) ? best : undefined;
}
