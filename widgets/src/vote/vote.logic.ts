/** The vote widget's pure rules: what a typed code means, how a ranking moves, what a budget has left. */

/** The alphabet of printed codes (no look-alikes 0/O, 1/I/L, U/V), as the server issues them. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A code as a resident may type it — lower case, spaces, dashes, full-width characters from a Chinese IME — in
 * its printed form XXXX-XXXX, or null when it cannot be a code.
 */
export function normalizeCode(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_－—–·.]/g, '');
  if (text.length !== 8 || [...text].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return `${text.slice(0, 4)}-${text.slice(4)}`;
}

/** `?code=` of the page address (what the QR on a printed card opens), if any. */
export function codeFromUrl(href: string): string {
  try {
    return new URL(href).searchParams.get('code') ?? '';
  } catch {
    return '';
  }
}

/** The ranking with the item at `index` moved by `delta` places (clamped at the ends). */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, index + delta));
  const out = [...items];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** Points still to give (negative when over budget). */
export const budgetLeft = (budget: number, allocation: Record<string, number>) =>
  budget - Object.values(allocation).reduce((sum, n) => sum + (Number.isFinite(n) ? n : 0), 0);

/** A points entry as typed: whole, not negative, at most the budget. */
export const clampPoints = (value: number, budget: number) =>
  Number.isFinite(value) ? Math.max(0, Math.min(budget, Math.trunc(value))) : 0;

/** Toggling a choice of a `multiple` ballot, refusing to go past its limit. */
export function toggle(chosen: readonly string[], id: string, max: number | undefined): string[] {
  if (chosen.includes(id)) return chosen.filter((c) => c !== id);
  if (max !== undefined && chosen.length >= max) return [...chosen];
  return [...chosen, id];
}
