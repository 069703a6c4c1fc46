import { z } from 'zod';
import { BallotRule, isCivilCode, type RulePreset, VotingMethod } from '../models/ballot';
import { zodIssues } from '../text/issues';
import { type Aggregate, ballotCounter, emptyAggregate } from './aggregate';
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

/** Everything but the ballots, which are checked one by one (see plainBallot). */
const TallyHead = TallyInput.omit({ ballots: true });
type TallyBallotData = z.infer<typeof TallyBallot>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Whether a ballot certainly passes TallyBallot, checked without zod's per-object work (a 100,000-ballot file
 * spent most of its time there). It never accepts what the schema refuses; whatever it does not accept goes
 * through the schema, which gives the message naming the field.
 */
function plainBallot(b: unknown): b is TallyBallotData {
  if (!isRecord(b)) return false;
  const { choices, allocation, weight } = b;
  if (choices !== undefined) {
    if (!Array.isArray(choices)) return false;
    for (const c of choices) if (typeof c !== 'string') return false;
  }
  if (allocation !== undefined) {
    if (!isRecord(allocation)) return false;
    for (const id of Object.keys(allocation)) if (!isCount(allocation[id])) return false;
  }
  if (weight !== undefined) {
    if (!isRecord(weight)) return false;
    const { area, count } = weight;
    if (area !== undefined && typeof area !== 'string' && !(typeof area === 'number' && Number.isFinite(area))) {
      return false;
    }
    if (count !== undefined && !isCount(count)) return false;
  }
  return true;
}

function readBallot(raw: unknown, i: number): TallyBallotData {
  if (plainBallot(raw)) return raw;
  const parsed = TallyBallot.safeParse(raw);
  if (!parsed.success) throw zodProblem(parsed.error, ['ballots', i]);
  return parsed.data;
}

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

function zodProblem(error: z.ZodError, prefix: PropertyKey[] = []): TallyInputError {
  const issue = zodIssues(error, prefix, '(file)')[0]!;
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

const knownIds = new WeakMap<TallySpec, Set<string>>();

/** Checks one ballot against the method and options; throws naming the ballot's field. */
function checkBallot(spec: TallySpec, ballot: CountableBallot, at: string): void {
  let known = knownIds.get(spec);
  if (!known) {
    known = new Set(spec.options.map((o) => o.id));
    knownIds.set(spec, known);
  }
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
  for (let i = 0; i < ballot.choices.length; i++) {
    const choice = ballot.choices[i]!;
    if (!known.has(choice)) throw new TallyInputError(`${at}.choices[${i}]`, `"${choice}" is not one of the options`);
    if (ballot.choices.indexOf(choice) !== i) {
      throw new TallyInputError(`${at}.choices[${i}]`, `"${choice}" is chosen twice`);
    }
  }
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

/**
 * Validates a tally file's JSON and hands each countable ballot to the visitor `start(spec)` returns, or throws a
 * TallyInputError naming the field. Errors come in the order one schema over the whole file would give them:
 * the head, then ballot shapes, then the rules, then each ballot against the options.
 */
function readTallyInput(json: unknown, start: (spec: TallySpec) => (ballot: CountableBallot) => void): TallySpec {
  const parsed = TallyHead.safeParse(json);
  const rawBallots = (json as { ballots?: unknown } | null)?.ballots;
  if (!parsed.success || !Array.isArray(rawBallots)) {
    const whole = TallyInput.safeParse(json);
    throw zodProblem(whole.success ? parsed.error! : whole.error);
  }
  const read = rawBallots.map(readBallot);
  const input = { ...parsed.data, ballots: read };
  validateRuleFits(input);
  const civil = isCivilCode(input.rule.preset);
  const electorate = input.electorate && {
    area: input.electorate.area === undefined ? undefined : parseArea(input.electorate.area, 'electorate.area'),
    count: input.electorate.count === undefined ? undefined : BigInt(input.electorate.count),
  };
  if (electorate?.area === 0n) throw new TallyInputError('electorate.area', 'must be greater than zero');
  if (electorate?.count === 0n) throw new TallyInputError('electorate.count', 'must be greater than zero');
  const spec: TallySpec = {
    method: input.method,
    preset: input.rule.preset,
    options: normalizeOptions(input),
    maxChoices: input.maxChoices,
    budget: input.budget,
    funds: input.funds,
    electorate,
    usesArea: civil || electorate?.area !== undefined,
  };
  const visit = start(spec);
  for (let i = 0; i < read.length; i++) {
    const b = read[i]!;
    if (b.weight?.area !== undefined) spec.usesArea = true;
    else if (civil) {
      throw new TallyInputError(
        `ballots[${i}].weight.area`,
        `required by ${spec.preset}: the unit's exclusive area in m²`,
      );
    }
    const ballot: CountableBallot = {
      choices: b.choices ?? [],
      allocation: b.allocation,
      weight: weightOf(b.weight, i),
    };
    checkBallot(spec, ballot, `ballots[${i}]`);
    visit(ballot);
  }
  return spec;
}

/** Validates a tally file's JSON into a spec and countable ballots, or throws a TallyInputError naming the field. */
export function parseTallyInput(json: unknown): { spec: TallySpec; ballots: CountableBallot[] } {
  const ballots: CountableBallot[] = [];
  const spec = readTallyInput(json, () => (ballot) => ballots.push(ballot));
  return { spec, ballots };
}

/** Validates and counts in one pass, keeping no ballot: what `linli tally` needs for a large file. */
export function countTallyInput(json: unknown): { spec: TallySpec; aggregate: Aggregate } {
  let aggregate: Aggregate | undefined;
  let counter: ReturnType<typeof ballotCounter> | undefined;
  const spec = readTallyInput(json, (s) => {
    aggregate = emptyAggregate(s);
    counter = ballotCounter(aggregate, s);
    return counter.add;
  });
  counter?.flush();
  return { spec, aggregate: aggregate! };
}

/** One shared weight for the common ballot without one: counting never changes a weight. */
const ONE_OWNER: Weight = Object.freeze({ area: 0n, count: 1n });

function weightOf(w: TallyBallotData['weight'], i: number): Weight {
  if (w === undefined || (w.area === undefined && (w.count === undefined || w.count === 1))) return ONE_OWNER;
  return {
    area: w.area === undefined ? 0n : parseArea(w.area, `ballots[${i}].weight.area`),
    count: BigInt(w.count ?? 1),
  };
}

export { checkBallot as checkCountableBallot };
