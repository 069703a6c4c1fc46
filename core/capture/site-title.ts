/**
 * A <title> that names the site or the tool serving the page, not the case it shows (`DIP21 Extrakt`, `Abgeordnetenhaus
 * Berlin - PARDOK`, `Dokumentation Landtag | Landtag Sachsen-Anhalt`), and the case's own title such a page shows as
 * the one bold line of a cell. Found by structure first: the words are the logo's, or each word is the <title>'s
 * site part, a code (`DIP21`) or a word of the table below.
 */
import type { Scan } from './scan';
import { collapse, tagOf } from './text';

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
]);

/** A system's short code (`DIP21`, `PARDOK`): capitals, maybe digits. */
const CODE = /^[A-Z]{2,8}\d{0,3}$/;

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
  for (const w of words) {
    const lower = w.toLowerCase();
    if (SITE_WORDS.has(lower) || rest.includes(lower)) named++;
    else if (!CODE.test(w)) return false;
  }
  return named > 0;
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
    if (tag !== 'TD' && tag !== 'DD') continue;
    const cell = scan.all[i]!;
    const b = cell.firstElementChild;
    if (!b || cell.childElementCount !== 1 || !BOLD.has(tagOf(b)) || scan.excluded(cell)) continue;
    const words = collapse(b.textContent ?? '');
    if (words.length < 6 || words.length > 200 || collapse(cell.textContent ?? '') !== words) continue;
    if (/[:：[\]]/.test(words) || !/\p{L}{3}/u.test(words) || words.split(' ').length < 2) continue;
    return words;
  }
  return undefined;
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
 * Words that name a parliament's printed paper before its number, each with the page that showed it: a leaf reading
 * only `Drs 6/1711` (a record's tab) numbers the proceeding. Page: de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige.
 */
const PAPER_NUMBER_WORDS = ['drs\\.?', 'drucksache']; // de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige
const PAPER_NUMBER_LEAF = new RegExp(`^(?:${PAPER_NUMBER_WORDS.join('|')})\\s*(\\d{1,3}/\\d{1,6})$`, 'i');

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
