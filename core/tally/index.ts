import { decide } from './decide';
import { countTallyInput } from './input';
import type { Lang } from './reasons';
import { renderTally, type TallyResult } from './result';

export * from './aggregate';
export * from './decide';
export * from './exact';
export * from './input';
export * from './irv';
export * from './reasons';
export * from './result';
export * from './shortfall';

/** Counts a tally input file's JSON. Throws TallyInputError naming the field when the input is not countable. */
export function tally(json: unknown, lang: Lang | 'both' = 'both'): TallyResult {
  const { spec, aggregate } = countTallyInput(json);
  return renderTally(decide(spec, aggregate), lang);
}
