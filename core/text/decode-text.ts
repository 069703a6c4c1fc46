/**
 * Bytes of a Chinese text file whose charset nobody declared. Excel and WPS on Chinese Windows save "CSV" in GBK,
 * old portals serve GBK pages: a file that is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312).
 */

/**
 * The text of `bytes` in the first of UTF-8 and GB18030 that decodes it without a single invalid sequence and
 * that `accept` takes; undefined when neither does. A BOM is kept, for the caller to strip.
 */
export function decodeUtf8OrGb18030(bytes: Uint8Array, accept: (text: string) => boolean = () => true) {
  for (const encoding of ['utf-8', 'gb18030']) {
    let text: string;
    try {
      // fatal: a byte sequence invalid in this encoding throws instead of becoming U+FFFD.
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      continue;
    }
    if (accept(text)) return text;
  }
  return undefined;
}
