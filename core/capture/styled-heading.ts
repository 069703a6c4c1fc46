/**
 * Headings a reader sees as headings whatever their tag: an `<h1>`–`<h6>`, a block its class names after one (`<label
 * class="h3">`, `<div class="h2">`), or one its own style sets large (`<div style="font-size:2em;font-weight:bold">`,
 * `<font size="5">`); and which of them names the site above the item rather than the item.
 */
import { tagOf } from './elements';
import { headingText } from './heading-badges';
import type { Scan } from './scan';
import { collapse } from './text';

const CLASS_LEVEL = /(?:^|\s)h([1-4])(?:\s|$)/;
const FONT_SIZE = /font-size\s*:\s*(?:([\d.]+)\s*(em|rem|%|px|pt)|(xx-large|x-large|large))/i;
const KEYWORD_LEVEL: Record<string, number> = { 'xx-large': 1, 'x-large': 2, large: 3 };

/** A font size as a multiple of the body's (16 px), from an inline style; 0 when it sets none. */
function sizeOf(style: string): number {
  const m = FONT_SIZE.exec(style);
  if (!m?.[1]) return 0;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return unit === '%' ? n / 100 : unit === 'px' ? n / 16 : unit === 'pt' ? n / 12 : n;
}

/**
 * How an element ranks as a heading: 1 as large as an h1 … 6; 0 when nothing makes it one. `base` is the page's own
 * text size (see `pageTextSize`): a style's size counts against it, not against the browser's 16 px.
 */
export function headingRank(el: Element, base = 1): number {
  const tag = tagOf(el);
  if (tag.length === 2 && tag[0] === 'H' && tag[1]! >= '1' && tag[1]! <= '6') return Number(tag[1]);
  const named = CLASS_LEVEL.exec(el.getAttribute('class') ?? '');
  if (named) return Number(named[1]);
  const style = el.getAttribute('style');
  if (style) {
    const keyword = FONT_SIZE.exec(style)?.[3]?.toLowerCase();
    if (keyword) return KEYWORD_LEVEL[keyword]!;
    // The browser's own sizes: h1 2em, h2 1.5em, h3 1.17em.
    const size = sizeOf(style) / base;
    if (size >= 1.8) return 1;
    if (size >= 1.4) return 2;
    if (size >= 1.15) return 3;
  }
  if (tag === 'FONT') {
    const size = Number(el.getAttribute('size') ?? '');
    if (size >= 6) return 1;
    if (size === 5) return 2;
  }
  return 0;
}

/**
 * The size most of a page's styled text is set in, when many of its elements set one (a Word export sets every run:
 * `<span style="font-size:16.0000pt">` in each cell), else the browser's 16 px. Page: cn-nfra-xzcf-zongju-2024-36-penalty
 * (its case number, in 16 pt like every cell, became the title once 16 pt counted as an h3).
 */
function pageTextSize(scan: Scan): number {
  const counts = new Map<number, number>();
  let styled = 0;
  for (const el of scan.all) {
    const style = el.getAttribute('style');
    if (!style?.includes('font-size')) continue;
    const size = sizeOf(style);
    if (!size) continue;
    styled++;
    const key = Math.round(size * 100) / 100;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let base = 1;
  let most = 0;
  for (const [size, n] of counts) if (n > most) [base, most] = [size, n];
  // A few styled blocks say nothing of the page's text size: they are the ones styled apart.
  return styled >= 8 && most * 2 >= styled && base > 1 ? base : 1;
}

const ranks = new WeakMap<Scan, Uint8Array>();

/** `headingRank` of every element of the scan, read once per page. */
export function headingRanks(scan: Scan): Uint8Array {
  let out = ranks.get(scan);
  if (!out) {
    out = new Uint8Array(scan.all.length);
    const base = pageTextSize(scan);
    for (let i = 0; i < scan.all.length; i++) out[i] = headingRank(scan.all[i]!, base);
    ranks.set(scan, out);
  }
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
