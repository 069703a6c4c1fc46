/** Where a consultation stands on the 三会 timeline: 听证会 → 协调会 → 表决 → 实施 → 评议会. */
import type { ConsultationView } from '@linli/core';

export const STEPS = ['hearing', 'coordination', 'voting', 'implementing', 'evaluation'] as const;
export type Step = (typeof STEPS)[number];
export type StepState = 'done' | 'current' | 'upcoming';

/** Each step's state for a phase: before the hearing all are upcoming, once closed all are done. */
export function stepStates(phase: ConsultationView['phase']): Record<Step, StepState> {
  const at = phase === 'closed' ? STEPS.length : STEPS.indexOf(phase as Step);
  return Object.fromEntries(
    STEPS.map((step, i) => [step, at < 0 ? 'upcoming' : i < at ? 'done' : i === at ? 'current' : 'upcoming']),
  ) as Record<Step, StepState>;
}
