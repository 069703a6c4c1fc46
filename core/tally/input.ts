/**
 * The tally file format as zod schemas (DESIGN.md "Tally input"), and reading a file with them. The reading itself
 * lives in read.ts; the schemas here check what its plain checks cannot vouch for and name the field.
 */
import { z } from 'zod';
import { BallotRule, VotingMethod } from '../models/ballot';
import { zodIssues } from '../text/issues';
import type { Aggregate } from './aggregate';
import {
  type CountableBallot,
  countTallyFile,
  parseTallyFile,
  type SchemaChecks,
  type TallyBallotData,
  type TallyHeadData,
  TallyInputError,
  type TallySpec,
} from './read';

export * from './read';

const AreaText = z.union([z.string(), z.number()]);
const Count = z.number().int('must be a whole number').nonnegative('must not be negative');

const TallyWeight = z.object({ area: AreaText.optional(), count: Count.optional() });

const TallyBallot = z.object({
  choices: z.array(z.string()).optional(),
  allocation: z.record(z.string(), z.number().int('points must be whole numbers').nonnegative()).optional(),
  weight: TallyWeight.optional(),
});

const TallyOptionInput = z.union([
  z.string().min(1),
  z.object({ id: z.string().min(1), label: z.string().optional(), cost: z.number().int().nonnegative().optional() }),
]);

/** The file format of `linli tally FILE` (DESIGN.md "Tally input"). */
export const TallyInput = z.object({
  method: VotingMethod,
  options: z.array(TallyOptionInput).optional(),
  rule: BallotRule,
  electorate: z.object({ area: AreaText.optional(), count: Count.optional() }).optional(),
  maxChoices: z.number().int().positive().optional(),
  budget: z.number().int().positive().optional(),
  /** Money available in a participatory budget: options are funded by points until it runs out. */
  funds: z.number().int().nonnegative().optional(),
  ballots: z.array(TallyBallot),
});
export type TallyInput = z.input<typeof TallyInput>;

/** Everything but the ballots, which are checked one by one (see plainBallot). */
const TallyHead = TallyInput.omit({ ballots: true });

/** What read.ts asks when its plain checks cannot vouch for a part: the schemas, throwing naming the field. */
const schemaChecks: SchemaChecks = {
  head(json) {
    const parsed = TallyHead.safeParse(json);
    const ballots = (json as { ballots?: unknown } | null)?.ballots;
    if (parsed.success && Array.isArray(ballots)) return parsed.data satisfies TallyHeadData;
    // Errors come in the order one schema over the whole file would give them.
    const whole = TallyInput.safeParse(json);
    throw zodProblem(whole.success ? parsed.error! : whole.error);
  },
  ballot(raw, i) {
    const parsed = TallyBallot.safeParse(raw);
    if (!parsed.success) throw zodProblem(parsed.error, ['ballots', i]);
    return parsed.data satisfies TallyBallotData;
  },
};

/** Validates a tally file's JSON into a spec and countable ballots, or throws a TallyInputError naming the field. */
export function parseTallyInput(json: unknown): { spec: TallySpec; ballots: CountableBallot[] } {
  return parseTallyFile(json, schemaChecks);
}

/** Validates and counts in one pass, keeping no ballot: what `linli tally` needs for a large file. */
export function countTallyInput(json: unknown): { spec: TallySpec; aggregate: Aggregate } {
  return countTallyFile(json, schemaChecks);
}

function zodProblem(error: z.ZodError, prefix: PropertyKey[] = []): TallyInputError {
  const issue = zodIssues(error, prefix, '(file)')[0]!;
  return new TallyInputError(issue.path, issue.message);
}
