import { z } from 'zod';
import {
  defaultBallotBox,
  defaultResultsVisibility,
  isCivilCode,
  leaksSecretBallot,
  RULE_PRESETS,
  VOTING_METHODS,
} from './ballot-rules';
import { Id, IsoDateTime } from './common';

export const BALLOT_SCHEMA_VERSION = 1 as const;

export const VotingMethod = z.enum(VOTING_METHODS);
export type VotingMethod = z.infer<typeof VotingMethod>;

export const Eligibility = z.enum(['open', 'code', 'signed']);
export type Eligibility = z.infer<typeof Eligibility>;

export const RulePreset = z.enum(RULE_PRESETS);
export type RulePreset = z.infer<typeof RulePreset>;

export { CIVIL_CODE_PRESETS, isCivilCode } from './ballot-rules';

/** `"civil-code-major"` is accepted as shorthand for `{preset: "civil-code-major"}`. */
export const BallotRule = z.preprocess(
  (value) => (typeof value === 'string' ? { preset: value } : value),
  z.object({ preset: RulePreset }),
);
export type BallotRule = z.infer<typeof BallotRule>;

export const BallotOption = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only'),
  label: z.string().trim().min(1).max(200),
  /** Cost in yuan, for 参与式预算 (budget) ballots. */
  cost: z.number().int().nonnegative().optional(),
});
export type BallotOption = z.infer<typeof BallotOption>;

/** The fixed options of a yes/no matter; labels are zh-CN, widgets translate by id. */
export const YESNO_OPTIONS: BallotOption[] = [
  { id: 'yes', label: '同意' },
  { id: 'no', label: '反对' },
  { id: 'abstain', label: '弃权' },
];

/** What the public ballot box shows (see BallotDefinition.ballotBox). */
export const BallotBoxMode = z.enum(['public', 'receipts']);
export type BallotBoxMode = z.infer<typeof BallotBoxMode>;

/** When the results of a ballot are shown; see defaultResultsVisibility for why a secret ballot shows them late. */
export const ResultsVisibility = z.enum(['live', 'after_close']);
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;

const BallotDefinitionShape = z.object({
  schemaVersion: z.literal(BALLOT_SCHEMA_VERSION).default(BALLOT_SCHEMA_VERSION),
  method: VotingMethod,
  question: z.string().trim().max(500).optional(),
  options: z.array(BallotOption).max(100).default([]),
  /** `multiple` with no maxChoices is approval voting. */
  maxChoices: z.number().int().positive().optional(),
  /** Points each voter allocates in a `budget` ballot. */
  budget: z.number().int().positive().optional(),
  eligibility: Eligibility,
  rule: BallotRule,
  /** Default: `after_close` for a `receipts` box (a secret ballot), else `live`; `live` with `receipts` is refused. */
  resultsVisibility: ResultsVisibility.optional(),
  /**
   * What the public ballot box shows: `public` lists each ballot's choices and weight so anyone can recount;
   * `receipts` lists only seq and hashes (each hash commits with a secret only the voter's receipt holds), and the
   * count is checked by the audit. Default: `public` for open polls, `receipts` for code and signed votes.
   */
  ballotBox: BallotBoxMode.optional(),
  opensAt: IsoDateTime.optional(),
  closesAt: IsoDateTime.optional(),
});

/** How a consultation votes: method, options, who may vote and the rule that decides. */
export const BallotDefinition = BallotDefinitionShape.transform((def) => {
  const ballotBox = def.ballotBox ?? defaultBallotBox(def.eligibility);
  return {
    ...def,
    options: def.method === 'yesno' && def.options.length === 0 ? YESNO_OPTIONS : def.options,
    ballotBox,
    resultsVisibility: def.resultsVisibility ?? defaultResultsVisibility(ballotBox),
  };
}).superRefine((def, ctx) => {
  if (leaksSecretBallot(def)) {
    ctx.addIssue({
      code: 'custom',
      path: ['resultsVisibility'],
      message:
        'a receipts ballot box is a secret ballot: live results would let anyone watching the tally read a ' +
        'neighbour\'s choice from the moment they voted; use "after_close", or ballotBox "public" for an open count',
    });
  }
  const ids = def.options.map((o) => o.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) ctx.addIssue({ code: 'custom', path: ['options'], message: `option id "${duplicate}" is repeated` });
  if (def.method === 'yesno' && [...ids].sort().join() !== 'abstain,no,yes') {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'a yesno ballot has exactly the options yes, no, abstain',
    });
  }
  if (def.method !== 'yesno' && def.options.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${def.method} ballot needs at least two options` });
  }
  if (def.maxChoices !== undefined && def.method !== 'multiple') {
    ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'maxChoices applies only to multiple' });
  }
  if (def.maxChoices !== undefined && def.maxChoices > def.options.length) {
    ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'maxChoices exceeds the number of options' });
  }
  if (def.method === 'budget' && def.budget === undefined) {
    ctx.addIssue({ code: 'custom', path: ['budget'], message: 'a budget ballot needs the points per voter' });
  }
  if (isCivilCode(def.rule.preset)) {
    if (def.eligibility === 'open') {
      ctx.addIssue({
        code: 'custom',
        path: ['rule', 'preset'],
        message: 'civil-code rules need a voter roll (eligibility code or signed), not an open vote',
      });
    }
    if (def.method === 'ranked' || def.method === 'budget') {
      ctx.addIssue({
        code: 'custom',
        path: ['rule', 'preset'],
        message: 'civil-code rules apply to yesno, single or multiple ballots',
      });
    }
  }
  if (def.opensAt && def.closesAt && def.opensAt >= def.closesAt) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'closesAt must be after opensAt' });
  }
});
export type BallotDefinition = z.infer<typeof BallotDefinition>;
export type BallotDefinitionInput = z.input<typeof BallotDefinition>;

/** What a resident gets back for a ballot: enough to find it in the public ballot box, nothing about them. */
export const Receipt = z.object({
  receiptId: Id,
  consultationId: Id,
  seq: z.number().int().positive(),
  ballotHash: z.string().regex(/^[0-9a-f]{64}$/),
  chainHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: IsoDateTime,
  /**
   * In a `receipts` ballot box: the secret the ballotHash commits with (hex). Only this receipt holds it, so a
   * published hash cannot be tested against guessed choices; with it the voter can recompute their own hash.
   */
  secret: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Receipt = z.infer<typeof Receipt>;

/**
 * One entry of the public, hash-chained ballot box, without the voter's identity and without a time (a time,
 * like a unique flat area, can tell who voted how). In a `public` box it carries the choices and weight; in a
 * `receipts` box only seq and hashes. `receiptId` and `at` appear only on entries written before this format
 * (their hash covers them, and they were already published).
 */
export const BallotBoxEntry = z.object({
  seq: z.number().int().positive(),
  receiptId: Id.optional(),
  at: IsoDateTime.optional(),
  choices: z.array(z.string()).optional(),
  allocation: z.record(z.string(), z.number().int().nonnegative()).optional(),
  weight: z.object({ area: z.string().optional(), count: z.number().int().nonnegative() }).optional(),
  ballotHash: z.string(),
  prevHash: z.string(),
  chainHash: z.string(),
});
export type BallotBoxEntry = z.infer<typeof BallotBoxEntry>;
