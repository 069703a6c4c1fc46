/**
 * What a detail page states outright about its case besides label pairs: its structured data (JSON-LD, microdata)
 * in draft terms, and the `Reported … by … at …` line of FixMyStreet and its clones.
 */
import { parseDate } from './dates';
import type { Draft } from './draft';
import type { Structured } from './meta';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse } from './text';
import type { DateContext } from './zones';

// `Reported in the Potholes category by Helen Carter at 10:02, Tue 3 March 2026` (FixMyStreet and its clones).
const REPORTED_LINE =
  /^(?:problem\s+)?reported\s+(?:via\s+\S+\s+)?(?:in\s+the\s+(.+?)\s+category\s+)?(?:anonymously\s+)?(?:by\s+(.+?)\s+)?(?:at|on)\s+(.+)$/i;

export function reportedLine(scan: Scan, ctx: DateContext): Partial<Draft> {
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 300 || !/reported/i.test(raw)) continue;
    const m = REPORTED_LINE.exec(collapse(raw));
    if (!m) continue;
    const out: Partial<Draft> = {};
    if (m[1]) out.category = m[1];
    if (m[2] && !/anonymous/i.test(m[2])) out.reporterName = m[2];
    const time = el.querySelector('time[datetime]');
    const at = parseDate(time?.getAttribute('datetime') ?? m[3], ctx);
    if (at) out.reportedAt = at;
    return out;
  }
  return {};
}

export function fromStructured(s: Structured, ctx: DateContext): Partial<Draft> {
  const out: Partial<Draft> = {};
  if (s.title) out.title = s.title;
  if (s.description) out.description = s.description;
  if (s.caseNumber) out.caseNumber = s.caseNumber;
  const at = parseDate(s.reportedAt, ctx);
  if (at) out.reportedAt = at;
  if (s.reporterName) out.reporterName = s.reporterName;
  if (s.category) out.category = s.category;
  if (s.address) out.address = s.address;
  if (s.lat !== undefined && s.lng !== undefined) {
    out.lat = s.lat;
    out.lng = s.lng;
  }
  const status = mapStatus(s.status);
  if (status) out.status = status;
  if (s.department) out.department = s.department;
  return out;
}
