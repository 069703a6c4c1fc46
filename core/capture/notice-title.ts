/**
 * A notice names itself in its own heading, the words its <title> repeats (`<h2>深圳市龙华科技实验高级中学空调采购中标（成交）
 * 结果公告</h2>` under `<title>` of the same words); a `名称：` pair in one of its sections far below names a party or an
 * item (the purchaser, the agency, a product), not the notice. Page: cn-ccgp-shenzhen-longhua-school-aircon-award.
 */
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { collapse, hasCjk } from './text';

/** Text between the heading and a labelled title that makes the label one of the notice's sections, not its head. */
const FAR_BELOW = 200;
/** Shortest name of a notice: Han characters, or words (`Cabildos y Encuentros` names a section of the site). */
const MIN_HAN = 8;
const MIN_WORDS = 4;
const namesANotice = (t: string) =>
  hasCjk(t) ? compact(t).length >= MIN_HAN : t.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length >= MIN_WORDS;

const compact = (t: string) => t.replace(/\s+/g, '');

/**
 * The notice's name as the page shows it — a heading, or a line wholly its own (a bold line, a cell) — when the <title>
 * (or og:title) repeats it whole and every labelled title of `pairs` stands after it and after more than `FAR_BELOW`
 * characters of the page's text; a <title> naming the site (`og:site_name`, `Plataforma Digital de Participación
 * Popular` in the page's banner heading over a `Title` line) names no notice, nor a short one naming a section of it.
 * Else undefined.
 */
export function headingOverFarPairs(
  scan: Scan,
  pairs: Pair[],
  meta: { title: string; ogTitle?: string; siteName?: string },
): string | undefined {
  const titlePairs = pairs.filter((p) => p.field === 'title');
  if (!titlePairs.length) return undefined;
  const site = compact(meta.siteName ?? '');
  const names = new Set(
    [meta.title, meta.ogTitle ?? '']
      .filter(namesANotice)
      .map(compact)
      .filter((t) => t !== site),
  );
  if (!names.size) return undefined;
  const first = Math.min(...titlePairs.map((p) => scan.order.get(p.el) ?? -1));
  let at = -1;
  for (let i = 0; i < first && at < 0; i++)
    if (
      (scan.childless[i] || /^H[1-3]$/.test(scan.tags[i]!)) &&
      !scan.excluded(scan.all[i]!) &&
      names.has(compact(scan.all[i]!.textContent ?? ''))
    )
      at = i;
  if (at < 0) return undefined;
  // The text between: the childless elements' own text (a cell, a span, a line), enough to tell a section from a head.
  let chars = 0;
  for (let i = at + 1; i < first && chars <= FAR_BELOW; i++)
    if (scan.childless[i]) chars += collapse(scan.all[i]!.textContent ?? '').length;
  return chars > FAR_BELOW ? collapse(scan.all[at]!.textContent ?? '') : undefined;
}
