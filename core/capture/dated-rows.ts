/**
 * Lists of dated entries with no case number: sibling blocks each holding only a date, perhaps with its weekday and
 * a status in brackets (`Thursday, January 30, 2020`, `Thursday, March 12, 2020 (Canceled)`), each heading the
 * papers of one meeting. Page: us-il-gaming-board-meetings-2020.
 */
import { detailLink } from './card-title';
import { parseDate } from './dates';
import { type Draft, emptyDraft } from './draft';
import { childrenByShape } from './elements';
import type { ListFound } from './lists';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse } from './text';
import type { DateContext } from './zones';

const MAX_ROW = 80;
const MAX_TAIL = 40;
// The date first, up to its year (`Thursday, March 12, 2020`), then a short tail: `(Canceled)`, `View recorded meeting`.
const DATE_FIRST = /^(.{6,40}?\b(?:19|20)\d{2})\b(.*)$/;
const BRACKETED = /\(([^()]{3,30})\)/;

function datedRow(
  el: Element,
  ctx: DateContext,
): { title: string; reportedAt: string; status?: Draft['status'] } | undefined {
  const raw = el.textContent ?? '';
  if (raw.length > MAX_ROW * 2) return undefined;
  const title = collapse(raw);
  const m = title.length <= MAX_ROW ? DATE_FIRST.exec(title) : null;
  if (!m || m[2]!.length > MAX_TAIL) return undefined;
  // Only a date before the tail: no words left once the weekday, the month and the digits are read.
  if (m[1]!.replace(/\b[A-Za-z]+day\b|\b[A-Za-z]{3,9}\.?(?=\s+\d)|[\d\s,./-]+/g, '')) return undefined;
  const reportedAt = parseDate(m[1]!, ctx);
  const bracketed = BRACKETED.exec(m[2]!)?.[1];
  const status = bracketed ? mapStatus(bracketed) : undefined;
  return reportedAt ? { title, reportedAt, status } : undefined;
}

// What a dated entry is drawn as: a block, an item, a term or a small heading.
const DATED_ROW_TAGS: ReadonlySet<string> = new Set(['DIV', 'P', 'LI', 'DT', 'H3', 'H4']);

/**
 * The largest group of at least three sibling blocks of one shape (or the blocks holding them) of which at least
 * 80 % are a date alone: one entry per date, titled by it.
 */
export function datedRows(scan: Scan, ctx: DateContext, base: string | undefined): ListFound | null {
  let best: { items: Element[]; drafts: Draft[] } | null = null;
  for (const parent of scan.all) {
    if (parent.childElementCount < 3 || scan.excluded(parent)) continue;
    for (const group of childrenByShape(parent, DATED_ROW_TAGS).values()) {
      if (group.length < 3 || (best && group.length <= best.items.length)) continue;
      const items: Element[] = [];
      const drafts: Draft[] = [];
      for (const c of group) {
        // A block whose last child holds the date (`<div class="space"><div></div><div>date</div></div>`).
        const row = datedRow(c, ctx);
        if (!row) continue;
        const d = emptyDraft();
        d.title = row.title;
        d.reportedAt = row.reportedAt;
        if (row.status) d.status = row.status;
        d.url = detailLink(c, base);
        items.push(c);
        drafts.push(d);
      }
      if (items.length >= 3 && items.length >= group.length * 0.8) best = { items, drafts };
    }
  }
  return best;
}
