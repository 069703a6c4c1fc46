/**
 * Which heading on the page shows the case's title: the one holding its words, and the more specific heading under
 * a short one naming the kind of page.
 */
import { TITLE_CLASS, tagOf } from './elements';
import { headingText } from './heading-badges';
import type { Scan } from './scan';
import { collapse } from './text';

const compact = (t: string) => t.replace(/\s+/g, '');

/** The heading that shows a title as its own words (badges aside): an h1–h4, else a title-classed element. */
export function titleHeading(scan: Scan, title: string | undefined): Element | undefined {
  if (!title) return undefined;
  const want = compact(title);
  const same = (el: Element) => {
    // Templates indent a heading's badges over many blank lines: its length counts once collapsed.
    const raw = el.textContent ?? '';
    return raw.length <= 4000 && (compact(raw) === want || compact(headingText(el)) === want);
  };
  return (
    scan.all.find((el) => /^H[1-4]$/.test(tagOf(el)) && same(el)) ??
    scan.all.find((el) => TITLE_CLASS.test(el.getAttribute('class') ?? '') && !scan.excluded(el) && same(el)) ??
    // The title is one part of a heading (`<h2>… <span>Summer Preparedness Policy Session</span></h2>`): the heading
    // is where its date line is. Page: us-il-commerce-policy-session-2020-05-27.
    // The heading parent first: `same` reads the text of what it is given, the whole page's for the root.
    scan.all.find((el) => el.parentElement && /^H[1-4]$/.test(tagOf(el.parentElement)) && same(el))?.parentElement ??
    undefined
  );
}

/**
 * `<h1>Policy Session</h1>` over `<h2>Illinois Commerce Commission <span>Policy Session</span> <span>Summer
 * Preparedness Policy Session</span></h2>`: a short h1 that names the kind of page yields, when the next heading
 * repeats its words and says more, to that heading's most specific part (the longest piece of it holding the h1's
 * words). Page: us-il-commerce-policy-session-2020-05-27.
 */
export function specificHeading(scan: Scan, title: string): string | undefined {
  const want = title.toLowerCase();
  if (want.split(' ').length > 4) return undefined;
  const at = scan.all.findIndex((el) => tagOf(el) === 'H1' && collapse(el.textContent ?? '') === title);
  if (at < 0) return undefined;
  for (const el of scan.all.slice(at + 1, at + 12)) {
    if (!/^H[2-4]$/.test(tagOf(el)) || scan.excluded(el)) continue;
    const text = collapse(el.textContent ?? '');
    if (text.length <= title.length || text.length > 200 || !text.toLowerCase().includes(want)) return undefined;
    const pieces = Array.from(el.childNodes, (n) => collapse(n.textContent ?? ''));
    const best = pieces
      .filter((p) => p.length > title.length && p.toLowerCase().includes(want))
      .sort((a, b) => b.length - a.length)[0];
    return best ?? text;
  }
  return undefined;
}
