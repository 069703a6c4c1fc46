/**
 * When a detail page says its case was reported, when no label says it: the date line by the title heading, the
 * meta's date, a day shown without its year that the meta's date completes, and the day the writer gives in the
 * first line of the text.
 */
import { parseDate, parseDateNear, parseDateParts, stripDates } from './dates';
import { isSkipped, TITLE_CLASS, tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';
import { titleHeading } from './title-heading';
import { textUpTo } from './visible-text';
import type { DateContext } from './zones';

const DATE_ONLY = /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$/;

function sameDay(a: string, b: string): boolean {
  return a.slice(0, 10) === b.slice(0, 10);
}

/**
 * The date the page's meta gives (`published`). A meta date without a time (人民网: `<meta name="publishdate"
 * content="2019-06-15">`) yields to the same day shown with its time by the title (`2019年06月15日08:18`).
 */
export function publishedDate(published: string | undefined, shown: string | undefined, ctx: DateContext) {
  const at = parseDate(published, ctx);
  const sameDayShown = at && shown && DATE_ONLY.test(published ?? '') && sameDay(at, shown);
  return sameDayShown ? shown : at;
}

/**
 * The date line by the title heading: the next two non-empty elements (`<h1>…</h1><div class="info">2026-05-30
 * 10:21 …</div>`; 人民网 keeps an empty subtitle and author line between), else the one just above it (a blog's
 * `<p class="newsdatum">Donnerstag, 31. Mai 2012</p><h2>…</h2>`).
 */
export function dateNearTitle(scan: Scan, title: string | undefined, ctx: DateContext): string | undefined {
  // An h1–h4, else an element its class calls the title (新华网: `<div class="h-title">` over `<div class="h-info">
  // <span class="h-time">2019-12-10 07:57:40</span>`). Page: cn-xinhuanet-world-news.
  const heading = titleHeading(scan, title);
  if (!heading) return undefined;
  const dateIn = (el: Element): string | null | undefined => {
    const raw = el.textContent ?? '';
    if (!raw.trim()) return null;
    return raw.length > 300 ? undefined : parseDate(raw, ctx);
  };
  let seen = 0;
  for (let next = heading.nextElementSibling; next && seen < 2; next = next.nextElementSibling) {
    const at = dateIn(next);
    if (at === null) continue;
    if (at) return at;
    seen++;
  }
  // The title last in its header box (`<div class="jev_evdt_header"><div class="jev_evdt_title">…</div></div><div
  // class="jev_eventdetails_body"><div class="jev_evdt_summary">Tuesday, May 21, 2024, 02:00pm`): the box after the
  // header, or its first block when the box holds the text too. Page: us-omaha-jevents-city-council-meeting-2024-05-21.
  if (!heading.nextElementSibling) {
    const box = heading.parentElement?.nextElementSibling;
    const lead = box && ((box.textContent ?? '').length > 300 ? box.firstElementChild : box);
    const at = lead && dateIn(lead);
    if (at) return at;
  }
  let prev = heading.previousElementSibling;
  while (prev && dateIn(prev) === null) prev = prev.previousElementSibling;
  const above = prev && (dateIn(prev) || badgeDate(prev, ctx));
  return above ? withTimeBelow(above, heading, ctx) : undefined;
}

// A leaf of a date badge: a day and month (`4.4`, `12/31`), a year, a month's name or a day's number.
const BADGE_LEAF = /^(?:\d{1,2}[./-]\d{1,2}|\d{4}|\d{1,2}|\p{L}{3,9}\.?)$/u;

/**
 * A date badge whose parts sit in blocks of their own (`<div class="day"><div class="day__date">4.4</div><div
 * class="day__year">2019</div></div>`, or `<span>Apr</span><span>4</span><span>2019</span>`): its text runs them
 * together (`4.42019`), so the parts are read one by one, a day-and-month joined to its year by its own separator.
 * Page: us-pittsburgh-ura-housing-opportunity-fund-meeting-2019-04-04.
 */
function badgeDate(box: Element, ctx: DateContext): string | undefined {
  if (!box.firstElementChild || (box.textContent ?? '').length > 40) return undefined;
  const leaves: string[] = [];
  for (const el of Array.from(box.querySelectorAll('*'))) {
    if (el.children.length) continue;
    const t = collapse(el.textContent ?? '');
    if (!t) continue;
    if (!BADGE_LEAF.test(t) || leaves.length === 4) return undefined;
    leaves.push(t);
  }
  if (leaves.length < 2) return undefined;
  const joined = leaves.join(' ').replace(/^(\d{1,2})([./-])(\d{1,2}) (\d{4})$/, '$1$2$3$2$4');
  return parseDate(joined, ctx);
}

// A time alone on the first line under the title (`<div class="event__times"> 9:00 AM - 11:00 AM</div>`).
const TIME_LINE =
  /^\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:-|–|to)\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)?\s*$/i;

/**
 * A day shown above the title without its time takes the time the first line under the title gives alone: an
 * event's badge holds the day, its details the hours. Page: us-pittsburgh-ura-housing-opportunity-fund-meeting-2019-04-04.
 */
function withTimeBelow(at: string, heading: Element, ctx: DateContext): string {
  if (!at.includes('T00:00:00')) return at;
  let next = heading.nextElementSibling;
  while (next && !next.textContent?.trim()) next = next.nextElementSibling;
  let line: Element | null = next;
  while (line?.firstElementChild && !(line.firstChild?.nodeType === 3 && line.firstChild.textContent?.trim())) {
    line = line.firstElementChild;
  }
  const text = line?.textContent ?? '';
  if (!TIME_LINE.test(text) || !/[:ap]/i.test(text)) return at;
  return parseDateNear(text, parseDateParts(at.slice(0, 10), ctx), ctx) ?? at;
}

const YEARLESS_DAY = /^[^\d]{0,8}(?:(\d{2})-)?(\d{1,2})-(\d{1,2})$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/**
 * 百家号 shows `发布时间：09-30` and `22:46` in two spans under the heading, without the year (or `18-03-08`); its
 * `<meta itemprop="dateUpdate" content="2019-09-30 22:46:13">` names the same day with the year: the day shown takes
 * that year. Pages: cn-baijiahao-pager-news, cn-baijiahao-guzheng-feature, cn-baijiahao-trousers-ad (held-out-cn,
 * seen after its one scoring).
 */
export function yearlessNearTitle(
  scan: Scan,
  title: string | undefined,
  metaDate: string | undefined,
  ctx: DateContext,
): string | undefined {
  const full = metaDate ? /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(metaDate) : null;
  if (!title || !full) return undefined;
  const want = title.replace(/\s+/g, '');
  const heading = scan.all.find(
    (el) =>
      (/^H[1-4]$/.test(tagOf(el)) || TITLE_CLASS.test(el.getAttribute('class') ?? '')) &&
      collapse(el.textContent ?? '').replace(/\s+/g, '') === want,
  );
  const box = heading?.parentElement?.nextElementSibling;
  for (const line of [heading?.nextElementSibling, box]) {
    if (!line || (line.textContent ?? '').length > 200) continue;
    let day: RegExpExecArray | null = null;
    let clock: RegExpExecArray | null = null;
    for (const leaf of Array.from(line.querySelectorAll('*'))) {
      if (leaf.children.length) continue;
      const t = collapse(leaf.textContent ?? '');
      day ??= YEARLESS_DAY.exec(t);
      clock ??= CLOCK.exec(t);
    }
    if (!day) continue;
    const [, yy, month, date] = day;
    const sameDay = Number(month) === Number(full[2]) && Number(date) === Number(full[3]);
    if (!sameDay || (yy && yy !== full[1]!.slice(2))) continue;
    return parseDate(`${full[1]}-${month}-${date}${clock ? ` ${clock[1]}:${clock[2]}` : ''}`, ctx);
  }
  return undefined;
}

// The writer speaking in the first person (German, English, French, Spanish, Dutch; Chinese).
const FIRST_PERSON = /(?<![\p{L}])(?:[Ii]ch|[Ww]ir|I|[Ww]e|[Jj]e|[Nn]ous|[Yy]o|[Ii]k|[Ww]ij)(?![\p{L}])|我|本人/u;

/**
 * A page that dates nothing but its opening line, where the writer says when they acted (`Ich habe am 12. Mai 2006
 * eine Mail-Aktion … gestartet`, `On 3 March 2024 I reported…`, `本人于2024年3月3日向…反映`): that day is the
 * report's. Only the first line, and only in the first person: a date in an article's lead is often of something
 * else. Page: de-pilger-mailaktion-bundestag.
 */
export function dateTheWriterGives(description: string | undefined, ctx: DateContext): string | undefined {
  const first = description?.split('\n', 1)[0] ?? '';
  return first.length <= 300 && FIRST_PERSON.test(first) ? parseDate(first, ctx) : undefined;
}

// A time alone in a run of text, perhaps a span to its end: `1:00pm`, `12:00 p.m. - 1:30 p.m.`, `6.30pm`, `18.30 uur`,
// `19:30 uur`, `下午3时`, `15時30分`.
const CLOCK_RUN =
  /^(?:(?:上午|下午|晚上|中午)?\s*\d{1,2}\s*[时時点點](?:\s*\d{1,2}\s*分|半)?|\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?|uur|u)?)(?:\s*(?:-|–|—|to|tot|至|到)\s*.{1,16})?$/i;
const CLOCK_MARK = /[:时時点點]|\d\s*(?:[ap]\.?\s?m|uu?r?\b)/i;
// A label's run between the day and its hour (`Time`, `Date and time:`, `Tijd`, `时间：`): short, without digits.
const LABEL_RUN = /^[^\d]{1,24}$/;
const MAX_DAY_LINE = 120;
const MAX_SHOWN = 6;

/** The next (or previous) run of text in document order, skipping scripts, styles, drawings and hidden parts. */
function stepText(from: Node, forward: boolean): Node | null {
  let n: Node | null = from;
  for (;;) {
    if (forward) {
      while (n && !n.nextSibling) n = n.parentNode;
      n = n?.nextSibling ?? null;
    } else if (n.previousSibling) {
      n = n.previousSibling;
    } else {
      n = n.parentNode;
      if (!n) return null;
      continue;
    }
    if (!n) return null;
    if (n.nodeType === 3) {
      if (n.textContent?.trim()) return n;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (isSkipped(el)) continue;
    // Into the element: its first (or last) text, else on past it.
    const inner = edgeText(el, forward);
    if (inner) return inner;
  }
}

/** The first (forward) or last text under an element, skipping hidden parts and drawings. */
function edgeText(el: Element, forward: boolean): Node | null {
  for (let c = forward ? el.firstChild : el.lastChild; c; c = forward ? c.nextSibling : c.previousSibling) {
    if (c.nodeType === 3 && c.textContent?.trim()) return c;
    if (c.nodeType === 1 && !isSkipped(c as Element)) {
      const t = edgeText(c as Element, forward);
      if (t) return t;
    }
  }
  return null;
}

function inUsed(scan: Scan, el: Element): boolean {
  for (const u of scan.used) if (u.contains(el)) return true;
  return false;
}

/** The hour a run of text gives for the day (`2024-06-03`), when the run is a time alone. */
function clockOf(run: string, day: string, ctx: DateContext): string | undefined {
  if (run.length > 40 || !CLOCK_RUN.test(run) || !CLOCK_MARK.test(run)) return undefined;
  const at = parseDate(`${day} ${run}`, ctx);
  return at?.startsWith(day) && !at.includes('T00:00:00') ? at : undefined;
}

/**
 * A day read without its hour takes the hour written apart from it: in the day's own line (`Date and time: 6.30pm
 * <br> Monday 03 June 2024`), on the line after it (`Apr 8, 2026` / `12:00 p.m. - 1:30 p.m.`), under a label of its
 * own after it (`<h3>Thursday, October 28, 2021</h3>` … `<div>Time</div> 1:00pm`) or on the line before it; only
 * label words may stand between. Pages: au-yarra-council-meeting-2024-06-03,
 * us-columbia-river-gorge-commission-economic-vitality-committee-meeting-2026-04-08,
 * us-sf-planning-commission-hearing-2021-10-28.
 */
export function withHourBeside(scan: Scan, at: string, ctx: DateContext): string {
  if (!at.includes('T00:00:00')) return at;
  const day = at.slice(0, 10);
  // The day may be shown more than once (a banner, the title, the event's details): the first few showings are asked.
  let shown = 0;
  for (const el of scan.all) {
    if (!scan.leafy.has(el)) continue;
    // A leaf may be a long paragraph: its text is not built only to be found too long.
    const raw = textUpTo(el, MAX_DAY_LINE * 3);
    if (raw === undefined || !/\d/.test(raw)) continue;
    const line = collapse(raw);
    const own = line.length > MAX_DAY_LINE ? undefined : parseDate(line, ctx);
    if (!own?.startsWith(day)) continue;
    // A step of the case's timeline shown on the same day (`16:15` over `10-02-2015` in its `Behandeling`) dates that
    // step, not the case. Page: nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen.
    if (inUsed(scan, el)) continue;
    if (!own.includes('T00:00:00')) return own;
    if (++shown > MAX_SHOWN) return at;
    for (const forward of [true, false]) {
      let n: Node | null = el;
      for (let i = 0; i < 3; i++) {
        n = stepText(n, forward);
        if (!n) break;
        const run = collapse(n.textContent ?? '');
        const timed = clockOf(run, day, ctx);
        if (timed) return timed;
        if (!LABEL_RUN.test(run)) break;
      }
    }
  }
  return at;
}

/**
 * A title that ends with its date and hour (`Raadscommissie Bestuur en Middelen 05 oktober 2015 19:30:00`, a
 * meeting system's heading): the meeting's moment, when nothing else dated the page. Page:
 * nl-denhelder-go-raadsinformatie-raadscommissie-bestuur-en-middelen-2015-10-05.
 */
export function dateEndingTitle(title: string | undefined, ctx: DateContext): string | undefined {
  if (!title) return undefined;
  const rest = stripDates(title);
  return rest.length >= 4 && title.startsWith(rest) ? parseDate(title, ctx) : undefined;
}
