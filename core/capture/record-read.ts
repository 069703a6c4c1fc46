/**
 * One record of a list found by its structure (records.ts), read without knowing the site's words: the title is its
 * most prominent link or emphasised text, the case number an identifier-shaped token, the date a short date of its
 * own or one a dating verb introduces, the link the title's. Labelled fields, status badges and the parties of a
 * request come from the card reader (card-draft.ts), which knows the label and phrase tables.
 */
import { readsLikePostalAddress } from './address';
import { cardDraft, detailLink } from './card-draft';
import { docketNumberIn, docketNumberOf } from './courts';
import { parseDate } from './dates';
import { type Draft, fieldsFromPairs } from './draft';
import type { Pair } from './pairs';
import { collapse, hasCjk, readText, TITLE_CLASS, tagOf } from './text';
import { resolveUrl } from './urls';
import type { DateContext } from './zones';

/** What a record shows, read cheaply (no label reading): what the list finder weighs before it reads a record whole. */
export interface RecordScreen {
  title?: string;
  /** The element the title came from (a link, a heading or emphasised text); none for a plain line. */
  titleEl?: Element;
  /** The record links somewhere of its own (its page or document), by its title or another link. */
  linked: boolean;
  /** Words of the title (four CJK characters count a word). */
  titleWords: number;
  caseNumber?: string;
  reportedAt?: string;
  description?: string;
  /** A line that reads as a postal address: where the case is, never what it is. */
  address?: string;
  dated: boolean;
  numbered: boolean;
  /** Named by the date that opens it (a meeting: `Thursday, January 30, 2020` over its documents' links). */
  dateNamed?: boolean;
}

// Links that open the record rather than name it: `Details`, `查看`, `more`, `[PDF]`.
const ACTION_TEXT =
  /^[[(【]?(查看|详情|详细|详细信息|办理|更多|查看详情|进入|阅读全文|返回.{0,8}|打印.{0,4}|more|read more|view|details?|open|download|pdf|doc|zip|back to\b.*|add to (?:my )?calendar|print(?: this page)?|share|›|»|>>|…)[\])】]?$/i;
// A phone number (`312-744-0675`, `(020) 8356 1234`) is no case number.
const PHONE = /^(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3,4}[\s.-]\d{4}$/;
const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const EMPHASIS = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'U', 'FONT', 'SPAN', 'DT', 'CAPTION']);

/**
 * An identifier as lists print them: no space, at least three digits, letters, digits and `-./:_` (`89-R-99001-SCT`,
 * `SR-2026-0042`, `DA0241/19`, `20220573`). A date is none.
 */
const IDENTIFIER = /^(?=(?:[^\d]*\d){3})[A-Za-z0-9][A-Za-z0-9./:_-]{3,39}$/;
// What may stand before a number in its element: `No.`, `#`, a marker like `XX` (Mississippi's published opinions).
const NUMBER_LEAD = /^(?:(?:case|docket|file|ref\.?|record|application)?\s*(?:no\.?|number|#)\s*:?\s*|[A-Z]{1,3}\s+)/i;

/**
 * Identifiers written with spaces or CJK brackets, by their shape alone: a neutral citation (the year, a court's
 * abbreviation, the serial: `2021 S.D. 69`, `2014 OK AG 1`), a Chinese case number (`（2023）京01民终123号`) and a
 * document number (`沪信访〔2024〕12号`).
 */
const SPACED_IDENTIFIER = [
  /^(?:19|20)\d{2}\s+[A-Z][A-Za-z]{0,4}\.?(?:\s?[A-Z][A-Za-z]{0,4}\.?){0,2}\s+\d{1,5}$/,
  /^[（(](?:19|20)\d{2}[）)][\u3400-\u9fffA-Za-z\d]{1,16}\d+号(?:之[一二三四五六七八九十\d]+)?$/,
  /^[\u3400-\u9fff]{1,10}[〔［[【（(](?:19|20)\d{2}[〕］\]】）)][\u3400-\u9fff]{0,4}\d+号$/,
];

export function identifierOf(text: string, ctx: DateContext): string | undefined {
  if (text.length > 48) return undefined;
  const t = text.trim();
  const known = docketNumberOf(t);
  if (known) return known;
  for (const candidate of [t, t.replace(NUMBER_LEAD, '')])
    if (SPACED_IDENTIFIER.some((re) => re.test(candidate))) return candidate;
  for (const candidate of [t, t.replace(NUMBER_LEAD, '')]) {
    // Digits alone must be long (`20220573`), not a postcode or a count (`60602`).
    if (IDENTIFIER.test(candidate) && !/^\d{1,5}$/.test(candidate) && !PHONE.test(candidate)) {
      // `Ref. No. 20190107` is a number, whatever date its digits could also spell.
      if (
        !/^(?:.*\b(?:no\.?|number)|#)\s*:?\s*$/i.test(t.slice(0, t.length - candidate.length)) &&
        parseDate(candidate, ctx)
      )
        return undefined;
      // A price or a count (`1,234.50`) is no identifier; a plain year range neither.
      if (/^[\d.,]+$/.test(candidate) && candidate.includes('.')) return undefined;
      return candidate;
    }
  }
  return undefined;
}

const USABLE_HREF = /^(?!javascript:|#|mailto:|tel:)./i;

/** A line of meta (a date, a byline) is short; longer lines are the record's text. */
const MAX_META = 100;

/** Title-like: two words or more, or four CJK characters; not a date, a bare number or an action. */
export function titleWords(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]{2}|[A-Za-z]\./.test(w)).length;
  return words + cjk / 4;
}

function titleLike(text: string, ctx: DateContext): boolean {
  if (text.length < 4 || text.length > 600 || ACTION_TEXT.test(text)) return false;
  // `Date filed:`, `SUMMARY AS OF:`: a label heads a field, it names no record.
  if (/[:：]$/.test(text)) return false;
  if (identifierOf(text, ctx)) return false;
  if (text.length <= 40 && isDateAlone(text, ctx)) return false;
  return titleWords(text) >= 2 || (hasCjk(text) && titleWords(text) >= 1);
}

// A date alone: once the weekday, month names, digits and separators are read, nothing is left.
const DATE_WORDS =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b[A-Za-z]{3,9}\.?(?=\s+\d)|[\d\s,./:-]+|[年月日号時时分秒]|星期.|周.|(?:a|p)\.?m\.?/gi;

export function isDateAlone(text: string, ctx: DateContext): boolean {
  if (text.length > 40 || !parseDate(text, ctx)) return false;
  return (
    text
      .replace(DATE_WORDS, '')
      .replace(/[()（）]/g, '')
      .trim().length === 0
  );
}

/**
 * Verbs that date a record inside its text (`Order entered 11/12/25.`, `Filed October 10, 2024`, `发布于2024-05-01`):
 * the date that follows is the record's. Page: us-mississippi-supreme-handdown-list (`Order entered 11/12/25.`).
 */
const DATING_PHRASE =
  /\b(?:entered|filed|decided|dated|issued|posted|published|released|submitted|received|lodged|handed\s+down|argued|heard)\s*(?:on\s*)?[:：]?\s*([^;]{4,30})|(?:发布|发表|提交|受理|登记|办结)(?:于|时间|日期)?[:：]?\s*(\S{6,20})/gi;
// `11/12/25`: a short year after a dating verb is this century's.
const SHORT_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?!\d)/;

function phraseDate(text: string, ctx: DateContext): string | undefined {
  for (const m of text.matchAll(DATING_PHRASE)) {
    const raw = (m[1] ?? m[2] ?? '').trim();
    const short = SHORT_YEAR.exec(raw);
    const at = parseDate(short ? `${short[1]}/${short[3]}/20${short[4]}` : raw, ctx);
    if (at) return at;
  }
  return undefined;
}

const DATING_VERB =
  /^(?:entered|filed|decided|dated|issued|posted|published|released|submitted|received|lodged|handed\s+down|argued|heard)\s+(?:on\s+)?/i;

/**
 * A line that strings a record's facts with commas (`2014 OK AG 1, 01/13/2014, Question Submitted by: …`,
 * `Hideout v. Summit County, Case No. 20220573, Filed June 13, 2024, 2024 UT 16`): each part read by its kind, an
 * identifier, a date (after a dating verb or not) or words; the title is the longest run of parts of words. Only
 * when a part is an identifier or a date: a title with commas in it is otherwise left whole.
 */
export function lineParts(
  text: string,
  ctx: DateContext,
): { title: string; caseNumber?: string; reportedAt?: string } | undefined {
  if (text.length > 300 || !/[,;，；]/.test(text)) return undefined;
  const parts: string[] = [];
  for (const p of text.split(/\s*[,;，；]\s*/)) {
    const prev = parts[parts.length - 1];
    // `June 13, 2024`: the year after a comma closes the date before it.
    if (prev && /^(?:19|20)\d{2}$/.test(p) && isDateAlone(`${prev.replace(DATING_VERB, '')}, ${p}`, ctx))
      parts[parts.length - 1] = `${prev}, ${p}`;
    else if (p) parts.push(p);
  }
  let caseNumber: string | undefined;
  let reportedAt: string | undefined;
  let run: string[] = [];
  let best: string[] = [];
  for (const p of [...parts, '']) {
    const id = p ? identifierOf(p, ctx) : undefined;
    const bare = p.replace(DATING_VERB, '');
    const at = p && !id && isDateAlone(bare, ctx) ? parseDate(bare, ctx) : undefined;
    if (p && !id && !at) {
      run.push(p);
      continue;
    }
    caseNumber ??= id;
    reportedAt ??= at;
    if (run.join(', ').length > best.join(', ').length) best = run;
    run = [];
  }
  const title = best.join(', ');
  if ((!caseNumber && !reportedAt) || title === text || !titleLike(title, ctx)) return undefined;
  return { title, caseNumber, reportedAt };
}

// The last piece of a title after a space or in brackets (`… 回应了 2025-11-29`, `… [2024-05-07]`, `… (12/03/2021)`).
const TRAILING_PIECE = /(?:\s+|\s*(?=[[【(（]))([[【(（]?[^\s[【(（]{6,24}[\]】)）]?)$/;

/**
 * A heading that also holds the row's date (`<h4><a>title</a> <span class="date">2025-11-29</span></h4>`, the way
 * TRS and Hanweb lists put it): the trailing date is the row's date, never part of its title.
 * Page: cn-govcn-hudong-reply-list.
 */
export function withoutTrailingDate(title: string, ctx: DateContext): string {
  const m = TRAILING_PIECE.exec(title);
  if (!m?.[1] || !isDateAlone(m[1].replace(/[[\]【】]/g, ''), ctx)) return title;
  const rest = title.slice(0, m.index).trim();
  return titleLike(rest, ctx) ? rest : title;
}

// A date written out to the day at the start of a line (`Thursday, January 30, 2020 (Canceled)`, `July 24, 2019 at
// 10:30 am`, `12 March 2021`, `2024-05-01`), with its time if one follows.
const LEADING_DATE =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?/i;

/** Longest line a record named by its date shows besides the date. */
const MAX_NAMED_LINE = 40;

/** The date a line opens with, written out to the day, and its text. */
export function leadingDate(line: string, ctx: DateContext): { text: string; at: string } | undefined {
  const lead = LEADING_DATE.exec(line);
  const text = lead?.[0].trim();
  const at = text ? parseDate(text, ctx) : undefined;
  return text && at ? { text, at } : undefined;
}

/**
 * A record named by the date that opens it, when nothing else names it or leads to it: a meeting's row (`July 24,
 * 2019 at 10:30 am | CPS Loop Office …`), a meeting over its documents' links. The title is the opening line, the
 * date the record's. Pages: us-chicago-board-of-education-planning-calendar, us-il-gaming-board-meetings-2020.
 */
export function nameByDate(s: RecordScreen, rec: Element, ctx: DateContext): RecordScreen | undefined {
  const [head = '', ...rest] = readText(rec).split('\n');
  const first = collapse(head);
  // What follows the date is short (documents' links, a place's lines): an entry that says what happened in a
  // sentence (`Introduced in the Senate…`, `Application filed.`) is a history's, not a meeting's.
  for (const raw of rest) {
    const line = collapse(raw);
    if (line.length > MAX_NAMED_LINE || /[.。!?！？]$/.test(line)) return undefined;
  }
  const lead = leadingDate(first, ctx);
  if (!lead) return undefined;
  const { text, at } = lead;
  const title = first.length <= 120 ? first : text;
  return {
    ...s,
    title,
    titleEl: undefined,
    titleWords: titleWords(title),
    reportedAt: at,
    dated: true,
    dateNamed: true,
  };
}

/** Elements of a record in document order, its own root first (at most 400: records are small). */
function elementsOf(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element) => {
    out.push(el);
    for (let c = el.firstElementChild; c && out.length < 400; c = c.nextElementSibling) visit(c);
  };
  visit(root);
  return out;
}

/** The record's most prominent title-like element: a heading, then a title-classed element, then a link or bold. */
function titleElement(els: Element[], ctx: DateContext, control?: string): { el: Element; text: string } | null {
  let best: { el: Element; text: string; rank: number } | null = null;
  for (const el of els) {
    const tag = tagOf(el);
    const rank = HEADING.has(tag)
      ? 0
      : TITLE_CLASS.test(el.getAttribute('class') ?? '')
        ? 1
        : tag === 'A' && el.hasAttribute('href')
          ? 2
          : EMPHASIS.has(tag) && tag !== 'A' && tag !== 'SPAN' && tag !== 'FONT'
            ? 2
            : // A table row names its record by a cell of words when no link or bold does (an address, a caption).
              tag === 'TD' || tag === 'TH'
              ? 3
              : 9;
    if (rank === 9 || (best && best.rank <= rank)) continue;
    const text = collapse(el.getAttribute('title') || el.textContent || '');
    if (text === control) continue;
    if (titleLike(text, ctx)) best = { el, text, rank };
    // A record with a heading is named by it: a section headed `When` or `Contact` is no record of a list.
    else if (rank === 0 && text) return null;
  }
  return best;
}

/**
 * Screens one record: its title, number, date and description as its structure shows them. `dateAbove` is the date
 * of a heading over the record's group (`<h3>June 5, 2014</h3>`), used when the record shows none of its own;
 * `labelled` says which fields label pairs inside the record give (`Application No.:`, `Date Lodged:`); `control`
 * is a link text every record repeats (`Open Restricted Document`), which names none of them.
 */
export function screenRecord(
  rec: Element,
  ctx: DateContext,
  dateAbove?: string,
  labelled?: ReadonlySet<string>,
  control?: string,
): RecordScreen {
  const els = elementsOf(rec);
  const head = titleElement(els, ctx, control);
  const lines = readText(rec).split('\n').map(collapse).filter(Boolean);
  const out: RecordScreen = {
    titleWords: 0,
    linked: false,
    dated: false,
    numbered: labelled?.has('caseNumber') ?? false,
  };
  if (head) {
    out.title = head.text;
    out.titleEl = head.el;
    const link = tagOf(head.el) === 'A' ? head.el : (head.el.querySelector('a[href]') ?? head.el.closest('a[href]'));
    out.linked = USABLE_HREF.test(link?.getAttribute('href') ?? '');
  } else {
    // No element names it: the first line of words that is no date and no number.
    out.title = lines.find((l) => l.length <= 200 && titleLike(l, ctx));
  }
  // A title that strings the number and the date with it: each part by its kind.
  const parts = out.title ? lineParts(out.title, ctx) : undefined;
  if (parts) out.title = parts.title;
  if (out.title) out.title = withoutTrailingDate(out.title, ctx);
  if (out.title) out.titleWords = titleWords(out.title);
  // Or a link elsewhere in the record leads to it (a caption in a plain cell, the opinion's link beside it).
  // An icon alone (a docket entry's document symbol) does not name what it opens: only a link that shows words.
  out.linked ||= els.some(
    (el) => tagOf(el) === 'A' && USABLE_HREF.test(el.getAttribute('href') ?? '') && /\w/.test(el.textContent ?? ''),
  );
  // The number: an element (or a line) that is an identifier and nothing else, or a docket number on a short line.
  for (const el of els) {
    if (head?.el.contains(el)) continue;
    const raw = el.textContent ?? '';
    const id = raw.length <= 60 ? identifierOf(collapse(raw), ctx) : undefined;
    if (id) {
      out.caseNumber = id;
      break;
    }
  }
  for (const line of out.caseNumber ? [] : lines) {
    const id = line !== out.title ? (identifierOf(line, ctx) ?? docketNumberIn(line)) : undefined;
    if (id) {
      out.caseNumber = id;
      break;
    }
  }
  out.caseNumber ??= parts?.caseNumber;
  // A line that strings the number after the title (`<a>Title</a>, Case No. 20240965, Filed …`): read by its parts.
  for (const line of out.caseNumber ? [] : lines) {
    const id = line !== out.title ? lineParts(line, ctx)?.caseNumber : undefined;
    if (id) {
      out.caseNumber = id;
      break;
    }
  }
  out.numbered ||= out.caseNumber !== undefined;
  // The date: an element or a line of meta that holds a date (`<span>2024-05-01</span>`, `Reported … at 08:41, Thu
  // 28 May 2026`), then one a dating verb introduces in the text, then the heading's.
  let at: string | undefined;
  for (const el of els) {
    if (el === rec || head?.el.contains(el)) continue;
    const raw = el.textContent ?? '';
    at = raw.length <= MAX_META * 2 && collapse(raw).length <= MAX_META ? parseDate(collapse(raw), ctx) : undefined;
    if (at) break;
  }
  for (const line of at ? [] : lines) {
    at = line !== out.title && line.length <= MAX_META ? parseDate(line, ctx) : undefined;
    if (at) break;
  }
  out.reportedAt = at ?? parts?.reportedAt ?? phraseDate(lines.join('\n'), ctx) ?? dateAbove;
  out.dated = out.reportedAt !== undefined || (labelled?.has('reportedAt') ?? false);
  // The description: the longest line that is none of the above, less the title written at its start. A line
  // that reads as a postal address (`132 Beaconsfield Villas Brighton BN1 6HE` under the proposal) is the record's
  // place. Page: uk-brighton-idox-decided-applications-search-results.
  let description = '';
  for (const line of lines) {
    if (line !== out.title && readsLikePostalAddress(line)) {
      out.address ??= line;
      continue;
    }
    let text = line;
    if (out.title && text.startsWith(out.title)) text = text.slice(out.title.length).replace(/^[\s;,:·|–—-]+/, '');
    if (text.length < 20 || text.length <= description.length || text === out.caseNumber) continue;
    // The line of meta that gave the number or the date (`Filed 05/26/2016, No. 15-3098`) describes nothing.
    const meta =
      text.length <= MAX_META &&
      ((out.caseNumber && text.includes(out.caseNumber)) ||
        (out.reportedAt && parseDate(text, ctx) === out.reportedAt));
    if (meta) continue;
    description = text;
  }
  if (description) out.description = description;
  return out;
}

/** The record's draft: labelled fields, badges and parties by the card reader, then what the screen found. */
export function recordDraft(
  rec: Element,
  items: Element[],
  screen: RecordScreen,
  pairs: Pair[],
  ctx: DateContext,
  base: string | undefined,
): Draft {
  const d = cardDraft(rec, pairs, ctx, base);
  if (items[0] !== rec) {
    // A copy in a wrapper: its label pairs are on the page's elements it spans, and win as in a card.
    const own = pairs.filter((p) => items.some((it) => it.contains(p.el)));
    for (const [field, value] of Object.entries(fieldsFromPairs(own, ctx)))
      if (value !== undefined) (d as unknown as Record<string, unknown>)[field] = value;
  }
  // A title the record labels (`<b>Caption: </b>Richardson v. Townsquare Media, Inc.<br>`) is its own: a screened
  // piece (the cell around it, a docket number's link) does not replace it. Page: us-ca2-decisions-search-results.
  const labelled =
    !!d.title && pairs.some((p) => p.field === 'title' && items.some((it) => it === p.el || it.contains(p.el)));
  if (labelled) d.url ??= detailLink(rec, base);
  else if (screen.titleEl) {
    d.title = screen.title;
    const el = screen.titleEl;
    const link = tagOf(el) === 'A' ? el : (el.querySelector('a[href]') ?? el.closest('a[href]'));
    const href = link?.getAttribute('href');
    d.url = href && !/^(javascript:|#)/i.test(href) ? resolveUrl(href, base) : detailLink(rec, base);
  } else if (screen.title) d.title = screen.title;
  else if (d.title && !titleLike(d.title, ctx)) d.title = undefined;
  // A number set apart in its own element wins over a label's value that is no clean identifier (`LC Case #:
  // 25CH1:22-cv-01011; Ruling Date: …`, the lower court's, read out of running text).
  if (screen.caseNumber && (!d.caseNumber || !identifierOf(d.caseNumber, ctx))) d.caseNumber = screen.caseNumber;
  if (screen.reportedAt) d.reportedAt = screen.reportedAt;
  else if (d.reportedAt && d.title && parseDate(d.title, ctx) === d.reportedAt) d.reportedAt = undefined;
  if (screen.address) d.address ??= screen.address;
  if (screen.description) d.description = screen.description;
  // Its place set apart, a record whose only words are its title (an application's proposal as the row's link)
  // is described by them.
  else if (screen.address && d.title) d.description = d.title;
  else if (d.description === d.title) d.description = undefined;
  return d;
}
