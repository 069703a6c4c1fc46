/**
 * A detail page's case number when no label gives it: the number its heading or <title> shows (`Service Request
 * #26-00184733`), or the code its heading names that the page prints on its own (`House Bill 3623` → `HB 3623`).
 */

import { tagOf } from './elements';
import { identifierOf, NUMBER_SIGN } from './identifiers';
import type { Scan } from './scan';
import { collapse } from './text';
import { readText } from './visible-text';
import type { DateContext } from './zones';

const NUMBER_IN_HEADING =
  /(?:#|\bNo\.?\s*|\bNr\.\s*|\bNumber:?\s*|\bReference:?\s*|\bRef\.?:?\s*|编号[:：]?\s*|編號[:：]?\s*)([A-Za-z]{0,6}[-/]?\d[\dA-Za-z/-]{4,})/i;

/** `<h1>Service Request #26-00184733</h1>`: a case number the page only shows in its heading or <title>. */
export function numberInHeading(scan: Scan, docTitle: string): string | undefined {
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
export function abbreviatedNumber(scan: Scan): string | undefined {
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

/**
 * A bill's number: a chamber's letters and the number (`HB 45`, `SB 70`, `S 0494`, `H.R. 718`, `AB 12`, `LB 5`), or a
 * kind and its number of the year (`PL 1034/2022`). Pages: us-missouri-house-hb45-bill-summary,
 * us-missouri-senate-sb70-bill-summary, us-sc-legislature-s494-bill-history.
 */
const US_BILL_NUMBER = /^[HSAL](?:[A-Z]{0,3}|(?:\.[A-Z]){0,3}\.?)\s?\d{1,5}$/;

/**
 * Kinds of proposition Brazil's chambers number by year (`PL 1034/2022`: Projeto de Lei; `PEC`, `PLP`, `PDL`, `MPV`
 * …). Page: br-camara-pl-1034-2022 (its number was taken from a request in its history).
 */
const BR_BILL_KINDS = ['PL', 'PLP', 'PEC', 'PDL', 'PDC', 'MPV', 'PLV', 'PRC', 'PLS', 'PLC', 'PLN'];
const BR_BILL_NUMBER = new RegExp(`^(?:${BR_BILL_KINDS.join('|')})\\s?\\d{1,5}/(?:19|20)\\d{2}$`);

export const BILL_NUMBER = {
  test: (text: string): boolean => US_BILL_NUMBER.test(text) || BR_BILL_NUMBER.test(text),
};

/**
 * The bill number a page shows alone (its header: `<span class="entry-title">HB 45</span>`), not as a link to another
 * bill; with the element, so that what stands beside it can be read.
 */
export function billNumber(scan: Scan): { number: string; el: Element } | undefined {
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 24) continue;
    const t = collapse(raw);
    if (BILL_NUMBER.test(t) && !el.closest('a[href]')) return { number: t, el };
  }
  return undefined;
}

// `Iniciativa Nº 5.502`, `Cabildo comunal Nº 806 - Realizado el 12/01/2022`: the record's kind in words, a number
// sign and its number (thousands grouped by dots or commas, kept as shown), alone or before a dash or a comma.
const KIND_AND_NUMBER = new RegExp(
  String.raw`^\p{L}[\p{L}\s]{0,40}?\s${NUMBER_SIGN}\s?(\d{1,3}(?:[.,]\d{3})+|\d{1,9})(?=$|\s+[-–—]\s|\s*[,;(])`,
  'iu',
);

/**
 * A heading that names the record's kind and its number after a number sign: the case's number. Pages:
 * cl-chileconvencion-iniciativa-5502-propiedad-privada (`<h2>Iniciativa Nº 5.502</h2>` under the title),
 * cl-chileconvencion-cabildo-806-monte-patria.
 */
export function kindNumberHeading(scan: Scan): string | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    const tag = scan.tags[i];
    if (tag !== 'H1' && tag !== 'H2' && tag !== 'H3') continue;
    const el = scan.all[i]!;
    const raw = el.textContent ?? '';
    if (raw.length > 200 || scan.excluded(el) || el.closest('a')) continue;
    const m = KIND_AND_NUMBER.exec(collapse(raw));
    if (m) return m[1];
  }
  return undefined;
}

// What parts a <title>'s own name from the site's crumbs (`2013-510 > Philadelphia District > …`).
const TITLE_PARTS = /\s+(?:>|»|\||–|—|-)\s+/;

/**
 * A notice titled by its file number alone (`<title>2013-510 > Philadelphia District > Public Notices</title>`,
 * `<strong><a>MVN-2013-1386-CU</a></strong>` over its posting date): the <title>'s first part is an identifier and
 * the page prints it alone on a line. An Army Corps permit notice names itself so, as do other registers' notices.
 * Pages: us-usace-nap-2013-510-public-notice, us-usace-mvn-2013-1386-cu-public-notice.
 */
export function bareNumberTitle(scan: Scan, docTitle: string, ctx: DateContext): string | undefined {
  const first = docTitle.trim().split(TITLE_PARTS)[0]!.trim();
  const number = first && !/\s/.test(first) ? identifierOf(first, ctx) : undefined;
  if (number !== first) return undefined;
  for (const el of scan.all)
    if (scan.leafy.has(el) && !scan.excluded(el) && collapse(el.textContent ?? '') === number) return number;
  return undefined;
}
