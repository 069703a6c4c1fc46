/**
 * Fields that an element's class or id names, on a page that gives them no label: `<span
 * id="ContentPlaceholder1_lblMeetingDate">8/8/2019 9:30 AM</span>`, `<div class='MeetingAddress'>300 N New Ballas
 * Road Creve Coeur, MO 63141</div>`, `<p class="event-venue">…</p>`. The name only says where to look: the text must
 * have the field's shape (a date or a date-time span alone; a postal address), or the element is passed over. Page:
 * us-crevecoeur-iqm2-audit-committee-2019-08-08 (IQM2 Meeting Portal: the meeting's date and place).
 */
import { looksLikeAddress, readsLikePostalAddress } from './address';
import { dateAlone, MERIDIEM_CLOCK, parseDate } from './dates';
import type { Scan } from './scan';
import { collapse } from './text';
import { readText } from './visible-text';
import { type DateContext, offsetOfWallTime } from './zones';

/** The words of an element's class and id: `lblMeetingDate` → lbl, meeting, date; `event-venue` → event, venue. */
export function nameWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_\-:.]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

// Pinyin beside English: `riqi` (日期), `shijian` (时间), `dizhi` (地址), `didian` (地点).
const DATE_NAMES = new Set(['date', 'datetime', 'time', 'when', 'start', 'starts', 'riqi', 'shijian', 'sj']);
const ADDRESS_NAMES = new Set(['address', 'addr', 'location', 'venue', 'where', 'dizhi', 'didian', 'dd']);
const CJK_DATE_NAME = /日期|时间|時間/;
const CJK_ADDRESS_NAME = /地址|地点|地點/;
// What is met: a meeting, a hearing, an event (会议, 听证, 活动).
const GATHERING =
  /\b(?:meetings?|hearings?|sessions?|events?|agendas?|committee|council|board|commission)\b|会议|會議|听证|聽證|活动|活動/i;
const GATHERING_NAMES = new Set(['meeting', 'hearing', 'session', 'event', 'agenda', 'huiyi']);
// A block that gives the site's or an office's own address (a contact box, the footer) does not place the case.
const ELSEWHERE_NAMES = new Set(['footer', 'foot', 'contact', 'contacts', 'copyright', 'office', 'org', 'company']);

const named = (el: Element, names: ReadonlySet<string>, cjk: RegExp) =>
  nameWords(el).some((w) => names.has(w)) ||
  cjk.test(`${el.getAttribute('class') ?? ''}${el.getAttribute('id') ?? ''}`);

function elsewhere(el: Element, root: Element): boolean {
  for (let a: Element | null = el; a && a !== root; a = a.parentElement)
    if (nameWords(a).some((w) => ELSEWHERE_NAMES.has(w))) return true;
  return false;
}

// Between the two ends of a span: `9:30 AM - 11:00 AM`, `from 9:30 to 11:00`, `14:00至16:00`.
const SPAN_CUT = /\s*(?:[-–—~～]|\bto\b|\buntil\b|\btill\b|至|到)\s*/i;
const CLOCK_ALONE = /^\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s*m\.?)?$/i;
const HOUR_AFTER_DATE = /^(.+?(?:19|20)\d{2})[,\s]+\d{1,2}(?::\d{2})?$/;

/** A date alone, or a span from a date and time to a time or another date (`Aug 8, 2019 9:30 AM - 11:00 AM`). */
function dateSpanStart(text: string, ctx: DateContext): string | undefined {
  if (text.length > 80) return undefined;
  const [first, ...rest] = text.replace(/^from\s+/i, '').split(SPAN_CUT);
  if (!first) return undefined;
  // A span of hours after the date, the meridiem only at its end (`Tue, Jul 30 2024, 9 - 11am`): the date, then the
  // first hour read with the last one's meridiem. Page: us-gcrta-board-meeting-2024-07-30.
  const hour = HOUR_AFTER_DATE.exec(first);
  if (hour && rest.length === 1 && MERIDIEM_CLOCK.test(rest[0]!) && dateAlone(hour[1]!, ctx)) {
    return parseDate(text, ctx);
  }
  if (!dateAlone(first, ctx)) return undefined;
  if (rest.some((r) => !CLOCK_ALONE.test(r) && !dateAlone(r, ctx))) return undefined;
  return parseDate(first, ctx);
}

// `Start date:`, `Starts`, `Date and time`, `When`: a label that dates when a gathering begins (normalised keys).
const START_KEY =
  /^(?:start|starts|begins|when|dateandtime|start(?:date|time|dateandtime|datetime)|(?:meeting|event)(?:date|time|datetime))$/;
const HAS_CLOCK = /\d{1,2}:\d{2}|\b\d{1,2}\s*[ap]\.?\s*m\b/i;

/**
 * A `<time datetime>` inside an element named for a date or time, whose visible text is a clock (`<article
 * class="time"><time datetime="2021-04-21T18:00:00Z">2:00 PM</time>`): its attribute is the instant, read in the
 * page's zone. A `<time>` showing only a day (`Apr 21`, datetime at a placeholder noon) gives no hour. Page:
 * us-detroit-board-of-ethics-meeting-2021-04-21 (Drupal city events).
 */
function clockTime(scan: Scan, ctx: DateContext): string | undefined {
  for (const t of Array.from(scan.root.querySelectorAll('time[datetime]'))) {
    // Not scan.excluded: Drupal's event header (`event-preview-top`) reads as chrome, yet dates the event.
    if (!HAS_CLOCK.test(t.textContent ?? '')) continue;
    let a: Element | null = t;
    for (let up = 0; a && up < 3 && !named(a, DATE_NAMES, CJK_DATE_NAME); up++) a = a.parentElement;
    if (!a || !named(a, DATE_NAMES, CJK_DATE_NAME)) continue;
    const at = parseDate(t.getAttribute('datetime'), ctx);
    if (at) return parseDate(inZone(at, ctx), ctx) ?? at;
  }
  return undefined;
}

/** An instant (`2021-04-21T18:00:00+00:00`) as the page's wall clock, so that it carries the page's offset. */
function inZone(iso: string, ctx: DateContext): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const offset = offsetOfWallTime(ms, ctx.zone);
  const wall = new Date(ms + offsetOfWallTime(ms + offset * 60000, ctx.zone) * 60000).toISOString().slice(0, 19);
  return wall.replace('T', ' ');
}

/**
 * The date of a meeting on its own page: an element named for a date or time (`lblMeetingDate`, `event-when`,
 * `meeting-time`) whose text is a date or a date-time span alone; its start dates the meeting. Only on a page about
 * a gathering (its title says so, or the element's name does): elsewhere a `time` element may date anything. Then a
 * pair labelled for the start (`Start date: 9/5/2019-9:00 AM`, read as an update's date elsewhere; page:
 * us-cuyahoga-audit-committee-meeting-2019-09-05), then a `<time datetime>` showing a clock.
 */
export function meetingDate(
  scan: Scan,
  pageTitle: string | undefined,
  ctx: DateContext,
  pairs: ReadonlyArray<{ key: string; value: string }> = [],
): string | undefined {
  const aboutMeeting = GATHERING.test(pageTitle ?? '');
  for (const el of scan.all) {
    if (!scan.leafy.has(el)) continue;
    // The name may sit on the wrapper of the one element that shows the date (Drupal views: `<div
    // class="views-field-field-event-date"><h2 class="field-content">…`). Page: us-gcrta-board-meeting-2024-07-30.
    const wrapper = el.parentElement;
    const holder = named(el, DATE_NAMES, CJK_DATE_NAME)
      ? el
      : wrapper?.childElementCount === 1 && named(wrapper, DATE_NAMES, CJK_DATE_NAME)
        ? wrapper
        : undefined;
    if (!holder) continue;
    if (!aboutMeeting && !nameWords(holder).some((w) => GATHERING_NAMES.has(w))) continue;
    const raw = el.textContent ?? '';
    const at = raw.length <= 200 ? dateSpanStart(collapse(raw), ctx) : undefined;
    if (at) return at;
  }
  if (!aboutMeeting) return undefined;
  for (const p of pairs) {
    if (!START_KEY.test(p.key)) continue;
    // `9/5/2019-9:00 AM` is one date and time, not a span from a day to an hour: read whole first.
    const at = (p.value.length <= 40 ? parseDate(p.value, ctx) : undefined) ?? dateSpanStart(collapse(p.value), ctx);
    if (at) return at;
  }
  return clockTime(scan, ctx);
}

/**
 * The place an element's name calls an address or a venue (`MeetingAddress`, `event-venue`, `location`), when its
 * text reads as a postal address. Its lines are joined by commas (`12 High St<br>Brighton<br>BN1 1AA`).
 */
export function namedAddress(scan: Scan): string | undefined {
  for (const el of scan.all) {
    if (!named(el, ADDRESS_NAMES, CJK_ADDRESS_NAME) || elsewhere(el, scan.root)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 300) continue;
    const text = readText(el).split('\n').map(collapse).filter(Boolean).join(', ');
    if (looksLikeAddress(text) || readsLikePostalAddress(text)) return text;
  }
  return undefined;
}
