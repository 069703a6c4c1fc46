/**
 * The public body a detail page names on a line of its own by its title (`<h1>…</h1><p>Southern Regional Planning
 * Panel</p>`, an event's tag `<a href="/government/boards/board-ethics">Board of Ethics</a>`): the body that holds the
 * meeting or decides the case, named without a label.
 */

import { firstBelow, tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';
import { readText } from './visible-text';

const BODY =
  '(?:Sub-?)?(?:Panel|Council|Committee|Commission|Tribunal|Board|Department|Authority|Agency|Bureau|Office)';
const NAME_WORD = "(?:[A-Z][\\w'’.-]*|&|and|of|the|for|on)";
// `Southern Regional Planning Panel`, `Zoning Board` (the body's word last), or `Board of Ethics`, `Committee on
// Finance`, `Department of Public Works` (first, then what it is for).
const BODY_NAME = new RegExp(
  `^(?:(?:[A-Z][\\w'’.-]*)(?:\\s+${NAME_WORD})*\\s+${BODY}|(?:The\\s+)?${BODY}\\s+(?:of|on|for)\\s+[A-Z][\\w'’.-]*(?:\\s+${NAME_WORD})*)$`,
);

/** Is this short text a public body's name (capitalised words around a body's word)? */
export function isBodyName(text: string): boolean {
  return text.length <= 80 && !/\s(?:of|on|for|and|the|&)$/.test(text) && BODY_NAME.test(text);
}

/** How many of the first text leaves after the heading are looked at: the event's or case's header, not its body. */
const LEAVES_AFTER = 6;

/**
 * A body named alone just by the title heading: the element before or after it, or one of the first few leaves of
 * text after it. Pages: au-nsw-planning-portal-planning-panel-ppssth-638 (the panel in a `<p>` under the `<h1>`),
 * us-detroit-board-of-ethics-meeting-2021-04-21 (the board as the event's tag beside its date and time).
 */
export function bodyNearTitle(heading: Element): string | undefined {
  for (const sib of [heading.nextElementSibling, heading.previousElementSibling]) {
    const t = collapse(sib?.textContent ?? '');
    if (sib && !sib.firstElementChild && isBodyName(t)) return t;
  }
  let seen = 0;
  for (let box = heading.nextElementSibling; box && seen < LEAVES_AFTER; box = box.nextElementSibling) {
    for (const leaf of Array.from(box.querySelectorAll('*'))) {
      if (leaf.firstElementChild) continue;
      const t = collapse(leaf.textContent ?? '');
      if (!t) continue;
      if (isBodyName(t)) return t;
      if (++seen >= LEAVES_AFTER) break;
    }
  }
  return undefined;
}

/**
 * The h1–h3 anywhere in the page (chrome too) whose words are the title. One walk by tag name, stopped at the first:
 * `querySelectorAll('h1, h2, h3')` tests the selector on every element in linkedom, 60 ms of a 2 MB page where the
 * walk takes a fifth of that.
 */
export function headingShowing(root: Element, title: string | undefined): Element | undefined {
  if (!title) return undefined;
  const want = title.replace(/\s+/g, '');
  return firstBelow(root, (el) => {
    const tag = tagOf(el);
    if (tag !== 'H1' && tag !== 'H2' && tag !== 'H3') return false;
    const text = el.textContent ?? '';
    return text.length < 400 && text.replace(/\s+/g, '') === want;
  });
}

/**
 * Names of the site's policy pages, each with the page that showed them in a link bar inside the page's main part
 * (`Legal notice - Privacy policy` under `Last updated: 7 May 2025`): eu-europarl-doceo-joint-motion-rc-b10-0249-2025-
 * ukrainian-children. German and French as their footers write them.
 */
const POLICY_LINKS = [
  ...['legal notice', 'privacy policy', 'cookie policy', 'cookies policy', 'cookies', 'accessibility', 'terms of use'],
  ...['impressum', 'datenschutz', 'datenschutzerklärung', 'barrierefreiheit', 'mentions légales'],
  ...['politique de confidentialité', 'contact', 'kontakt', 'sitemap'],
];
const POLICY_LINE = new RegExp(`^(?:${POLICY_LINKS.join('|')})(?:\\s*[-|·•/]\\s*(?:${POLICY_LINKS.join('|')}))+$`, 'i');

/** A description without the lines that are only a bar of two or more policy links. */
export function withoutPolicyLinks(text: string): string {
  if (!text.includes('\n') && !POLICY_LINE.test(text.trim())) return text;
  return text
    .split('\n')
    .filter((line) => !POLICY_LINE.test(line.trim()))
    .join('\n')
    .trim();
}

// A Japanese municipal page's closing block (`この記事に関するお問い合わせ先`, `このページに関するお問い合わせ`): the
// office that wrote the page answers for it. Page: jp-maebashi-hokenjo-inu-joto.
const CONTACT_HEADING = /(?:お問い?合わせ先?|問い?合わせ先|担当課|担当部署)$/;
// `健康部 衛生検査課 動物愛護管理センター準備室`: a unit's name ends with its rank (課, 室, 係, センター, 局, 部, 所).
const JA_UNIT = /^[\p{L}\p{N}・\s]{2,60}(?:課|室|係|センター|局|部|所)$/u;

/** The unit named first in a Japanese page's contact block (the section under its `お問い合わせ先` heading). */
export function contactUnit(scan: Scan): string | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    if (!/^H[2-5]$/.test(scan.tags[i]!)) continue;
    const h = scan.all[i]!;
    if (!CONTACT_HEADING.test(collapse(h.textContent ?? '').replace(/\s/g, ''))) continue;
    const section = h.nextElementSibling;
    const first = section ? readText(section).split('\n').map(collapse).find(Boolean) : undefined;
    if (first && JA_UNIT.test(first)) return first;
  }
  return undefined;
}
