/** Link addresses: resolved against the page's base (`<base href>` or its URL), and the attachments of a block. */

import { tagOf } from './elements';
import { headOf } from './meta';
import type { Scan } from './scan';

/** Images and document links inside `root`, resolved to absolute URLs. */
export function collectAttachments(
  root: Element,
  base: string | undefined,
  scan: Scan,
): Array<{ url: string; kind: 'image' | 'document' | 'video' | 'link' }> {
  const out: Array<{ url: string; kind: 'image' | 'document' | 'video' | 'link' }> = [];
  const seen = new Set<string>();
  const add = (raw: string | null, kind: 'image' | 'document' | 'video' | 'link') => {
    if (!raw || /^(data:|javascript:|#|about:|mailto:|tel:)/i.test(raw.trim())) return;
    const url = resolveUrl(raw.trim(), base);
    if (!url || seen.has(url)) return;
    seen.add(url);
    out.push({ url, kind });
  };
  for (const el of [root, ...Array.from(root.querySelectorAll('img, a[href], video, source'))]) {
    if (scan.excluded(el)) continue;
    const tag = tagOf(el);
    if (tag === 'IMG') {
      const src = el.getAttribute('data-original') ?? el.getAttribute('data-src') ?? el.getAttribute('src');
      const w = Number(el.getAttribute('width') ?? 999);
      const h = Number(el.getAttribute('height') ?? 999);
      if (w < 40 || h < 40 || /logo|icon|spacer|blank|loading|arrow|btn|button/i.test(src ?? '')) continue;
      add(src, 'image');
    } else if (tag === 'A') {
      const href = el.getAttribute('href') ?? '';
      if (/\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|wps|ofd|txt|csv)(\?|#|$)/i.test(href)) add(href, 'document');
      else if (/\.(jpe?g|png|gif|webp|bmp)(\?|#|$)/i.test(href)) add(href, 'image');
      else if (/\.(mp4|mov|webm|avi|m3u8)(\?|#|$)/i.test(href)) add(href, 'video');
    } else if (tag === 'VIDEO' || tag === 'SOURCE') add(el.getAttribute('src'), 'video');
  }
  return out;
}

export function resolveUrl(raw: string, base: string | undefined): string | undefined {
  // Absolute URLs and plain root-relative paths (most links of a case list) need no URL parser.
  if (/^https?:\/\/[a-z0-9.-]+(?::\d+)?\/\S*$/.test(raw) && !/[\\]|\/\.\.?\//.test(raw)) return raw;
  if (base && /^\/[^/\s\\]*(?:\/[^/\s\\.][^/\s\\]*)*$/.test(raw)) {
    const origin = originOf(base);
    if (origin) return origin + raw;
  }
  try {
    return new URL(raw, base).href;
  } catch {
    return /^https?:\/\//i.test(raw) ? raw : undefined;
  }
}

let lastBase: { base: string; origin: string | undefined } | undefined;

/** `https://host:port` of a base address; a list resolves every row against the same one. */
function originOf(base: string): string | undefined {
  if (lastBase?.base !== base) lastBase = { base, origin: /^https?:\/\/[^/?#]+/i.exec(base)?.[0] };
  return lastBase.origin;
}

/** The base for relative links: `<base href>` resolved against the page URL. */
export function baseUrl(doc: Document, pageUrl: string | undefined): string | undefined {
  const href = headOf(doc).base;
  if (href) return resolveUrl(href, pageUrl) ?? pageUrl;
  return pageUrl;
}

// `onclick="viewOpinion(&quot;http://…/opinions/?c=1&amp;pdf=44751&quot;)"`: an address quoted in a script call.
const QUOTED_URL = /["'](https?:\/\/[^"'\s]+|\/[^"'\s/][^"'\s]*)["']/;

/**
 * The address a row opens by script (a caption with an `onclick` that calls the viewer with the document's address,
 * no `<a href>`): the first quoted address in an `onclick` at or below `el`. Page: us-nc-supreme-slip-opinions-2025.
 */
export function onclickUrl(el: Element, base: string | undefined): string | undefined {
  for (const c of [el, ...Array.from(el.querySelectorAll('[onclick]'))]) {
    const m = QUOTED_URL.exec(c.getAttribute('onclick') ?? '');
    if (m) return resolveUrl(m[1]!, base);
  }
  return undefined;
}
