/**
 * Node-only entry: parses HTML with linkedom. Kept apart from index.ts so the extension's bundle, which runs on
 * the real page DOM, never pulls linkedom in.
 */
import { parseHTML } from 'linkedom';
import { decodeHtml } from './decode';

/**
 * Parses a page into a standard `Document` (linkedom). With `url`, `document.URL` answers it as a browser's
 * would, so extraction resolves links and reads the page's address the same way in both places.
 */
export function parseHtml(html: string, url?: string): Document {
  // linkedom makes a bare fragment's first element the document element; a browser would wrap it in <body>.
  const full = /<(html|body)[\s>]/i.test(html.slice(0, 5000))
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(full);
  const doc = document as unknown as Document;
  if (url) {
    try {
      Object.defineProperty(doc, 'URL', { value: url, configurable: true });
    } catch {
      // A read-only URL (not linkedom's case) just means callers pass opts.url explicitly.
    }
  }
  return doc;
}

/** Bytes in any charset → Document. */
export function parseHtmlBytes(bytes: Uint8Array, url?: string): Document {
  return parseHtml(decodeHtml(bytes), url);
}
