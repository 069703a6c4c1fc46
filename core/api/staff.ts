import { z } from 'zod';

export const RollImportResponse = z.object({
  units: z.number().int(),
  /** Total exclusive area in m², e.g. "5230.40". */
  totalArea: z.string(),
  totalCount: z.number().int(),
});
export type RollImportResponse = z.infer<typeof RollImportResponse>;

export const CodesRequest = z.object({ reissue: z.boolean().optional() }).strict();
export type CodesRequest = z.infer<typeof CodesRequest>;

export const CodesQuery = z.object({ reissue: z.enum(['0', '1', 'true', 'false']).optional() });

export const IssuedCode = z.object({ unit: z.string(), code: z.string() });
/** Plain codes are shown once: only their hashes are stored. */
export const CodesResponse = z.object({ codes: z.array(IssuedCode) });
export type CodesResponse = z.infer<typeof CodesResponse>;

/** A key a host site signs eligibility tokens with (signed ballots): an HS256 secret or a public JWK. */
export const SiteKeyRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('secret'),
    secret: z.string().min(32).max(1024),
    kid: z.string().min(1).max(100).optional(),
  }),
  z.object({
    kind: z.literal('jwk'),
    jwk: z.record(z.string(), z.unknown()),
    kid: z.string().min(1).max(100).optional(),
  }),
]);
export type SiteKeyRequest = z.infer<typeof SiteKeyRequest>;

export const SiteParam = z.object({
  site: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a consultation slug or a community id'),
});
