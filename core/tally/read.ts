/**
 * Reading a tally file (DESIGN.md "Tally input") without zod: what `linli tally` loads, so a count does not pay for
 * compiling the schema library. Every part of a file that passes the plain checks here is exactly what the schemas
 * in input.ts accept; anything else goes to `checks` (the schemas), which give the message naming the field.
 */
import { isCivilCode, RULE_PRESETS, VOTING_METHODS } from '../models/ballot-rules';
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

/** Where the plain checks cannot vouch for a part of the file: the schemas read it, or throw naming the field. */
export interface SchemaChecks {
  head(json: unknown): TallyHeadData;
  ballot(raw: unknown, i: number): TallyBallotData;
}

/** A file's head as the schema gives it (TallyInput without ballots). */
export interface TallyHeadData {
  method: (typeof VOTING_METHODS)[number];
  options?: Array<string | TallyOption>;
  rule: { preset: (typeof RULE_PRESETS)[number] };
  electorate?: { area?: string | number; count?: number };
  maxChoices?: number;
  budget?: number;
  funds?: number;
}

export interface TallyBallotData {
  choices?: string[];
  allocation?: Record<string, number>;
  weight?: { area?: string | number; count?: number };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Whether a ballot certainly passes TallyBallot, checked without zod's per-object work (a 100,000-ballot file
 * spent most of its time there). It never accepts what the schema refuses; whatever it does not accept goes
 * through the schema, which gives the message naming the field.
 */
export function plainBallot(b: unknown): b is TallyBallotData {
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

const isPositive = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const isArea = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const METHODS: readonly unknown[] = VOTING_METHODS;
const PRESETS: readonly unknown[] = RULE_PRESETS;

/**
 * The head of a file when it certainly passes the schema (TallyInput without ballots), as the schema would give it
 * (a rule written as its preset's name becomes `{preset}`; unknown keys are dropped); null otherwise.
 */
function plainHead(json: unknown): TallyHeadData | null {
  if (!isRecord(json)) return null;
  const { method, options, rule, electorate, maxChoices, budget, funds } = json;
  if (!METHODS.includes(method)) return null;
  const preset = typeof rule === 'string' ? rule : isRecord(rule) ? rule.preset : undefined;
  if (!PRESETS.includes(preset)) return null;
  let shownOptions: TallyHeadData['options'];
  if (options !== undefined) {
    if (!Array.isArray(options)) return null;
    shownOptions = [];
    for (const o of options) {
      if (typeof o === 'string' && o !== '') shownOptions.push(o);
      else if (isRecord(o) && typeof o.id === 'string' && o.id !== '') {
        if (o.label !== undefined && typeof o.label !== 'string') return null;
        if (o.cost !== undefined && !isCount(o.cost)) return null;
        shownOptions.push({
          id: o.id,
          ...(o.label !== undefined ? { label: o.label as string } : {}),
          ...(o.cost !== undefined ? { cost: o.cost as number } : {}),
        });
      } else return null;
    }
  }
  let shownElectorate: TallyHeadData['electorate'];
  if (electorate !== undefined) {
    if (!isRecord(electorate)) return null;
    if (electorate.area !== undefined && !isArea(electorate.area)) return null;
    if (electorate.count !== undefined && !isCount(electorate.count)) return null;
    shownElectorate = {
      ...(electorate.area !== undefined ? { area: electorate.area as string | number } : {}),
      ...(electorate.count !== undefined ? { count: electorate.count as number } : {}),
    };
  }
  if (maxChoices !== undefined && !isPositive(maxChoices)) return null;
  if (budget !== undefined && !isPositive(budget)) return null;
  if (funds !== undefined && !isCount(funds)) return null;
  return {
    method: method as TallyHeadData['method'],
    ...(shownOptions ? { options: shownOptions } : {}),
    rule: { preset: preset as TallyHeadData['rule']['preset'] },
    ...(shownElectorate ? { electorate: shownElectorate } : {}),
    ...(maxChoices !== undefined ? { maxChoices: maxChoices as number } : {}),
    ...(budget !== undefined ? { budget: budget as number } : {}),
    ...(funds !== undefined ? { funds: funds as number } : {}),
  };
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
  method: (typeof VOTING_METHODS)[number];
  preset: (typeof RULE_PRESETS)[number];
  options: TallyOption[];
  maxChoices?: number;
  budget?: number;
  funds?: number;
  electorate?: { area?: bigint; count?: bigint };
  /** Whether areas are part of this count (civil-code presets, or any area given). */
  usesArea: boolean;
}

function parseArea(raw: string | number, field: string): bigint {
  const value = parseHundredths(raw);
  if (value === null) {
    throw new TallyInputError(field, `"${raw}" is not an area in m² (a non-negative number with at most two decimals)`);
  }
  return value;
}

const YESNO_IDS = ['yes', 'no', 'abstain'];

function normalizeOptions(input: TallyHeadData): TallyOption[] {
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

function validateRuleFits(input: TallyHeadData): void {
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
  checkParts(spec, ballot.choices, ballot.allocation, at);
}

const ballotName = (where: string | number) => (typeof where === 'string' ? where : `ballots[${where}]`);

/**
 * checkBallot on a ballot's parts. `at` names the ballot in a message: a string, or the index in the file's
 * `ballots` (the name is only built for a message, not for each of 100,000 good ballots).
 */
function checkParts(
  spec: TallySpec,
  choices: readonly string[],
  allocation: Record<string, number> | undefined,
  where: string | number,
): void {
  let known = knownIds.get(spec);
  if (!known) {
    known = new Set(spec.options.map((o) => o.id));
    knownIds.set(spec, known);
  }
  if (spec.method === 'budget') {
    if (!allocation)
      throw new TallyInputError(`${ballotName(where)}.allocation`, 'a budget ballot needs an allocation');
    let sum = 0;
    for (const [id, points] of Object.entries(allocation)) {
      if (!known.has(id))
        throw new TallyInputError(`${ballotName(where)}.allocation.${id}`, `"${id}" is not one of the options`);
      sum += points;
    }
    if (spec.budget !== undefined && sum > spec.budget) {
      throw new TallyInputError(
        `${ballotName(where)}.allocation`,
        `allocates ${sum} points but each voter has ${spec.budget}`,
      );
    }
    return;
  }
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i]!;
    if (!known.has(choice))
      throw new TallyInputError(`${ballotName(where)}.choices[${i}]`, `"${choice}" is not one of the options`);
    if (choices.indexOf(choice) !== i) {
      throw new TallyInputError(`${ballotName(where)}.choices[${i}]`, `"${choice}" is chosen twice`);
    }
  }
  const n = choices.length;
  if ((spec.method === 'yesno' || spec.method === 'single') && n !== 1) {
    throw new TallyInputError(
      `${ballotName(where)}.choices`,
      `a ${spec.method} ballot has exactly one choice (got ${n})`,
    );
  }
  if (spec.method === 'ranked' && n === 0)
    throw new TallyInputError(`${ballotName(where)}.choices`, 'a ranked ballot ranks at least one option');
  if (spec.method === 'multiple' && spec.maxChoices !== undefined && n > spec.maxChoices) {
    throw new TallyInputError(
      `${ballotName(where)}.choices`,
      `at most ${spec.maxChoices} choices are allowed (got ${n})`,
    );
  }
}

type Visit = (choices: string[], allocation: Record<string, number> | undefined, weight: Weight) => void;

/**
 * Validates a tally file's JSON and hands each countable ballot to the visitor `start(spec)` returns, or throws a
 * TallyInputError naming the field. Errors come in the order one schema over the whole file would give them:
 * the head, then ballot shapes, then the rules, then each ballot against the options.
 */
function readTallyInput(json: unknown, checks: SchemaChecks, start: (spec: TallySpec) => Visit): TallySpec {
  const rawBallots = (json as { ballots?: unknown } | null)?.ballots;
  const head = Array.isArray(rawBallots) ? plainHead(json) : null;
  const input = head ?? checks.head(json);
  const read = (rawBallots as unknown[]).map((b, i) => (plainBallot(b) ? b : checks.ballot(b, i)));
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
    // No object per ballot: on a large file every allocation here brings the next collection of the whole file nearer.
    const choices = b.choices ?? NO_CHOICES;
    const weight = weightOf(b.weight, i);
    checkParts(spec, choices, b.allocation, i);
    visit(choices, b.allocation, weight);
  }
  return spec;
}

/** Validates a tally file's JSON into a spec and countable ballots, or throws a TallyInputError naming the field. */
export function parseTallyFile(json: unknown, checks: SchemaChecks): { spec: TallySpec; ballots: CountableBallot[] } {
  const ballots: CountableBallot[] = [];
  const spec = readTallyInput(json, checks, () => (choices, allocation, weight) => {
    ballots.push({ choices: choices === NO_CHOICES ? [] : choices, allocation, weight });
  });
  return { spec, ballots };
}

/** Validates and counts in one pass, keeping no ballot: what `linli tally` needs for a large file. */
export function countTallyFile(json: unknown, checks: SchemaChecks): { spec: TallySpec; aggregate: Aggregate } {
  let aggregate: Aggregate | undefined;
  let counter: ReturnType<typeof ballotCounter> | undefined;
  const spec = readTallyInput(json, checks, (s) => {
    aggregate = emptyAggregate(s);
    counter = ballotCounter(aggregate, s);
    return counter.addParts;
  });
  counter?.flush();
  return { spec, aggregate: aggregate! };
}

/** The choices of a ballot without any (budget ballots), shared: counting never changes them. */
const NO_CHOICES: string[] = [];

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
