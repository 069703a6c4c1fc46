/**
 * List pages: a table with a header row of case columns, or repeated cards (same tag and class, each with a
 * title and a few labelled fields), become one draft per case in page order. Pagination is read from the pager.
 */
import { type DateContext, hasDate, parseDate } from './dates';
import { type Draft, emptyDraft, fieldsFromPairs, fillGaps, KEY_TO_FIELD, normaliseField } from './draft';
import type { HeaderTable } from './header-tables';
import { ISSUE_FIELDS } from './labels';
import type { Pair } from './pairs';
import { resolveUrl } from './readable';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { cellText, collapse, readText, shapeOf, tagOf } from './text';

export interface Pagination {
  current?: number;
  total?: number;
  totalItems?: number;
  next?: string;
  prev?: string;
  pages: Array<{ number: number; url: string }>;
}

export interface ListFound {
  drafts: Draft[];
  /** Elements of the list (rows or cards); detail evidence outside them decides list vs detail. */
  items: Element[];
}

// Headings of the lists a detail page carries beside its case: `近期热点诉求`, `相关留言`, `Other problems nearby`.
const ASIDE_HEAD =
  /(其他|其它|相关|相關|热点|熱點|热门|熱門|推荐|推薦|猜你|周边|附近|nearby|related|other|similar|popular|you may)/i;
const HEADING_LIKE = /^H[1-6]$/;

function asideHeading(el: Element | null): boolean {
  if (!el) return false;
  const cls = el.getAttribute('class') ?? '';
  if (!HEADING_LIKE.test(tagOf(el)) && !/(^|[-_\s])(hd|head|header|title|tit)([-_\s]|$)/i.test(cls)) return false;
  const raw = el.textContent ?? '';
  return raw.length <= 200 && ASIDE_HEAD.test(collapse(raw));
}

/** Is this list one that sits beside a case (under a "related / nearby / 热点" heading) rather than the page's own? */
export function isAsideList(items: Element[]): boolean {
  let box: Element | null = items[0]?.parentElement ?? null;
  for (let depth = 0; box && depth < 3; depth++, box = box.parentElement) {
    if (asideHeading(box.previousElementSibling)) return true;
    const first = box.firstElementChild;
    if (first && !items.includes(first) && asideHeading(first)) return true;
  }
  return false;
}

const ACTION_LINK = /^(查看|详情|详细|办理|更多|查看详情|进入|more|view|details?|open|›|»|>>)$/i;

function detailLink(el: Element, base: string | undefined): string | undefined {
  const usable = (a: Element | null) => {
    const href = a?.getAttribute('href') ?? '';
    return href && !/^(javascript:|#|mailto:|tel:)/i.test(href) ? href : undefined;
  };
  if (tagOf(el) === 'A') {
    const own = usable(el);
    if (own) return resolveUrl(own, base);
  }
  // getElementsByTagName, not querySelector: no selector to compile for each of thousands of rows.
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const href = usable(links[i]!);
    if (href) return resolveUrl(href, base);
  }
  return undefined;
}

/** Rows of header tables with a title or case-number column. */
export function tableList(tables: HeaderTable[], ctx: DateContext, base: string | undefined): ListFound | null {
  const best = tables
    .filter((t) => t.kind === 'issues' && t.rows.length >= 2)
    .sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!best) return null;
  const drafts: Draft[] = [];
  // In a list, the unit that answered a case (`答复单位`) is the one handling it.
  const answeredBy = best.columns.findIndex((c) => c.match?.field === 'updateBy');
  for (const row of best.rows) {
    const d = emptyDraft();
    best.columns.forEach((col, i) => {
      const field = col.match ? KEY_TO_FIELD[col.match.field] : undefined;
      const cell = row.cells[i];
      if (!field || !cell || d[field] !== undefined) return;
      const v = normaliseField(field, cellText(cell), ctx);
      if (v !== undefined) (d as unknown as Record<string, string>)[field] = v;
      if (field === 'title') d.url = detailLink(cell, base);
    });
    const answeredCell = answeredBy >= 0 ? row.cells[answeredBy] : undefined;
    if (d.department === undefined && answeredCell)
      d.department = normaliseField('department', cellText(answeredCell), ctx);
    d.url ??= detailLink(row.tr, base);
    if (d.title || d.caseNumber) drafts.push(d);
  }
  return drafts.length >= 2 ? { drafts, items: best.rows.map((r) => r.tr) } : null;
}

/**
 * One table holding several cases as blocks of label rows (`案件编号 / 标题 / 上报时间 / 状态`, a spacer row, the
 * same labels again): the first label's return starts the next case.
 */
export function repeatedBlocks(pairs: Pair[], ctx: DateContext, base: string | undefined): ListFound | null {
  const byTable = new Map<Element, Pair[]>();
  for (const p of pairs) {
    const table = p.source === 'cell' ? p.el.closest('table') : null;
    if (!table || !p.field || !ISSUE_FIELDS.has(p.field)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), p]);
  }
  let best: Pair[][] | null = null;
  for (const list of byTable.values()) {
    const firstKey = list[0]!.key;
    const blocks: Pair[][] = [];
    for (const p of list) {
      if (p.key === firstKey || blocks.length === 0) blocks.push([]);
      blocks[blocks.length - 1]!.push(p);
    }
    const cases = blocks.filter((b) => b.some((p) => p.field === 'title' || p.field === 'caseNumber'));
    if (cases.length < 2 || cases.length < blocks.length * 0.8 || (best && cases.length <= best.length)) continue;
    best = cases;
  }
  if (!best) return null;
  const drafts = best.map((block) => {
    const d = fillGaps(emptyDraft(), fieldsFromPairs(block, ctx));
    for (const p of block) d.url ??= detailLink(p.valueEl, base);
    return d;
  });
  return { drafts, items: best.flatMap((block) => block.map((p) => p.el)) };
}

// ---------------------------------------------------------------------------------------------- cards

const CARD_TAGS = new Set(['LI', 'DIV', 'ARTICLE', 'SECTION', 'DL', 'TABLE', 'A']);

const signature = shapeOf;

// Headings name a case first, then elements a class calls a title, then links and bold text.
const TITLE_SELECTORS = ['h1, h2, h3, h4, h5', '[class*=title], [class*=tit]', 'a[title], a[href]', 'strong, b'];

function cardTitleElement(card: Element): Element | null {
  const valid = (el: Element) => {
    const t = collapse(el.textContent ?? '');
    return t.length >= 4 && t.length <= 200 && !ACTION_LINK.test(t) && !/[:：]/.test(t.slice(0, 12));
  };
  const groups = TITLE_SELECTORS.map((sel) => Array.from(card.querySelectorAll(sel)).filter(valid));
  // A card that is one big link: its heading names the case, the link's whole text is the card.
  if (tagOf(card) === 'A' && valid(card)) groups.push([card]);
  const all = groups.flat();
  for (const group of groups) {
    // `<div class="van-cell__title"><span class="card-title">…</span><div>工单号：…</div></div>`: the innermost.
    const el = group.find((e) => !all.some((o) => o !== e && e.contains(o)));
    if (el) return el;
  }
  return null;
}

/**
 * Repeated siblings that each hold labelled issue fields (or a title link and one field): the cards of a list.
 * Returns the largest such group.
 */
export function cardList(scan: Scan, pairs: Pair[], ctx: DateContext, base: string | undefined): ListFound | null {
  const fieldsIn = new Map<Element, Set<string>>();
  for (const p of pairs) {
    if (!p.field || !ISSUE_FIELDS.has(p.field) || scan.excluded(p.el)) continue;
    for (let a: Element | null = p.el; a && a !== scan.root; a = a.parentElement) {
      const s = fieldsIn.get(a) ?? new Set<string>();
      s.add(p.field);
      fieldsIn.set(a, s);
    }
  }
  const parents = new Set<Element>();
  for (const el of fieldsIn.keys()) if (el.parentElement) parents.add(el.parentElement);
  const titled = (c: Element) => fieldsIn.get(c)?.has('title') || cardTitleElement(c) !== null;
  // A title row just before a row of fields, when the rows are not wrapped per case.
  const titleRow = (c: Element) => {
    const prev = c.previousElementSibling;
    return prev && !fieldsIn.has(prev) && signature(prev) !== signature(c) && cardTitleElement(prev) ? prev : null;
  };
  let best: Element[] | null = null;
  for (const parent of parents) {
    const groups = new Map<string, Element[]>();
    for (const c of Array.from(parent.children)) {
      if (!CARD_TAGS.has(tagOf(c)) || scan.excluded(c)) continue;
      const sig = signature(c);
      const g = groups.get(sig) ?? [];
      g.push(c);
      groups.set(sig, g);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const withFields = group.filter((c) => {
        const f = fieldsIn.get(c);
        if (!f) return false;
        return f.size >= 2 || (f.size >= 1 && cardTitleElement(c) !== null);
      });
      if (withFields.length < 2 || withFields.length < group.length * 0.6) continue;
      // Cards repeat the same fields; rows of a detail layout each hold different ones.
      const sigs = new Map<string, number>();
      for (const c of withFields) {
        const k = [...fieldsIn.get(c)!].sort().join(',');
        sigs.set(k, (sigs.get(k) ?? 0) + 1);
      }
      const common = Math.max(...sigs.values());
      if (common < withFields.length * 0.6 && !withFields.every((c) => fieldsIn.get(c)!.has('title'))) continue;
      if (!withFields.every((c) => titled(c) || titleRow(c))) continue;
      if (!best || withFields.length > best.length) best = withFields;
    }
  }
  if (!best) return null;
  const items = withCousins(best, scan, (c) => fieldsIn.has(c));
  const drafts = items.map((card) => {
    const d = cardDraft(card, pairs, ctx, base);
    const head = titled(card) ? null : titleRow(card);
    if (head) {
      // `<div class="tit"><a>title</a></div><div class="info">编号：…</div>` repeated: one case per pair of rows.
      const top = cardDraft(head, pairs, ctx, base);
      d.title = top.title ?? d.title;
      d.url = top.url ?? d.url;
    }
    return d;
  });
  return { drafts, items };
}

/**
 * Cards split over sibling containers (`<div class="pinned">` 置顶 cards above `<div class="list">`) are one
 * list: alike cards one level beside the best group join it, in page order.
 */
function withCousins(best: Element[], scan: Scan, fits: (el: Element) => boolean): Element[] {
  const sig = signature(best[0]!);
  const parentSig = signature(best[0]!.parentElement!);
  let ancestor = best[0]!.parentElement?.parentElement ?? null;
  // Up to two levels above the list: `<div class="day-group"><h4>今天</h4><ul>…</ul></div>` repeated.
  for (let level = 0; ancestor && ancestor !== scan.root.parentElement && level < 2; level++) {
    const all: Element[] = [];
    const walk = (el: Element, depth: number) => {
      for (const c of Array.from(el.children)) {
        if (scan.excluded(c)) continue;
        // Beside the list (置顶 cards over the main ones) any container will do; further up, only one alike.
        const alike = signature(c) === sig && (level === 0 || signature(el) === parentSig);
        if (alike && (best.includes(c) || fits(c))) all.push(c);
        else if (depth < 3) walk(c, depth + 1);
      }
    };
    walk(ancestor, 0);
    if (all.length > best.length && best.every((b) => all.includes(b))) return all;
    ancestor = ancestor.parentElement;
  }
  return best;
}

const META_SEPARATOR = /\s+[·•|｜]\s+/;
const META_WORD = /^(reported|posted|updated|submitted|created|opened|closed|by|via|ref)\b/i;

/**
 * `Ref: HCC-2026-30417 · Fly-tipping · Reported 27 May 2026`: in a card's meta line, the one short unlabelled item
 * that is no date, number, status or verb is the category.
 */
function categoryInMetaLine(card: Element, title: string | undefined): string | undefined {
  // FixMyStreet and its clones: `Reported in the Potholes category anonymously at 08:41, …`.
  const named = /\bin the (.{2,40}?) category\b/i.exec(card.textContent ?? '');
  if (named) return collapse(named[1]!);
  for (const el of Array.from(card.querySelectorAll('p, div, footer, span, small'))) {
    const raw = el.textContent ?? '';
    if (raw.length > 200 || !META_SEPARATOR.test(raw)) continue;
    const items = collapse(raw).split(META_SEPARATOR);
    if (items.length < 3) continue;
    const found = items.find(
      (t) => t.length >= 2 && t.length <= 30 && !/[:：\d]/.test(t) && !mapStatus(t, true) && !META_WORD.test(t),
    );
    if (found && found !== title) return found;
  }
  return undefined;
}

const CASE_NO_CLASS = /(^|[-_\s])(no|num|number|bh|bianhao|code|sn|caseno|case-no|serial)([-_\s]|$)/i;
const CATEGORY_CLASS = /(^|[-_\s])(category|categories|cat|type|leibie|fenlei|lb)([-_\s]|$)/i;

export function cardDraft(card: Element, pairs: Pair[], ctx: DateContext, base: string | undefined): Draft {
  const own = pairs.filter((p) => card.contains(p.el));
  const d: Draft = { ...emptyDraft(), ...fieldsFromPairs(own, ctx) };
  const used = new Set<Element>(own.flatMap((p) => [p.el, p.valueEl]));
  const titleEl = d.title ? null : cardTitleElement(card);
  if (titleEl) {
    d.title = collapse(titleEl.getAttribute('title') || titleEl.textContent || '');
    used.add(titleEl);
    const link = tagOf(titleEl) === 'A' ? titleEl : (titleEl.querySelector('a[href]') ?? titleEl.closest('a[href]'));
    if (link) d.url = resolveUrl(link.getAttribute('href') ?? '', base);
  }
  d.url ??= detailLink(card, base);
  const leaves = Array.from(card.querySelectorAll('*')).filter((el) => el.children.length === 0 || tagOf(el) === 'P');
  if (!d.status) {
    for (const el of leaves) {
      const t = collapse(el.textContent ?? '');
      const s = t.length <= 24 ? mapStatus(t, true) : undefined;
      if (s) {
        d.status = s;
        used.add(el);
        break;
      }
    }
  }
  if (!d.category) {
    // `<span class="category">Litter and bins</span>`: an unlabelled field that its class names.
    const el = leaves.find((e) => CATEGORY_CLASS.test(e.getAttribute('class') ?? '') && !used.has(e));
    const t = el ? (normaliseField('category', el.textContent ?? '', ctx) ?? '') : '';
    if (el && t && t.length <= 40) {
      d.category = t;
      used.add(el);
    }
  }
  d.category ??= categoryInMetaLine(card, d.title);
  if (!d.caseNumber) {
    // `<span class="c-no">SJ202606030088</span>`: an unlabelled number that its class names.
    const el = leaves.find((e) => CASE_NO_CLASS.test(e.getAttribute('class') ?? ''));
    const t = el ? collapse(el.textContent ?? '') : '';
    if (/^[A-Za-z]{0,6}[-/]?\d[\dA-Za-z/-]{4,40}$/.test(t)) d.caseNumber = t;
  }
  if (!d.description) {
    let longest = '';
    for (const el of leaves) {
      if ([...used].some((u) => u.contains(el) || el.contains(u))) continue;
      const t = readText(el);
      if (t.length <= longest.length || /^[^：:]{1,10}[：:]/.test(t)) continue;
      if (t.length < 80 && hasDate(t, ctx)) {
        // `Reported 10:02, Tue 3 March 2026, Potholes`: the date line of a report list names the category.
        const cat = REPORTED_META.exec(t);
        if (cat && !d.category) d.category = cat[1]!.trim();
        continue;
      }
      longest = t;
    }
    if (longest.length >= 10 && longest !== d.title) d.description = longest;
  }
  if (!d.reportedAt) {
    const at = parseDate(readText(card), ctx);
    if (at) d.reportedAt = at;
  }
  return d;
}

/** The status badge of a card: a short element whose whole text is a status word. */
function badgeStatus(card: Element): boolean {
  for (const el of Array.from(card.querySelectorAll('*'))) {
    if (el.children.length) continue;
    const t = collapse(el.textContent ?? '');
    if (t.length <= 24 && mapStatus(t, true)) return true;
  }
  return false;
}

const REPORTED_META = /^(?:reported|submitted)\b.*?\d{4}\s*,\s*([^,\d]{2,60})$/i;
const CASE_WORDS = /reported|submitted|诉求|投诉|工单|来电|网友留言/i;

const MONTH_DAY = /(?<![\d./-])(\d{1,2})[-/.月](\d{1,2})日?(?![\d./:-])/;

/** The year of the short heading above an item's group (`<h4>2026年5月</h4>`), if there is one. */
function yearAbove(item: Element): number | undefined {
  for (let box = item.parentElement, depth = 0; box && depth < 3; box = box.parentElement, depth++) {
    for (let prev = box.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const text = prev.textContent ?? '';
      if (text.length > 40) break;
      const m = /((?:19|20)\d{2})\s*(?:年|[-/.])/.exec(text);
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

/**
 * Lists without labels (`<li><a>title</a><span>2026-05-27</span><span>已回复</span></li>`): repeated siblings that
 * each have a title link, a date and a status badge. Status is what tells a list of cases from a news list.
 */
export function plainList(scan: Scan, pairs: Pair[], ctx: DateContext, base: string | undefined): ListFound | null {
  const labelled = pairs.filter((p) => p.field && ISSUE_FIELDS.has(p.field)).map((p) => p.el);
  // Each item: a title that links to the case, a date, and no labelled fields (those are cardList's).
  const isLinked = (c: Element) => {
    const t = cardTitleElement(c);
    const linked = t && (tagOf(t) === 'A' || t.closest('a[href]') || t.querySelector('a[href]'));
    return !!linked && !labelled.some((e) => c.contains(e));
  };
  const isCase = (c: Element) => {
    const text = collapse(c.textContent ?? '');
    const dated = hasDate(text, ctx) || (MONTH_DAY.test(text) && yearAbove(c) !== undefined);
    return dated && isLinked(c);
  };
  let best: Element[] | null = null;
  for (const parent of scan.all) {
    if (parent.children.length < 2 || scan.excluded(parent)) continue;
    const groups = new Map<string, Element[]>();
    for (const c of Array.from(parent.children)) {
      const tag = tagOf(c);
      if (!CARD_TAGS.has(tag) && tag !== 'TR') continue;
      const g = groups.get(signature(c)) ?? [];
      g.push(c);
      groups.set(signature(c), g);
    }
    for (const group of groups.values()) {
      if (group.length < 2 || (best && group.length <= best.length)) continue;
      // Each item: a title that links to the case, a date, and no labelled fields (those are cardList's).
      const dated = group.filter(isCase);
      if (dated.length < 2 || dated.length < group.length * 0.8) continue;
      // Status badges, or the words of a case list (`Reported …`), tell cases from news items.
      const badges = dated.filter(badgeStatus).length;
      const reportWords = dated.filter((c) => CASE_WORDS.test(c.textContent ?? '')).length;
      if (badges >= dated.length * 0.5 || reportWords >= dated.length * 0.6) best = dated;
    }
  }
  if (!best) return null;
  // Lists grouped under day headings (`<h3>5月19日</h3><ul>…</ul><h3>5月18日</h3><ul>…</ul>`) are one list.
  // Items of sibling groups need no full date (`今天 09:12` under 今天), a time will do: the dated group proved
  // it is a list of cases.
  const timed = (c: Element) => isLinked(c) && /(?<![\d:])\d{1,2}:\d{2}(?![\d:])/.test(c.textContent ?? '');
  const items = withCousins(best, scan, (c) => isCase(c) || timed(c));
  const drafts = items.map((card) => {
    const d = cardDraft(card, [], ctx, base);
    // `<h4>2026年5月</h4><ul><li>05-26 …</li>`: the day on the item, the year from the heading above its group.
    const md = d.reportedAt ? null : MONTH_DAY.exec(collapse(card.textContent ?? ''));
    const year = md ? yearAbove(card) : undefined;
    if (md && year) d.reportedAt = parseDate(`${year}-${md[1]}-${md[2]}`, ctx);
    return d;
  });
  return { drafts, items };
}

// ---------------------------------------------------------------------------------------------- pagination

const PAGER_CLASS = /pag(e|er|es|ing|ination|enav)\b|fenye|page-?nav|pagebar|turn-?page/i;
const NEXT = /^(下一页|下页|后一页|下一頁|next(\s+page)?|›|»|>|>>|次へ)$/i;
const PREV = /^(上一页|上页|前一页|上一頁|prev(ious)?(\s+page)?|‹|«|<|<<)$/i;

function pagerIn(el: Element): Element | null {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (words.trim() && PAGER_CLASS.test(words) && el.querySelector('a')) return el;
  const links = el.getElementsByTagName('a');
  if (links.length > 200) return null;
  for (const a of Array.from(links)) if (NEXT.test(collapse(a.textContent ?? ''))) return a.parentElement;
  for (const c of Array.from(el.querySelectorAll('[class],[id]'))) {
    const w = `${c.getAttribute('class') ?? ''} ${c.getAttribute('id') ?? ''}`;
    if (PAGER_CLASS.test(w) && c.querySelector('a')) return c;
  }
  return null;
}

/**
 * Reads the pager of a list page: current page, total pages/items, next/previous and numbered page links. The
 * pager sits next to the list, so only the list's neighbours (a few levels up) are searched, never the whole page.
 */
export function findPagination(scan: Scan, base: string | undefined, items: Element[]): Pagination | undefined {
  let pager: Element | null = null;
  const first = items[0];
  let box: Element | null = first ? (first.parentElement ?? first) : scan.root;
  for (let depth = 0; box && depth < 5 && !pager; depth++, box = box === scan.root ? null : box.parentElement) {
    for (const dir of ['next', 'prev'] as const) {
      let sib = dir === 'next' ? box.nextElementSibling : box.previousElementSibling;
      for (let n = 0; sib && n < 6 && !pager; n++) {
        if (!scan.excluded(sib)) pager = pagerIn(sib);
        sib = dir === 'next' ? sib.nextElementSibling : sib.previousElementSibling;
      }
      if (pager) break;
    }
  }
  if (!pager) return undefined;
  const out: Pagination = { pages: [] };
  for (const a of Array.from(pager.querySelectorAll('a'))) {
    const t = collapse(a.textContent ?? '');
    const href = a.getAttribute('href') ?? '';
    const url = href && !/^(javascript:|#)/i.test(href) ? resolveUrl(href, base) : undefined;
    if (/^\d{1,5}$/.test(t) && url) out.pages.push({ number: Number(t), url });
    else if (NEXT.test(t) && url) out.next ??= url;
    else if (PREV.test(t) && url) out.prev ??= url;
  }
  const current = pager.querySelector('.cur, .current, .active, .on, .selected, [aria-current], b, strong, em');
  const ct = current ? collapse(current.textContent ?? '') : '';
  if (/^\d{1,5}$/.test(ct)) out.current = Number(ct);
  const text = collapse(pager.textContent ?? '');
  const ofPages =
    /第\s*(\d+)\s*\/\s*(\d+)\s*页|(\d+)\s*\/\s*(\d+)\s*页|共\s*(\d+)\s*页|page\s+(\d+)\s+of\s+(\d+)/i.exec(text);
  if (ofPages) {
    const cur = ofPages[1] ?? ofPages[3] ?? ofPages[6];
    const tot = ofPages[2] ?? ofPages[4] ?? ofPages[5] ?? ofPages[7];
    if (cur && out.current === undefined) out.current = Number(cur);
    if (tot) out.total = Number(tot);
  }
  const count = /共\s*(\d+)\s*(条|件|项|個|个|筆)|(\d+)\s+(results|items|records|reports)/i.exec(text);
  if (count) out.totalItems = Number(count[1] ?? count[3]);
  if (out.total === undefined && out.pages.length)
    out.total = Math.max(...out.pages.map((p) => p.number), out.current ?? 0);
  if (!out.pages.length && !out.next && !out.prev && out.total === undefined) return undefined;
  return out;
}
