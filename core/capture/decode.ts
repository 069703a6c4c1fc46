/**
 * Bytes of a saved page → text. Old portals still serve GBK/GB2312/GB18030 or Big5; the charset comes from a BOM,
 * then `<meta charset>` / `<meta http-equiv="Content-Type">` in the first bytes, then a UTF-8 check.
 */
import { decodeUtf8OrGb18030 } from '../text/decode-text';

const ALIASES: Record<string, string> = {
  gb2312: 'gbk',
  gbk: 'gbk',
  'x-gbk': 'gbk',
  cp936: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  cp950: 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  shift_jis: 'shift_jis',
  'euc-kr': 'euc-kr',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16': 'utf-16le',
};

/** The charset a page declares in its first 4 KB, or undefined. */
export function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : undefined;
}

function decoderFor(label: string): TextDecoder | undefined {
  const name = ALIASES[label] ?? label;
  try {
    return new TextDecoder(name);
  } catch {
    return undefined;
  }
}

/** Decodes a saved HTML page whatever its charset. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = sniffCharset(bytes);
  if (declared && (ALIASES[declared] ?? declared) !== 'utf-8') {
    // GB2312 and GBK pages often contain GB18030-only characters; the superset decodes them all.
    const name = ALIASES[declared] === 'gbk' ? 'gb18030' : declared;
    const dec = decoderFor(name) ?? decoderFor(declared);
    if (dec) return dec.decode(bytes);
  }
  // Undeclared: UTF-8 if it is valid UTF-8, else in practice a mainland page in GB18030 (leniently, as browsers do).
  return decodeUtf8OrGb18030(bytes) ?? new TextDecoder('gb18030').decode(bytes);
}

/** The page's own address from a saved copy: the `saved from url` comment, canonical link or og:url. */
export function savedPageUrl(html: string): string | undefined {
  const saved = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  if (saved && /^https?:/i.test(saved[1]!)) return saved[1];
  const canonical =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(html) ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical/i.exec(html);
  if (canonical && /^https?:/i.test(canonical[1]!)) return canonical[1];
  const og =
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html) ??
    /<meta[^>]+content=["']([^"']+)["'][^>]*property=["']og:url["']/i.exec(html);
  if (og && /^https?:/i.test(og[1]!)) return og[1];
  return undefined;
}
