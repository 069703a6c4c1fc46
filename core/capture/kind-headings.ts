/**
 * Headings that only name what kind of record a page shows (`<h1>Bréf</h1>`, `<h1>Item - 2024.GG16.12</h1>`) or the
 * body it belongs to (`<h2>Town Board</h2>`): the case's own name is the heading that follows them.
 */

import { looksLikeAddress } from './address';
import { TITLE_CLASS, tagOf } from './elements';
import { namesPageType } from './page-title';
import type { Scan } from './scan';
import { collapse } from './text';
import { pastViewerHeading, type SiteWords } from './viewer-heading';
import { readText } from './visible-text';

// `Bréf`, `Item - 2024.GG16.12`: one word, alone or before a code of letters and digits parted by dots, dashes or
// slashes.
const KIND_ONLY = /^(\p{L}{2,24})(?:\s*[-–—:]?\s+([\p{L}\d]+(?:[./-][\p{L}\d]+){1,4}))?$/u;
// `GG16.12 - Award of Doc4553928310 to GFL Environmental Inc., …`, `S.54 - Stop Illegal Trafficking …`: the code (or
// its end), a dash, colon or bar, then the name.
export const CODE_THEN_NAME = /^\s*(\S{2,30})\s+[-–—:|]\s+(.{12,300})$/;
// A body's name (`Town Board`, `Planning Commission`): whose meeting it is, not which one.
const BODY_NAME = /^[\p{Lu}][\p{L}'’&\s-]{0,60}\b(?:Board|Council|Committee|Commission|Authority|Trustees)$/u;

const headingText = (el: Element) => collapse(el.textContent ?? '');
// A set, not a regex: repeatOneHeading asks it of every element a list page keeps.
const MID_HEADINGS = new Set(['H2', 'H3', 'H4', 'H5']);

/**
 * The case's name under an h1 that only names the record's kind, and the code that h1 gives. A lone word is followed
 * at once by the name (`<h1>Bréf</h1>` then `<h3>Frumkvæðisathugun. Fyrirkomulag á bólusetningum …</h3>`, page:
 * is-umbodsmadur-althingis-f143-2023-hpv-case); a kind and a code by a heading that starts with that code, or its
 * end, before a dash (`<h3>GG16.12 - Award of …</h3>`, page: ca-toronto-tmmis-agenda-item-2024-gg16-12).
 */
export function nameUnderKindHeading(scan: Scan, title: string): { title: string; code?: string } | undefined {
  const m = KIND_ONLY.exec(title);
  const code = m?.[2];
  if (!m || (code && !/\d/.test(code))) return undefined;
  const at = scan.all.findIndex((el) => tagOf(el) === 'H1' && headingText(el) === title);
  if (at < 0) return undefined;
  for (let i = at + 1; i < scan.all.length && i < at + 200; i++) {
    const el = scan.all[i]!;
    if (!/^H[2-4]$/.test(scan.tags[i]!) || scan.excluded(el)) continue;
    const text = headingText(el);
    if (!code) return text.length <= 300 && text.split(' ').length >= 4 ? { title: text } : undefined;
    const named = CODE_THEN_NAME.exec(text);
    const shown = named?.[1];
    if (shown && /\d/.test(shown) && (code === shown || code.endsWith(`.${shown}`) || code.endsWith(`-${shown}`)))
      return { title: named[2]!, code };
  }
  return code ? { title, code } : undefined;
}

/**
 * A parliament's paper under an h1 that names only its kind (`<h1>Motie</h1>`, `Amendment`, `Question`): the paper's
 * own heading is the first heading or title element after it that opens with that kind (`<p class="use-as-title">
 * Motie van het lid Helder over …</p>`), where the <title> names the dossier it belongs to (the bill's long title).
 * Page: nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen.
 */
export function paperUnderKindHeading(scan: Scan): string | undefined {
  const at = scan.tags.indexOf('H1');
  if (at < 0) return undefined;
  const kind = headingText(scan.all[at]!);
  if (!/^\p{L}{3,24}$/u.test(kind)) return undefined;
  const opens = new RegExp(`^${kind}\\s`, 'iu');
  for (let i = at + 1; i < scan.all.length && i < at + 40; i++) {
    const el = scan.all[i]!;
    const tag = scan.tags[i]!;
    if (!/^H[1-4]$/.test(tag) && !TITLE_CLASS.test(el.getAttribute('class') ?? '')) continue;
    if (scan.excluded(el)) continue;
    const text = headingText(el);
    if (opens.test(text) && text.length <= 300 && text.split(' ').length >= 4) return text;
    if (/^H[1-4]$/.test(tag)) return undefined;
  }
  return undefined;
}

/**
 * `<h2>Town Board</h2><h3>January Organizational & Regular Meeting</h3>`: a title that is a body's name yields to the
 * lower heading right after it, which says which of its meetings the page is. Page:
 * us-finetownny-digital-towpath-town-board-meeting-2026-01-14.
 */
export function meetingUnderBody(scan: Scan, title: string): string | undefined {
  if (!BODY_NAME.test(title)) return undefined;
  const at = scan.all.findIndex((el) => /^H[1-5]$/.test(tagOf(el)) && headingText(el) === title);
  if (at < 0) return undefined;
  const rank = Number(scan.tags[at]!.slice(1));
  for (let i = at + 1; i < scan.all.length && i < at + 6; i++) {
    if (!/^H[1-6]$/.test(scan.tags[i]!)) continue;
    const text = headingText(scan.all[i]!);
    // Its date or hour (`May 9 @ 1:30 pm - 4:00 pm`) says when, not which meeting (us-amats-technical-advisory-committee-2019-05-09).
    const lower = Number(scan.tags[i]!.slice(1)) > rank;
    return lower && text.length >= 8 && text.length <= 200 && !/\d/.test(text) ? text : undefined;
  }
  return undefined;
}

/**
 * Blocks that each repeat one same heading (`<h2>City Council consideration on October 9 and 10, 2024</h2>` and
 * `<h2>General Government Committee consideration on …</h2>`, each over `<h3>GG16.12 - Award of …</h3>`): the stages
 * one record went through, not a list of records. Page: ca-toronto-tmmis-agenda-item-2024-gg16-12.
 */
export function repeatOneHeading(scan: Scan, items: Element[]): boolean {
  if (items.length < 2) return false;
  // Most lists have no mid heading at all: a set of a 10,000-row list's rows is built only when one is there.
  let itemSet: Set<Element> | undefined;
  const texts = new Map<Element, Set<string>>();
  // Each block's first heading's link: blocks each opened by a link to a page of their own are records, whatever
  // part of each they head alike (`<h4>Niet deelgenomen</h4>` under each motion's vote). Page:
  // nl-tweedekamer-stemmingsuitslagen-moties-wet-auteurscontractenrecht-2015-02-12.
  const links = new Map<Element, string | null>();
  for (let i = 0; i < scan.all.length; i++) {
    if (!MID_HEADINGS.has(scan.tags[i]!)) continue;
    itemSet ??= new Set(items);
    let a: Element | null = scan.all[i]!.parentElement;
    while (a && !itemSet.has(a)) a = a.parentElement;
    if (!a) continue;
    if (!links.has(a)) {
      const link = scan.all[i]!.firstElementChild;
      const href = link && tagOf(link) === 'A' ? link.getAttribute('href') : null;
      links.set(a, href && !href.startsWith('#') ? href : null);
    }
    const text = headingText(scan.all[i]!);
    if (text.length < 12) continue;
    const s = texts.get(a) ?? new Set<string>();
    s.add(text);
    texts.set(a, s);
  }
  if (texts.size !== items.length) return false;
  const hrefs = new Set([...links.values()].filter(Boolean));
  if (links.size === items.length && hrefs.size === items.length) return false;
  const [first, ...rest] = [...texts.values()];
  return [...first!].some((t) => rest.every((s) => s.has(t)));
}

// A heading that names the page's kind of view (`Inspection Detail`, `Accident Report Detail`, `Case Details`): the
// record's own name is on the line under it.
const DETAIL_VIEW = /^(\p{L}{3,24})(?:\s+\p{L}{2,24}){0,2}\s+(?:Detail|Details|Record|Summary)$/u;
// How far past that heading its record's line may stand (a status bar and a note come first on OSHA's pages).
const RECORD_LINE_REACH = 40;
// `Columbus, GA 31904`: a town's line that ends the address by its ZIP or postcode.
const POSTCODE_LINE = /^[\p{L} .'-]{2,40},?\s+[A-Z]{2,3}\.?\s+\d{4,5}(?:-\d{4})?$/u;

/**
 * The record a detail view shows, on the line under its kind heading that gives the kind, the record's number and its
 * name (`<h2>Inspection Detail</h2>` … `<strong>Inspection: 1458614.015 - Group 1 Automotive, Inc.</strong>`): the
 * name, not the view's kind, is the title, and the number is the record's own (not the office's `Report ID`). Where
 * the name stands again in a cell of its own, a street address in the cell after it is the record's site (an
 * establishment's, before its `Mailing:` address). Pages: us-osha-inspection-1458614-group-1-automotive,
 * us-osha-accident-123478-roll-up-door-fall.
 */
export function recordUnderDetailHeading(scan: Scan): { title: string; code: string; address?: string } | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    if (!/^H[1-4]$/.test(scan.tags[i]!) || scan.excluded(scan.all[i]!)) continue;
    const kind = DETAIL_VIEW.exec(headingText(scan.all[i]!))?.[1];
    if (!kind) continue;
    const line = new RegExp(`^${kind}\\s*:\\s*([\\w./-]*\\d[\\w./-]*)\\s+[-–—]{1,2}\\s+(.{3,200})$`, 'iu');
    for (let j = i + 1; j < scan.all.length && j <= i + RECORD_LINE_REACH; j++) {
      const el = scan.all[j]!;
      if (/^H[1-4]$/.test(scan.tags[j]!)) break;
      const raw = el.textContent ?? '';
      if (raw.length > 1000) continue;
      const m = line.exec(collapse(raw));
      if (m) return { title: m[2]!, code: m[1]!, address: siteAfterName(scan, j, m[2]!) };
    }
  }
  return undefined;
}

/** The street address in the first cell after the cell that holds only `name` (the record's site), if one is there. */
function siteAfterName(scan: Scan, from: number, name: string): string | undefined {
  let named: Element | undefined;
  for (let j = from + 1; j < scan.all.length && j <= from + RECORD_LINE_REACH; j++) {
    const el = scan.all[j]!;
    if (scan.tags[j] !== 'TD') continue;
    if (named?.contains(el)) continue;
    if (!named) {
      if ((el.textContent ?? '').length <= 300 && collapse(el.textContent ?? '') === name) named = el;
      continue;
    }
    const lines = readText(el).split('\n').map(collapse).filter(Boolean);
    if (!lines[0] || !looksLikeAddress(lines[0])) return undefined;
    return POSTCODE_LINE.test(lines[1] ?? '') ? `${lines[0]}, ${lines[1]}` : lines[0];
  }
  return undefined;
}

/** The record's own title element (`<p class="view__title">ＤＸ推進調査特別委員会 本文</p>`) under a view's heading. */
export function titleUnderViewHeading(scan: Scan, title: string): string | undefined {
  if (!namesPageType(title)) return undefined;
  const at = scan.all.findIndex((el, i) => /^H[1-4]$/.test(scan.tags[i]!) && headingText(el) === title);
  if (at < 0) return undefined;
  for (let i = at + 1; i < scan.all.length && i <= at + RECORD_LINE_REACH; i++) {
    const el = scan.all[i]!;
    if (/^H[1-4]$/.test(scan.tags[i]!) && headingText(el).length > 12) return undefined;
    if (!TITLE_CLASS.test(el.getAttribute('class') ?? '')) continue;
    const text = headingText(el);
    if (text.length >= 4 && text.length <= 300 && !namesPageType(text)) return text;
  }
  return undefined;
}

/**
 * What a page's view heading yields to, in order: a paper's own heading under its kind, the record's heading under
 * a heading every page of the site carries (viewer-heading.ts) or its title element under a view's kind, then the
 * record's line (name, number and site) under a detail view's heading.
 */
export function underViewHeadings(
  scan: Scan,
  title: string | undefined,
  words: SiteWords,
): { title?: string; code?: string; address?: string } {
  let named = title ? (paperUnderKindHeading(scan) ?? title) : title;
  if (named) named = pastViewerHeading(scan, named, words) ?? titleUnderViewHeading(scan, named) ?? named;
  return recordUnderDetailHeading(scan) ?? { title: named };
}
