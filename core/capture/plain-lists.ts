/**
 * Lists without labels (`<li><a>title</a><span>2026-05-27</span><span>已回复</span></li>`): repeated siblings that
 * each show a title link and a date, told from a news list by status badges or a case list's words, or a paginated
 * column of notices on a page without an article of its own.
 */
import { badgeStatus, cardDraft } from './card-draft';
import { cardTitleElement } from './card-title';
import { fillCategoryColumn } from './column-heads';
import { hasDate, parseDate } from './dates';
import { childrenByShape, tagOf } from './elements';
import { ISSUE_FIELDS } from './labels';
import { CARD_TAGS, isAsideList, type ListFound, withCousins } from './lists';
import { findPagination } from './pagination';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { hasMainText } from './script-shell';
import { collapse } from './text';
import { textUpTo } from './visible-text';
import type { DateContext } from './zones';

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

/**
 * A petition's count of those who signed it (`115,605 signed`, `12,345 signatures`): petitions are listed undated,
 * and the count is what tells them from a column of news teasers. Page: us-whitehouse-we-the-people-petitions-2016-08
 * (Drupal views rows: a tag, a linked heading, the count over the goal).
 */
const SIGNED_COUNT = /(?<![\d,.])\d{1,3}(?:,\d{3})*\s*(?:signed|signatures?|supporters)\b/i;
/** Petitions listed by their counts alone: at least this many, so that two signed links in a sidebar stay aside. */
const MIN_PETITIONS = 3;

/**
 * The year of the short heading above an item's group (`<h4>2026年5月</h4>`), if there is one. It depends on the
 * item's parent alone, so `known` keeps it per parent: every row of a list asks.
 */
function yearAbove(item: Element, known: Map<Element, number | undefined>): number | undefined {
  const parent = item.parentElement;
  if (!parent) return undefined;
  if (known.has(parent)) return known.get(parent);
  let year: number | undefined;
  for (
    let box: Element | null = parent, depth = 0;
    box && depth < 3 && year === undefined;
    box = box.parentElement, depth++
  ) {
    for (let prev = box.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const text = textUpTo(prev, 40);
      if (text === undefined) break;
      const m = /((?:19|20)\d{2})\s*(?:年|[-/.])/.exec(text);
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  known.set(parent, year);
  return year;
}

// A plain list's items: what cards are drawn as, and table rows.
const ROW_TAGS: ReadonlySet<string> = new Set([...CARD_TAGS, 'TR']);

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
  const years = new Map<Element, number | undefined>();
  const isDated = (c: Element) => {
    const text = collapse(c.textContent ?? '');
    return (
      hasDate(text, ctx) || (MONTH_DAY.test(text) && yearAbove(c, years) !== undefined) || RELATIVE_DATE.test(text)
    );
  };
  // A petition is dated by nothing on its list: its count of signatures stands for the date.
  const isDatedOrSigned = (c: Element) => isDated(c) || SIGNED_COUNT.test(c.textContent ?? '');
  const isCase = (c: Element) => isDatedOrSigned(c) && isLinked(c);
  // Once most rows of a group prove it a case list, a row whose quoted text happens to hold a label (`Telephone :
  // 0121-675 1000` in a reply's opening lines) is still one of its rows. Page: uk-wdtk-birmingham-foi-requests-p4.
  const isRowOfList = (c: Element) => isDatedOrSigned(c) && titleLinked(c);
  let mainText: boolean | undefined;
  const noticeList = (rows: Element[]) => {
    if (rows.length < NOTICE_LIST_MIN_ROWS || isAsideList(rows) || !findPagination(scan, base, rows)) return false;
    mainText ??= hasMainText(scan);
    return !mainText;
  };
  let best: Element[] | null = null;
  for (const parent of scan.all) {
    if (parent.children.length < 2) continue;
    for (const group of childrenByShape(parent, ROW_TAGS).values()) {
      if (group.length < 2 || (best && group.length <= best.length)) continue;
      // Each item: a title that links to the case and a date; at least two with no labelled fields (lists of
      // labelled cards are cardList's).
      const dated = group.filter(isRowOfList);
      if (dated.filter(isCase).length < 2 || dated.length < group.length * 0.8) continue;
      // Status badges, or the words of a case list (`Reported …`), tell cases from news items.
      const badges = dated.filter(badgeStatus).length;
      const reportWords = dated.filter((c) => CASE_WORDS.test(c.textContent ?? '')).length;
      const signed = dated.filter((c) => SIGNED_COUNT.test(c.textContent ?? '')).length;
      if (
        badges >= dated.length * 0.5 ||
        reportWords >= dated.length * 0.6 ||
        (signed >= MIN_PETITIONS && signed >= dated.length * 0.8) ||
        noticeList(dated)
      )
        best = dated;
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
    const year = md ? yearAbove(card, years) : undefined;
    if (md && year) d.reportedAt = parseDate(`${year}-${md[1]}-${md[2]}`, ctx);
    return d;
  });
  fillCategoryColumn(items, drafts, ctx);
  return { drafts, items };
}
