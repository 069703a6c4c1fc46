/**
 * The case's own name laid out as no heading: the `<h1>`–`<h6>` that shows a page's title rewritten as a site would
 * that marks the name by weight and place alone. Last session's
 * unseen pages had these shapes: a bold cell of a layout table (ro Chamber `<td class="headline">`, pl Sejm `<td><font
 * size=3><b>`), a bold value under a label line (New Mexico `Title` over `<b>…</b>`), a bold Word paragraph (Espoo
 * `<p class="MsoNormal"><strong>`). Each takes the page's expected title to find the heading; a page whose title is
 * in no heading is not rewritten. shape-ablation.ts reads every case page through each.
 */
import { SKIP_TAGS, tagOf } from '@linli/core/capture/elements';
import type { Transform } from './shape-transforms';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const compact = (t: string) => t.replace(/\s+/g, '');

function insideSkipped(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (SKIP_TAGS.has(tagOf(a))) return true;
  return false;
}

/** The first heading whose words are the title's and little more (badges, a number beside it). */
export function titleHeadingOf(doc: Document, title: string | undefined): Element | undefined {
  const want = compact(title ?? '');
  if (!doc.body || want.length < 4) return undefined;
  for (const h of Array.from(doc.body.querySelectorAll(HEADINGS))) {
    const text = compact(h.textContent ?? '');
    if (text.includes(want) && text.length <= want.length * 1.5 + 20 && !insideSkipped(h)) return h;
  }
  return undefined;
}

/** The heading's children moved into a new `<b>` (its links and inline marks kept). */
function boldOf(doc: Document, heading: Element): Element {
  const b = doc.createElement('b');
  while (heading.firstChild) b.appendChild(heading.firstChild);
  return b;
}

/** `<table width="100%"><tr><td width="40"></td><td><b>name</b></td></tr></table>`: a layout table's bold cell. */
const asBoldCell: Transform = (doc, _site, title) => {
  const h = titleHeadingOf(doc, title);
  if (!h) return 0;
  const table = doc.createElement('table');
  table.setAttribute('width', '100%');
  table.setAttribute('border', '0');
  const row = table.appendChild(doc.createElement('tbody')).appendChild(doc.createElement('tr'));
  row.appendChild(doc.createElement('td')).setAttribute('width', '40');
  row.appendChild(doc.createElement('td')).appendChild(boldOf(doc, h));
  h.replaceWith(table);
  return 1;
};

/** `<div><span>Title</span><br><span><b>name</b></span></div>`: a label line over the bold value. */
const asLabelledBold: Transform = (doc, _site, title) => {
  const h = titleHeadingOf(doc, title);
  if (!h) return 0;
  const div = doc.createElement('div');
  const label = doc.createElement('span');
  label.setAttribute('class', 'label');
  label.textContent = 'Title';
  div.append(label, doc.createElement('br'));
  div.appendChild(doc.createElement('span')).appendChild(boldOf(doc, h));
  h.replaceWith(div);
  return 1;
};

/** `<p class="MsoNormal"><b>name</b></p>`: a word processor's bold paragraph. */
const asBoldParagraph: Transform = (doc, _site, title) => {
  const h = titleHeadingOf(doc, title);
  if (!h) return 0;
  const p = doc.createElement('p');
  p.setAttribute('class', 'MsoNormal');
  p.appendChild(boldOf(doc, h));
  h.replaceWith(p);
  return 1;
};

/** The title transforms, by name: shape-ablation.ts runs them on case pages and totals them apart. */
export const TITLE_TRANSFORMS: Record<string, Transform> = {
  'title-as-bold-layout-cell': asBoldCell,
  'title-as-bold-under-label': asLabelledBold,
  'title-as-bold-paragraph': asBoldParagraph,
};

/** Is this one of the title transforms (totalled apart from the other case transforms)? */
export const isTitleTransform = (name: string) => name in TITLE_TRANSFORMS;
