import { z } from 'zod';
import { Slug } from '../models/common';

export const RollImportResponse = z.object({
  units: z.number().int(),
  /** Total exclusive area in m², e.g. "5230.40". */
  totalArea: z.string(),
  totalCount: z.number().int(),
});
export type RollImportResponse = z.infer<typeof RollImportResponse>;

/**
 * Issues codes (units without one; with `reissue`, every unit that has not voted). `format: "html"` answers with
 * the printable A4 sheet instead of JSON: codes are stored hashed, so that answer is the only time to print them.
 */
export const CodesRequest = z
  .object({ reissue: z.boolean().optional(), format: z.enum(['json', 'html']).optional() })
  .strict();
export type CodesRequest = z.infer<typeof CodesRequest>;

/** A one-time code, shown once as XXXX-XXXX; only a hash is stored. */
export const IssuedCode = z.object({ unit: z.string(), code: z.string() });
export type IssuedCode = z.infer<typeof IssuedCode>;
/** Plain codes are shown once: only their hashes are stored. */
export const CodesResponse = z.object({ codes: z.array(IssuedCode) });
export type CodesResponse = z.infer<typeof CodesResponse>;

/** A key a host site signs eligibility tokens with (signed ballots): an HS256 secret or a public JWK. */
export const SiteKeyRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('secret'),
      /** HS256 needs at least 256 bits of key: a short shared secret could be brute-forced from one token. */
      secret: z.string().min(32, 'an HS256 secret needs at least 32 characters').max(1024),
      kid: z.string().min(1).max(100).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('jwk'),
      jwk: z.record(z.string(), z.unknown()),
      kid: z.string().min(1).max(100).optional(),
    })
    .strict(),
]);
export type SiteKeyRequest = z.infer<typeof SiteKeyRequest>;

/** 201 after a site key is registered: the key material itself is never returned. */
export const SiteKeyResponse = z.object({
  site: Slug,
  kind: z.enum(['secret', 'jwk']),
  kid: z.string().nullable(),
});
export type SiteKeyResponse = z.infer<typeof SiteKeyResponse>;

export const SiteParam = z.object({
  /** A site is named like a consultation or a community: the same slug rule. */
  site: Slug,
});

/** What staff did to a consultation: recorded with who did it (the token's name and department). */
export const StaffActionKind = z.enum([
  'consultation.create',
  'consultation.update',
  'phase.change',
  'proposal.moderate',
  'roll.import',
  'codes.issue',
]);
export type StaffActionKind = z.infer<typeof StaffActionKind>;

export const StaffAction = z.object({
  at: z.string(),
  by: z.object({ name: z.string(), department: z.string().optional() }),
  action: StaffActionKind,
  /** What changed, without personal data or codes: `{from, to}` for a phase, `{proposalId, action}`, counts. */
  detail: z.record(z.string(), z.unknown()),
});
export type StaffAction = z.infer<typeof StaffAction>;

export const StaffActionsResponse = z.object({ slug: Slug, actions: z.array(StaffAction) });
export type StaffActionsResponse = z.infer<typeof StaffActionsResponse>;
