/**
 * A count's result in words, and the count of a file that needs no schema library: `linli tally` runs this first,
 * so a well-formed file never loads zod (compiling it cost about as much as counting 100,000 ballots).
 */
import { decide, type TallyOutcome } from './decide';
import { countTallyFile, type SchemaChecks } from './read';
import { formatReason, formatReasonBilingual, type Lang } from './reasons';

/** The public shape of a result: the outcome with its reasons in words. */
export type TallyResult = Omit<TallyOutcome, 'reasons'> & { reasons: string[] };

/** Renders reasons in one language, or in both (zh-CN / en) when `lang` is 'both'. */
export function renderTally(outcome: TallyOutcome, lang: Lang | 'both' = 'both'): TallyResult {
  const render =
    lang === 'both' ? formatReasonBilingual : (r: Parameters<typeof formatReason>[0]) => formatReason(r, lang);
  return { ...outcome, reasons: outcome.reasons.map(render) };
}

/** Thrown where only the schemas can tell what is wrong with a file. */
class NeedsSchema extends Error {}
const refuse = (): never => {
  throw new NeedsSchema();
};
const noSchemas: SchemaChecks = { head: refuse, ballot: refuse };

/**
 * `tally()` for a file whose shape the plain checks vouch for; null when a part of it needs the schemas (then
 * `tally()` gives the message naming the field). Other problems (an unknown option, a missing area…) throw the
 * same TallyInputError as `tally()`.
 */
export function tallyWithoutSchemas(json: unknown, lang: Lang | 'both' = 'both'): TallyResult | null {
  try {
    const { spec, aggregate } = countTallyFile(json, noSchemas);
    return renderTally(decide(spec, aggregate), lang);
  } catch (error) {
    if (error instanceof NeedsSchema) return null;
    throw error;
  }
}
