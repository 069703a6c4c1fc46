/**
 * HMAC-SHA256 keyed with the install's pepper (hex): voter hashes, code hashes, ballot secrets, scoped idempotency
 * keys, support hashes. A ballot takes four of these on the main thread, the one that bounds ingest.
 *
 * Computed as RFC 2104 defines HMAC, with two one-shot SHA-256 digests over the key's inner and outer pads, which are
 * derived once per pepper: SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ text)). The bytes are exactly those of
 * `createHmac('sha256', pepper)` (pepper.test.ts compares them, short and long keys, non-ASCII text), so every stored
 * hash stays valid and the security property is HMAC's own. What it saves: `createHmac` builds a stream object
 * (LazyTransform) and an OpenSSL HMAC context per call, and re-derives the pads from the key each time; in the
 * ingest bench's CPU profile that was about 6 % of the main thread's time per ballot.
 */
import { createHash, hash } from 'node:crypto';

/** SHA-256's block size: the key is padded (or first hashed) to this many bytes. */
const BLOCK = 64;

interface Pads {
  /** K ⊕ ipad, followed by room for the text (grown when a text is longer). */
  inner: Buffer;
  /** K ⊕ opad, followed by the 32 bytes of the inner digest. */
  outer: Buffer;
}

const padsByPepper = new Map<string, Pads>();

function padsOf(pepper: string): Pads {
  let pads = padsByPepper.get(pepper);
  if (pads) return pads;
  // One pepper per install; tests open a few. Never let the map grow with something unexpected.
  if (padsByPepper.size >= 16) padsByPepper.clear();
  let key = Buffer.from(pepper, 'utf8');
  if (key.length > BLOCK) key = createHash('sha256').update(key).digest();
  const inner = Buffer.alloc(BLOCK + 256);
  const outer = Buffer.alloc(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const k = key[i] ?? 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  pads = { inner, outer };
  padsByPepper.set(pepper, pads);
  return pads;
}

export function pepperHmac(pepper: string, text: string): string {
  const pads = padsOf(pepper);
  // The text is written after the inner pad in place (JavaScript runs one call at a time: nothing else uses the
  // buffer meanwhile); a longer text than the room gets a larger buffer, kept for next time.
  const needed = BLOCK + Buffer.byteLength(text, 'utf8');
  if (needed > pads.inner.length) {
    const grown = Buffer.alloc(needed);
    pads.inner.copy(grown, 0, 0, BLOCK);
    pads.inner = grown;
  }
  const length = BLOCK + pads.inner.write(text, BLOCK, 'utf8');
  const innerDigest = hash('sha256', pads.inner.subarray(0, length), 'buffer');
  innerDigest.copy(pads.outer, BLOCK);
  return hash('sha256', pads.outer, 'hex');
}
