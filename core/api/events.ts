import { z } from 'zod';
import { Milestone, Phase, ProgressUpdate } from '../models/consultation';
import { Proposal } from '../models/proposal';
import { TallyView } from './ballots';

/** Names of the server-sent events on GET /consultations/:slug/events. */
export const EventType = z.enum(['tally', 'progress', 'proposal', 'phase', 'meeting', 'evaluation']);
export type EventType = z.infer<typeof EventType>;

/** `data` of each event type; a `tally` event carries the same JSON as GET …/tally. */
export const TallyEventData = TallyView;
export const ProgressEventData = z.object({
  progress: z.number().int().min(0).max(100),
  milestones: z.array(Milestone),
  update: ProgressUpdate.optional(),
});
export const PhaseEventData = z.object({ phase: Phase, from: Phase.optional() });
/** Every proposal that changed within one coalescing window (about a second), latest version of each. */
export const ProposalEventData = z.object({ proposals: z.array(Proposal) });
export type ProgressEventData = z.infer<typeof ProgressEventData>;
export type PhaseEventData = z.infer<typeof PhaseEventData>;
