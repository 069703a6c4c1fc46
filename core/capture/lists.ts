/**
 * What the list finders share: the list they return, the tags a card may have, the test for a list that sits beside
 * a case rather than being the page's own, and the cousins that join a list split over sibling containers. The
 * finders: table-lists.ts (header tables, blocks of label rows), card-lists.ts (cards of labelled fields),
 * plain-lists.ts (rows with a title link, a date and a status badge); and, by structure alone, records.ts.
 */
import { hasDate } from './dates';
import type { Draft } from './draft';
import { shapeOf, tagOf } from './elements';
import { ISSUE_FIELDS } from './labels';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { collapse } from './text';
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

/**
 * Blocks of labelled fields whose labels never repeat from one block to the next (`<dl>` of the case, then of the
 * complainant, then of the party complained about, each under its own sub-heading) are the sections of one case: the
 * records of a list repeat their labels. Found by the shape ablation (sz-scjg-complaint's pair tables laid out as
 * `<dl>`s, read as three cases).
 */
export function sectionsOfOneCase(pairs: Pair[], items: Element[]): boolean {
  if (items.length < 2 || items.length > 8) return false;
  const itemSet = new Set(items);
  const keys = new Map<Element, Set<string>>();
  for (const p of pairs) {
    let at: Element | null = p.el;
    while (at && !itemSet.has(at)) at = at.parentElement;
    if (!at) continue;
    const set = keys.get(at) ?? new Set<string>();
    set.add(p.key);
    keys.set(at, set);
  }
  // The sub-headings between the sections may be items of their own, holding no pair.
  const fielded = [...keys.values()].filter((k) => k.size >= 2).length;
  if (fielded < 2 || keys.size * 2 < items.length) return false;
  const seen = new Set<string>();
  for (const set of keys.values())
    for (const key of set) {
      if (seen.has(key)) return false;
      seen.add(key);
    }
  return true;
}

/**
 * The list's head row drawn as its rows are (the same tag, as many cells): just before the first row, or alone in the
 * wrapper before the rows' (a `<thead>` turned into a `<div>`).
 */
function headRow(first: Element): Element | null {
  let head = first.previousElementSibling ?? first.parentElement?.previousElementSibling ?? null;
  if (head?.childElementCount === 1) head = head.firstElementChild;
  return head && tagOf(head) === tagOf(first) && head.childElementCount === first.childElementCount ? head : null;
}

/**
 * The fields label pairs give outside a list's rows: the page's own case, when they name it (extract.ts weighs them).
 * Not the list's own head row drawn as its rows are (`<div><div>主題</div><div>發布日期</div></div>` over div rows: its
 * column names read as pairs), nor a date label over no date (`服務時間：週一至週五 08:00~12:00`, a footer's office
 * hours). Found by the shape ablation (tw-tainan-udweb-urban-renewal-committee-meetings, its table as div rows).
 */
export function fieldsOutside(pairs: Pair[], items: Element[], ctx: DateContext): Set<string> {
  const head = items[0] ? headRow(items[0]) : null;
  const out = new Set<string>();
  for (const p of pairs) {
    if (!p.field || !ISSUE_FIELDS.has(p.field) || out.has(p.field)) continue;
    if (items.some((it) => it.contains(p.el)) || head?.contains(p.el)) continue;
    if (p.field === 'reportedAt' && !hasDate(p.value, ctx)) continue;
    out.add(p.field);
  }
  return out;
}

/** Tags an element that is one case of a list (a card, an item, a row of blocks) may have. */
export const CARD_TAGS: ReadonlySet<string> = new Set(['LI', 'DIV', 'ARTICLE', 'SECTION', 'DL', 'TABLE', 'A']);

/**
 * Cards split over sibling containers (`<div class="pinned">` 置顶 cards above `<div class="list">`) are one
 * list: alike cards one level beside the best group join it, in page order. Beside the list, a card laid out
 * otherwise (pinned cards as blocks over the others' one-line rows) is alike when `sameCase` says it is one record
 * of the list's fields.
 */
export function withCousins(
  best: Element[],
  scan: Scan,
  fits: (el: Element) => boolean,
  sameCase?: (el: Element) => boolean,
): Element[] {
  const sig = shapeOf(best[0]!);
  const parentSig = shapeOf(best[0]!.parentElement!);
  let ancestor = best[0]!.parentElement?.parentElement ?? null;
  // Up to two levels above the list: `<div class="day-group"><h4>今天</h4><ul>…</ul></div>` repeated; up to four, each
  // level a step deeper: a page's blocks each holding a view of the same cards (`Next Board Meeting`, `Past Meetings`).
  // Page: us-chicago-elections-board-meetings.
  for (let level = 0; ancestor && ancestor !== scan.root.parentElement && level < 4; level++) {
    const all: Element[] = [];
    const walk = (el: Element, depth: number) => {
      for (const c of Array.from(el.children)) {
        if (scan.excluded(c)) continue;
        // Beside the list (置顶 cards over the main ones) any container will do; further up, only one alike.
        const alike =
          shapeOf(c) === sig
            ? level === 0 || shapeOf(el) === parentSig
            : level === 0 && sameCase !== undefined && sameCase(c) && !c.contains(best[0]!);
        if (alike && (best.includes(c) || fits(c))) all.push(c);
        else if (depth < 3 + level) walk(c, depth + 1);
      }
    };
    walk(ancestor, 0);
    if (all.length > best.length && best.every((b) => all.includes(b))) return all;
    ancestor = ancestor.parentElement;
  }
  return best;
}
