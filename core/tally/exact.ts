/**
 * Exact arithmetic for votes. Areas are integer hundredths of a square metre held in BigInt, and every
 * threshold is checked by cross-multiplication, so a vote sitting exactly on 2/3 or 3/4 is decided exactly:
 * a float must never decide a vote at a boundary.
 */

const AREA_PATTERN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Parses "86.20", "86.2" or "86" (or the number 86.2) into hundredths; null when the text is not such an area. */
export function parseHundredths(raw: string | number): bigint | null {
  const text = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : raw.trim();
  const match = AREA_PATTERN.exec(text);
  if (!match) return null;
  const whole = BigInt(match[1]!);
  const fraction = BigInt((match[2] ?? '').padEnd(2, '0'));
  return whole * 100n + fraction;
}

/** 866n → "8.66"; always two decimals, as areas are printed on Chinese property documents. */
export function formatHundredths(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A threshold such as 2/3; `strict` means the share must exceed it ("more than half") rather than reach it. */
export interface Threshold {
  num: bigint;
  den: bigint;
  strict: boolean;
}

export const AT_LEAST_TWO_THIRDS: Threshold = { num: 2n, den: 3n, strict: false };
export const AT_LEAST_THREE_QUARTERS: Threshold = { num: 3n, den: 4n, strict: false };
export const MORE_THAN_HALF: Threshold = { num: 1n, den: 2n, strict: true };

/** part / whole meets the threshold, decided by cross-multiplication. An empty whole meets nothing. */
export function meets(part: bigint, whole: bigint, threshold: Threshold): boolean {
  if (whole <= 0n) return false;
  const left = part * threshold.den;
  const right = whole * threshold.num;
  return threshold.strict ? left > right : left >= right;
}

export function describeThreshold(threshold: Threshold, lang: 'zh-CN' | 'en'): string {
  const fraction = `${threshold.num}/${threshold.den}`;
  if (lang === 'en') return threshold.strict ? `more than ${fraction}` : `at least ${fraction}`;
  return threshold.strict ? `超过${fraction}` : `不低于${fraction}`;
}

/** A share's verdict against a threshold, so its display can be kept consistent with it. */
export interface Verdict {
  threshold: Threshold;
  met: boolean;
}

/**
 * A display percentage with two decimals; for people, never for decisions. Rounded to the nearest (half up),
 * except where that would contradict the verdict printed beside it: a share that fails its threshold is rounded
 * down and one that meets it rounded up, so 299.99 of 399.99 m² (74.9994%) reads "74.99%, does not meet 3/4"
 * rather than "75.00%, does not meet 3/4", and 100001 of 200000 reads "50.01%, more than half".
 */
export function percent(part: bigint, whole: bigint, verdict?: Verdict): string {
  if (whole <= 0n) return '0.00%';
  const scaled = part * 10000n;
  let shown = (2n * scaled + whole) / (2n * whole);
  if (verdict && meets(shown, 10000n, verdict.threshold) !== verdict.met) {
    shown = verdict.met ? (scaled + whole - 1n) / whole : scaled / whole;
  }
  return `${formatHundredths(shown)}%`;
}
