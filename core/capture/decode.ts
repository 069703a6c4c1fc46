/**
 * Bytes of a saved page → text. Old portals still serve GBK/GB2312/GB18030 or Big5; the charset comes from a BOM,
 * then the bytes when they are valid UTF-8, then `<meta charset>` / `<meta http-equiv="Content-Type">` in the first
 * bytes, then GB18030.
 */
import { decodeStrict } from '../text/decode-text';

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

/** A saved page's text and the charset it was read in. */
export interface DecodedPage {
  text: string;
  /** The charset the text was read in (WHATWG name). */
  charset: string;
  /** What the page's `<meta>` declared, when it declared something. */
  declared?: string;
  /** The bytes contradicted the declared charset and were read as what they are. */
  overruled?: boolean;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * Most bytes above ASCII stand alone between ASCII bytes (`Vorg\xE4nge`, `Gro\xDFe`): a Latin-1 page's umlauts. A
 * GBK or Big5 page writes each character as two high bytes in a row (and most of its text is such characters).
 * Page: de-schleswig-holstein-lissh-grosse-anfrage-17-1912-migration (ISO-8859-1, no charset declared, read as GB18030
 * before: `Vorg鋘ge`).
 */
function mostlyLoneHighBytes(bytes: Uint8Array): boolean {
  let lone = 0;
  let runs = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    let j = i;
    while (j + 1 < bytes.length && bytes[j + 1]! >= 0x80) j++;
    runs++;
    if (j === i) lone++;
    i = j;
  }
  return runs > 0 && lone * 4 >= runs * 3;
}

/**
 * Decodes a saved HTML page whatever its charset. The bytes win over the declaration: a page whose multi-byte
 * sequences are all valid UTF-8 is UTF-8 whatever its `<meta charset>` says (a UTF-8 copy of a GBK page keeps its
 * old meta when a CMS, an editor or a crawler re-encodes it, and GBK Chinese text is practically never valid
 * UTF-8), and a page declared UTF-8 whose bytes are not is read as GB18030.
 */
export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const declared = sniffCharset(bytes);
  const name = declared ? (ALIASES[declared] ?? declared) : undefined;
  // A `<meta>` that says UTF-16 in bytes that can be read as ASCII is wrong by definition (the HTML standard reads
  // such a page as UTF-8).
  if (name && name !== 'utf-8' && !name.startsWith('utf-16')) {
    const utf8 = hasHighBytes(bytes) ? decodeStrict(bytes, 'utf-8') : undefined;
    if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', declared, overruled: true };
    // GB2312 and GBK pages often contain GB18030-only characters; the superset decodes them all.
    const use = name === 'gbk' ? 'gb18030' : name;
    const dec = decoderFor(use) ?? decoderFor(declared!);
    if (dec) return { text: dec.decode(bytes), charset: dec.encoding, declared };
  }
  // Declared UTF-8 or nothing usable: UTF-8 if it is valid UTF-8, else in practice a mainland page in GB18030
  // (leniently, as browsers do).
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', ...(declared ? { declared } : {}) };
  if (!declared && mostlyLoneHighBytes(bytes))
    return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
  const text = decodeStrict(bytes, 'gb18030') ?? new TextDecoder('gb18030').decode(bytes);
  return { text, charset: 'gb18030', ...(declared ? { declared, overruled: name === 'utf-8' } : {}) };
}

/** Decodes a saved HTML page whatever its charset (see `decodePage`). */
export function decodeHtml(bytes: Uint8Array): string {
  return decodePage(bytes).text;
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
