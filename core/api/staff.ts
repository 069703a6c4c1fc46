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
