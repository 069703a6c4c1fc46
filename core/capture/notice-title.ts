/**
 * A notice names itself in its own heading, the words its <title> repeats (`<h2>深圳市龙华科技实验高级中学空调采购中标（成交）
 * 结果公告</h2>` under `<title>` of the same words); a `名称：` pair in one of its sections far below names a party or an
 * item (the purchaser, the agency, a product), not the notice. Page: cn-ccgp-shenzhen-longhua-school-aircon-award.
 */
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { collapse } from './text';

/** Text between the heading and a labelled title that makes the label one of the notice's sections, not its head. */
const FAR_BELOW = 200;
/** Shortest heading that names a notice (characters, collapsed). */
const MIN_NAME = 8;

const compact = (t: string) => t.replace(/\s+/g, '');

/**
 * The heading the <title> (or og:title) repeats whole, when every labelled title of `pairs` stands after it and after
 * more than `FAR_BELOW` characters of the page's text: the notice's name over its sections' pairs. Else undefined.
 */
export function headingOverFarPairs(scan: Scan, pairs: Pair[], titles: string[]): string | undefined {
  const titlePairs = pairs.filter((p) => p.field === 'title');
  if (!titlePairs.length) return undefined;
  const names = new Set(titles.map(compact).filter((t) => t.length >= MIN_NAME));
  if (!names.size) return undefined;
  let at = -1;
  for (let i = 0; i < scan.all.length && at < 0; i++)
    if (
      /^H[1-3]$/.test(scan.tags[i]!) &&
      !scan.excluded(scan.all[i]!) &&
      names.has(compact(scan.all[i]!.textContent ?? ''))
    )
      at = i;
  if (at < 0) return undefined;
  const first = Math.min(...titlePairs.map((p) => scan.order.get(p.el) ?? -1));
  if (first <= at) return undefined;
  // The text between: the childless elements' own text (a cell, a span, a line), enough to tell a section from a head.
  let chars = 0;
  for (let i = at + 1; i < first && chars <= FAR_BELOW; i++)
    if (scan.childless[i]) chars += collapse(scan.all[i]!.textContent ?? '').length;
  return chars > FAR_BELOW ? collapse(scan.all[at]!.textContent ?? '') : undefined;
}
