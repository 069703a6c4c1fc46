import { z } from 'zod';
import { BallotRule, isCivilCode, type RulePreset, VotingMethod } from '../models/ballot';
import { zodIssues } from '../text/issues';
import { parseHundredths } from './exact';

/** A tally input that cannot be counted; `field` is a path such as `ballots[3].weight.area`. */
export class TallyInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

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

export interface Weight {
  /** Hundredths of a square metre; 0n when the ballot carries no area. */
  area: bigint;
  count: bigint;
}

export interface CountableBallot {
  choices: string[];
  allocation?: Record<string, number>;
  weight: Weight;
}

export interface TallyOption {
  id: string;
  label?: string;
  cost?: number;
}

/** Everything the engine needs, validated: every id known, every area exact. */
export interface TallySpec {
  method: z.infer<typeof VotingMethod>;
  preset: RulePreset;
  options: TallyOption[];
  maxChoices?: number;
  budget?: number;
  funds?: number;
  electorate?: { area?: bigint; count?: bigint };
  /** Whether areas are part of this count (civil-code presets, or any area given). */
  usesArea: boolean;
}

function zodProblem(error: z.ZodError): TallyInputError {
  const issue = zodIssues(error, [], '(file)')[0]!;
  return new TallyInputError(issue.path, issue.message);
}

function parseArea(raw: string | number, field: string): bigint {
  const value = parseHundredths(raw);
  if (value === null) {
    throw new TallyInputError(field, `"${raw}" is not an area in m² (a non-negative number with at most two decimals)`);
  }
  return value;
}

const YESNO_IDS = ['yes', 'no', 'abstain'];

function normalizeOptions(input: z.infer<typeof TallyInput>): TallyOption[] {
  const raw = input.options ?? (input.method === 'yesno' ? YESNO_IDS : undefined);
  if (!raw) throw new TallyInputError('options', `a ${input.method} tally needs its list of options`);
  const options = raw.map((o) => (typeof o === 'string' ? { id: o } : o));
  options.forEach((o, i) => {
    if (options.findIndex((p) => p.id === o.id) !== i) {
      throw new TallyInputError(`options[${i}]`, `option "${o.id}" is listed twice`);
    }
  });
  if (input.method === 'yesno') {
    options.forEach((o, i) => {
      if (!YESNO_IDS.includes(o.id)) {
        throw new TallyInputError(
          `options[${i}]`,
          `a yesno tally has only the options yes, no, abstain (got "${o.id}")`,
        );
      }
    });
    for (const id of ['yes', 'no']) {
      if (!options.some((o) => o.id === id))
        throw new TallyInputError('options', `a yesno tally needs the option "${id}"`);
    }
  } else if (options.length < 2) {
    throw new TallyInputError('options', `a ${input.method} tally needs at least two options`);
  }
  return options;
}

function validateRuleFits(input: z.infer<typeof TallyInput>): void {
  const preset = input.rule.preset;
  if (isCivilCode(preset)) {
    if (input.method === 'ranked' || input.method === 'budget') {
      throw new TallyInputError('rule.preset', `${preset} applies to yesno, single or multiple, not ${input.method}`);
    }
    if (input.electorate?.area === undefined) {
      throw new TallyInputError('electorate.area', `required by ${preset}: the total exclusive area of all units`);
    }
    if (input.electorate.count === undefined) {
      throw new TallyInputError('electorate.count', `required by ${preset}: the number of all owners`);
    }
  }
  if (input.method === 'budget' && preset !== 'plurality') {
    throw new TallyInputError('rule.preset', 'budget ballots are ranked by points: use the plurality preset');
  }
  if (input.maxChoices !== undefined && input.method !== 'multiple') {
    throw new TallyInputError('maxChoices', 'applies only to the multiple method');
  }
}

/** Checks one ballot against the method and options; throws naming the ballot's field. */
function checkBallot(spec: TallySpec, ballot: CountableBallot, at: string): void {
  const known = new Set(spec.options.map((o) => o.id));
  if (spec.method === 'budget') {
    if (!ballot.allocation) throw new TallyInputError(`${at}.allocation`, 'a budget ballot needs an allocation');
    let sum = 0;
    for (const [id, points] of Object.entries(ballot.allocation)) {
      if (!known.has(id)) throw new TallyInputError(`${at}.allocation.${id}`, `"${id}" is not one of the options`);
      sum += points;
    }
    if (spec.budget !== undefined && sum > spec.budget) {
      throw new TallyInputError(`${at}.allocation`, `allocates ${sum} points but each voter has ${spec.budget}`);
    }
    return;
  }
  ballot.choices.forEach((choice, i) => {
    if (!known.has(choice)) throw new TallyInputError(`${at}.choices[${i}]`, `"${choice}" is not one of the options`);
    if (ballot.choices.indexOf(choice) !== i) {
      throw new TallyInputError(`${at}.choices[${i}]`, `"${choice}" is chosen twice`);
    }
  });
  const n = ballot.choices.length;
  if ((spec.method === 'yesno' || spec.method === 'single') && n !== 1) {
    throw new TallyInputError(`${at}.choices`, `a ${spec.method} ballot has exactly one choice (got ${n})`);
  }
  if (spec.method === 'ranked' && n === 0)
    throw new TallyInputError(`${at}.choices`, 'a ranked ballot ranks at least one option');
  if (spec.method === 'multiple' && spec.maxChoices !== undefined && n > spec.maxChoices) {
    throw new TallyInputError(`${at}.choices`, `at most ${spec.maxChoices} choices are allowed (got ${n})`);
  }
}

/** Validates a tally file's JSON into a spec and countable ballots, or throws a TallyInputError naming the field. */
export function parseTallyInput(json: unknown): { spec: TallySpec; ballots: CountableBallot[] } {
  const parsed = TallyInput.safeParse(json);
  if (!parsed.success) throw zodProblem(parsed.error);
  const input = parsed.data;
  validateRuleFits(input);
  const civil = isCivilCode(input.rule.preset);
  const electorate = input.electorate && {
    area: input.electorate.area === undefined ? undefined : parseArea(input.electorate.area, 'electorate.area'),
    count: input.electorate.count === undefined ? undefined : BigInt(input.electorate.count),
  };
  if (electorate?.area === 0n) throw new TallyInputError('electorate.area', 'must be greater than zero');
  if (electorate?.count === 0n) throw new TallyInputError('electorate.count', 'must be greater than zero');
  const usesArea = civil || electorate?.area !== undefined || input.ballots.some((b) => b.weight?.area !== undefined);
  const spec: TallySpec = {
    method: input.method,
    preset: input.rule.preset,
    options: normalizeOptions(input),
    maxChoices: input.maxChoices,
    budget: input.budget,
    funds: input.funds,
    electorate,
    usesArea,
  };
  const ballots = input.ballots.map((b, i): CountableBallot => {
    const at = `ballots[${i}]`;
    if (civil && b.weight?.area === undefined) {
      throw new TallyInputError(`${at}.weight.area`, `required by ${spec.preset}: the unit's exclusive area in m²`);
    }
    const ballot: CountableBallot = {
      choices: b.choices ?? [],
      allocation: b.allocation,
      weight: {
        area: b.weight?.area === undefined ? 0n : parseArea(b.weight.area, `${at}.weight.area`),
        count: BigInt(b.weight?.count ?? 1),
      },
    };
    checkBallot(spec, ballot, at);
    return ballot;
  });
  return { spec, ballots };
}

export { checkBallot as checkCountableBallot };
