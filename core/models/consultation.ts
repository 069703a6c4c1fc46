import { z } from 'zod';
import { BallotDefinition } from './ballot';
import { Id, IsoDateTime, Slug } from './common';
import { EvaluationDefinition } from './evaluation';
import { Meeting } from './meeting';

export const CONSULTATION_SCHEMA_VERSION = 1 as const;

/**
 * The 三会 process in order. Phases may be skipped (a small matter needs no 协调会) but never reordered:
 * a consultation only ever moves forward.
 */
export const PHASES = [
  'draft',
  'collecting',
  'hearing',
  'coordination',
  'voting',
  'implementing',
  'evaluation',
  'closed',
] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

export const PHASE_LABELS: Record<Phase, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草拟', en: 'Draft' },
  collecting: { 'zh-CN': '征集意见', en: 'Collecting ideas' },
  hearing: { 'zh-CN': '听证会', en: 'Hearing' },
  coordination: { 'zh-CN': '协调会', en: 'Coordination' },
  voting: { 'zh-CN': '投票表决', en: 'Voting' },
  implementing: { 'zh-CN': '实施中', en: 'Implementing' },
  evaluation: { 'zh-CN': '评议会', en: 'Evaluation' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
};

export const phaseIndex = (phase: Phase) => PHASES.indexOf(phase);

/** Why a phase change is refused, or null when it is allowed (strictly forward, skipping allowed). */
export function phaseChangeError(from: Phase, to: Phase): string | null {
  if (from === to) return `the consultation is already in phase "${to}"`;
  if (phaseIndex(to) < phaseIndex(from)) return `phases never go backwards: "${from}" cannot return to "${to}"`;
  return null;
}

export const Milestone = z.object({
  id: Id,
  title: z.string().trim().min(1).max(200),
  due: IsoDateTime.optional(),
  done: z.boolean().default(false),
  /** Relative share of the work; progress is the done weight over the total weight. */
  weight: z.number().int().min(1).max(1000).default(1),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProgressUpdate = z.object({
  id: Id,
  at: IsoDateTime,
  text: z.string().trim().min(1).max(5000),
  by: z.string().trim().max(100).optional(),
  phase: Phase.optional(),
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

export const PhaseWindow = z.object({ start: IsoDateTime.optional(), end: IsoDateTime.optional() });

/** Progress derived from milestones, as a whole percentage rounded down (never shows 100 before all are done). */
export function milestoneProgress(milestones: readonly Pick<Milestone, 'done' | 'weight'>[]): number {
  const total = milestones.reduce((sum, m) => sum + m.weight, 0);
  if (total === 0) return 0;
  const done = milestones.reduce((sum, m) => sum + (m.done ? m.weight : 0), 0);
  return Math.floor((done * 100) / total);
}

/** Manual progress wins when staff set one; otherwise milestones decide. */
export function effectiveProgress(milestones: readonly Pick<Milestone, 'done' | 'weight'>[], manual?: number | null) {
  return manual ?? milestoneProgress(milestones);
}

/** One matter going through the 三会 process. */
export const Consultation = z.object({
  schemaVersion: z.literal(CONSULTATION_SCHEMA_VERSION).default(CONSULTATION_SCHEMA_VERSION),
  id: Id,
  slug: Slug,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(1000).default(''),
  body: z.string().trim().max(50_000).default(''),
  community: z.string().trim().max(100).default(''),
  issueIds: z.array(Id).max(500).default([]),
  phase: Phase.default('draft'),
  schedule: z.partialRecord(Phase, PhaseWindow).default({}),
  ballot: BallotDefinition.optional(),
  milestones: z.array(Milestone).max(200).default([]),
  progress: z.number().int().min(0).max(100).default(0),
  updates: z.array(ProgressUpdate).default([]),
  meetings: z.array(Meeting).default([]),
  evaluation: EvaluationDefinition.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Consultation = z.infer<typeof Consultation>;
export type ConsultationInput = z.input<typeof Consultation>;
