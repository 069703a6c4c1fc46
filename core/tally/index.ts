import { decide, type TallyOutcome } from './decide';
import { countTallyInput } from './input';
import { formatReason, formatReasonBilingual, type Lang } from './reasons';

export * from './aggregate';
export * from './decide';
export * from './exact';
export * from './input';
export * from './irv';
export * from './reasons';
export * from './shortfall';

/** The public shape of a result: the outcome with its reasons in words. */
export type TallyResult = Omit<TallyOutcome, 'reasons'> & { reasons: string[] };

/** Renders reasons in one language, or in both (zh-CN / en) when `lang` is 'both'. */
export function renderTally(outcome: TallyOutcome, lang: Lang | 'both' = 'both'): TallyResult {
  const render =
    lang === 'both' ? formatReasonBilingual : (r: Parameters<typeof formatReason>[0]) => formatReason(r, lang);
  return { ...outcome, reasons: outcome.reasons.map(render) };
}

/** Counts a tally input file's JSON. Throws TallyInputError naming the field when the input is not countable. */
export function tally(json: unknown, lang: Lang | 'both' = 'both'): TallyResult {
  const { spec, aggregate } = countTallyInput(json);
  return renderTally(decide(spec, aggregate), lang);
}
