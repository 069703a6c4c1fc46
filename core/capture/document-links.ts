/**
 * A page that is a list of documents and nothing else: each a link alone on its line (`<p><a href=….pdf>Ordenanza
 * Fiscal N° 3057/2021</a></p>`), grouped under small headings (`<h5>ORDENANZAS FISCAL-IMPUESTAS</h5>`), with no date,
 * number or field beside it, on a page with no text or labelled field of its own. Each link is one record, titled by
 * its text. Page: ar-carmendeareco-boletin-oficial (a town's official bulletin: reports and ordinances as PDFs).
 */
import { detailLink } from './card-title';
import { emptyDraft } from './draft';
import { tagOf } from './elements';
import { ISSUE_FIELDS } from './labels';
import type { ListFound } from './lists';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { hasMainText } from './script-shell';
import { collapse } from './text';

/** Fewer links than this under headings are a page's attachments or a sidebar's, not its list. */
const MIN_LINKS = 5;
const MAX_TITLE = 200;
const HEADINGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);
/** Inline wrappers a link may sit in on its line (`<p><strong><a>…</a></strong></p>`). */
const WRAPPERS = new Set(['STRONG', 'B', 'SPAN', 'EM']);

/** The link a paragraph holds and nothing else, with its text (whitespace and wrappers aside). */
function linkLine(p: Element): { link: Element; text: string } | undefined {
  let at = p.firstElementChild;
  while (at && !at.nextElementSibling && WRAPPERS.has(tagOf(at))) at = at.firstElementChild;
  if (!at || tagOf(at) !== 'A' || at.nextElementSibling || !at.getAttribute('href')) return undefined;
  const text = collapse(at.textContent ?? '');
  if (text.length < 3 || text.length > MAX_TITLE || collapse(p.textContent ?? '') !== text) return undefined;
  return { link: at, text };
}

/**
 * The largest block whose children are headings and link lines only (blank lines aside), at least one heading with
 * text and MIN_LINKS links: one record per link.
 */
export function documentLinks(scan: Scan, pairs: Pair[], base: string | undefined): ListFound | null {
  if (pairs.some((p) => p.field && ISSUE_FIELDS.has(p.field))) return null;
  const parents = new Set<Element>();
  for (let i = 0; i < scan.all.length; i++)
    if (scan.tags[i] === 'P' && scan.all[i]!.parentElement) parents.add(scan.all[i]!.parentElement!);
  let best: { items: Element[]; titles: string[] } | null = null;
  for (const parent of parents) {
    if (parent.childElementCount < MIN_LINKS + 1 || scan.excluded(parent)) continue;
    const items: Element[] = [];
    const titles: string[] = [];
    let headings = 0;
    let other = false;
    for (let c = parent.firstElementChild; c && !other; c = c.nextElementSibling) {
      const tag = tagOf(c);
      if (tag === 'BR' || !collapse(c.textContent ?? '')) continue;
      if (HEADINGS.has(tag)) {
        headings++;
        continue;
      }
      const line = tag === 'P' ? linkLine(c) : undefined;
      if (!line) other = true;
      else if (headings) {
        items.push(c);
        titles.push(line.text);
      } else other = true;
    }
    if (other || items.length < MIN_LINKS || (best && items.length <= best.items.length)) continue;
    best = { items, titles };
  }
  if (!best || hasMainText(scan)) return null;
  const drafts = best.items.map((item, i) => {
    const d = emptyDraft();
    d.title = best.titles[i];
    d.url = detailLink(item, base);
    return d;
  });
  return { drafts, items: best.items };
}
