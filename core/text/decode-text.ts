/**
 * Bytes of a Chinese text file whose charset nobody declared. Excel and WPS on Chinese Windows save "CSV" in GBK,
 * old portals serve GBK pages: a file that is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312).
 */

/** `bytes` in `encoding` when not a single sequence is invalid in it; undefined otherwise. A BOM is kept. */
export function decodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    // fatal: a byte sequence invalid in this encoding throws instead of becoming U+FFFD.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of `bytes` in the first of UTF-8 and GB18030 that decodes it without a single invalid sequence and
 * that `accept` takes; undefined when neither does. A BOM is kept, for the caller to strip.
 */
export function decodeUtf8OrGb18030(bytes: Uint8Array, accept: (text: string) => boolean = () => true) {
  for (const encoding of ['utf-8', 'gb18030']) {
    const text = decodeStrict(bytes, encoding);
    if (text !== undefined && accept(text)) return text;
  }
  return undefined;
}
