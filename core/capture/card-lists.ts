/**
 * Lists of cards: repeated siblings (same tag and class) that each hold labelled issue fields, or a title and one
 * field; and the one card of a search that found one record. card-draft.ts reads each case.
 */
import { cardDraft } from './card-draft';
import { cardTitleElement } from './card-title';
import { childrenByShape, shapeOf, tagOf } from './elements';
import { ISSUE_FIELDS } from './labels';
import { CARD_TAGS, type ListFound, withCousins } from './lists';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

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
  // A list each of whose items is a `<ul>` of its own (`<ul><li>clip</li></ul>` repeated): each such list is a card.
  // Measured by the shape ablation's `rows-as-own-uls` (test/capture/twice-transforms.ts), from the Legislative
  // Yuan's clip list (tw-ly-ivod-judiciary-committee-hearing-clips-20240410).
  const wrapsNoCard = (c: Element) =>
    scan.excluded(c) ||
    (LIST_TAGS.has(tagOf(c)) && (c.childElementCount !== 1 || tagOf(c.firstElementChild!) !== 'LI'));
  let best: Element[] | null = null;
  for (const parent of parents) {
    for (const group of childrenByShape(parent, WRAPPED_CARD_TAGS, wrapsNoCard).values()) {
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
      // A card of the same shape with its title but no labelled field (its papers under other labels) is one more.
      const members = group.filter((c) => withFields.includes(c) || (!fieldsIn.has(c) && titleOf(c) !== null));
      if (!best || members.length > best.length) best = members;
    }
  }
  best ??= soleResult(scan, fieldsIn, titleRow, rootText);
  if (!best) return null;
  // The fields every card of the list holds (two at least): a block beside it that holds them all, and none of its
  // children does, is one more record laid out otherwise. Found by the shape ablation (grid-event-cards-pinned with
  // its rows on one line and its two 置顶 cards left as blocks: the pinned cases were lost).
  const shared = sharedFields(best, fieldsIn);
  const holdsAll = (el: Element) => {
    const f = fieldsIn.get(el);
    return f !== undefined && shared.every((k) => f.has(k));
  };
  const sameCase = (c: Element) =>
    shared.length >= 2 && CARD_TAGS.has(tagOf(c)) && holdsAll(c) && !Array.from(c.children).some(holdsAll);
  const items = withCousins(best, scan, (c) => fieldsIn.has(c) || titleOf(c) !== null, sameCase);
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

const LIST_TAGS = new Set(['UL', 'OL']);
const WRAPPED_CARD_TAGS: ReadonlySet<string> = new Set([...CARD_TAGS, ...LIST_TAGS]);

/** The issue fields every one of `cards` holds. */
function sharedFields(cards: Element[], fieldsIn: Map<Element, Set<string>>): string[] {
  const first = fieldsIn.get(cards[0]!);
  if (!first) return [];
  return [...first].filter((f) => cards.every((c) => fieldsIn.get(c)?.has(f)));
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
