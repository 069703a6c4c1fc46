/**
 * A <title> that names the site or the tool serving the page, not the case it shows (`DIP21 Extrakt`, `Abgeordnetenhaus
 * Berlin - PARDOK`, `Dokumentation Landtag | Landtag Sachsen-Anhalt`), and the case's own title such a page shows as
 * the one bold line of a cell. Found by structure first: the words are the logo's, or each word is the <title>'s
 * site part, a code (`DIP21`) or a word of the table below.
 */

import { tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';

/**
 * Words that name a documentation system, its extract or its house rather than a case, each with the page that showed
 * it in a <title> standing for the site.
 */
const SITE_WORDS = new Set([
  'dokumentation', // de-sachsen-anhalt-padoka-grosse-anfrage-6-3591-vorgang: `Dokumentation Landtag | Landtag …`
  'parlamentsdokumentation',
  'extrakt', // de-bundestag-dip-vorgang-18-83903-kleine-anfrage-neonazis-quellen: `DIP21 Extrakt`
  'landtag',
  'documentation',
  'parlamentsdatenbank', // de-hessen-starweb-grosse-anfrage-19-1126-ersatzschulen: `Parlamentsdatenbank - 14. - 19. WP - …`
  // What the database holds, not a case: de-schleswig-holstein-lissh-grosse-anfrage-17-1912-migration (`LIS-SH
  // Gesamtbestand: Parlamentsdokumente und Vorgänge SH`).
  ...['gesamtbestand', 'parlamentsdokumente', 'vorgänge'],
]);

/** Words joining the site's words (`Parlamentsdokumente und Vorgänge`): neither a site word nor a case's. */
const JOINING = new Set(['und', 'and', 'et', '&', '-', '|', '–']);

/** A system's short code (`DIP21`, `PARDOK`, `LIS-SH`): capitals, maybe digits. */
const CODE = /^[A-Z]{2,8}(?:-[A-Z]{1,4})?\d{0,3}$/;

/**
 * The first images' alt texts: a logo's alt names the site. Read from the whole page, banner included (the scan may
 * leave a `<header>` out). Page: de-berlin-pardok-kleine-anfrage-17-13104-vollanzeige.
 */
function logoNames(scan: Scan): Set<string> {
  const out = new Set<string>();
  const images = (scan.root.ownerDocument?.body ?? scan.root).getElementsByTagName('img');
  for (let i = 0; i < images.length && out.size < 4; i++) {
    const alt = collapse(images[i]!.getAttribute('alt') ?? '');
    if (alt) out.add(alt.toLowerCase());
  }
  return out;
}

/** Does the <title>'s first part (`first`) name the site, given the whole <title> (`docTitle`)? */
export function namesSite(scan: Scan, first: string, docTitle: string): boolean {
  const t = collapse(first);
  if (!t) return false;
  if (logoNames(scan).has(t.toLowerCase())) return true;
  const rest = collapse(docTitle).slice(t.length).toLowerCase();
  const words = t.split(/\s+/);
  let named = 0;
  for (const word of words) {
    const w = word.replace(/[:：,]$/, '');
    const lower = w.toLowerCase();
    if (JOINING.has(lower)) continue;
    if (SITE_WORDS.has(lower) || rest.includes(lower)) named++;
    else if (!CODE.test(w)) return false;
  }
  // A system's code alone before a site word (`ELVIS | Parlamentsdokumentation`): the system's name. Page:
  // de-brandenburg-elvis-grosse-anfrage-6-1999-medienwirtschaft.
  return named > 0 || rest.split(/[^\p{L}]+/u).some((w) => SITE_WORDS.has(w));
}

const BOLD = new Set(['B', 'STRONG']);

/**
 * The case's title where the <title> names the site: the first table or definition cell whose words are all one bold
 * element (`<td><b>Jugendberufsagentur und Arbeit</b></td>`, `<dd><b>Neonazis als mögliche Quellen …</b></dd>`), not a
 * label (`<b>Urheber:</b>`) nor a code (`<b>[ID: 18-83903]</b>`). Pages: de-berlin-pardok-kleine-anfrage-17-13104-vollanzeige,
 * de-bundestag-dip-vorgang-18-83903-kleine-anfrage-neonazis-quellen.
 */
export function boldCellTitle(scan: Scan): string | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    const tag = scan.tags[i];
    if (tag === 'PRE') {
      const t = preBoldLine(scan.all[i]!);
      if (t && !scan.excluded(scan.all[i]!)) return t;
      continue;
    }
    if (tag !== 'TD' && tag !== 'DD') continue;
    const cell = scan.all[i]!;
    const b = cell.firstElementChild;
    if (!b || !BOLD.has(tagOf(b)) || scan.excluded(cell)) continue;
    const words = collapse(b.textContent ?? '');
    if (words.length < 6 || words.length > 200) continue;
    // The cell's only words, or its first line (`<td><b>Kinder und Jugendliche …</b><br><b>Antwort …</b> …`: the
    // record's title over its paper line; de-schleswig-holstein-lissh-grosse-anfrage-17-1912-migration).
    const next = b.nextSibling;
    const firstLine =
      next?.nodeType === 1 && tagOf(next as Element) === 'BR' && !collapse(b.previousSibling?.textContent ?? '');
    if (!firstLine && (cell.childElementCount !== 1 || collapse(cell.textContent ?? '') !== words)) continue;
    if (/[:：[\]]/.test(words) || !/\p{L}{3}/u.test(words) || words.split(' ').length < 2) continue;
    return words;
  }
  return undefined;
}

/**
 * A record printed as plain text opens with its title in bold (`<pre>⏎<b>- Ersatzschulen in Hessen</b>⏎  Fragenkatalog
 * …`): the first element, bold, on its own line, a list dash before it. Page:
 * de-hessen-starweb-grosse-anfrage-19-1126-ersatzschulen.
 */
function preBoldLine(pre: Element): string | undefined {
  const b = pre.firstElementChild;
  if (!b || !BOLD.has(tagOf(b))) return undefined;
  for (let n = pre.firstChild; n && n !== b; n = n.nextSibling) if ((n.textContent ?? '').trim()) return undefined;
  const after = b.nextSibling?.textContent ?? '\n';
  if (!/^[ \t]*(?:\n|$)/.test(after)) return undefined;
  const words = collapse(b.textContent ?? '').replace(/^[-–—•*]\s*/, '');
  if (words.length < 6 || words.length > 200 || /[:：]$/.test(words) || words.split(' ').length < 2) return undefined;
  return words;
}

/**
 * A record's title under its own bold label in a cell or paragraph (`<td><br><b>Titel:</b> Jahrgangsübergreifender
 * Unterricht …</td>`). Not a label of the vocabulary: `Titel` heads the columns of German result tables too, where it
 * would make any table a list's (de-mv-parldok-kleine-anfragen-search-results). Page:
 * de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige.
 */
const TITLE_LABEL = /^(?:titel|betreff|title|titre|objet)\s*[:：]$/i;

export function labelledTitle(scan: Scan): string | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    if (scan.tags[i] === 'TD' || scan.tags[i] === 'TH') {
      const t = titleBesideLabelCell(scan.all[i]!);
      if (t && !scan.excluded(scan.all[i]!)) return t;
      continue;
    }
    if (!BOLD.has(scan.tags[i]!)) continue;
    const b = scan.all[i]!;
    if (!TITLE_LABEL.test(collapse(b.textContent ?? '')) || scan.excluded(b)) continue;
    let words = '';
    for (let n = b.nextSibling; n; n = n.nextSibling) {
      if (n.nodeType === 1 && tagOf(n as Element) === 'BR') break;
      words += n.textContent ?? '';
    }
    const t = collapse(words);
    if (t.length >= 6 && t.length <= 300) return t;
  }
  return undefined;
}

/**
 * The same label as a row's first cell, the title in the next (`<td class="elementlabel">Titel:</td><td>Kulturland
 * Thüringen - Bilanz und Ausblick</td>`): its colon makes it a label, never a column's head. Page:
 * de-thueringen-parldok-grosse-anfrage-5-7341-kulturland.
 */
function titleBesideLabelCell(cell: Element): string | undefined {
  const next = cell.nextElementSibling;
  if (!next || cell.previousElementSibling || cell.firstElementChild) return undefined;
  const raw = cell.textContent ?? '';
  if (raw.length > 40 || !TITLE_LABEL.test(collapse(raw))) return undefined;
  const t = collapse(next.textContent ?? '');
  return t.length >= 6 && t.length <= 300 ? t : undefined;
}

/**
 * Words that name a parliament's printed paper before its number, each with the page that showed it: a leaf reading
 * only `Drs 6/1711` (a record's tab), `Proposition 2022/23:99` (a heading's subtitle) or `Proposta de Lei 33/XV/1` (the
 * title above the bill's name) numbers the proceeding.
 */
const PAPER_NUMBER_WORDS = [
  'drs\\.?', // de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige
  'drucksache',
  'proposition', // se-riksdagen-proposition-2022-23-99-varandringsbudget
  'proposta de lei', // pt-parlamento-proposta-de-lei-33-xv-1
];
// A paper's number: term and number (`6/1711`), the Riksdag's session and number (`2022/23:99`), the Assembleia's
// number, legislature and session (`33/XV/1`).
const PAPER_NUMBER = '\\d{1,3}/\\d{1,6}|\\d{4}/\\d{2}:\\d{1,5}|\\d{1,5}/[IVXLC]{1,6}/\\d{1,2}';
const PAPER_NUMBER_LEAF = new RegExp(`^(?:${PAPER_NUMBER_WORDS.join('|')})\\s*(${PAPER_NUMBER})$`, 'i');

/** The number of the first leaf that is only a paper word and a paper number (`Drs 6/1711`). */
export function paperNumberLeaf(scan: Scan): string | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    const el = scan.all[i]!;
    if (!scan.leafy.has(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 40 || !raw.includes('/')) continue;
    const m = PAPER_NUMBER_LEAF.exec(collapse(raw));
    if (m && !scan.excluded(el)) return m[1];
  }
  return undefined;
}
