import { z } from 'zod';
import { Slug } from '../models/common';
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

/**
 * Query of GET /events: comma lists of consultation slugs and 小区 (community) slugs, at least one subject in all.
 * A community stands for every public consultation of that 小区.
 */
const slugList = z
  .string()
  .optional()
  .transform((s) =>
    s
      ? [
          ...new Set(
            s
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          ),
        ]
      : [],
  )
  .pipe(z.array(Slug).max(50, 'at most 50 subjects on one stream'));
export const EventsQuery = z
  .object({ consultations: slugList, communities: slugList, lastEventId: z.string().max(100).optional() })
  .refine((q) => q.consultations.length + q.communities.length > 0, {
    message: 'name at least one consultation or community',
    path: ['consultations'],
  });
export type EventsQuery = z.infer<typeof EventsQuery>;

/** Query of GET /consultations/:slug/events: where a reconnecting client left off (as Last-Event-ID does). */
export const ConsultationEventsQuery = z.object({ lastEventId: z.string().max(200).optional() });

/** `data` of every event on GET /events: the subject it belongs to, and the same data as on …/:slug/events. */
export const NamedEventData = z.object({ consultation: Slug, data: z.unknown() });
