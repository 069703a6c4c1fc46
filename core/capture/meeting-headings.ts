/**
 * Meetings each announced by a heading of its own: `<h3>California Transportation Commission Meeting: October 12(W) -
 * 13(TH), 2022 - Santa Barbara - Cabrillo Pavilion</h3>`, its papers in the blocks under it. At least four headings of
 * one level that each name a meeting, then its date (a day or a run of days, weekdays in brackets), then perhaps its
 * place: one case per heading, dated by its first day. Page: us-california-transportation-commission-meetings-2022.
 */
import { parseDate } from './dates';
import { type Draft, emptyDraft } from './draft';
import type { ListFound } from './lists';
import { CALLED_OFF } from './meeting-place-time';
import { WEEKDAY_MARK } from './record-dates';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

const MIN_HEADINGS = 4;
const HEADINGS = new Set(['H2', 'H3', 'H4', 'H5']);
// What the heading names before its colon: a body's meeting, hearing, workshop or session.
const GATHERING = /\b(?:meetings?|hearings?|workshops?|sessions?|conferences?)\b/i;
// `[Wednesday, ]October 12[ - 13], 2022[ - place]`: the first day of the run, its year, then the place.
const WHEN_WHERE =
  /^(?:[A-Z][a-z]+day,?\s+)?([A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:\s*(?:-|–|to)\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2})?,?\s+((?:19|20)\d{2})\b\s*(?:[-–,]\s*(.*))?$/;

interface Announced {
  el: Element;
  title: string;
  date: string;
  place?: string;
}

function announced(el: Element): Announced | undefined {
  const text = collapse(el.textContent ?? '');
  if (text.length > 200) return undefined;
  const colon = text.indexOf(':');
  if (colon < 3 || colon > 100) return undefined;
  const name = text.slice(0, colon).trim();
  if (!GATHERING.test(name)) return undefined;
  const m = WHEN_WHERE.exec(
    text
      .slice(colon + 1)
      .replace(WEEKDAY_MARK, '')
      .trim(),
  );
  if (!m) return undefined;
  const place = m[3]?.trim();
  // The title stops at the year: the place is the case's address.
  const title = place ? text.slice(0, text.lastIndexOf(place)).replace(/[\s,–-]+$/, '') : text;
  return { el, title, date: `${m[1]}, ${m[2]}`, ...(place && { place }) };
}

export function meetingHeadings(scan: Scan, ctx: DateContext): ListFound | null {
  const byLevel = new Map<string, Announced[]>();
  for (let i = 0; i < scan.all.length; i++) {
    const tag = scan.tags[i]!;
    if (!HEADINGS.has(tag)) continue;
    const el = scan.all[i]!;
    if (scan.used.has(el)) continue;
    const found = announced(el);
    if (!found) continue;
    const level = byLevel.get(tag);
    if (level) level.push(found);
    else byLevel.set(tag, [found]);
  }
  let best: Announced[] | undefined;
  for (const level of byLevel.values()) if (level.length > (best?.length ?? 0)) best = level;
  if (!best || best.length < MIN_HEADINGS) return null;
  const drafts: Draft[] = [];
  const items: Element[] = [];
  for (const { el, title, date, place } of best) {
    const reportedAt = parseDate(date, ctx);
    if (!reportedAt) continue;
    const d = emptyDraft();
    d.title = title;
    d.reportedAt = reportedAt;
    if (place && !/^virtual\b/i.test(place)) d.address = place;
    if (CALLED_OFF.test(title)) d.status = 'closed';
    drafts.push(d);
    items.push(el);
  }
  return drafts.length >= MIN_HEADINGS ? { drafts, items } : null;
}
