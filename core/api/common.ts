import { z } from 'zod';
import { Id, Slug } from '../models/common';

export const API_PREFIX = '/api/v1';

export const SlugParam = z.object({ slug: Slug });
export const ProposalIdParam = z.object({ id: Id });
export const ReceiptIdParam = z.object({ receiptId: Id });
export const MilestoneParam = z.object({ slug: Slug, milestoneId: Id });

/** `Idempotency-Key`: any printable ASCII, so a widget can use a UUID or its own counter. */
export const IdempotencyKey = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces, 1–128 characters');

/** The random id a widget keeps per browser, for open (non-binding) ballots and supports. */
export const VoterKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only (8–128)');

/** Headers of an operation that may be retried safely: the same key replays the first answer. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

/** Headers of the event stream: where a reconnecting client left off. */
export const LastEventIdHeaders = z.object({ 'last-event-id': z.string().max(200).optional() });

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
