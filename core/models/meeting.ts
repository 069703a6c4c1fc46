import { z } from 'zod';
import { Id, IsoDateTime } from './common';

export const MEETING_SCHEMA_VERSION = 1 as const;

/** The 三会: 听证会 before a decision, 协调会 when parties disagree, 评议会 after the work is done. */
export const MeetingKind = z.enum(['hearing', 'coordination', 'evaluation']);
export type MeetingKind = z.infer<typeof MeetingKind>;

export const ParticipantRole = z.enum([
  'resident',
  'representative',
  'department',
  'property',
  'committee',
  'lawyer',
  'other',
]);

export const Stance = z.enum(['support', 'oppose', 'neutral']);

/** One of the 三会, held in person and recorded. */
export const Meeting = z.object({
  schemaVersion: z.literal(MEETING_SCHEMA_VERSION).default(MEETING_SCHEMA_VERSION),
  id: Id,
  kind: MeetingKind,
  title: z.string().trim().min(1).max(200),
  scheduledAt: IsoDateTime,
  place: z.string().trim().min(1).max(200),
  notice: z.string().trim().max(10_000).default(''),
  participants: z
    .array(
      z.object({
        role: ParticipantRole,
        name: z.string().trim().min(1).max(100),
        unit: z.string().trim().max(100).optional(),
      }),
    )
    .max(500)
    .default([]),
  agenda: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  minutes: z.string().trim().max(100_000).optional(),
  opinions: z
    .array(
      z.object({
        by: z.string().trim().max(100).optional(),
        text: z.string().trim().min(1).max(5000),
        stance: Stance.optional(),
      }),
    )
    .max(1000)
    .default([]),
  decisions: z
    .array(
      z.object({
        text: z.string().trim().min(1).max(2000),
        owner: z.string().trim().max(100).optional(),
        due: IsoDateTime.optional(),
      }),
    )
    .max(200)
    .default([]),
  status: z.enum(['scheduled', 'held', 'cancelled']).default('scheduled'),
});
export type Meeting = z.infer<typeof Meeting>;
