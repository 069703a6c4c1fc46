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
 * A phone number as Linli may hold it: masked. Eleven-digit mobiles become `138****5678`; landlines keep at most
 * their area code and first digits. Any run of 7+ digits means an unmasked number slipped through.
 */
export const MaskedPhone = z
  .string()
  .trim()
  .max(40)
  .refine((s) => !/\d{7,}/.test(s.replace(/[\s-]/g, '')), 'phone numbers must be masked (e.g. 138****5678)');
