import { z } from 'zod';
import { Id, IsoDateTime } from './common';

export const PROPOSAL_SCHEMA_VERSION = 1 as const;

export const ProposalKind = z.enum(['proposal', 'wish']);
export const ProposalStatus = z.enum(['pending', 'published', 'rejected', 'adopted', 'merged', 'claimed', 'done']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** A resident's suggestion, or a 微心愿 (small concrete wish) someone can claim. */
export const Proposal = z.object({
  schemaVersion: z.literal(PROPOSAL_SCHEMA_VERSION).default(PROPOSAL_SCHEMA_VERSION),
  id: Id,
  consultationId: Id.optional(),
  kind: ProposalKind.default('proposal'),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(5000).default(''),
  authorName: z.string().trim().min(1).max(50),
  status: ProposalStatus.default('pending'),
  supports: z.number().int().nonnegative().default(0),
  claimedBy: z.string().trim().max(100).optional(),
  createdAt: IsoDateTime,
});
export type Proposal = z.infer<typeof Proposal>;
