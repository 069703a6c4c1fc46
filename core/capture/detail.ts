/**
 * A detail page → one draft: label pairs first, then JSON-LD, FixMyStreet-style "Reported … by … at …" lines,
 * updates, and the readable-content fallbacks for title, description, status and date.
 */
import { addressUnderHeading } from './address';
import { maskedAuthorUnder, withoutBylineLines } from './byline';
import { captionLine, captionNearNumber, docketCaption, endedOn, isDocketNumber, numberLine } from './courts';
import { parseDate } from './dates';
import { type Draft, emptyDraft, fieldsFromPairs, fillGaps, splitMeta } from './draft';
import type { findHeaderTables } from './header-tables';
import { ISSUE_FIELDS } from './labels';
import { loneDate, numberSignLine } from './lone-fields';
import type { readMeta, Structured } from './meta';
import { meetingDate, namedAddress } from './named-fields';
import { fallbackTitle, headingBadges, specificHeading, titleHeading } from './page-title';
import type { Pair } from './pairs';
import { partiesFields, phraseFields } from './phrases';
import { bestContentBlock, contentText } from './readable';
import { recordLine } from './record-line';
import type { Scan } from './scan';
import { mapStatus } from './status';
import {
  addressedToReader,
  collapse,
  isAnswererName,
  quotedWriter,
  readText,
  TITLE_CLASS,
  tagOf,
  unitOfReplyHead,
} from './text';
import { collectUpdates } from './updates';
import { collectAttachments, resolveUrl } from './urls';
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
// `Reported in the Potholes category by Helen Carter at 10:02, Tue 3 March 2026` (FixMyStreet and its clones).
const REPORTED_LINE =
  /^(?:problem\s+)?reported\s+(?:via\s+\S+\s+)?(?:in\s+the\s+(.+?)\s+category\s+)?(?:anonymously\s+)?(?:by\s+(.+?)\s+)?(?:at|on)\s+(.+)$/i;

function reportedLine(scan: Scan, ctx: DateContext): Partial<Draft> {
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

function fromStructured(s: Structured, ctx: DateContext): Partial<Draft> {
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

/** Recipe values for one root, normalised like generic values. Returns the draft part and the fields it set. */
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
}

const NUMBER_IN_HEADING =
  /(?:#|\bNo\.?\s*|\bNumber:?\s*|\bReference:?\s*|\bRef\.?:?\s*|编号[:：]?\s*|編號[:：]?\s*)([A-Za-z]{0,6}[-/]?\d[\dA-Za-z/-]{4,})/i;

// A code of letters and digits parted by `/` or `-` (`CONS 2019/11`, `30 - 2019 - 19912 - 1`), not a year `(2019)`.
const BRACKETED_CODE = /\(\s*([A-Z]{0,6}\s?\d[\d\s/.-]*[-/][\d\s/.-]*\d)\s*\)$/;

/** `<h1>Service Request #26-00184733</h1>`: a case number the page only shows in its heading or <title>. */
function numberInHeading(scan: Page['scan'], docTitle: string): string | undefined {
  for (const el of scan.all) {
    if (!/^H[1-3]$/.test(tagOf(el))) continue;
    // The heading, or the caption just above or below it (`<span class="caption">Case reference ENQ/…</span>`).
    for (const near of [el, el.previousElementSibling, el.nextElementSibling]) {
      const raw = near?.textContent ?? '';
      const m = raw.length <= 200 ? NUMBER_IN_HEADING.exec(raw) : null;
      if (m) return m[1];
    }
  }
  return NUMBER_IN_HEADING.exec(docTitle)?.[1];
}

// `House Bill 3623` over a table whose first cell is `<b>HB 3623</b>`: the heading's words by their initials, then
// its number. Page: us-oregon-leg-hb3623-bill-history.
const WORDS_THEN_NUMBER = /^((?:[A-Za-z]+\s+){1,4})(\d{1,6})$/;
const INITIALS_THEN_NUMBER = /^([A-Z][A-Z.\s]{0,10}?)\s*(\d{1,6})$/;

// `<h1>Bill Summary & Status … H.R.718 All Information</h1>` and `<b>H.R.718</b>` alone below it: a code the
// heading names and the page repeats on its own. Page: us-thomas-hr718-bill-status.
const CODE_IN_HEADING = /(?<![\w.])([A-Z](?:[A-Z]|\.){0,12}\s?\d{1,6})(?![\w.])/g;

/**
 * A case number the page prints as the initials of its heading's words and the heading's number, or as a code the
 * heading names that stands alone elsewhere on the page.
 */
function abbreviatedNumber(scan: Page['scan']): string | undefined {
  for (const h of scan.all) {
    if (!/^H[1-3]$/.test(tagOf(h)) || scan.excluded(h)) continue;
    // readText: a `<br>` inside the heading parts its words (`H.R.718<br>All Information`).
    const heading = collapse(readText(h));
    const codes = new Set([...heading.matchAll(CODE_IN_HEADING)].map((c) => c[1]!).filter((c) => /[A-Z].*\d/.test(c)));
    if (codes.size) {
      const alone = scan.all.find(
        (el) => el !== h && !h.contains(el) && scan.leafy.has(el) && codes.has(collapse(el.textContent ?? '')),
      );
      if (alone) return collapse(alone.textContent ?? '');
    }
    const m = WORDS_THEN_NUMBER.exec(heading);
    if (!m) continue;
    const initials = m[1]!
      .trim()
      .split(/\s+/)
      .map((w) => w[0]!.toUpperCase())
      .join('');
    for (const el of scan.all) {
      if (!scan.leafy.has(el) || scan.excluded(el)) continue;
      const raw = el.textContent ?? '';
      if (raw.length > 30) continue;
      const t = collapse(raw);
      const code = INITIALS_THEN_NUMBER.exec(t);
      if (code && code[2] === m[2] && code[1]!.replace(/[.\s]/g, '') === initials) return t;
    }
  }
  return undefined;
}

export function detailDraft(page: Page, pairs: Pair[], tables: ReturnType<typeof findHeaderTables>): Draft {
  const { scan, ctx, meta, limited } = page;
  const issuePairs = pairs.filter((p) => p.field && ISSUE_FIELDS.has(p.field));
  const d = fillGaps(emptyDraft(), fieldsFromPairs(issuePairs, ctx));
  const structured = page.structured;
  fillGaps(d, fromStructured(structured, ctx));
  fillGaps(d, reportedLine(scan, ctx));
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
  if (!d.updates.length && structured.updates.length) {
    d.updates = structured.updates.map((u) => ({ ...u, at: parseDate(u.at, ctx) }));
  }
  d.caseNumber ??=
    numberInHeading(scan, meta.title) ?? abbreviatedNumber(scan) ?? numberLine(scan) ?? numberSignLine(scan);
  if (!d.title && d.caseNumber && isDocketNumber(d.caseNumber)) d.title = captionLine(scan);
  // No `承办单位` on the page: the body that answers (`答复机关`, `回复单位`) is the one handling the case.
  const answeredBy = pairs.find((p) => p.field === 'updateBy');
  if (!d.department && answeredBy) d.department = splitMeta(answeredBy.value.split('\n')[0]!, ctx).rest;
  // Nor a label: the unit named in a reply's header (`XX区住房和城乡建设局回复`) answers for it (issue 18).
  // A leader answering by title and name (`国家体育总局局长苟仲文`) likewise (cn-people-liuyan-sport-message-6835141).
  d.department ??= d.updates.find((u) => u.by && isAnswererName(u.by))?.by;
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
  const block = d.description ? null : bestContentBlock(scan, skip);
  if (block) {
    const text = withoutBadgeLine(contentText(scan, block, skip));
    if (text.length >= 15 && !addressedToReader(text)) d.description = text;
  }
  if (!d.description && !limited && meta.description) d.description = wholeInBody(meta.description, scan);
  if (!d.title) {
    d.title = limited ? selectionTitle(scan) : fallbackTitle(scan, meta.title, meta.ogTitle, meta.siteName, block);
    if (d.title && !limited) d.title = specificHeading(scan, d.title) ?? d.title;
  }
  if (!d.title && d.description) d.title = firstSentence(d.description);
  // `Development Application (10-2019-46-1)`: a code in brackets closing the case's own title is its number, before
  // a number read from a table of other records (`Related Applications`, `Documents`). Pages: the b5-au MasterView
  // details (au-bogan-masterview-cons-2019-11-details, au-maranoa-masterview-pa-30-2019-19912-details).
  const bracketed = d.title ? BRACKETED_CODE.exec(d.title)?.[1] : undefined;
  if (bracketed && !(d.caseNumber && d.title!.includes(d.caseNumber))) d.caseNumber = bracketed;
  const inUpdates = (el: Element) => [...scan.used].some((u) => u.contains(el));
  // The badges inside the title heading (`<em class="green">已办理</em><em class="domainType">建言</em>`): the case's
  // status and its kind. Page: cn-people-liuyan-sport-message-6835141.
  const heading = limited ? undefined : titleHeading(scan, d.title);
  const badges = heading ? headingBadges(heading) : { status: [], tags: [] };
  d.status ??= statusBadge(scan, inUpdates) ?? endedOn(pairs) ?? mapStatus(badges.status[0]);
  d.status ??= [...d.updates].reverse().find((u) => u.status)?.status;
  if (!d.category && badges.tags.length) d.category = badges.tags.join(' ');
  d.reporterName ??= heading ? maskedAuthorUnder(heading, ctx) : undefined;
  // A sponsor or author that is a body (`Sponsor: St. Louis Development Corporation`) is the office behind the page,
  // not a person who reported. Page: us-stlouis-sldc-board-meeting-materials-2020-07-16.
  if (!d.department && d.reporterName && BODY_NAME.test(d.reporterName)) {
    d.department = d.reporterName;
    d.reporterName = undefined;
  }
  if (d.description && block) d.description = withoutBylineLines(d.description, d.reporterName, ctx);
  const shown = dateNearTitle(scan, d.title, ctx);
  if (!d.reportedAt && !limited) {
    const published = parseDate(meta.published, ctx);
    // A meta date without a time (人民网: `<meta name="publishdate" content="2019-06-15">`) yields to the same day
    // shown with its time by the title (`2019年06月15日08:18`).
    const sameDayShown = published && shown && DATE_ONLY.test(meta.published ?? '') && sameDay(published, shown);
    d.reportedAt = sameDayShown ? shown : published;
  }
  d.reportedAt ??= shown;
  if (!d.reportedAt && !limited) d.reportedAt = meetingDate(scan, meta.title, ctx, pairs);
  if (!d.reportedAt && !limited) d.reportedAt = yearlessNearTitle(scan, d.title, meta.published ?? meta.updated, ctx);
  if (!d.reportedAt && !limited) d.reportedAt = dateTheWriterGives(d.description, ctx);
  if (!d.reportedAt && !limited) d.reportedAt = loneDate(scan, ctx);
  const anchors = issuePairs.map((p) => p.valueEl);
  if (block) anchors.push(block);
  const region = lowestCommonAncestor(anchors) ?? scan.root;
  d.attachments = collectAttachments(region, page.base, scan);
  for (const img of structured.images) {
    const url = resolveUrl(img, page.base);
    if (url && !d.attachments.some((a) => a.url === url)) d.attachments.push({ url, kind: 'image' });
  }
  d.url = page.pageUrl;
  return d;
}

// `<div id="sort">Adopté</div>`: French `sort` is an amendment's fate, as `outcome` and `decision` are in English.
// Page: fr-assemblee-nationale-amendement-cl4-996.
const BADGE_CLASS =
  /status|state|zt|badge|tag|label|flag|stat|banner|pill|chip|(?:^|\s)sort(?:\s|$)|outcome|decision|verdict/i;

/** An unlabelled status on a detail page: a badge (`<span class="status">已办结</span>`) or a status banner. */
/** `Acknowledged` on a line of its own above the text is the case's badge, not words of its description. */
function withoutBadgeLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && nl <= 30 && mapStatus(text.slice(0, nl), true) ? text.slice(nl + 1) : text;
}

function statusBadge(scan: Scan, skip: (el: Element) => boolean): Draft['status'] {
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el) || skip(el)) continue;
    let hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    // `<div id="request_status"><p>The request was <strong>successful</strong>.</p></div>`: the badge's words sit
    // in the one paragraph of a status box.
    const box = el.parentElement;
    if (!BADGE_CLASS.test(hint) && box && box.childElementCount === 1 && tagOf(el) === 'P')
      hint = `${box.getAttribute('class') ?? ''} ${box.getAttribute('id') ?? ''}`;
    const role = el.getAttribute('role');
    if (!BADGE_CLASS.test(hint) && role !== 'status') continue;
    const raw = el.textContent ?? '';
    if (raw.length > 200) continue;
    const t = collapse(raw);
    // A badge of a few words is one status word (`Non soutenu`); a status box may say more around it.
    const statusBox = role === 'status' || /banner|status/i.test(hint);
    const s =
      t.length <= 10 || (!statusBox && t.length <= 24) ? mapStatus(t, true) : statusBox ? mapStatus(t) : undefined;
    if (s) return s;
  }
  return undefined;
}

const DATE_ONLY = /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$/;

function sameDay(a: string, b: string): boolean {
  return a.slice(0, 10) === b.slice(0, 10);
}

/**
 * The date line by the title heading: the next two non-empty elements (`<h1>…</h1><div class="info">2026-05-30
 * 10:21 …</div>`; 人民网 keeps an empty subtitle and author line between), else the one just above it (a blog's
 * `<p class="newsdatum">Donnerstag, 31. Mai 2012</p><h2>…</h2>`).
 */
function dateNearTitle(scan: Scan, title: string | undefined, ctx: DateContext): string | undefined {
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
  let prev = heading.previousElementSibling;
  while (prev && dateIn(prev) === null) prev = prev.previousElementSibling;
  return (prev && dateIn(prev)) || undefined;
}

const YEARLESS_DAY = /^[^\d]{0,8}(?:(\d{2})-)?(\d{1,2})-(\d{1,2})$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/**
 * 百家号 shows `发布时间：09-30` and `22:46` in two spans under the heading, without the year (or `18-03-08`); its
 * `<meta itemprop="dateUpdate" content="2019-09-30 22:46:13">` names the same day with the year: the day shown takes
 * that year. Pages: cn-baijiahao-pager-news, cn-baijiahao-guzheng-feature, cn-baijiahao-trousers-ad (held-out-cn,
 * seen after its one scoring).
 */
function yearlessNearTitle(
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
function dateTheWriterGives(description: string | undefined, ctx: DateContext): string | undefined {
  const first = description?.split('\n', 1)[0] ?? '';
  return first.length <= 300 && FIRST_PERSON.test(first) ? parseDate(first, ctx) : undefined;
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

/** A plain-text selection (`诉求标题：…⏎联系人：…` or just prose). */
