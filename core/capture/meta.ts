/**
 * What a page states about itself in machine-readable form: JSON-LD / schema.org, Open Graph and the `<meta>`
 * names Chinese government CMSs use (`ArticleTitle`, `PubDate`, `SiteName`).
 */
import { collapse, withoutMarkup } from './text';

export interface Structured {
  title?: string;
  description?: string;
  caseNumber?: string;
  reportedAt?: string;
  reporterName?: string;
  category?: string;
  address?: string;
  lat?: number;
  lng?: number;
  status?: string;
  department?: string;
  portal?: string;
  images: string[];
  updates: Array<{ at?: string; text: string; by?: string }>;
  /** The node read is a case (`Question`, `Report`, `Complaint`), not an article or a page. */
  isCase?: boolean;
  /** A `Question`: its answers are all in `updates`, none when it awaits them. */
  answersStated?: boolean;
}

export interface PageMeta {
  title: string;
  ogTitle?: string;
  description?: string;
  siteName?: string;
  url?: string;
  published?: string;
  /** `article:modified_time`, `dateModified`, 百家号's `itemprop="dateUpdate"`: only to give a year-less date its year. */
  updated?: string;
  lang?: string;
}

type Json = Record<string, unknown>;

const ISSUE_TYPES = /^(report|complaint|question|comment|issue|servicerequest|case|incident|claim)$/i;
const ARTICLE_TYPES =
  /^(article|newsarticle|blogposting|webpage|creativework|itempage|discussionforumposting|socialmediaposting|message)$/i;

// What a page is about, as distinct from the page (`WebPage`, `CreativeWork`): an article or post, or an event
// (`Event`, `BusinessEvent`, `EducationEvent`, …).
const OWN_THING_TYPES =
  /^(article|newsarticle|blogposting|discussionforumposting|socialmediaposting|message|[a-z]*event)$/i;

function types(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function flatten(value: unknown, out: Json[]): void {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (value && typeof value === 'object') {
    const node = value as Json;
    if (node['@graph']) flatten(node['@graph'], out);
    if (node['@type']) out.push(node);
  }
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return collapse(v) || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Json;
    return str(o.value ?? o.name ?? o['@value'] ?? o.text);
  }
  return undefined;
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

function addressOf(v: unknown): { address?: string; lat?: number; lng?: number } {
  if (!v) return {};
  if (typeof v === 'string') return { address: collapse(v) };
  if (Array.isArray(v)) return addressOf(v[0]);
  if (typeof v !== 'object') return {};
  const o = v as Json;
  const out: { address?: string; lat?: number; lng?: number } = {};
  const a = o.address;
  if (typeof a === 'string') out.address = collapse(a);
  else if (a && typeof a === 'object') {
    const p = a as Json;
    const parts = [p.streetAddress, p.addressLocality, p.addressRegion, p.postalCode]
      .map((x) => str(x))
      .filter(Boolean);
    if (parts.length) out.address = parts.join(', ');
  } else if (typeof o.streetAddress === 'string') out.address = collapse(o.streetAddress);
  else if (typeof o.name === 'string' && types(o).some((t) => /place/i.test(t))) out.address = collapse(o.name);
  const geo = (o.geo ?? o) as Json;
  const lat = num(geo.latitude);
  const lng = num(geo.longitude);
  if (lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
    out.lat = lat;
    out.lng = lng;
  }
  return out;
}

/** The best JSON-LD node of the page (a report beats an article beats a generic page), read into Issue terms. */
export function readJsonLd(root: Document | Element, bodyScripts: Element[] = [], microdata: Json[] = []): Structured {
  const nodes: Json[] = [];
  for (const s of [...headOf(root).jsonLd, ...bodyScripts]) {
    try {
      flatten(JSON.parse(s.textContent ?? ''), nodes);
    } catch {
      // Broken JSON-LD is common on real portals; the rest of the page still counts.
    }
  }
  // Microdata items (microdata.ts) after the scripts: a page's JSON-LD, when it names the case, says it first.
  nodes.push(...microdata);
  const out: Structured = { images: [], updates: [] };
  // The page's own thing before the page around it: Yoast's `WebPage` node names the page by its <title> with the
  // site's name (`… Meeting - 95th St Business Association`) where The Events Calendar's `Event` node names the meeting
  // and gives its start (`startDate: 2018-09-25T08:00:00-05:00`). Page:
  // us-95th-street-ssa4-business-association-meeting-2018-09-25.
  const best =
    nodes.find((n) => types(n).some((t) => ISSUE_TYPES.test(t))) ??
    nodes.find((n) => types(n).some((t) => OWN_THING_TYPES.test(t))) ??
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t)));
  if (!best) return out;
  const isIssue = types(best).some((t) => ISSUE_TYPES.test(t));
  if (isIssue) out.isCase = true;
  // A question's answers are all stated on it: none stated is a question not yet answered.
  if (types(best).some((t) => /^question$/i.test(t))) out.answersStated = true;
  out.title = str(best.name) ?? str(best.headline) ?? str(best.title);
  out.description = str(best.text) ?? str(best.articleBody) ?? str(best.description);
  out.caseNumber = str(best.identifier);
  out.reportedAt = str(best.dateCreated) ?? str(best.datePublished) ?? str(best.dateReported) ?? str(best.startDate);
  if (isIssue) out.reporterName = str(best.author) ?? str(best.creator);
  out.category = str(best.about) ?? str(best.category) ?? str(best.genre) ?? str(best.articleSection);
  Object.assign(out, addressOf(best.contentLocation ?? best.location ?? best.spatialCoverage));
  out.status = str(best.creativeWorkStatus) ?? str(best.status);
  out.department = str(best.recipient) ?? str(best.assignee);
  out.portal = str(best.publisher) ?? str(best.sourceOrganization);
  const images = Array.isArray(best.image) ? best.image : best.image ? [best.image] : [];
  for (const img of images) {
    const u = typeof img === 'string' ? img : str((img as Json)?.url ?? (img as Json)?.contentUrl);
    if (u) out.images.push(u);
  }
  // A question's answers (`acceptedAnswer`, `suggestedAnswer`) are its updates as a report's comments are.
  const comments = [best.comment, best.acceptedAnswer, best.suggestedAnswer].flatMap((c) =>
    Array.isArray(c) ? c : c ? [c] : [],
  );
  for (const c of comments) {
    if (!c || typeof c !== 'object') continue;
    const o = c as Json;
    const text = str(o.text) ?? str(o.description);
    if (!text) continue;
    const u: { at?: string; text: string; by?: string } = { text };
    const at = str(o.dateCreated) ?? str(o.datePublished);
    if (at) u.at = at;
    const by = str(o.author);
    if (by) u.by = by;
    out.updates.push(u);
  }
  for (const k of Object.keys(out) as Array<keyof Structured>) if (out[k] === undefined) delete out[k];
  return out;
}

interface Head {
  metas: Map<string, string>;
  title: string;
  canonical?: string;
  base?: string;
  jsonLd: Element[];
}

const HEADS = new WeakMap<object, Head>();

/** Drops the cached head of a document: a live page may have changed since the last capture. */
export function forgetHead(root: Document | Element): void {
  HEADS.delete(root);
}

/**
 * Every <meta>, <title>, <link rel=canonical>, <base> and JSON-LD script, found in one pass: a selector per meta
 * name would walk the whole document each time, which a DOM without an index (linkedom) pays for dearly.
 */
export function headOf(root: Document | Element): Head {
  const known = HEADS.get(root);
  if (known) return known;
  const head: Head = { metas: new Map(), title: '', jsonLd: [] };
  // <head> holds these; the body's JSON-LD scripts are added by the caller from its own walk of the page.
  const doc = root as Document;
  const scope: ParentNode = 'head' in doc && doc.head ? doc.head : root;
  for (const el of Array.from(scope.querySelectorAll('meta, title, link, base, script'))) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'META') {
      const key = (
        el.getAttribute('property') ??
        el.getAttribute('name') ??
        el.getAttribute('itemprop')
      )?.toLowerCase();
      const content = el.getAttribute('content');
      if (key && content && collapse(content) && !head.metas.has(key)) head.metas.set(key, collapse(content));
    } else if (tag === 'TITLE') {
      if (!head.title && !el.closest('svg')) head.title = withoutMarkup(collapse(el.textContent ?? ''));
    } else if (tag === 'LINK') {
      if (!head.canonical && /(^|\s)canonical(\s|$)/i.test(el.getAttribute('rel') ?? '')) {
        head.canonical = el.getAttribute('href') ?? undefined;
      }
    } else if (tag === 'BASE') {
      head.base ??= el.getAttribute('href') ?? undefined;
    } else if (tag === 'SCRIPT' && /ld\+json/i.test(el.getAttribute('type') ?? '')) head.jsonLd.push(el);
  }
  HEADS.set(root, head);
  return head;
}

function metaContent(doc: Document, ...names: string[]): string | undefined {
  const metas = headOf(doc).metas;
  for (const n of names) {
    const v = metas.get(n.toLowerCase());
    if (v) return v;
  }
  return undefined;
}

export function readMeta(doc: Document): PageMeta {
  const head = headOf(doc);
  const meta: PageMeta = { title: head.title };
  const set = <K extends keyof PageMeta>(k: K, v: PageMeta[K] | undefined) => {
    if (v !== undefined) meta[k] = v;
  };
  const ogTitle = metaContent(doc, 'og:title', 'twitter:title', 'ArticleTitle', 'DC.Title');
  // A CMS writes the heading's markup into its title meta as well (TRS `ArticleTitle` with the subtitle's `<div>`).
  // Page: cn-bynr-zwdt-cppcc-session-greeting.
  set('ogTitle', ogTitle === undefined ? undefined : withoutMarkup(ogTitle));
  set('description', metaContent(doc, 'og:description', 'description', 'twitter:description'));
  set('siteName', metaContent(doc, 'og:site_name', 'SiteName', 'application-name', 'DC.Publisher'));
  set('published', metaContent(doc, 'article:published_time', 'PubDate', 'pubdate', 'publishdate', 'DC.Date'));
  set('updated', metaContent(doc, 'article:modified_time', 'dateModified', 'dateUpdate'));
  set('url', metaContent(doc, 'og:url') ?? head.canonical);
  set('lang', doc.documentElement?.getAttribute('lang') ?? undefined);
  return meta;
}
