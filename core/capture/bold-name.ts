/**
 * The item's name where no heading by tag or size shows it: the first line set wholly in bold, or a block its class
 * names a title, before the item's fields — a reader takes the name by weight and place. Last session's unseen pages:
 * a layout table's bold cell (pl Sejm `<td><font size=3><b>Rządowy projekt ustawy…</b></font>`, ro Chamber
 * `<td class="headline">`), a bold value under a label line (New Mexico `Title` over `<b>EXEMPT NM…</b>`), a Word
 * export's bold paragraph (Espoo `<p class="MsoNormal"><strong>`); measured on every corpus page by the shape
 * ablation's title transforms (test/capture/title-transforms.ts).
 */
import { BLOCK_TAGS, SKIP_TAGS, TITLE_CLASS, tagOf } from './elements';
import type { Scan } from './scan';
import { collapse, hasCjk, isBreadcrumb } from './text';

const BOLD = new Set(['B', 'STRONG']);
/** Tags inside a line that hold its words without breaking it. */
const INLINE = new Set(['SPAN', 'FONT', 'EM', 'I', 'U', 'SMALL', 'BIG', 'B', 'STRONG', 'A', 'IMG', 'SUP', 'SUB']);
/** How far past the start of the item's body a name is looked for (its name may open the body). */
const INTO_BODY = 80;
/** How far on a page with no body found. */
const LOOK = 3000;
const compact = (t: string) => t.replace(/\s+/g, '');

/**
 * Words a name has: three words or more (two name a site, a body or a column: `Espoon kaupunki`, `Camera
 * Deputatilor`), six characters or more in Chinese; no label's colon, no bare reference.
 */
function nameLike(text: string): boolean {
  if (text.length < 6 || text.length > 200 || /[:：]/.test(text.slice(0, 16)) || isBreadcrumb(text)) return false;
  // A link's address or a mail address is a notice's line (`Zoom Meeting ID: … https://zoom.us`), not a name; nor is
  // a sentence of many words closed by its stop (`Planning Commission Meetings have reopened to the public…`).
  if (/:\/\/|www\.|@\w/.test(text) || (/[.!]$/.test(text) && text.split(/\s+/).length >= 6)) return false;
  if (hasCjk(text)) return text.replace(/[^\p{Script=Han}]/gu, '').length >= 6;
  return /\p{L}{3}/u.test(text) && text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 3;
}

/** The nearest ancestor that starts a line (a block, a cell). */
function lineBlock(el: Element): Element | null {
  let a = el.parentElement;
  while (a && INLINE.has(tagOf(a))) a = a.parentElement;
  return a;
}

/** The block's lines of text, broken at `<br>` and at blocks inside it, and the line `target` starts on. */
function linesOf(block: Element, target: Element): { lines: string[]; at: number } {
  const lines = [''];
  let at = -1;
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      lines[lines.length - 1] += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = tagOf(n as Element);
    if (SKIP_TAGS.has(tag)) return;
    const breaks = BLOCK_TAGS.has(tag) || tag === 'TR' || tag === 'TD' || tag === 'TH';
    if (breaks && collapse(lines[lines.length - 1]!)) lines.push('');
    if (n === target) at = lines.length - 1;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (breaks && collapse(lines[lines.length - 1]!)) lines.push('');
  };
  for (let c = block.firstChild; c; c = c.nextSibling) walk(c);
  return { lines, at };
}

/** A bold element that is the whole of its line (past wrappers and a text-less link, `<a><img></a>`). */
function wholeLine(b: Element): string | undefined {
  const words = collapse(b.textContent ?? '');
  const block = lineBlock(b);
  if (!block || (block.textContent ?? '').length > 3000) return undefined;
  const { lines, at } = linesOf(block, b);
  return at >= 0 && compact(lines[at]!) === compact(words) ? words : undefined;
}

/** Inside a link: a name linked elsewhere is another item's (a sponsor, a committee), or the site's. */
function linked(el: Element): boolean {
  for (let a: Element | null = el; a && !BLOCK_TAGS.has(tagOf(a)); a = a.parentElement)
    if (tagOf(a) === 'A') return true;
  const link = el.querySelector('a');
  return Boolean(link && compact(link.textContent ?? '') === compact(el.textContent ?? ''));
}

/**
 * The first bold line or title-classed block that reads as a name, before the item's body starts (`bodyAt`, its index
 * in the scan; -1 when no body was found) or a little into it. `other` turns away words that name the site.
 */
export function boldName(
  scan: Scan,
  bodyAt: number,
  other: (text: string) => boolean,
): { text: string; at: number } | undefined {
  const end = Math.min(scan.all.length, bodyAt > 0 ? bodyAt + INTO_BODY : LOOK);
  for (let i = 0; i < end; i++) {
    const tag = scan.tags[i]!;
    const el = scan.all[i]!;
    let words: string | undefined;
    if (BOLD.has(tag)) {
      if (BOLD.has(tagOf(el.parentElement ?? el))) continue;
      words = wholeLine(el);
    } else if (TITLE_CLASS.test(el.getAttribute('class') ?? '') && !INLINE.has(tag)) {
      // Its lines without the ones that only number it (`BP346/2013<br>Propunere legislativă…`).
      if ((el.textContent ?? '').length > 400) continue;
      words = collapse(
        linesOf(el, el)
          .lines.filter((l) => /\p{L}{3}/u.test(l))
          .join(' '),
      );
    }
    if (!words || !nameLike(words) || scan.excluded(el) || linked(el) || other(words)) continue;
    return { text: words, at: i };
  }
  return undefined;
}
