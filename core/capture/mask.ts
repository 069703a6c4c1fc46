import { isMaskedPhone } from '../models/common';
import { isSpaceCode } from './text';
/**
 * Privacy masking. Every string of every captured issue goes through `maskText` before it leaves the extractor:
 * mobiles keep 3 + 4 digits, landlines their area code and first digits, and ID-card and bank-card numbers are
 * removed. Case numbers such as `XH2605280137` or `LY2026051900873`, dates and times are left alone.
 */

export const REMOVED = '[已隐去]';

// Mainland ID: 6-digit region, birth date, 3 digits, check digit (X allowed). Digits on either side mean it is
// part of a longer number, which the bank-card rule handles.
const RE_ID = /(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g;
// Old 15-digit ID (still printed on some records).
const RE_ID15 = /(?<![\dA-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z])/g;
// 16–19 digit bank cards, plain or in groups of 4. A letter prefix means a case number (`GD2026052812345678`).
const RE_CARD = /(?<![\dA-Za-z])(?:\d{4}[ -]){3}\d{4}(?:[ -]?\d{1,3})?(?![\d])|(?<![\dA-Za-z])\d{16,19}(?!\d)/g;
// Mobiles: optional +86 / 0086 prefix, 11 digits starting 1[3-9], optionally grouped 3-4-4.
const RE_MOBILE = /(?<![\d+])(?:(\+|00)?\s?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
// Landlines with an area code: 021-64871325, (021)64871325, 0571 8765 4321, (02)2758-6199.
const RE_LANDLINE = /(?<!\d)(\(?0\d{1,3}\)?)([\s-]?)(\d{3,4})[\s-]?(\d{4})(?![\d])/g;
// Taiwan mobiles (0912-345-678) and UK mobiles (07700 900123): keep the first four and the last three digits.
const RE_TW_MOBILE = /(?<!\d)(09\d{2})[\s-]?\d{3}[\s-]?(\d{3})(?!\d)/g;
const RE_UK_MOBILE = /(?<![\d+])(?:(\+44\s?)7|07)(\d{3})\s?\d{3}\s?(\d{3})(?!\d)/g;
// Other international numbers written with a + prefix: keep the country code and the last two digits.
const RE_INTL = /(?<![\w+])\+(\d{1,3})((?:[\s.-]?\(?\d{1,5}\)?){2,5})(?!\d)/g;
// North American numbers: (212) 555-0147, 212-555-0147, 212.555.0147.
const RE_NANP = /(?<![\d-])(\([2-9]\d{2}\)\s?|[2-9]\d{2}[.-])(\d{3})[\s.-](\d{4})(?![\d-])/g;
// Bare 7–8 digit local numbers: only masked next to a phone word, since bare numbers are often counts or codes.
const RE_LOCAL_NEAR_PHONE =
  /((?:电话|電話|手机|手機|联系方式|聯絡方式|热线|熱線|传真|傳真|座机|tel|phone|mobile|fax)[^\d\n]{0,6})(?<!\d)([2-8]\d{2,3})[\s-]?(\d{4})(?!\d)/gi;

function maskMobile(_: string, plus: string | undefined, a: string, _b: string, c: string): string {
  return `${plus ? '+86 ' : ''}${a}****${c}`;
}

function maskLandline(whole: string, area: string, sep: string, first: string, _last: string): string {
  // Only a real area code (0 + 1–3 digits, parenthesised or followed by a separator, or 3–4 digits long) — not
  // the start of some other number such as a date or a serial.
  const digits = area.replace(/[()]/g, '');
  if (!area.startsWith('(') && !sep && digits.length < 3) return whole;
  return `${area}${sep || (area.endsWith(')') ? '' : '-')}${first}****`;
}

function maskIntl(whole: string, cc: string, rest: string): string {
  const digits = rest.replace(/\D/g, '');
  // `+86 138****5678` is already masked; short runs are not phone numbers.
  if (digits.length < 6 || rest.includes('*')) return whole;
  return `+${cc} ${'*'.repeat(Math.max(digits.length - 2, 4))}${digits.slice(-2)}`;
}

/** Seven digits or more, three of them together: what every rule below needs (one pass, no regular expression). */
function enoughDigits(text: string): boolean {
  let digits = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (++run > longest) longest = run;
      if (digits >= 7 && longest >= 3) return true;
    } else run = 0;
  }
  return false;
}

/** Masks every phone, ID-card and bank-card number inside a free text. Idempotent. */
export function maskText(text: string): string {
  return mask(text, true);
}

/**
 * An identifier: a value the page labels as a case number (`工单编号：3301062605090218`) or an address
 * (`…/uploadfiles/20260506162013851.jpg`). Long digit serials are common there and are not bank cards, so only the
 * bank-card rule is left out; ID cards and phones are still masked.
 */
export function maskIdentifier(text: string): string {
  return mask(text, false);
}

// In a labelled case number, 18 digits glued to a letter prefix (`SZ440306202605190237`) are the serial itself.
const RE_ID_UNPREFIXED = new RegExp(`(?<![A-Za-z])${RE_ID.source}`, 'g');

/** Space (`\s`), `(`, `)`, `.` or `-`: what may stand inside a number; by char code, as it is asked per character. */
function isSeparator(c: number): boolean {
  return c === 40 || c === 41 || c === 45 || c === 46 || isSpaceCode(c);
}

const PHONE_WORD = /电话|電話|手机|手機|联系方式|聯絡方式|热线|熱線|传真|傳真|座机|tel|phone|mobile|fax/i;

/**
 * Could any rule below match? A quick scan instead of nine replaces: every rule needs a digit run that no digit
 * precedes, so a run of bare digits can only match from its first digit — a mobile (`1…`, `86 1…`), an area code or
 * a Taiwan/UK mobile (`0…`), or 15+ digits (ID and bank cards). Runs with separators, a `+` or a phone word go to the
 * rules. On a 10,000-row list this keeps case numbers (`PD2605200001`) and case URLs out of the regular expressions.
 */
function mayHoldNumber(text: string): boolean {
  if (text.includes('+') || PHONE_WORD.test(text)) return true;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!(c >= 48 && c <= 57) && c !== 40) {
      i++;
      continue;
    }
    // A run of digits and the separators the rules allow inside a number: space, - . ( ).
    const start = i;
    let digits = 0;
    let separated = false;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d >= 48 && d <= 57) digits++;
      else if (isSeparator(d)) separated = true;
      else break;
    }
    if (digits < 7) continue;
    if (separated || digits >= 15) return true;
    const first = text[start];
    if (first === '0' || first === '1' || (first === '8' && text[start + 1] === '6')) return true;
  }
  return false;
}

function mask(text: string, cards: boolean): string {
  // Every rule needs 7+ digits and a run of 3; most strings (titles, names, dates) are rejected here cheaply.
  if (!enoughDigits(text) || !mayHoldNumber(text)) return text;
  return applyRules(text, cards);
}

/** Every masking rule, in order, with no shortcut (exported for the test that holds `mask` to it). */
export function applyRules(text: string, cards: boolean): string {
  const withoutIds = text.replace(cards ? RE_ID : RE_ID_UNPREFIXED, REMOVED).replace(RE_ID15, REMOVED);
  return (cards ? withoutIds.replace(RE_CARD, REMOVED) : withoutIds)
    .replace(RE_MOBILE, maskMobile)
    .replace(RE_TW_MOBILE, (_, a: string, c: string) => `${a}***${c}`)
    .replace(
      RE_UK_MOBILE,
      (_, plus: string | undefined, a: string, c: string) => `${plus ? `${plus}7` : '07'}${a} ***${c}`,
    )
    .replace(RE_INTL, maskIntl)
    .replace(RE_LANDLINE, maskLandline)
    .replace(RE_NANP, (_, area: string, mid: string) => `${area}${mid}-****`)
    .replace(RE_LOCAL_NEAR_PHONE, (_, pre: string, a: string) => `${pre}${a}****`);
}

/**
 * A phone field: masked like text, then held to the Issue model's rule (`isMaskedPhone`): a landline keeps its
 * area code and first digits (`021-6487****`); anything else that still looks like a bare number (`64871325`)
 * keeps only its first three digits.
 */
export function maskPhoneField(value: string): string {
  let out = maskText(value).replace(
    /(?<!\d)(\d{3})(\d{4,})(?!\d)/g,
    (_, a: string, b: string) => `${a}${'*'.repeat(b.length)}`,
  );
  for (let i = 0; i < 20 && tooManyDigits(out); i++) {
    const next = out.replace(/\d(?=[\s-]*\*)/, '*');
    if (next === out) break;
    out = next;
  }
  if (tooManyDigits(out)) {
    let kept = 0;
    out = out.replace(/\d/g, (d) => (kept++ < 3 ? d : '*'));
  }
  return out;
}

const tooManyDigits = (s: string) => !isMaskedPhone(s);

/** Keys whose values are machine-made (ids, ISO instants) and must not be touched. */
const KEEP_KEYS = new Set(['id', 'duplicateOf', 'at', 'reportedAt', 'capturedAt', 'createdAt', 'updatedAt']);

/**
 * Applies `maskText` to every string inside a JSON-like value (objects, arrays), returning a copy without
 * undefined properties.
 */
export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in value as Record<string, unknown>) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      out[k] = KEEP_KEYS.has(k) && typeof v === 'string' ? v : maskDeep(v);
    }
    return out as T;
  }
  return value;
}
