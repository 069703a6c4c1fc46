/**
 * List pages: a table with a header row of case columns, or repeated cards (same tag and class, each with a
 * title and a few labelled fields), become one draft per case in page order (card-draft.ts reads each case).
 */
import { badgeStatus, cardDraft, cardTitleElement, detailLink } from './card-draft';
import { typeUnnamedColumns } from './court-lists';
import { captionInCell } from './courts';
import { hasDate, parseDate } from './dates';
import { type Draft, emptyDraft, fieldsFromPairs, fillGaps, KEY_TO_FIELD, normaliseTidy } from './draft';
import type { HeaderTable } from './header-tables';
import { ISSUE_FIELDS } from './labels';
import { findPagination } from './pagination';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { hasMainText } from './script-shell';
import { cellText, collapse, shapeOf, tagOf } from './text';
import type { DateContext } from './zones';

export interface ListFound {
  drafts: Draft[];
  /** Elements of the list (rows or cards); detail evidence outside them decides list vs detail. */
  items: Element[];
  /**
   * One row under case columns (`namedRow`): a list of one case, unless the page also shows that case's history
   * (then the table is the summary at the top of its detail page).
   */
  single?: boolean;
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

/** Rows of header tables with a title or case-number column. */
export function tableList(tables: HeaderTable[], ctx: DateContext, base: string | undefined): ListFound | null {
  const best = tables
    .filter((t) => t.kind === 'issues' && (t.rows.length >= 2 || oneRowGrid(t) || namedRow(t)))
    .sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!best) return null;
  const rows = sameHeadedRows(tables, best);
  const drafts: Draft[] = [];
  // In a list, the unit that answered a case (`答复单位`) is the one handling it.
  const answeredBy = best.columns.findIndex((c) => c.match?.field === 'updateBy');
  const fields = best.columns.map((col) => (col.match ? KEY_TO_FIELD[col.match.field] : undefined));
  // A list of decided cases dated only by the decision (`Party Name | Decision Date | …`): that date is the row's.
  // Page: us-nycourts-slip-decisions-court-of-appeals.
  if (!fields.includes('reportedAt')) {
    const decided = best.columns.findIndex((c) => c.match?.field === 'updateAt');
    if (decided >= 0) fields[decided] = 'reportedAt';
  }
  typeUnnamedColumns(best, fields, ctx);
  const described = fields.includes('title') ? -1 : fields.indexOf('description');
  for (const row of rows) {
    const d = emptyDraft();
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const cell = row.cells[i];
      if (!field || !cell || d[field] !== undefined) continue;
      const v = normaliseTidy(field, (field === 'title' && captionInCell(cell)) || cellText(cell), ctx);
      if (v !== undefined) (d as unknown as Record<string, string>)[field] = v;
      if (field === 'title') d.url = detailLink(cell, base);
    }
    // No title column, but the description cell names the case (`P. v. McDavid 4/29/24 SC  Case Details`).
    const describedCell = d.title === undefined && described >= 0 ? row.cells[described] : undefined;
    if (describedCell) d.title = captionInCell(describedCell);
    const answeredCell = answeredBy >= 0 ? row.cells[answeredBy] : undefined;
    if (d.department === undefined && answeredCell)
      d.department = normaliseTidy('department', cellText(answeredCell), ctx);
    d.url ??= detailLink(row.tr, base);
    if (d.title || d.caseNumber) drafts.push(d);
  }
  if (drafts.length >= 2 || (drafts.length === 1 && oneRowGrid(best))) return { drafts, items: rows.map((r) => r.tr) };
  return drafts.length === 1 && namedRow(best) ? { drafts, items: [best.rows[0]!.tr], single: true } : null;
}

/**
 * A list cut into one table per month (`<caption>June 2014</caption>`, the same `Opinion # | Case | Date` header in
 * each): the rows of every table beside the largest that has its very header, in page order. Page:
 * us-maine-law-court-opinions-2014.
 */
function sameHeadedRows(tables: HeaderTable[], best: HeaderTable): HeaderTable['rows'] {
  const head = (t: HeaderTable) => t.columns.map((c) => c.label).join('|');
  const key = head(best);
  const parent = best.table.parentElement;
  const same = tables.filter(
    (t) =>
      t === best ||
      (t.kind === 'issues' && t.table.parentElement === parent && t.table !== best.table && head(t) === key),
  );
  if (same.length < 2) return best.rows;
  // Document order: a table that precedes another in the page comes first.
  same.sort((a, b) => (a.table.compareDocumentPosition(b.table) & 4 ? -1 : 1));
  return same.flatMap((t) => t.rows);
}

/**
 * A results grid that found one case (MasterView's `Number | Submitted | Details` over one row and an empty footer):
 * a number and a date column under sort links say it is a list of cases, however short. Page:
 * au-mackay-masterview-submitted-this-week.
 */
function oneRowGrid(t: HeaderTable): boolean {
  const fields = new Set(t.columns.map((c) => c.match?.field));
  const sortable = t.head.querySelectorAll('a[href*="__doPostBack"], a[href*="sort" i]').length >= 2;
  const filled = t.rows.filter((r) => collapse(r.tr.textContent ?? '') !== '');
  return sortable && filled.length === 1 && fields.has('caseNumber') && fields.has('reportedAt');
}

/**
 * A table whose columns name a case's title, its number and its date is a list of cases even with one row
 * (Washington's opinions of the month: `File Date | Case Info/File | Div. | Case Title | File Contains` over one
 * opinion). Page: us-wa-courts-appeals-published-opinions-2026.
 */
function namedRow(t: HeaderTable): boolean {
  const fields = new Set(t.columns.map((c) => c.match?.field));
  return t.rows.length === 1 && fields.has('title') && fields.has('caseNumber') && fields.has('reportedAt');
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

/**
 * Repeated siblings that each hold labelled issue fields (or a title link and one field): the cards of a list.
 * Returns the largest such group.
 */
export function cardList(
  scan: Scan,
  pairs: Pair[],
  ctx: DateContext,
  base: string | undefined,
  /** The text of the scanned root, as extract.ts read it once for the whole page. */
  rootText: string,
): ListFound | null {
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
  // Each candidate's title element is asked for several times below; look it up once.
  const titles = new Map<Element, Element | null>();
  const titleOf = (c: Element) => {
    if (!titles.has(c)) titles.set(c, cardTitleElement(c));
    return titles.get(c)!;
  };
  const titled = (c: Element) => fieldsIn.get(c)?.has('title') || titleOf(c) !== null;
  // A title row just before a row of fields, when the rows are not wrapped per case.
  const titleRow = (c: Element) => {
    const prev = c.previousElementSibling;
    return prev && !fieldsIn.has(prev) && shapeOf(prev) !== shapeOf(c) && titleOf(prev) ? prev : null;
  };
  let best: Element[] | null = null;
  for (const parent of parents) {
    const groups = new Map<string, Element[]>();
    for (const c of Array.from(parent.children)) {
      if (!CARD_TAGS.has(tagOf(c)) || scan.excluded(c)) continue;
      const sig = shapeOf(c);
      const g = groups.get(sig) ?? [];
      g.push(c);
      groups.set(sig, g);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const withFields = group.filter((c) => {
        const f = fieldsIn.get(c);
        if (!f) return false;
        return f.size >= 2 || (f.size >= 1 && titleOf(c) !== null);
      });
      if (withFields.length < 2 || withFields.length < group.length * 0.6) continue;
      // Cards repeat the same fields; rows of a detail layout each hold different ones.
      const sigs = new Map<string, number>();
      for (const c of withFields) {
        const k = [...fieldsIn.get(c)!].sort().join(',');
        sigs.set(k, (sigs.get(k) ?? 0) + 1);
      }
      const common = Math.max(...sigs.values());
      // Some cards add fields the others lack (a `Determination Details` row only once decided): cards that all
      // share two fields or more still repeat one shape. Page: au-whittlesea-civica-planning-enquiry-results.
      const shared = [...fieldsIn.get(withFields[0]!)!].filter((f) => withFields.every((c) => fieldsIn.get(c)!.has(f)));
      if (
        common < withFields.length * 0.6 &&
        shared.length < 2 &&
        !withFields.every((c) => fieldsIn.get(c)!.has('title'))
      )
        continue;
      if (!withFields.every((c) => titled(c) || titleRow(c))) continue;
      if (!best || withFields.length > best.length) best = withFields;
    }
  }
  best ??= soleResult(scan, fieldsIn, titleRow, rootText);
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
 * What a results page says when its search found one record (`Results: 1`, `Documents Found 1`, `共 1 条`, but not
 * `Results 1 - 10 of 43`): the one card below is a list of one, not the page's own case. Page:
 * au-burwood-civica-da-search-results.
 */
export const ONE_RESULT =
  /(?:\b(?:results?|documents?\s+found|records?\s+found|applications?\s+found|matches)\s*[:：]?\s*1(?![\d,.])(?!\s*(?:[-–—]|to\b|of\b))|(?<![\d,.])1\s+(?:results?|records?|matches|applications?)\s+found\b|共\s*1\s*条)/i;

/** The one card of a search that found one record: its fields under a title row, the number among them. */
function soleResult(
  scan: Scan,
  fieldsIn: Map<Element, Set<string>>,
  titleRow: (c: Element) => Element | null,
  rootText: string,
): Element[] | null {
  // The card first: the page's whole text (2 MB on a long page) is searched only when one card could be the result.
  for (const [c, fields] of fieldsIn) {
    if (!CARD_TAGS.has(tagOf(c)) || scan.excluded(c) || fields.size < 3 || !fields.has('caseNumber')) continue;
    if (titleRow(c)) return ONE_RESULT.test(collapse(rootText)) ? [c] : null;
  }
  return null;
}

/**
 * Cards split over sibling containers (`<div class="pinned">` 置顶 cards above `<div class="list">`) are one
 * list: alike cards one level beside the best group join it, in page order.
 */
function withCousins(best: Element[], scan: Scan, fits: (el: Element) => boolean): Element[] {
  const sig = shapeOf(best[0]!);
  const parentSig = shapeOf(best[0]!.parentElement!);
  let ancestor = best[0]!.parentElement?.parentElement ?? null;
  // Up to two levels above the list: `<div class="day-group"><h4>今天</h4><ul>…</ul></div>` repeated.
  for (let level = 0; ancestor && ancestor !== scan.root.parentElement && level < 2; level++) {
    const all: Element[] = [];
    const walk = (el: Element, depth: number) => {
      for (const c of Array.from(el.children)) {
        if (scan.excluded(c)) continue;
        // Beside the list (置顶 cards over the main ones) any container will do; further up, only one alike.
        const alike = shapeOf(c) === sig && (level === 0 || shapeOf(el) === parentSig);
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

const CASE_WORDS = /reported|submitted|诉求|投诉|工单|来电|网友留言/i;

/**
 * A column of notices (政务公开 / 信息公开 / 信息披露: `<li><a>关于…的公告</a><span>2020-07-02</span></li>` × n over a
 * pager) is the page's own list when the page has no article of its own: it needs no status badge. At least this
 * many rows, so that two or three dated links beside an article stay a sidebar. Pages that showed it:
 * cn-dfa66-fund-announcement-list, cn-rtfund-disclosure-list (test/fixtures/real).
 */
const NOTICE_LIST_MIN_ROWS = 5;

const MONTH_DAY = /(?<![\d./-])(\d{1,2})[-/.月](\d{1,2})日?(?![\d./:-])/;
// `Reported 3 days ago`, `2 hours ago`, `yesterday`, `3天前`, `昨天`: a row is dated, though no day can be read off it
// without knowing when the page was saved (no date is made up from it).
const RELATIVE_DATE =
  /\b(?:\d+|an?|one|two|three)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b|\byesterday\b|\d+\s*(?:秒|分钟|小时|天|周|个月|年)前|昨天|前天/i;

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
 * each have a title link, a date and a status badge. Status is what tells a list of cases from a news list, except
 * for a paginated column of notices on a page without an article (NOTICE_LIST_MIN_ROWS).
 */
export function plainList(scan: Scan, pairs: Pair[], ctx: DateContext, base: string | undefined): ListFound | null {
  const labelled = pairs.filter((p) => p.field && ISSUE_FIELDS.has(p.field)).map((p) => p.el);
  const titleLinked = (c: Element) => {
    const t = cardTitleElement(c);
    return !!t && !!(tagOf(t) === 'A' || t.closest('a[href]') || t.querySelector('a[href]'));
  };
  const isLinked = (c: Element) => titleLinked(c) && !labelled.some((e) => c.contains(e));
  const isDated = (c: Element) => {
    const text = collapse(c.textContent ?? '');
    return hasDate(text, ctx) || (MONTH_DAY.test(text) && yearAbove(c) !== undefined) || RELATIVE_DATE.test(text);
  };
  const isCase = (c: Element) => isDated(c) && isLinked(c);
  // Once most rows of a group prove it a case list, a row whose quoted text happens to hold a label (`Telephone :
  // 0121-675 1000` in a reply's opening lines) is still one of its rows. Page: uk-wdtk-birmingham-foi-requests-p4.
  const isRowOfList = (c: Element) => isDated(c) && titleLinked(c);
  let mainText: boolean | undefined;
  const noticeList = (rows: Element[]) => {
    if (rows.length < NOTICE_LIST_MIN_ROWS || isAsideList(rows) || !findPagination(scan, base, rows)) return false;
    mainText ??= hasMainText(scan);
    return !mainText;
  };
  let best: Element[] | null = null;
  for (const parent of scan.all) {
    if (parent.children.length < 2) continue;
    const groups = new Map<string, Element[]>();
    for (const c of Array.from(parent.children)) {
      const tag = tagOf(c);
      if (!CARD_TAGS.has(tag) && tag !== 'TR') continue;
      const g = groups.get(shapeOf(c)) ?? [];
      g.push(c);
      groups.set(shapeOf(c), g);
    }
    for (const group of groups.values()) {
      if (group.length < 2 || (best && group.length <= best.length)) continue;
      // Each item: a title that links to the case and a date; at least two with no labelled fields (lists of
      // labelled cards are cardList's).
      const dated = group.filter(isRowOfList);
      if (dated.filter(isCase).length < 2 || dated.length < group.length * 0.8) continue;
      // Status badges, or the words of a case list (`Reported …`), tell cases from news items.
      const badges = dated.filter(badgeStatus).length;
      const reportWords = dated.filter((c) => CASE_WORDS.test(c.textContent ?? '')).length;
      if (badges >= dated.length * 0.5 || reportWords >= dated.length * 0.6 || noticeList(dated)) best = dated;
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
