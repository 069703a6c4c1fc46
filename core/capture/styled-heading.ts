/**
 * Headings a reader sees as headings whatever their tag: an `<h1>`–`<h6>`, a block its class names after one (`<label
 * class="h3">`, `<div class="h2">`), or one its own style sets large (`<div style="font-size:2em;font-weight:bold">`,
 * `<font size="5">`); and which of them names the site above the item rather than the item.
 */
import { headingText } from './heading-badges';
import type { Scan } from './scan';
import { collapse } from './text';

const CLASS_LEVEL = /(?:^|\s)h([1-4])(?:\s|$)/;
const FONT_SIZE = /font-size\s*:\s*(?:([\d.]+)\s*(em|rem|%|px|pt)|(xx-large|x-large|large))/i;
const KEYWORD_LEVEL: Record<string, number> = { 'xx-large': 1, 'x-large': 2, large: 3 };

/** A font size as a multiple of the body's (16 px), from an inline style's `FONT_SIZE` match; 0 for a keyword. */
function sizeOf(m: RegExpExecArray): number {
  if (!m[1]) return 0;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return unit === '%' ? n / 100 : unit === 'px' ? n / 16 : unit === 'pt' ? n / 12 : n;
}

/** The browser's own sizes: h1 2em, h2 1.5em, h3 1.17em; a size (against the page's text size) as a rank, 0 for none. */
function sizeRank(size: number): number {
  if (size >= 1.8) return 1;
  if (size >= 1.4) return 2;
  if (size >= 1.15) return 3;
  return 0;
}

/** `<font size="6">` as large as an h1, `size="5"` an h2. */
function fontRank(el: Element): number {
  const size = Number(el.getAttribute('size') ?? '');
  return size >= 6 ? 1 : size === 5 ? 2 : 0;
}

/**
 * The size most of a page's styled text is set in, when many of its elements set one (a Word export sets every run:
 * `<span style="font-size:16.0000pt">` in each cell), else the browser's 16 px. `counts` holds how many elements set
 * each size. Page: cn-nfra-xzcf-zongju-2024-36-penalty (its case number, in 16 pt like every cell, became the title
 * once 16 pt counted as an h3).
 */
function pageTextSize(counts: Map<number, number>, styled: number): number {
  let base = 1;
  let most = 0;
  for (const [size, n] of counts) if (n > most) [base, most] = [size, n];
  // A few styled blocks say nothing of the page's text size: they are the ones styled apart.
  return styled >= 8 && most * 2 >= styled && base > 1 ? base : 1;
}

const ranks = new WeakMap<Scan, Uint8Array>();

/**
 * How each element of the scan ranks as a heading (1 as large as an h1 … 6; 0 when nothing makes it one), read once
 * per page: its tag, a class naming a heading level, an inline font size against the page's own text size (see
 * `pageTextSize`), a `<font size>`. Each element's style is read once, for the page's text size and its own rank.
 */
export function headingRanks(scan: Scan): Uint8Array {
  let out = ranks.get(scan);
  if (out) return out;
  const n = scan.all.length;
  out = new Uint8Array(n);
  // Sizes waiting for the page's text size: an element's inline size, in ems of 16 px (0: none).
  const sizes = new Float64Array(n);
  const counts = new Map<number, number>();
  let styled = 0;
  for (let i = 0; i < n; i++) {
    const el = scan.all[i]!;
    const tag = scan.tags[i]!;
    const style = el.getAttribute('style');
    const m = style ? FONT_SIZE.exec(style) : null;
    const size = m ? sizeOf(m) : 0;
    // The page's text size counts the sizes written in lower case, as a Word export writes them.
    if (size && style!.includes('font-size')) {
      styled++;
      const key = Math.round(size * 100) / 100;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (tag.length === 2 && tag[0] === 'H' && tag[1]! >= '1' && tag[1]! <= '6') out[i] = Number(tag[1]);
    else {
      const named = CLASS_LEVEL.exec(el.getAttribute('class') ?? '');
      const keyword = m?.[3]?.toLowerCase();
      if (named) out[i] = Number(named[1]);
      else if (keyword) out[i] = KEYWORD_LEVEL[keyword]!;
      else if (size) sizes[i] = size;
      else if (tag === 'FONT') out[i] = fontRank(el);
    }
  }
  const base = pageTextSize(counts, styled);
  for (let i = 0; i < n; i++) {
    if (!sizes[i]) continue;
    out[i] = sizeRank(sizes[i]! / base) || (scan.tags[i] === 'FONT' ? fontRank(scan.all[i]!) : 0);
  }
  ranks.set(scan, out);
  return out;
}

/** How far on a heading under another is looked for: a big page's few headings each read a bounded stretch. */
const LOOK_AHEAD = 3000;

/**
 * A heading as large as an h1 with another as large under it before the item's body (`<h1>Oregon Legislature</h1>` over
 * `<div style="font-size:2em">House Bill 2785</div>`, a site's or a column's name over the item's): the upper one
 * names what the item belongs to, the lower one the item. `end` is where the item's body starts (its index in the
 * scan), or the page's end. Found by the shape ablation (16 corpus titles became the site's name when the page's own
 * h1 was a styled div under a site-name h1); the twelfth session's unseen pages had the same shape (`Espoon
 * kaupunki`, `Legislation`, `URMARIREA PROCESULUI LEGISLATIV` over the item's own styled heading).
 */
export function headingOverHeading(scan: Scan, index: number, end: number): boolean {
  const ranked = headingRanks(scan);
  const depth = scan.depths[index]!;
  const last = Math.min(end, scan.all.length, index + LOOK_AHEAD);
  let inside = true;
  for (let i = index + 1; i < last; i++) {
    // The heading's own subtree follows it in the walk, each deeper than the heading.
    if (inside && scan.depths[i]! > depth) continue;
    inside = false;
    const r = ranked[i]!;
    if (r === 1 && collapse(scan.all[i]!.textContent ?? '').length >= 4) return true;
  }
  return false;
}

/**
 * The main landmark's first block styled as large as an h1 (`<div style="font-size:2em">`, `<div class="h1">`) whose
 * words `accept` takes: the page's own title where its `<h1>` would be. Found by the shape ablation (the
 * chileconvencion initiatives' h1 as a styled div gave the <title>'s column name `Iniciativa Popular de Norma`).
 */
export function mainStyledHeading(scan: Scan, accept: (text: string) => boolean): string | undefined {
  const main = scan.root.querySelector('main, [role="main"]');
  const from = main ? scan.order.get(main) : undefined;
  if (from === undefined) return undefined;
  const ranked = headingRanks(scan);
  const depth = scan.depths[from]!;
  for (let i = from + 1; i < scan.all.length && scan.depths[i]! > depth; i++) {
    if (ranked[i] !== 1) continue;
    const t = headingText(scan.all[i]!);
    if (t && accept(t)) return t;
  }
  return undefined;
}
