import { z } from 'zod';
import { Eligibility } from './ballot';

/** 评议 scale: 满意 / 基本满意 / 不满意. */
export const EvaluationChoice = z.enum(['satisfied', 'fair', 'dissatisfied']);
export type EvaluationChoice = z.infer<typeof EvaluationChoice>;

export const EVALUATION_SCALE = [
  { id: 'satisfied', label: '满意' },
  { id: 'fair', label: '基本满意' },
  { id: 'dissatisfied', label: '不满意' },
] as const;

/** Residents rate the finished work during the `evaluation` phase; one response per voter. */
export const EvaluationDefinition = z.object({
  question: z.string().trim().min(1).max(500),
  scale: z.array(EvaluationChoice).default(['satisfied', 'fair', 'dissatisfied']),
  eligibility: Eligibility,
  allowComment: z.boolean().default(true),
});
export type EvaluationDefinition = z.infer<typeof EvaluationDefinition>;

/** The public result: counts per choice and the share satisfied + fair (as a percentage, one decimal). */
export const EvaluationResult = z.object({
  question: z.string(),
  counts: z.object({ satisfied: z.number().int(), fair: z.number().int(), dissatisfied: z.number().int() }),
  responses: z.number().int(),
  satisfactionPercent: z.number().nullable(),
  comments: z.array(z.object({ choice: EvaluationChoice, text: z.string(), at: z.string() })).default([]),
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;
