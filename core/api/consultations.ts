import { z } from 'zod';
import { BallotDefinition } from '../models/ballot';
import { Id, IsoDateTime, Slug } from '../models/common';
import { Consultation, Milestone, Phase, PhaseWindow, ProgressUpdate } from '../models/consultation';
import { EvaluationDefinition } from '../models/evaluation';
import { TallyQuery, TallyView } from './ballots';

// Request fields carry no defaults on purpose: a PATCH must leave an omitted field alone, never reset it.
// Every request object is strict: a misspelt field ("titel") is a 400 naming it, never silently dropped, so staff
// learn at once that what they meant to set was not set.
const title = z.string().trim().min(1).max(200);
const editable = {
  title,
  summary: z.string().trim().max(1000),
  body: z.string().trim().max(50_000),
  community: z.string().trim().max(100),
  issueIds: z.array(Id).max(500),
  schedule: z.partialRecord(Phase, PhaseWindow),
  ballot: BallotDefinition,
  /** Manual progress 0–100; null derives it from milestones again. */
  progress: z.number().int().min(0).max(100).nullable(),
  evaluation: EvaluationDefinition,
  /** Publish residents' submissions at once instead of holding them for moderation. */
  autoPublish: z.boolean(),
};

export const MilestoneCreateRequest = z
  .object({
    title,
    due: IsoDateTime.optional(),
    done: z.boolean().optional(),
    weight: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type MilestoneCreateRequest = z.infer<typeof MilestoneCreateRequest>;

export const MilestonePatchRequest = MilestoneCreateRequest.partial().refine(
  (patch) => Object.keys(patch).length > 0,
  'name at least one field to change',
);
export type MilestonePatchRequest = z.infer<typeof MilestonePatchRequest>;

export const ConsultationCreateRequest = z
  .object({
    slug: Slug,
    title,
    summary: editable.summary.optional(),
    body: editable.body.optional(),
    community: editable.community.optional(),
    issueIds: editable.issueIds.optional(),
    phase: Phase.optional(),
    schedule: editable.schedule.optional(),
    ballot: editable.ballot.optional(),
    milestones: z
      .array(MilestoneCreateRequest.extend({ id: Id.optional() }))
      .max(200)
      .optional(),
    progress: editable.progress.optional(),
    evaluation: editable.evaluation.optional(),
    autoPublish: editable.autoPublish.optional(),
  })
  .strict();
export type ConsultationCreateRequest = z.infer<typeof ConsultationCreateRequest>;
/** What a caller may write before parsing (a rule as `"civil-code-major"`, defaults left out): the CLI, the demo. */
export type ConsultationCreateInput = z.input<typeof ConsultationCreateRequest>;

/** Phase is changed through POST …/phase (forward only), milestones through their own routes. */
export const ConsultationPatchRequest = z
  .object(editable)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'name at least one field to change');
export type ConsultationPatchRequest = z.infer<typeof ConsultationPatchRequest>;
export type ConsultationPatchInput = z.input<typeof ConsultationPatchRequest>;

export const PhaseChangeRequest = z.object({ phase: Phase }).strict();
export type PhaseChangeRequest = z.infer<typeof PhaseChangeRequest>;

export const ProgressUpdateRequest = z
  .object({
    text: z.string().trim().min(1).max(5000),
    by: z.string().trim().max(100).optional(),
    progress: z.number().int().min(0).max(100).nullable().optional(),
  })
  .strict();
export type ProgressUpdateRequest = z.infer<typeof ProgressUpdateRequest>;

/** Totals of the imported roll: the electorate of the civil-code presets; `area` in m², e.g. "5230.40". */
export const Electorate = z.object({ units: z.number().int(), area: z.string(), count: z.number().int() });
export type Electorate = z.infer<typeof Electorate>;

/** The public view: the stored document with effective progress and what a widget needs to render. */
export const ConsultationView = Consultation.extend({
  progressManual: z.boolean(),
  /** False for an open ballot: an 意向调查 (opinion poll) that binds no one. */
  binding: z.boolean().optional(),
  electorate: Electorate.optional(),
  ballots: z.number().int().nonnegative(),
  votingOpen: z.boolean(),
  autoPublish: z.boolean(),
});
export type ConsultationView = z.infer<typeof ConsultationView>;

/**
 * `GET /consultations/{slug}` options. `include=tally` adds the tally (in `lang`, as `GET …/tally?lang=` gives it) to
 * a consultation with a ballot, so a vote widget's first render needs one read instead of two.
 */
export const ConsultationQuery = z.object({ include: z.enum(['tally']).optional(), lang: TallyQuery.shape.lang });

/** What `GET /consultations/{slug}` answers: the view, and with `include=tally` the tally beside it. */
export const ConsultationRead = ConsultationView.extend({ tally: TallyView.optional() });
export type ConsultationRead = z.infer<typeof ConsultationRead>;

export const ConsultationSummary = z.object({
  slug: Slug,
  title: z.string(),
  summary: z.string(),
  community: z.string(),
  phase: Phase,
  progress: z.number().int(),
  method: z.string().optional(),
  updatedAt: z.string(),
});
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;
/** Query of GET /consultations: only the consultations of one community (小区). */
export const ConsultationListQuery = z.object({ community: z.string().trim().min(1).max(100).optional() });

export const ConsultationList = z.object({ consultations: z.array(ConsultationSummary) });
export type ConsultationList = z.infer<typeof ConsultationList>;

export const MilestoneResponse = Milestone;
export const ProgressUpdateResponse = ProgressUpdate;
