/**
 * One case out of a card, a row or a list item: its labelled fields, the title and link, a status badge, an
 * unlabelled category or case number that a class or a meta line names, and a description.
 */
import { readsLikePostalAddress } from './address';
import { cardTitleElement, detailLink, firstLine, INVITATION_LINK, usableHref } from './card-title';
import { hasDate, parseDate } from './dates';
import { type Draft, emptyDraft, fieldsFromPairs, META_SEPARATOR, normaliseField } from './draft';
import { tagOf } from './elements';
import { identifierOf, leadingIdentifier, NUMBER_SIGN } from './identifiers';
import { matchLabel } from './labels';
import type { Pair } from './pairs';
import { mapStatus } from './status';
import { collapse } from './text';
import { resolveUrl } from './urls';
import { readText } from './visible-text';
import type { DateContext } from './zones';

const REPORTED_META = /^(?:reported|submitted)\b.*?\d{4}\s*,\s*([^,\d]{2,60})$/i;
const META_WORD = /^(reported|posted|updated|submitted|created|opened|closed|by|via|ref)\b/i;

/**
 * `Ref: HCC-2026-30417 · Fly-tipping · Reported 27 May 2026`: in a card's meta line, the one short unlabelled item
 * that is no date, number, status or verb is the category.
 */
function categoryInMetaLine(card: Element, title: string | undefined): string | undefined {
  // FixMyStreet and its clones: `Reported in the Potholes category anonymously at 08:41, …`.
  const named = /\bin the (.{2,40}?) category\b/i.exec(card.textContent ?? '');
  if (named) return collapse(named[1]!);
  for (const el of Array.from(card.querySelectorAll('p, div, footer, span, small'))) {
    const raw = el.textContent ?? '';
    if (raw.length > 200 || !META_SEPARATOR.test(raw)) continue;
    const items = collapse(raw).split(META_SEPARATOR);
    if (items.length < 3) continue;
    const found = items.find(
      (t) => t.length >= 2 && t.length <= 30 && !/[:：\d]/.test(t) && !mapStatus(t, true) && !META_WORD.test(t),
    );
    if (found && found !== title) return found;
  }
  return undefined;
}

/**
 * How a request list names the two sides of the latest message, each a link: `Request sent to <a>authority</a> by
 * <a>requester</a>`, `Response by <a>authority</a> to <a>requester</a>` (Alaveteli FOI sites). The authority is the
 * one handling the case. Page: uk-wdtk-birmingham-foi-requests-p4.
 */
export const PARTIES_LINES: ReadonlyArray<(authority: string, requester: string) => RegExp> = [
  (a, r) => new RegExp(`\\bto ${a} by ${r}(?:$|[\\s.,;])`, 'i'),
  (a, r) => new RegExp(`\\bby ${a} to ${r}(?:$|[\\s.,;])`, 'i'),
];

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function partiesLine(card: Element): { authority: string; requester: string } | undefined {
  for (const el of Array.from(card.querySelectorAll('*'))) {
    const raw = el.textContent ?? '';
    if (raw.length > 300) continue;
    const links = Array.from(el.children).filter((c) => tagOf(c) === 'A');
    if (links.length < 2) continue;
    const [authority, requester] = links.slice(0, 2).map((l) => collapse(l.textContent ?? ''));
    if (!authority || !requester) continue;
    const text = collapse(raw);
    if (PARTIES_LINES.some((line) => line(escapeRe(authority), escapeRe(requester)).test(text))) {
      return { authority, requester };
    }
  }
  return undefined;
}

// `№22/256904-еп`, `Nr. 2024/0153`: perhaps a number sign before it (any of identifiers.ts'), and letters of any script
// after it (a Ukrainian petition's `-еп`). Longer than a lone line's code: a card's span holds nothing else.
const SERIAL = new RegExp(String.raw`^(?:${NUMBER_SIGN}\s*)?\p{L}{0,6}[-/]?\d[\d\p{L}/-]{4,40}$`, 'iu');
const CASE_NO_CLASS = /(^|[-_\s])(no|num|number|bh|bianhao|code|sn|caseno|case-no|serial)([-_\s]|$)/i;
const CATEGORY_CLASS = /(^|[-_\s])(category|categories|cat|type|leibie|fenlei|lb)([-_\s]|$)/i;

/**
 * A reference standing alone in a card (`<b>PPSSTH-638</b>` beside the status badge): capitals, a hyphen and three
 * digits or more, the whole of its element. Page: au-nsw-planning-portal-planning-panels-under-assessment.
 */
const LONE_REFERENCE = /^[A-Z]{2,8}-\d{3,10}(?:[-/][A-Z\d]{1,8})?$/;
/**
 * The body a card names on a line of its own (`<span class="card__sub">Southern Regional Planning Panel</span>`): the
 * panel, council or committee that decides the case. Page: au-nsw-planning-portal-planning-panels-under-assessment.
 */
const DECIDING_BODY =
  /^(?:[A-Z][\w'’.-]*|&|and|of|the|for)(?:\s+(?:[A-Z][\w'’.-]*|&|and|of|the|for))*\s+(?:Sub-?)?(?:Panel|Council|Committee|Commission|Tribunal|Board)$/;

/**
 * A row's publisher named by its class (`<li class="organisations"><abbr title="Environment Agency">EA</abbr></li>`):
 * the body the paper or case comes from, as the reader sees it. Page: uk-govuk-publications-index.
 */
const DEPARTMENT_CLASS =
  /(^|[-_\s])(organisations?|organizations?|publishers?|agency|department|dept|ministry)([-_\s]|$)/i;

const BODY_ENDING = /(?:Panel|Council|Committee|Commission|Tribunal|Board)\s*$/;

const classNamed = (el: Element, words: RegExp) => words.test(el.getAttribute('class') ?? '');

/** A box of a card's tags (`<div class="field … tags"><div><h6>Foreign Policy</h6></div>…</div>`). */
const TAGS_CLASS = /(^|[-_\s])(tags?|topics)([-_\s]|$)/i;

/**
 * The first of a card's tags is its category, as a Drupal teaser lists its issue terms above its title. Page:
 * us-whitehouse-we-the-people-petitions-2016-08.
 */
function firstTag(all: Element[], used: Set<Element>, ctx: DateContext): string | undefined {
  const box = all.find((e) => classNamed(e, TAGS_CLASS) && !used.has(e));
  if (!box) return undefined;
  for (const el of all) {
    if (!box.contains(el) || el.children.length > 0 || used.has(el)) continue;
    // `#Нагородження`: a hashtag's mark is no part of the term.
    const t = normaliseField('category', (el.textContent ?? '').replace(/^\s*#/, ''), ctx);
    if (t && t.length <= 40) return t;
  }
  return undefined;
}

/**
 * A link to nowhere on the page (`<a href="#">bekijk de stemverhoudingen in detail</a>`, a `javascript:` call), or a
 * leaf that is only such a link: a control that opens or folds part of the card, never its description. Page:
 * nl-tweedekamer-stemmingsuitslagen-moties-wet-auteurscontractenrecht-2015-02-12.
 */
function pageControl(el: Element): boolean {
  const a = tagOf(el) === 'A' ? el : el.children.length === 1 ? el.firstElementChild : null;
  if (!a || tagOf(a) !== 'A' || !a.hasAttribute('href') || usableHref(a)) return false;
  return a === el || collapse(a.textContent ?? '') === collapse(el.textContent ?? '');
}

/**
 * A labelled subject (`Subject Title: Counting a ballot …`) says what a card is about; its own link naming it in
 * words (`2021-02 Village of Saltaire Informal Opinion`) is its name. Page: us-ny-ag-opinions-by-year.
 */
function subjectsName(card: Element, own: Pair[]): Element | null {
  const subject = own.find((p) => p.field === 'title' && p.key.startsWith('subject'));
  if (!subject) return null;
  for (const a of card.querySelectorAll('a[href]')) {
    const t = collapse(a.textContent ?? '');
    if (subject.valueEl.contains(a) || INVITATION_LINK.test(t) || t.length > 200) continue;
    if (t.split(' ').length >= 3 && !/^(view|download|open|read|see)\b/i.test(t)) return a;
  }
  return null;
}

export function cardDraft(card: Element, pairs: Pair[], ctx: DateContext, base: string | undefined): Draft {
  const own = pairs.filter((p) => card.contains(p.el));
  const d: Draft = { ...emptyDraft(), ...fieldsFromPairs(own, ctx) };
  const used = new Set<Element>(own.flatMap((p) => [p.el, p.valueEl]));
  const titleEl = d.title ? subjectsName(card, own) : cardTitleElement(card);
  if (titleEl) {
    if (d.title) d.description ??= d.title;
    d.title = collapse(titleEl.getAttribute('title') || titleEl.textContent || '');
    if (d.title.length > 200) d.title = firstLine(titleEl);
    used.add(titleEl);
    const link = tagOf(titleEl) === 'A' ? titleEl : (titleEl.querySelector('a[href]') ?? titleEl.closest('a[href]'));
    if (link) d.url = resolveUrl(link.getAttribute('href') ?? '', base);
  }
  d.url ??= detailLink(card, base);
  const all = Array.from(card.querySelectorAll('*'));
  const leaves = all.filter((el) => el.children.length === 0 || tagOf(el) === 'P');
  if (!d.status) {
    for (const el of leaves) {
      const t = collapse(el.textContent ?? '');
      const s = t.length <= 24 ? mapStatus(t, true) : undefined;
      if (s) {
        d.status = s;
        used.add(el);
        break;
      }
    }
  }
  if (!d.category) {
    // `<span class="category">Litter and bins</span>`: an unlabelled field that its class names.
    const el = leaves.find((e) => classNamed(e, CATEGORY_CLASS) && !used.has(e));
    const t = el ? (normaliseField('category', el.textContent ?? '', ctx) ?? '') : '';
    if (el && t && t.length <= 40) {
      d.category = t;
      used.add(el);
    }
  }
  d.category ??= firstTag(all, used, ctx) ?? categoryInMetaLine(card, d.title);
  if (!d.department || !d.reporterName) {
    const parties = partiesLine(card);
    d.department ??= parties?.authority;
    d.reporterName ??= parties?.requester;
  }
  if (!d.department) {
    // The ending first: a list asks this of every leaf of thousands of rows.
    const el = leaves.find((e) => {
      const t = e.textContent ?? '';
      return BODY_ENDING.test(t) && !used.has(e) && DECIDING_BODY.test(collapse(t));
    });
    if (el && collapse(el.textContent ?? '').length <= 80) {
      d.department = collapse(el.textContent ?? '');
      used.add(el);
    }
  }
  if (!d.department) {
    const el = all.find((e) => classNamed(e, DEPARTMENT_CLASS) && !used.has(e));
    const t = el ? collapse(el.textContent ?? '') : '';
    if (el && t && t.length <= 80 && !/[:：]/.test(t)) {
      d.department = t;
      used.add(el);
    }
  }
  if (!d.caseNumber) {
    // `<span class="c-no">SJ202606030088</span>`: an unlabelled number that its class names.
    const el = leaves.find((e) => classNamed(e, CASE_NO_CLASS));
    const t = el ? collapse(el.textContent ?? '') : '';
    if (SERIAL.test(t)) d.caseNumber = t;
    if (!d.caseNumber) {
      const lone = leaves.find((e) => !used.has(e) && LONE_REFERENCE.test(collapse(e.textContent ?? '')));
      if (lone) {
        d.caseNumber = collapse(lone.textContent ?? '');
        used.add(lone);
      }
    }
    // `<p>33308-13</p>` among a card's properties: a leaf that is an identifier and nothing else (identifiers.ts),
    // the card's number. Page: nl-tweedekamer-stemmingsuitslagen-moties-wet-auteurscontractenrecht-2015-02-12.
    if (!d.caseNumber) {
      const lone = leaves.find((e) => {
        if (used.has(e) || e.children.length) return false;
        const t = collapse(e.textContent ?? '');
        return t.length <= 40 && identifierOf(t, ctx) === t;
      });
      if (lone) {
        d.caseNumber = collapse(lone.textContent ?? '');
        used.add(lone);
      }
    }
    // `报修单号 BX202606040015`: a case-number label and the number, with no colon between them.
    for (const leaf of d.caseNumber ? [] : leaves) {
      const m = /^(\S{2,8})\s+(\S+)$/.exec(collapse(leaf.textContent ?? ''));
      if (m && SERIAL.test(m[2]!) && matchLabel(m[1]!)?.field === 'caseNumber') {
        d.caseNumber = m[2]!;
        break;
      }
    }
    // `PP13/00799 - Planning Permit`: a title that opens with the number (identifiers.ts `leadingIdentifier`).
    if (!d.caseNumber && d.title) d.caseNumber = leadingIdentifier(d.title, ctx);
  }
  if (!d.description) {
    let longest = '';
    let placed = false;
    for (const el of leaves) {
      if ([...used].some((u) => u.contains(el) || el.contains(u)) || pageControl(el)) continue;
      const t = readText(el);
      if (t.length <= longest.length || /^[^：:]{1,10}[：:]/.test(t)) continue;
      // `<p class="address">132 Beaconsfield Villas Brighton BN1 6HE</p>` under the proposal: the case's place, not
      // its description. Page: uk-brighton-idox-decided-applications-search-results.
      if (t !== d.title && readsLikePostalAddress(collapse(t))) {
        d.address ??= collapse(t);
        placed = true;
        continue;
      }
      if (t.length < 80 && hasDate(t, ctx)) {
        // `Reported 10:02, Tue 3 March 2026, Potholes`: the date line of a report list names the category.
        const cat = REPORTED_META.exec(t);
        if (cat && !d.category) d.category = cat[1]!.trim();
        continue;
      }
      longest = t;
    }
    if (longest.length >= 10 && longest !== d.title) d.description = longest;
    // Its place set apart, a card whose only words are its title (the proposal as its link) is described by them.
    else if (placed && d.title) d.description = d.title;
  }
  if (!d.reportedAt) {
    // A date of its own (`<span>2020-07-01</span>`) wins over one inside the title (`…2020年6月30日基金净值公告`).
    // Page: cn-hsqhfunds-disclosure-list (seen after held-out-cn's one scoring).
    const sentences: string[] = [];
    for (const el of leaves) {
      if (titleEl?.contains(el)) continue;
      const t = readText(el);
      if (t.length > 40) {
        if (sentences.length < 3) sentences.push(t);
        continue;
      }
      if (!hasDate(t, ctx)) continue;
      d.reportedAt = parseDate(t, ctx);
      if (d.reportedAt) break;
    }
    // A day alone (`Board Meeting Video - November 28, 2023`) takes its hour from a sentence above it that names the
    // same day (`… will be held on November 28, 2023 at 10:00 a.m.`). Page: us-chicago-elections-board-meetings.
    if (d.reportedAt?.includes('T00:00:00')) {
      const day = d.reportedAt.slice(0, 10);
      const timed = sentences
        .map((t) => parseDate(t, ctx))
        .find((at) => at?.startsWith(day) && !at.includes('T00:00:00'));
      if (timed) d.reportedAt = timed;
    }
  }
  if (!d.reportedAt) {
    const at = parseDate(readText(card), ctx);
    if (at) d.reportedAt = at;
  }
  return d;
}

/** The status badge of a card: a short element whose whole text is a status word. */
export function badgeStatus(card: Element): boolean {
  for (const el of Array.from(card.querySelectorAll('*'))) {
    if (el.children.length) continue;
    const t = collapse(el.textContent ?? '');
    if (t.length <= 24 && mapStatus(t, true)) return true;
  }
  return false;
}
