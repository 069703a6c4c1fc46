/**
 * One record of a list found by its structure (records.ts), read without knowing the site's words: the title is its
 * most prominent link or emphasised text (record-title.ts), the case number an identifier-shaped token
 * (identifiers.ts), the date a short date of its own or one a dating verb introduces (record-dates.ts), the link the
 * title's. Labelled fields, status badges and the parties of a
 * request come from the card reader (card-draft.ts), which knows the label and phrase tables.
 */
import { readsLikePostalAddress } from './address';
import { cardDraft } from './card-draft';
import { detailLink } from './card-title';
import { docketNumberIn } from './courts';
import { parseDate } from './dates';
import { type Draft, fieldsFromPairs } from './draft';
import { tagOf } from './elements';
import { citedNumber, closingIdentifier, identifierOf, leadingIdentifier } from './identifiers';
import type { Pair } from './pairs';
import { type PaperRef, paperOnly, paperRef } from './paper-refs';
import { dateInTitle, leadingDate, phraseDate, withRecordTime } from './record-dates';
import { lineParts, titleLike, titleWords, withoutTrailingDate } from './record-title';
import { labelledDate, MAX_NAME, NAMING, titleElement } from './record-title-element';
import { dayRestated } from './restated-day';
import { collapse } from './text';
import { resolveUrl } from './urls';
import { readText } from './visible-text';
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
  /** The printed paper its running text refers to (paper-refs.ts): number, date, answer, who asked. */
  paper?: PaperRef;
  /** Numbered only by a paper its running text refers to: two such records may be one proceeding's papers. */
  paperNumbered?: boolean;
}

const USABLE_HREF = /^(?!javascript:|#|mailto:|tel:)./i;

/** A line of meta (a date, a byline) is short; longer lines are the record's text. */
const MAX_META = 100;

/** Longest line a record named by its date shows besides the date. */
const MAX_NAMED_LINE = 40;

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
    // `5:00 P.M.`, `U.S.A.`: letters with dots end no sentence.
    if (line.length > MAX_NAMED_LINE || (/[.。!?！？]$/.test(line) && !/\b(?:[A-Za-z]\.){2,}$/.test(line)))
      return undefined;
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
    reportedAt: withRecordTime(at, [first, ...rest.map(collapse)], ctx),
    dated: true,
    dateNamed: true,
  };
}

/**
 * The date that opens a record's text right after its number or its title (`2013-00161-RQM - 7/12/2013: LETTER OF
 * PERMISSION: The proposed project …`): the record's own, however long the line it opens. Page:
 * us-usace-mvp-regulatory-public-notices-list.
 */
function dateAfterName(lines: string[], names: Array<string | undefined>, ctx: DateContext): string | undefined {
  for (const line of lines)
    for (const name of names) {
      if (!name || !line.startsWith(name)) continue;
      const lead = leadingDate(line.slice(name.length).replace(/^[\s:|·–—-]+/, ''), ctx);
      if (lead) return lead.at;
    }
  return undefined;
}

/** A line that opens with an identifier and then a date (`2013-00161-RQM - 7/12/2013: LETTER OF PERMISSION: …`). */
function numberThenDate(line: string, ctx: DateContext): boolean {
  const first = /^(\S{4,40})\s/.exec(line)?.[1];
  const id = first ? identifierOf(first, ctx) : undefined;
  return id !== undefined && dateAfterName([line], [first], ctx) !== undefined;
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
  // A paper's number in running text (`… Wahlperiode Drucksache 14/375 (14/335) 06.01.2011 ANTWORT zu der Anfrage …`).
  // Page: de-saarland-landtag-sharepoint-suche-antworten-aw14.
  const paper = paperRef(lines, ctx);
  const out: RecordScreen = {
    titleWords: 0,
    linked: false,
    dated: false,
    numbered: labelled?.has('caseNumber') ?? false,
  };
  if (head) {
    out.title = head.dateHead ? (dayRestated(head.text, lines, ctx) ?? head.text) : head.text;
    out.titleEl = head.el;
    const link = tagOf(head.el) === 'A' ? head.el : (head.el.querySelector('a[href]') ?? head.el.closest('a[href]'));
    out.linked = USABLE_HREF.test(link?.getAttribute('href') ?? '');
  } else {
    // No element names it: the first line of words that is no date and no number.
    // A line of facts (`Expiration date: 7/22/2013`) or the record's text after its number and date names nothing.
    out.title = lines.find(
      (l) => l.length <= 200 && titleLike(l, ctx) && !paperOnly(l) && !labelledDate(l, ctx) && !numberThenDate(l, ctx),
    );
    // Beside its paper's number and date, a line of one word names the paper (`Suchtprävention`). Page:
    // de-bayern-landtag-schriftliche-anfragen-suchergebnis.
    if (!out.title && paper?.caseNumber)
      out.title = lines.find(
        (l) => l.length >= 4 && l.length <= 200 && !paperOnly(l) && !parseDate(l, ctx) && !numberThenDate(l, ctx),
      );
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
  // Or its worded link opens it by a script (`href="javascript:;" onclick="winopen(…)"`) while an icon link beside
  // it holds the address (a folder icon before each sitting of 会議録研究所's VOICES lists,
  // jp-tsukuba-voices-kaigi-nittei-ichiran): the icon is the way to it.
  out.linked ||= scriptedNameBesideIcon(els);
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
  if (paper) out.paper = paper;
  if (!out.caseNumber && paper?.caseNumber) {
    out.caseNumber = paper.caseNumber;
    out.paperNumbered = true;
  }
  // A line that strings the number after the title (`<a>Title</a>, Case No. 20240965, Filed …`): read by its parts.
  for (const line of out.caseNumber ? [] : lines) {
    const id = line !== out.title ? lineParts(line, ctx)?.caseNumber : undefined;
    if (id) {
      out.caseNumber = id;
      break;
    }
  }
  // `PP13/00799 - Planning Permit`: a title that opens with the record's number before a dash.
  out.caseNumber ??= out.title ? leadingIdentifier(out.title, ctx) : undefined;
  // `May 16, 2019 – Op. Atty. Gen 624c-4`: a title that cites the opinion it names, its number after the citation.
  out.caseNumber ??= out.title ? citedNumber(out.title) : undefined;
  // `… (LEX 76340).`: the reference a line of words closes with, the title's line or a line below it.
  for (const line of out.caseNumber ? [] : lines) {
    out.caseNumber = closingIdentifier(line, ctx);
    if (out.caseNumber) break;
  }
  out.numbered ||= out.caseNumber !== undefined;
  // The date: an element or a line of meta that holds a date (`<span>2024-05-01</span>`, `Reported … at 08:41, Thu
  // 28 May 2026`), then one a dating verb introduces in the text, then the heading's.
  // The date right after its number or title first: a labelled date below it (`Expiration date: 7/22/2013`) is another day's.
  let at = dateAfterName(lines, [out.caseNumber, out.title], ctx);
  for (const el of at ? [] : els) {
    if (el === rec || head?.el.contains(el)) continue;
    const raw = el.textContent ?? '';
    at = raw.length <= MAX_META * 2 && collapse(raw).length <= MAX_META ? parseDate(collapse(raw), ctx) : undefined;
    if (at) break;
  }
  for (const line of at ? [] : lines) {
    at = line !== out.title && line.length <= MAX_META ? parseDate(line, ctx) : undefined;
    if (at) break;
  }
  // A title that opens with its date (`July 28, 2022 Planning Commission Meeting` in one cell) dates the record
  // when nothing else does. Page: us-clovis-municode-planning-commission-meetings.
  // Or, a heading's or a link's short name, holds it anywhere (`SSA2Minutes 10-2-2018`, a meeting's heading with its
  // run of days and place); not a long line of facts (a paper's line: `Große Anfrage … 02.12.2014 Drucksache …`).
  const named = head && out.title && out.title.length <= MAX_NAME && NAMING.has(tagOf(head.el));
  const titleDate = out.title
    ? (leadingDate(out.title, ctx)?.at ?? (named ? dateInTitle(out.title, ctx) : undefined))
    : undefined;
  if (head?.dateHead) {
    at = parseDate(head.text, ctx);
    out.dateNamed = true;
  }
  out.reportedAt = at ?? parts?.reportedAt ?? paper?.at ?? titleDate ?? phraseDate(lines.join('\n'), ctx) ?? dateAbove;
  if (out.reportedAt) out.reportedAt = withRecordTime(out.reportedAt, lines, ctx);
  out.dated = out.reportedAt !== undefined || (labelled?.has('reportedAt') ?? false);
  // The description: the longest line that is none of the above, less the title written at its start. A line
  // that reads as a postal address (`132 Beaconsfield Villas Brighton BN1 6HE` under the proposal) is the record's
  // place. Page: uk-brighton-idox-decided-applications-search-results.
  let description = '';
  for (const line of wrappedRuns(lines, out.title)) {
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

/**
 * A paragraph its source wrapped with `<br>` mid-sentence (`… prohibited from denying<br>students – who …`) is one
 * line: a line that stops on a letter or a comma runs on into one that opens in lower case. Page:
 * us-mn-ag-opinions-by-date (each opinion's summary cut at its first break).
 */
function wrappedRuns(lines: string[], title: string | undefined): string[] {
  const runs: string[] = [];
  for (const line of lines) {
    const prev = runs[runs.length - 1];
    if (prev !== undefined && prev !== title && line !== title && /[\p{L},]$/u.test(prev) && /^\p{Ll}/u.test(line))
      runs[runs.length - 1] = `${prev} ${line}`;
    else runs.push(line);
  }
  return runs;
}

/** A worded link that opens by a script, and a link of no words around an image with a real address. */
function scriptedNameBesideIcon(els: Element[]): boolean {
  let scripted = false;
  let icon = false;
  for (const el of els) {
    if (tagOf(el) !== 'A') continue;
    const href = el.getAttribute('href') ?? '';
    const worded = /\w/.test(el.textContent ?? '');
    if (worded && /^javascript:/i.test(href)) scripted = true;
    else if (!worded && USABLE_HREF.test(href) && el.firstElementChild && tagOf(el.firstElementChild) === 'IMG')
      icon = true;
  }
  return scripted && icon;
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
  else if (d.title && (!titleLike(d.title, ctx) || numberThenDate(d.title, ctx))) d.title = undefined;
  // A number set apart in its own element wins over a label's value that is no clean identifier (`LC Case #:
  // 25CH1:22-cv-01011; Ruling Date: …`, the lower court's, read out of running text).
  if (screen.caseNumber && (!d.caseNumber || !identifierOf(d.caseNumber, ctx))) d.caseNumber = screen.caseNumber;
  if (screen.reportedAt) d.reportedAt = screen.reportedAt;
  else if (d.reportedAt && d.title && parseDate(d.title, ctx) === d.reportedAt) d.reportedAt = undefined;
  if (screen.address) d.address ??= screen.address;
  // An answered paper: who answered it, who asked, and the case answered.
  const paper = screen.paper;
  if (paper?.answered && (!d.status || d.status === 'new')) d.status = 'resolved';
  if (paper?.answeredBy) d.department ??= paper.answeredBy;
  if (paper?.askedBy) d.reporterName ??= paper.askedBy;
  if (screen.description) d.description = screen.description;
  // Its place set apart, a record whose only words are its title (an application's proposal as the row's link)
  // is described by them.
  else if (screen.address && d.title) d.description = d.title;
  else if (d.description === d.title) d.description = undefined;
  return d;
}
