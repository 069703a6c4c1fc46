import { z } from 'zod';
import { Id } from '../models/common';
import { Proposal, ProposalKind, ProposalStatus } from '../models/proposal';
import { VoterKey } from './common';

// Request bodies are strict, like ballots: a field the server would ignore is a 400 naming it, so a resident's
// text never silently goes missing because a widget sent it under the wrong name.
export const ProposalSubmitRequest = z
  .object({
    kind: ProposalKind.optional(),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().max(5000).optional(),
    authorName: z.string().trim().min(1).max(50),
  })
  .strict();
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

export const SupportRequest = z.object({ voterKey: VoterKey }).strict();
export type SupportRequest = z.infer<typeof SupportRequest>;

export const ClaimRequest = z.object({ claimedBy: z.string().trim().min(1).max(100) }).strict();
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** Staff moderation of a proposal or 微心愿. */
export const ModerationRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish') }).strict(),
  z.object({ action: z.literal('reject'), reason: z.string().trim().max(500).optional() }).strict(),
  z.object({ action: z.literal('merge'), into: Id }).strict(),
  z.object({ action: z.literal('adopt') }).strict(),
  z.object({ action: z.literal('done') }).strict(),
]);
export type ModerationRequest = z.infer<typeof ModerationRequest>;

export const ProposalResponse = Proposal;
