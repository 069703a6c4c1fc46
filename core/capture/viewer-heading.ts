/**
 * A heading that is the same on every page of its site — the site's name, a breadcrumb's step, a menu entry, or a word
 * naming the kind of view (`Details`, `Detalle`, `详情`, `文書閲覧`) — standing over the heading that names this page's
 * record: the record's heading is the title. Last session's unseen pages were titled by such headings (DB-Search's
 * `文書閲覧` over `<p class="view__title">ＤＸ推進調査特別委員会 本文</p>`: jp-sendai-dbsr-dx-suishin-tokubetsu-iinkai-2024-12-26);
 * the shapes are measured on every case page by shape-ablation's viewer transforms (test/capture/viewer-transforms.ts).
 */

import { TITLE_CLASS } from './elements';
import { headingText } from './heading-badges';
import { namesPageType } from './page-title';
import type { Scan } from './scan';
import { headingRanks } from './styled-heading';
import { collapse, isBreadcrumb, lastCrumb } from './text';

/** How far past the viewer's heading the record's own may stand (a status line and a note may come between). */
const REACH = 40;
/** Parts of a <title>: `Páginas - Donaciones`, `Construction Certificate (CONS 2019/11) | Bogan Shire Council`. */
const TITLE_PARTS = /\s+[-–—|]\s+|\s*[|｜_]\s*|\s*--\s*/;
const compact = (t: string) => collapse(t).replace(/\s+/g, '').toLowerCase();

export interface SiteWords {
  docTitle: string;
  ogTitle?: string;
  siteName?: string;
}

/**
 * Is `title` a heading every page of the site carries: a view's kind, the site's name, a step of its breadcrumb
 * (`site`), or one part of a <title> that has others (`part`: the record's heading must then be named by another)?
 */
function namesViewer(title: string, words: SiteWords, crumbs: () => Set<string>): 'site' | 'part' | '' {
  const t = compact(title);
  if (!t || t.length > 80) return '';
  if (title.split(/\s+/).length <= 3 && namesPageType(title)) return 'site';
  if (words.siteName && compact(words.siteName) === t) return 'site';
  if (crumbs().has(t)) return 'site';
  const parts = collapse(words.docTitle).split(TITLE_PARTS).map(compact);
  return parts.length > 1 && parts.includes(t) ? 'part' : '';
}

/** The steps of the page's breadcrumb trails: where the page sits, never what it shows. */
function siteSteps(scan: Scan): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < scan.all.length; i++) {
    const el = scan.all[i]!;
    if (!scan.leafy.has(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 300 || !isBreadcrumb(raw)) continue;
    if (lastCrumb(raw) === undefined) continue;
    for (const step of collapse(raw).split(/\s*(?:[>»›/|\-–—]|&gt;)+\s*/)) if (step) out.add(compact(step));
  }
  return out;
}

/** A <title> part other than the one `text` is (the <title> naming both the site and the record). */
function inOtherTitlePart(text: string, viewer: string, words: SiteWords): boolean {
  const want = compact(text);
  const parts = [...collapse(words.docTitle).split(TITLE_PARTS), words.ogTitle ?? ''].map(compact);
  return parts.some((p) => p.length >= 4 && p !== compact(viewer) && (p.includes(want) || want.includes(p)));
}

/**
 * The record's own heading under a viewer's heading showing `title`: the first heading, title-classed element or
 * element drawn as the viewer's heading is (its tag and class) within reach; taken when the <title> names it, when it
 * is drawn as the viewer's heading is, or when it says more than a section's name (four words, eight Han characters).
 */
export function pastViewerHeading(scan: Scan, title: string | undefined, words: SiteWords): string | undefined {
  if (!title) return undefined;
  let crumbs: Set<string> | undefined;
  const steps = () => (crumbs ??= siteSteps(scan));
  const named = namesViewer(title, words, steps);
  if (!named) return undefined;
  const ranks = headingRanks(scan);
  const headingLike = (i: number) =>
    (ranks[i]! >= 1 && ranks[i]! <= 4) || TITLE_CLASS.test(scan.all[i]!.getAttribute('class') ?? '');
  let at = -1;
  for (let i = 0; i < scan.all.length && at < 0; i++)
    if (headingLike(i) && !scan.excluded(scan.all[i]!) && headingText(scan.all[i]!) === title) at = i;
  if (at < 0) return undefined;
  const viewer = scan.all[at]!;
  const drawn = `${scan.tags[at]} ${viewer.getAttribute('class') ?? ''}`;
  for (let i = at + 1; i < scan.all.length && i <= at + REACH; i++) {
    const el = scan.all[i]!;
    if (viewer.contains(el) || scan.excluded(el)) continue;
    const alike = `${scan.tags[i]} ${el.getAttribute('class') ?? ''}` === drawn;
    if (!alike && !headingLike(i)) continue;
    const text = headingText(el);
    if (!text || namesViewer(text, words, steps) === 'site') continue;
    if (text.length < 4 || text.length > 300 || !/\p{L}/u.test(text) || /[:：]$/.test(text)) return undefined;
    if (inOtherTitlePart(text, title, words)) return text;
    const says = /\p{Script=Han}/u.test(text) ? text.length >= 8 : text.split(/\s+/).length >= 4;
    return named === 'site' && (alike || says) ? text : undefined;
  }
  return undefined;
}

/** Letters and digits only, without accents or case: `Páginas` and the address's `Paginas` are one word. */
const folded = (t: string) =>
  t
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * `<title>Páginas - Donaciones</title>` at `/dian/ventasremates/Paginas/Donaciones.aspx`: a <title> part that is a
 * folder of the page's address names the library every page of it sits in; the part its file's name repeats names
 * the page. Page: co-dian-donaciones-ofrecimientos (a SharePoint page library).
 */
export function titlePartNamedByAddress(
  title: string,
  docTitle: string,
  pageUrl: string | undefined,
): string | undefined {
  if (!pageUrl) return undefined;
  let steps: string[];
  try {
    steps = decodeURIComponent(new URL(pageUrl).pathname).split('/').filter(Boolean).map(folded);
  } catch {
    return undefined;
  }
  const file = steps.pop()?.replace(/(?:html?|aspx?|php|jsp)$/, '');
  const parts = collapse(docTitle).split(TITLE_PARTS);
  if (!file || parts.length < 2 || !steps.includes(folded(title))) return undefined;
  return parts.find((p) => folded(p) === file && folded(p) !== folded(title));
}
