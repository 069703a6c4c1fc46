import { z } from 'zod';

/** ISO-8601 instant that always carries its offset, so "14:30" is never ambiguous between zones. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Short human text: trimmed, non-empty, bounded so one field can never swamp a page or a row. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);

/** Identifier used in URLs: lower-case ASCII words joined by hyphens (e.g. `elevator-3`). */
export const Slug = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens only');

/** An id chosen by the system: URL-safe, bounded. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

/**
 * Whether a phone number is masked as Linli may hold it: `138****5678`, or a landline keeping its area code and
 * first digits (`021-6487****`). At most seven digits may stand together (separators aside), and seven only
 * beside a mask, so no full mobile (11 digits) or landline (7–8 digits) survives.
 */
export function isMaskedPhone(value: string): boolean {
  const runs = value.split(/[^\d\s()-]/).map((segment) => segment.replace(/\D/g, '').length);
  if (runs.some((digits) => digits > 7)) return false;
  return !runs.includes(7) || value.includes('*');
}

export const MaskedPhone = z
  .string()
  .trim()
  .max(40)
  .refine(isMaskedPhone, 'phone numbers must be masked (e.g. 138****5678 or 021-6487****)');
