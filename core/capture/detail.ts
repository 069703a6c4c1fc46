/**
 * A detail page → one draft: label pairs first, then JSON-LD, FixMyStreet-style "Reported … by … at …" lines,
 * updates, and the readable-content fallbacks for title, description, status (detail-status.ts), date
 * (detail-dates.ts) and case number (heading-numbers.ts).
 */
import { addressUnderHeading } from './address';
import { isAnswererName, isUnitName, quotedWriter, unitOfReplyHead } from './answerers';
import { besideNumber, isVersionString, sponsorsOnLine } from './bill-header';
import { bodyNearTitle, contactUnit, headingShowing, withoutPolicyLinks } from './body-lines';
import { maskedAuthorUnder, withoutBylineLines } from './byline';
import { captionLine, captionNearNumber, docketCaption, endedOn, isDocketNumber, numberLine } from './courts';
import { parseDate } from './dates';
import {
  dateEndingTitle,
  dateNearTitle,
  dateTheWriterGives,
  publishedDate,
  withHourBeside,
  yearlessNearTitle,
} from './detail-dates';
import { fromStructured, reportedLine } from './detail-stated';
import { closingSentence, statusBadge, withoutBadgeLine } from './detail-status';
import { answeredOn } from './document-lines';
import { type Draft, emptyDraft, fieldsFromPairs, fillGaps, splitMeta } from './draft';
import { tagOf } from './elements';
import type { findHeaderTables } from './header-tables';
import { headingBadges } from './heading-badges';
import {
  abbreviatedNumber,
  BILL_NUMBER,
  bareNumberTitle,
  billNumber,
  kindNumberHeading,
  numberInHeading,
} from './heading-numbers';
import { CODE_THEN_NAME, meetingUnderBody, nameUnderKindHeading, underViewHeadings } from './kind-headings';
import { ISSUE_FIELDS } from './labels';
import { loneDate, numberSignLine, registerNumberLine } from './lone-fields';
import type { readMeta, Structured } from './meta';
import { meetingDate, namedAddress } from './named-fields';
import { headingOverFarPairs } from './notice-title';
import type { OneMeeting } from './one-meeting';
import { fallbackTitle } from './page-title';
import type { Pair } from './pairs';
import { partiesFields, phraseFields } from './phrases';
import { bestContentBlock, contentText, summaryBefore } from './readable';
import { recordLine } from './record-line';
import { ruledHeading } from './ruled-heading';
import type { Scan } from './scan';
import { scriptLineFields } from './script-lines';
import { paperNumberLeaf } from './site-title';
import { mapStatus } from './status';
import { aboutTheSite, addressedToReader, collapse } from './text';
import { specificHeading, titleHeading } from './title-heading';
import { collectUpdates } from './updates';
import { collectAttachments, resolveUrl } from './urls';
import { closingDocumentNumber, guessByShape, hasParagraph } from './value-shapes';
import { titlePartNamedByAddress } from './viewer-heading';
import { readText } from './visible-text';
import type { DateContext } from './zones';

/**
 * A meta description cut short (at the page's line break: `Meeting information will be`) yields to the body's
 * paragraph that begins with it. Page: us-detroit-board-of-ethics-meeting-2021-04-21.
 */
function wholeInBody(described: string, scan: Scan): string {
  const start = collapse(described);
  for (const p of Array.from(scan.root.querySelectorAll('p'))) {
    const text = collapse(p.textContent ?? '');
    if (text.length > start.length && text.startsWith(start)) return text;
  }
  return described;
}

// A name that ends in what a public body calls itself.
const BODY_NAME =
  /\b(?:Corporation|Department|Agency|Authority|Board|Commission|Committee|Council|Office|Bureau|Division|Ministry)$/;
/** The smallest element that holds all of them (where the case's own attachments are looked for). */
function lowestCommonAncestor(els: Element[]): Element | null {
  let lca: Element | null = els[0] ?? null;
  for (const el of els.slice(1)) {
    while (lca && !lca.contains(el)) lca = lca.parentElement;
  }
  return lca;
}

export interface Page {
  doc: Document;
  scan: Scan;
  ctx: DateContext;
  base: string | undefined;
  pageUrl: string | undefined;
  meta: ReturnType<typeof readMeta>;
  limited: boolean;
  structured: Structured;
  /** The one meeting the page is about (one-meeting.ts), read on first ask. */
  meeting(): OneMeeting | undefined;
}

// A code of letters and digits parted by `/` or `-` (`CONS 2019/11`, `30 - 2019 - 19912 - 1`), not a year `(2019)`.
const BRACKETED_CODE = /\(\s*([A-Z]{0,6}\s?\d[\d\s/.-]*[-/][\d\s/.-]*\d)\s*\)$/;

export function detailDraft(page: Page, pairs: Pair[], tables: ReturnType<typeof findHeaderTables>): Draft {
  const { scan, ctx, meta, limited } = page;
  const issuePairs = pairs.filter((p) => p.field && ISSUE_FIELDS.has(p.field));
  const d = fillGaps(emptyDraft(), fieldsFromPairs(issuePairs, ctx));
  // A notice's heading, which its <title> repeats, over the `名称：` pairs of its sections (notice-title.ts).
  if (!limited) d.title = headingOverFarPairs(scan, issuePairs, meta) ?? d.title;
  const structured = page.structured;
  const fromLd = fromStructured(structured, ctx);
  // A labelled day without its hour (`Date: September 25, 2018`) yields to the same day with its hour in the page's
  // structured data (`startDate: 2018-09-25T08:00:00-05:00`). Page:
  // us-95th-street-ssa4-business-association-meeting-2018-09-25.
  if (d.reportedAt?.includes('T00:00:00') && fromLd.reportedAt && !fromLd.reportedAt.includes('T00:00:00')) {
    if (fromLd.reportedAt.slice(0, 10) === d.reportedAt.slice(0, 10)) d.reportedAt = fromLd.reportedAt;
  }
  fillGaps(d, fromLd);
  fillGaps(d, reportedLine(scan, ctx));
  // Lines the page prints by script (`document.write('发布时间：' + pubdata)`): its time to the second beats the same
  // minute a <meta> gives.
  const written = scriptLineFields(scan, ctx);
  if (written.reportedAt && d.reportedAt?.slice(0, 16) === written.reportedAt.slice(0, 16))
    d.reportedAt = written.reportedAt;
  fillGaps(d, written);
  fillGaps(d, docketCaption(scan) ?? {});
  const numberPair = issuePairs.find((p) => p.field === 'caseNumber');
  if (!d.title && d.caseNumber && numberPair) d.title = captionNearNumber(numberPair.valueEl, d.caseNumber);
  fillGaps(d, recordLine(scan, page.pageUrl) ?? {});
  // A line read as a field (`Assigned to Public Works`) is no part of the description.
  const phraseLines = new Set<Element>();
  fillGaps(d, phraseFields(scan, ctx, phraseLines));
  fillGaps(d, partiesFields(scan, phraseLines));
  d.address ??= addressUnderHeading(scan) ?? namedAddress(scan);
  d.updates = collectUpdates(scan, pairs, tables, ctx).map(({ at, text, by, status }) => ({ at, text, by, status }));
  // A case the page states in structured data answers with its own replies (`acceptedAnswer`), before any block
  // the page's layout shows as one (its sidebar's other questions).
  if ((!d.updates.length || structured.isCase) && (structured.updates.length || structured.answersStated)) {
    d.updates = structured.updates.map((u) => ({ ...u, at: parseDate(u.at, ctx) }));
  }
  d.caseNumber ??=
    numberInHeading(scan, meta.title) ??
    abbreviatedNumber(scan) ??
    numberLine(scan) ??
    numberSignLine(scan) ??
    kindNumberHeading(scan) ??
    paperNumberLeaf(scan) ??
    bareNumberTitle(scan, meta.title, ctx);
  const register = d.caseNumber || limited ? undefined : registerNumberLine(scan);
  d.caseNumber ??= register?.number;
  // A bill's number shown alone above its fields beats an internal code a label gives (`LR Number: 145S.06T`, the
  // drafting office's version code). Pages: us-missouri-house-hb45-bill-summary, us-missouri-senate-sb70-bill-summary.
  const bill = billNumber(scan);
  const labelled = numberPair?.valueEl;
  if (bill && (!d.caseNumber || (!BILL_NUMBER.test(d.caseNumber) && labelled && before(scan, bill.el, labelled))))
    d.caseNumber = bill.number;
  // Beside the bill's number: its sponsors on the number's line, what the bill is in the block after it; a labelled
  // title that is only the bill's version string yields to that. Pages: us-missouri-house-hb45-bill-summary,
  // us-missouri-senate-sb70-bill-summary, us-sc-legislature-s494-bill-history.
  const beside = bill && d.caseNumber === bill.number && !limited ? besideNumber(bill.el) : undefined;
  if (beside) {
    d.reporterName ??= sponsorsOnLine(beside.line);
    if (d.title && isVersionString(d.title, d.caseNumber)) d.title = undefined;
    const words = beside.next;
    if (words.length >= 8 && !/^[^:：]{1,40}[:：]/.test(words) && !parseDate(words, ctx)) {
      // A page with headings of its own titles itself by them (`<h1>House Bill 2785</h1>`, us-oregon-leg-hb2785-bill-history).
      const headed = scan.all.some((el) => /^H[1-3]$/.test(tagOf(el)) && !scan.excluded(el));
      if (words.length <= 200) d.title ??= headed ? undefined : words;
      else d.description ??= words;
    }
  }
  if (!d.title && d.caseNumber && !register && isDocketNumber(d.caseNumber)) d.title = captionLine(scan);
  // No `承办单位` on the page: the body that answers (`答复机关`, `回复单位`) is the one handling the case.
  const answeredBy = pairs.find((p) => p.field === 'updateBy');
  if (!d.department && answeredBy) d.department = splitMeta(answeredBy.value.split('\n')[0]!, ctx).rest;
  // Nor a label: the unit named in a reply's header (`XX区住房和城乡建设局回复`) answers for it (issue 18).
  // A leader answering by title and name (`国家体育总局局长苟仲文`) likewise (cn-people-liuyan-sport-message-6835141).
  d.department ??= d.updates.find((u) => u.by && isAnswererName(u.by))?.by;
  // A source that is a public body (`来源：北京市住房和城乡建设委员会` on a consultation) is the body behind the case, not
  // the channel it came by. Page: cn-beijing-hudong-gfxwjzj-presale-contract-consultation.
  if (!d.department && d.channel && isUnitName(d.channel)) {
    d.department = d.channel;
    d.channel = undefined;
  }
  // Or the reply's heading label (`交通运输部回复：`): the body it names.
  d.department ??= pairs.map((p) => (p.field === 'update' ? unitOfReplyHead(p.label) : undefined)).find(Boolean);
  d.reporterName ??= quotedWriter(scan.root.textContent ?? '');
  const used = new Set<Element>([...scan.used, ...phraseLines]);
  for (const p of pairs) {
    // `当升科技：9614.5万元竞得…。金陵药业：…。` is prose that starts like an unknown label, not a field to leave out of
    // the text (证券时报网 快讯). Page: cn-stcn-noon-announcements.
    if (!p.field && p.value.length >= 80 && (p.value.match(/[。！？]/g)?.length ?? 0) >= 2) continue;
    used.add(p.el);
    used.add(p.valueEl);
  }
  const inside = new Map<Element, boolean>();
  // Anything inside a used element (a reply list, a label's value) is not the description.
  const skip = (el: Element): boolean => {
    const known = inside.get(el);
    if (known !== undefined) return known;
    const out = used.has(el) || (el.parentElement !== null && el !== scan.root && skip(el.parentElement));
    inside.set(el, out);
    return out;
  };
  // Values whose labels no table knows, read by their shape: only what nothing else has filled (value-shapes.ts).
  const guess = limited ? {} : guessByShape(pairs, ctx);
  d.description ??= guess.description;
  const block = d.description ? null : bestContentBlock(scan, skip);
  if (block) {
    const text = withoutPolicyLinks(withoutBadgeLine(contentText(scan, block, skip)));
    if (text.length >= 15 && !addressedToReader(text) && !aboutTheSite(text)) {
      const summary = limited ? undefined : summaryBefore(scan, block, skip, text.length);
      d.description = summary ? `${summary}\n${text}` : text;
    }
  }
  // A page of pairs whose one phrase says what the case is, and no paragraph: the phrase over a notice's lines.
  if (guess.phrase && (!d.description || (block && !hasParagraph(d.description)))) d.description = guess.phrase;
  if (!d.description && !limited && meta.description) d.description = wholeInBody(meta.description, scan);
  const meeting = limited ? undefined : page.meeting();
  if (!d.title) {
    d.title = limited ? selectionTitle(scan) : fallbackTitle(scan, meta.title, meta.ogTitle, meta.siteName, block);
    if (d.title && !limited) d.title = specificHeading(scan, d.title) ?? d.title;
    // A meeting's page is titled by the heading naming the body and its day, not by the portal's <title>
    // (`Bekendmakingen Lokaal bestuur Anzegem`, `Meeting.burger Boortmeerbeek`), unless the title is part of it.
    if (meeting && !(d.title && meeting.heading.includes(d.title))) d.title = meeting.title;
    // No heading but the site's <title>: the matter's name under its register number names it.
    if (register?.name && (!d.title || d.title === collapse(meta.title ?? ''))) d.title = register.name;
    // Nor one but the <title> (the portal's name), on a bill's page showing its number alone: the number names it
    // (`PL 1034/2022`). Page: br-camara-pl-1034-2022.
    if (bill && d.caseNumber === bill.number && (!d.title || d.title === collapse(meta.title ?? '')))
      d.title = bill.number;
  }
  const ruled = d.title || limited ? undefined : ruledHeading(d.description, ctx);
  if (ruled) d.title = ruled.title;
  if (!d.title && d.description) d.title = firstSentence(d.description);
  if (d.title && !limited) d.title = namedAfterNumber(d.title, d.caseNumber, meta.ogTitle) ?? d.title;
  const underKind = d.title && !limited ? nameUnderKindHeading(scan, d.title) : undefined;
  if (underKind) {
    d.title = underKind.title;
    d.caseNumber ??= underKind.code;
  }
  if (d.title && !limited) d.title = meetingUnderBody(scan, d.title) ?? d.title;
  if (d.title && !limited) d.title = titlePartNamedByAddress(d.title, meta.title ?? '', page.pageUrl) ?? d.title;
  const viewed = limited
    ? undefined
    : underViewHeadings(scan, d.title, { docTitle: meta.title ?? '', ogTitle: meta.ogTitle, siteName: meta.siteName });
  if (viewed)
    [d.title, d.caseNumber, d.address] = [viewed.title, viewed.code ?? d.caseNumber, d.address ?? viewed.address];
  // `Development Application (10-2019-46-1)`: a code in brackets closing the case's own title is its number, before
  // a number read from a table of other records (`Related Applications`, `Documents`). Pages: the b5-au MasterView
  // details (au-bogan-masterview-cons-2019-11-details, au-maranoa-masterview-pa-30-2019-19912-details).
  const bracketed = d.title ? (BRACKETED_CODE.exec(d.title)?.[1] ?? closingDocumentNumber(d.title)) : undefined;
  if (bracketed && !(d.caseNumber && d.title!.includes(d.caseNumber))) d.caseNumber = bracketed;
  const inUpdates = (el: Element) => [...scan.used].some((u) => u.contains(el));
  // The badges inside the title heading (`<em class="green">已办理</em><em class="domainType">建言</em>`): the case's
  // status and its kind. Page: cn-people-liuyan-sport-message-6835141.
  const heading = limited ? undefined : titleHeading(scan, d.title);
  const badges = heading ? headingBadges(heading) : { status: [], tags: [] };
  // Nor a reply: a body named alone by the title. Pages: au-nsw-planning-portal-planning-panel-ppssth-638,
  // us-detroit-board-of-ethics-meeting-2021-04-21.
  // Bootstrap's `<h1 class="page-header">` reads as the site's banner and is left out of the scan: the heading is
  // still the one showing the title (us-detroit-board-of-ethics-meeting-2021-04-21).
  if (!d.department) {
    const titleLine = heading ?? (limited ? undefined : headingShowing(scan.root, d.title));
    if (titleLine) d.department = bodyNearTitle(titleLine);
  }
  d.status ??= statusBadge(scan, inUpdates) ?? endedOn(pairs) ?? answeredOn(pairs) ?? mapStatus(badges.status[0]);
  d.status ??= limited ? undefined : closingSentence(scan, inUpdates);
  d.status ??= [...d.updates].reverse().find((u) => u.status)?.status;
  d.status ??= guess.status;
  d.caseNumber ??= guess.caseNumber;
  const registered = d.caseNumber && !limited ? numberAndDay(d.caseNumber, scan, ctx) : undefined;
  if (registered) d.caseNumber = registered.number;
  d.address ??= guess.address;
  if (!d.category && badges.tags.length) d.category = badges.tags.join(' ');
  d.reporterName ??= heading ? maskedAuthorUnder(heading, ctx) : undefined;
  // A sponsor or author that is a body (`Sponsor: St. Louis Development Corporation`) is the office behind the page,
  // not a person who reported. Page: us-stlouis-sldc-board-meeting-materials-2020-07-16.
  if (!d.department && d.reporterName && BODY_NAME.test(d.reporterName)) {
    d.department = d.reporterName;
    d.reporterName = undefined;
  }
  d.reporterName ??= guess.reporterName;
  d.department ??= guess.department ?? (limited ? undefined : contactUnit(scan));
  if (d.description && block) d.description = withoutBylineLines(d.description, d.reporterName, ctx);
  // The meeting's start, over the day its papers were published (`Publicatiedatum: 17/04/2024`).
  if (meeting) d.reportedAt = meeting.reportedAt;
  if (meeting?.place) d.address ??= meeting.place;
  const shown = dateNearTitle(scan, d.title, ctx);
  if (!d.reportedAt && !limited) d.reportedAt = publishedDate(meta.published, shown, ctx);
  d.reportedAt ??= shown;
  d.reportedAt ??= ruled?.at;
  if (!d.reportedAt && !limited) d.reportedAt = meetingDate(scan, meta.title, ctx, pairs);
  if (!d.reportedAt && !limited) d.reportedAt = yearlessNearTitle(scan, d.title, meta.published ?? meta.updated, ctx);
  if (!d.reportedAt && !limited) d.reportedAt = dateEndingTitle(d.title, ctx);
  if (!d.reportedAt && !limited) d.reportedAt = dateTheWriterGives(d.description, ctx);
  if (!d.reportedAt && !limited) d.reportedAt = loneDate(scan, ctx);
  d.reportedAt ??= guess.reportedAt;
  // The day a number was registered is the day the case was brought in: no later step dates it.
  if (registered && (!d.reportedAt || Date.parse(registered.at) < Date.parse(d.reportedAt)))
    d.reportedAt = registered.at;
  // A bill dated nowhere but in its history was brought in on the day the history starts (`02/02/11 Senate Introduced
  // and read first time`). Page: us-sc-legislature-s494-bill-history.
  if (!d.reportedAt && d.caseNumber && BILL_NUMBER.test(d.caseNumber)) {
    d.reportedAt = d.updates
      .map((u) => u.at)
      .filter((at): at is string => Boolean(at))
      .sort(byInstant)[0];
  }
  if (d.reportedAt && !limited) d.reportedAt = withHourBeside(scan, d.reportedAt, ctx);
  const anchors = issuePairs.map((p) => p.valueEl);
  if (block) anchors.push(block);
  const region = lowestCommonAncestor(anchors) ?? scan.root;
  d.attachments = collectAttachments(region, page.base, scan);
  for (const img of structured.images) {
    const url = resolveUrl(img, page.base);
    if (url && !d.attachments.some((a) => a.url === url)) d.attachments.push({ url, kind: 'image' });
  }
  // A page's `Last updated: 7 May 2025` beside its policy links is no step of the case.
  d.updates = d.updates.filter((u) => withoutPolicyLinks(u.text ?? '') !== '' || !u.text);
  d.url = page.pageUrl;
  return d;
}

/**
 * A title that is only the case's number (`S.54`, read from its heading once the `Latest Title:` label is unknown)
 * yields to the name the page's own title meta gives after that number (`<meta name="dc.title" content="S.54 - Stop
 * Illegal Trafficking in Firearms Act of 2013">`). Page: us-thomas-s54-bill-status (label-blind).
 */
function namedAfterNumber(title: string, caseNumber: string | undefined, metaTitle: string | undefined) {
  if (!caseNumber || title.replace(/\s+/g, '') !== caseNumber.replace(/\s+/g, '')) return undefined;
  const m = metaTitle ? CODE_THEN_NAME.exec(metaTitle) : null;
  return m && m[1]!.replace(/\s+/g, '') === title.replace(/\s+/g, '') ? m[2]!.trim() : undefined;
}

const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b);

// `BP346/04.06.2013`: a register's code and the whole day it was registered on.
const NUMBER_WITH_DAY = /^([A-Za-z]{0,5}[-.]?\d{1,6})\/(\d{2}[.-]\d{2}[.-]((?:19|20)\d{2}))$/;

/**
 * A labelled number carrying its day of registration (`Camera Deputatilor: BP346/04.06.2013`) where the page cites the
 * case by the code and the year (`BP346/2013`, its heading): that is its number, the day when it was registered.
 * Page: ro-cdep-bp346-2013-ziua-independentei.
 */
function numberAndDay(caseNumber: string, scan: Scan, ctx: DateContext): { number: string; at: string } | undefined {
  const m = NUMBER_WITH_DAY.exec(caseNumber);
  if (!m) return undefined;
  const number = `${m[1]}/${m[3]}`;
  const at = parseDate(m[2]!, ctx);
  return at && (scan.root.textContent ?? '').includes(number) ? { number, at } : undefined;
}

function selectionTitle(scan: Scan): string | undefined {
  const h = scan.all.find((el) => /^H[1-6]$/.test(tagOf(el)));
  if (h) return collapse(h.textContent ?? '') || undefined;
  const lines = readText(scan.root).split('\n');
  if (lines.length >= 2 && lines[0]!.length <= 60) return lines[0];
  return undefined;
}

export function firstSentence(text: string): string {
  const first = text.split('\n')[0] ?? text;
  const m = /^(.{4,60}?)[。！？!?.]/.exec(first);
  return (m ? m[1]! : first.slice(0, 60)).trim();
}

/** Whether `a` comes before `b` in the page (the scan's order: linkedom's compareDocumentPosition is not relied on). */
function before(scan: Scan, a: Element, b: Element): boolean {
  return (scan.order.get(a) ?? Number.POSITIVE_INFINITY) < (scan.order.get(b) ?? Number.NEGATIVE_INFINITY);
}
