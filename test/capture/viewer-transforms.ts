/**
 * A heading that names the site's view of a record, not the record, standing above the record's own title: last
 * session's unseen case pages were titled by it — OSHA's `Inspection Detail` and `Accident Report Detail`, DB-Search's
 * `文書閲覧`, DIAN's SharePoint library `Páginas` (the <title>'s other part). Each transform inserts such a heading
 * just above the element that shows the page's expected title: the site's name (the <title>'s part that is not the
 * title), the last item of the page's breadcrumb, or a kind word in the page's language (`Details`, `详情`, `Detalle`,
 * `詳細`, `Détail`) — in the same element the title uses (its tag and class), or as a bigger heading (an `<h1>`, the
 * title then an `<h2>` if it was one). A page whose title no element shows, or that has no breadcrumb for the
 * breadcrumb transforms, is not rewritten. shape-ablation.ts reads every case page through each and totals them apart.
 */
import { SKIP_TAGS, tagOf } from '@linli/core/capture/elements';
import { collapse, lastCrumb } from '@linli/core/capture/text';
import { retag, type Transform } from './shape-transforms';
import { titleHeadingOf } from './title-transforms';

const compact = (t: string) => t.replace(/\s+/g, '');
const IN_ROWS = new Set(['TD', 'TH', 'DT', 'DD', 'LI', 'TR']);
const ROW_PARTS = new Set(['TD', 'TH', 'DT', 'DD', 'LI', 'TR', 'TBODY', 'THEAD', 'TFOOT']);
const BREADCRUMB = /bread-?crumb|crumbs|migas|miette/i;
const INLINE = new Set(['SPAN', 'FONT', 'B', 'STRONG', 'A', 'EM', 'I', 'U', 'SMALL', 'LABEL']);

function insideSkipped(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (SKIP_TAGS.has(tagOf(a))) return true;
  return false;
}

/**
 * The heading showing the title, else the outermost element whose words are the title's and little more. An inline
 * one (`<span>`, `<b>`) gives the block it stands in when that block shows nothing else: a word set beside it in
 * the same inline tag would read as the title's first word, not as a heading over it.
 */
function titleElementOf(doc: Document, title: string | undefined): Element | undefined {
  const heading = titleHeadingOf(doc, title);
  if (heading) return heading;
  const want = compact(title ?? '');
  if (!doc.body || want.length < 4) return undefined;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const text = compact(el.textContent ?? '');
    if (!text.includes(want) || text.length > want.length * 1.5 + 20 || insideSkipped(el)) continue;
    return INLINE.has(tagOf(el)) ? undefined : el;
  }
  return undefined;
}

/** The <title>'s part that is not the page's title (`Páginas` in `Páginas - Donaciones`), else the site's name. */
function siteNameOf(doc: Document, site: string, title: string): string {
  const own = compact(title);
  const parts = collapse(doc.title ?? '')
    .split(/\s+[-–—|]\s+|\s*[|｜_]\s*/)
    .filter((p) => p.length >= 2 && !own.includes(compact(p)) && !compact(p).includes(own));
  return parts.sort((a, b) => b.length - a.length)[0] ?? site;
}

/** The last item of the page's breadcrumb that is not the title itself (the section the record sits in). */
function breadcrumbItemOf(doc: Document, title: string): string | undefined {
  const own = compact(title);
  for (const el of Array.from(doc.body?.querySelectorAll('[class], [id], nav') ?? [])) {
    const named = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    if (!BREADCRUMB.test(named) || insideSkipped(el)) continue;
    const items = Array.from(el.querySelectorAll('a, li, span'))
      .filter((a) => a.children.length === 0)
      .map((a) => collapse(a.textContent ?? ''))
      .filter((t) => t.length >= 2 && /\p{L}/u.test(t) && !/^[>»/›|]$/.test(t));
    const last = [...items].reverse().find((t) => !own.includes(compact(t)) && !compact(t).includes(own));
    if (last && last.length <= 60) return last;
    const crumb = lastCrumb(el.textContent ?? '');
    if (crumb && !own.includes(compact(crumb)) && crumb.length <= 60) return crumb;
  }
  return undefined;
}

/** `Details` in the page's language (its `lang`, else its script). */
function kindWordOf(doc: Document, title: string): string {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase().slice(0, 2);
  if (/[\u3040-\u30ff]/.test(title) || lang === 'ja') return '詳細';
  if (/\p{Script=Han}/u.test(title) || lang === 'zh') return '详情';
  const words: Record<string, string> = {
    es: 'Detalle',
    fr: 'Détail',
    pt: 'Detalhe',
    it: 'Dettaglio',
    de: 'Detailansicht',
  };
  return words[lang] ?? 'Details';
}

type Words = (doc: Document, site: string, title: string) => string | undefined;

/** The viewer heading `words` gives, in the title's own element (`same`) or as an `<h1>` above it (`bigger`). */
const viewerHeading =
  (words: Words, as: 'same' | 'bigger'): Transform =>
  (doc, site, title) => {
    let el = title ? titleElementOf(doc, title) : undefined;
    const text = el && title ? words(doc, site, title) : undefined;
    if (!el || !text) return 0;
    // A cell or item showing the title: a copy of it would add a column or an item, not a heading; the bigger
    // heading stands above its table or list.
    if (IN_ROWS.has(tagOf(el))) {
      if (as === 'same') return 0;
      let a: Element | null = el;
      while (a && ROW_PARTS.has(tagOf(a))) a = a.parentElement;
      if (!a) return 0;
      el = a;
    }
    let shown = el;
    let head: Element;
    if (as === 'same') {
      head = doc.createElement(tagOf(el).toLowerCase());
      const cls = el.getAttribute('class');
      if (cls) head.setAttribute('class', cls);
    } else {
      head = doc.createElement('h1');
      if (tagOf(el) === 'H1') shown = retag(el, 'h2');
    }
    head.textContent = text;
    shown.before(head);
    return 1;
  };

const site: Words = (doc, name, title) => siteNameOf(doc, name, title);
const crumb: Words = (doc, _name, title) => breadcrumbItemOf(doc, title);
const kind: Words = (doc, _name, title) => kindWordOf(doc, title);

/** The viewer-heading transforms, by name: shape-ablation.ts runs them on case pages and totals them apart. */
export const VIEWER_TRANSFORMS: Record<string, Transform> = {
  'viewer-site-name-same': viewerHeading(site, 'same'),
  'viewer-site-name-bigger': viewerHeading(site, 'bigger'),
  'viewer-breadcrumb-same': viewerHeading(crumb, 'same'),
  'viewer-breadcrumb-bigger': viewerHeading(crumb, 'bigger'),
  'viewer-kind-word-same': viewerHeading(kind, 'same'),
  'viewer-kind-word-bigger': viewerHeading(kind, 'bigger'),
};

export const isViewerTransform = (name: string) => name in VIEWER_TRANSFORMS;
