/**
 * One-time voter codes: 8 characters from a 30-letter alphabet without look-alikes (no 0/O, 1/I/L, U/V),
 * about 39 bits, printed as XXXX-XXXX. Entry is forgiving — case, spaces, dashes and full-width characters
 * are ignored — because elderly residents type them from paper.
 *
 * Only an HMAC keyed with the install's pepper is stored, bound to the consultation. The pepper is kept outside
 * the database (LINLI_CODE_PEPPER or `<db>.pepper`, see store/sqlite-pepper.ts), so what a leaked copy of the
 * database alone does not reveal is any usable code: without the pepper a guess cannot even be checked offline.
 * What it does not protect against: an attacker holding the database AND the pepper can test guesses offline, and
 * 39 bits fall to such a search quickly; online guessing is slowed by the server's limits on refused codes.
 */
import { randomInt } from 'node:crypto';
import { pepperHmac } from './pepper';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;

export function generateCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** A code as printed or as the widget sends it (XXXX-XXXX, capitals): nothing to normalise but the dash. */
const PRINTED = /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-?[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/;

/** The canonical 8 characters of what a resident typed, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  if (PRINTED.test(input)) return input.length === CODE_LENGTH ? input : input.slice(0, 4) + input.slice(5);
  const text = input
    .normalize('NFKC') // full-width Ａ１ → A1, as Chinese IMEs often produce
    .toUpperCase()
    .replace(/[\s\-_－—–·.]/g, '');
  if (text.length !== CODE_LENGTH) return null;
  for (const ch of text) if (!CODE_ALPHABET.includes(ch)) return null;
  return text;
}

export function hashCode(pepper: string, consultationId: string, normalized: string): string {
  return pepperHmac(pepper, `code:${consultationId}:${normalized}`);
}

/** What a typed code is looked up by: its canonical form and its stored hash; null when the text cannot be a code. */
export function codeKeyOf(
  pepper: string,
  consultationId: string,
  input: string | undefined,
): { normalized: string; hash: string } | null {
  const normalized = input === undefined ? null : normalizeCode(input);
  return normalized === null ? null : { normalized, hash: hashCode(pepper, consultationId, normalized) };
}
