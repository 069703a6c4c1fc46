import { z } from 'zod';
import { Id } from '../models/common';
import { Proposal, ProposalKind, ProposalStatus } from '../models/proposal';
import { VoterKey } from './common';

export const ProposalSubmitRequest = z.object({
  kind: ProposalKind.optional(),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(5000).optional(),
  authorName: z.string().trim().min(1).max(50),
});
export type ProposalSubmitRequest = z.infer<typeof ProposalSubmitRequest>;

/** Query of GET …/proposals: `status` is a comma list; statuses other than the public ones need a staff token. */
export const ProposalListQuery = z.object({
  kind: ProposalKind.optional(),
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
    .pipe(z.array(ProposalStatus).optional()),
});

export const ProposalList = z.object({ proposals: z.array(Proposal) });
export type ProposalList = z.infer<typeof ProposalList>;

export const SupportRequest = z.object({ voterKey: VoterKey });
export type SupportRequest = z.infer<typeof SupportRequest>;

export const ClaimRequest = z.object({ claimedBy: z.string().trim().min(1).max(100) });
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** Staff moderation of a proposal or 微心愿. */
export const ModerationRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish') }),
  z.object({ action: z.literal('reject'), reason: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('merge'), into: Id }),
  z.object({ action: z.literal('adopt') }),
  z.object({ action: z.literal('done') }),
]);
export type ModerationRequest = z.infer<typeof ModerationRequest>;

export const ProposalResponse = Proposal;
