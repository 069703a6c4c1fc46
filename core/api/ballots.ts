import { z } from 'zod';
import { BallotBoxEntry, BallotBoxMode, Receipt } from '../models/ballot';
import { Slug } from '../models/common';
import { Phase } from '../models/consultation';
import { VoterKey } from './common';

/**
 * A ballot as a widget sends it. Which credential counts depends on the consultation's eligibility:
 * `code` (one-time code from the roll), `token` (JWT signed by the host site) or `voterKey` (open).
 * A missing credential is not judged here: only the consultation knows which one it needs, and the error must
 * name that field (`voterKey` for an open poll, not `code`), so the ballot desk reports it.
 */
export const BallotRequest = z
  .object({
    choices: z.array(z.string().min(1).max(40)).max(100).optional(),
    allocation: z.record(z.string().min(1).max(40), z.number().int().nonnegative()).optional(),
    code: z.string().trim().min(4).max(64).optional(),
    token: z.string().min(10).max(8192).optional(),
    voterKey: VoterKey.optional(),
  })
  .strict()
  .refine((b) => b.choices !== undefined || b.allocation !== undefined, {
    message: 'a ballot needs choices (or an allocation for a budget ballot)',
    path: ['choices'],
  });
export type BallotRequest = z.infer<typeof BallotRequest>;

/** 201 (or 200 for an Idempotency-Key replay): the receipt, and whether the ballot binds anyone. */
export const BallotAccepted = Receipt.extend({
  /** False for open ballots: an 意向调查 (opinion poll) only. */
  binding: z.boolean(),
  /** True when this is the stored receipt of an earlier request with the same Idempotency-Key. */
  replayed: z.boolean(),
  /** Human note for non-binding ballots, zh-CN and en. */
  notice: z.string().optional(),
});
export type BallotAccepted = z.infer<typeof BallotAccepted>;

export const NON_BINDING_NOTICE = '意向调查，不具法律约束力 / Opinion poll: not binding';

export const ReceiptResponse = Receipt;

const OptionResult = z.object({ count: z.number(), area: z.string().optional(), points: z.number().optional() });

/** The public tally JSON (DESIGN.md "Tally input" output), with reasons already in words. */
export const TallyResultSchema = z.object({
  passed: z.boolean().nullable(),
  winner: z.string().nullable(),
  totals: z.record(z.string(), OptionResult),
  participation: z.object({
    ballots: z.number().int(),
    count: z.number(),
    area: z.string().optional(),
    electorate: z.object({ count: z.number().optional(), area: z.string().optional() }).optional(),
    shares: z.object({ count: z.string().optional(), area: z.string().optional() }).optional(),
    met: z.boolean().nullable(),
  }),
  reasons: z.array(z.string()),
  ranking: z.array(z.string()).optional(),
  approved: z.array(z.string()).optional(),
  rounds: z
    .array(
      z.object({ counts: z.record(z.string(), z.number()), exhausted: z.number(), eliminated: z.array(z.string()) }),
    )
    .optional(),
  funded: z.array(z.string()).optional(),
});

const TallyHead = {
  binding: z.boolean(),
  slug: Slug,
  phase: Phase,
  /**
   * False while ballots can still arrive (voting not yet over): `passed` and `winner` are then the current
   * standing, not the result, and the last reason says so ("目前…（投票进行中）" / "So far … (voting is open)").
   */
  final: z.boolean(),
};

/** When results are shown only after close, readers get participation only (a normal 200, not an error). */
export const TallyView = z.union([
  TallyResultSchema.extend({ hidden: z.literal(false), ...TallyHead }),
  z.object({ hidden: z.literal(true), ...TallyHead, participation: z.object({ ballots: z.number().int() }) }),
]);
export type TallyView = z.infer<typeof TallyView>;

export const TallyQuery = z.object({ lang: z.enum(['zh-CN', 'en', 'both']).optional() });

export const BallotBoxQuery = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/**
 * The voter roll as frozen when the first ballot was recorded: the thresholds are judged against these totals, and
 * the first entry's prevHash is sha256("linli-ballot-box:" + consultationId + ":electorate:" + digest), so anyone
 * can check that the roll was not changed after voting began.
 */
export const FrozenElectorateView = z.object({
  digest: z.string(),
  units: z.number().int(),
  /** Total exclusive area in m², e.g. "5230.40". */
  area: z.string(),
  count: z.number().int(),
  /** When the first ballot froze the roll: the day only (YYYY-MM-DD) for the public, since it is that voter's time. */
  frozenAt: z.string(),
  /** False for a box begun before electorates were frozen: its first prevHash is sha256("linli-ballot-box:" + id). */
  boundToChain: z.boolean(),
});
export type FrozenElectorateView = z.infer<typeof FrozenElectorateView>;

/** The public hash-chained log: anyone can recount and find their receipt in it. */
export const BallotBoxResponse = z.object({
  slug: Slug,
  /** Null until the first ballot freezes the electorate. */
  electorate: FrozenElectorateView.nullable(),
  /** `public`: entries carry choices and weight (anyone can recount); `receipts`: seq and hashes only. */
  ballotBox: BallotBoxMode,
  /**
   * The head of the chain as the server holds it now: the last entry's seq and chainHash (null before the first
   * ballot). The result notice (公示) prints it at close; a verifier compares its own recomputation with both.
   */
  head: z.object({ seq: z.number().int().nonnegative(), chainHash: z.string() }).nullable(),
  entries: z.array(BallotBoxEntry),
  /** Seq of the last entry returned; pass it as `after` for the next page. */
  next: z.number().int().nullable(),
});
export type BallotBoxResponse = z.infer<typeof BallotBoxResponse>;
