/**
 * HMAC-SHA256 keyed with the install's pepper (hex): voter hashes, code hashes, ballot secrets, scoped idempotency
 * keys, support hashes. A ballot takes four or five of these; handing createHmac a ready KeyObject instead of the
 * pepper string saves about half of each (the key is otherwise imported anew on every call). Same bytes either
 * way: the string key is its UTF-8.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

const keys = new Map<string, KeyObject>();

export function pepperHmac(pepper: string, text: string): string {
  let key = keys.get(pepper);
  if (!key) {
    // One pepper per install; tests open a few. Never let the map grow with something unexpected.
    if (keys.size >= 16) keys.clear();
    key = createSecretKey(Buffer.from(pepper, 'utf8'));
    keys.set(pepper, key);
  }
  return createHmac('sha256', key).update(text).digest('hex');
}
