/**
 * From a consultation's BallotDefinition to the core tally engine: the spec, the running-totals reducer the store
 * folds each batch into, content validation of incoming ballots, and the rendered (possibly hidden) result.
 */

import type { BallotRequest, TallyView } from '@linli/core';
import {
  type Aggregate,
  type BallotDefinition,
  checkCountableBallot,
  decide,
  isBinding,
  isCivilCode,
  type Lang,
  type Phase,
  phaseIndex,
  renderTally,
  type Standing,
  TallyInputError,
  type TallyOutcome,
  type TallySpec,
} from '@linli/core';
import { countable } from '../ledger/aggregates';
import type { BallotContent, RollTotals } from '../store/types';
import { DomainError } from './service';

export function tallySpec(def: BallotDefinition, electorate: RollTotals | null): TallySpec {
  return {
    method: def.method,
    preset: def.rule.preset,
    options: def.options.map((o) => ({ id: o.id, label: o.label, ...(o.cost !== undefined ? { cost: o.cost } : {}) })),
    ...(def.maxChoices !== undefined ? { maxChoices: def.maxChoices } : {}),
    ...(def.budget !== undefined ? { budget: def.budget } : {}),
    ...(electorate ? { electorate: { area: electorate.area, count: BigInt(electorate.count) } } : {}),
    usesArea: isCivilCode(def.rule.preset) || def.eligibility === 'code',
  };
}

/** The spec content is checked against, once per definition (the desk caches definitions, so per consultation). */
const contentSpecs = new WeakMap<BallotDefinition, TallySpec>();
function contentSpec(def: BallotDefinition): TallySpec {
  let spec = contentSpecs.get(def);
  if (!spec) {
    spec = tallySpec(def, null);
    contentSpecs.set(def, spec);
  }
  return spec;
}

/**
 * Checks ballot content against this consultation's definition (the shape was validated at the edge with
 * BallotRequest); DomainError invalid naming the field (`choices[0]`, …).
 */
export function checkBallotContent(def: BallotDefinition, input: Pick<BallotRequest, 'choices' | 'allocation'>) {
  const { choices, allocation } = input;
  if (def.method === 'budget') {
    if (choices !== undefined && choices.length > 0) {
      throw new DomainError('invalid', 'a budget ballot sends allocation, not choices', { field: 'choices' });
    }
    if (allocation === undefined) {
      throw new DomainError('invalid', 'allocation is required: points per option, e.g. {"a": 60, "b": 40}', {
        field: 'allocation',
      });
    }
  } else {
    if (allocation !== undefined) {
      throw new DomainError('invalid', `a ${def.method} ballot sends choices, not allocation`, { field: 'allocation' });
    }
    if (choices === undefined)
      throw new DomainError('invalid', 'choices is required: a list of option ids', { field: 'choices' });
  }
  const content: BallotContent = allocation !== undefined ? { allocation } : { choices: choices ?? [] };
  try {
    checkCountableBallot(contentSpec(def), countable(content, { areaHundredths: null, count: 1 }), 'ballot');
  } catch (error) {
    if (error instanceof TallyInputError) {
      const field = error.field.replace(/^ballot\.?/, '') || 'choices';
      throw new DomainError('invalid', error.problem, { field, issues: [{ path: field, message: error.problem }] });
    }
    throw error;
  }
  return content;
}

export const isHidden = (def: BallotDefinition, phase: Phase, staff: boolean) =>
  !staff && def.resultsVisibility === 'after_close' && phaseIndex(phase) < phaseIndex('implementing');

const UNDECIDABLE: Record<Lang, string> = {
  'zh-CN': '未导入业主名册，无法核算民法典表决门槛（专有部分面积与业主人数）',
  en: 'no voter roll is imported, so the civil-code thresholds (area and owners) cannot be checked',
};

function reasonText(lang: Lang | 'both', text: Record<Lang, string>) {
  return lang === 'both' ? `${text['zh-CN']} / ${text.en}` : text[lang];
}

/**
 * Why the count can still change, or null once it cannot: voting has ended when the phase has moved past
 * `voting`, or when its closing time has passed (no ballot is accepted after it, whatever the phase says).
 */
function standingOf(def: BallotDefinition, phase: Phase, now: Date): Standing | null {
  if (phaseIndex(phase) > phaseIndex('voting')) return null;
  if (phase === 'voting') return def.closesAt && now >= new Date(def.closesAt) ? null : 'voting-open';
  return 'not-started';
}

/**
 * While voting is open `passed` and `winner` stay computed — the live bar of a widget needs the standing, and
 * `passed: null` already means "this rule has no pass/fail" (plurality) — but `final: false` marks them as
 * provisional and the outcome reason is worded as the standing, so no one reads a verdict before the close.
 */
const asStanding = (outcome: TallyOutcome, standing: Standing | null): TallyOutcome =>
  standing === null
    ? outcome
    : { ...outcome, reasons: outcome.reasons.map((r) => (r.code === 'outcome' ? { ...r, standing } : r)) };

/** Renders the tally view from the maintained aggregate: O(options), never a recount. */
export function renderTallyView(args: {
  slug: string;
  phase: Phase;
  def: BallotDefinition;
  spec: TallySpec;
  aggregate: Aggregate;
  staff: boolean;
  lang: Lang | 'both';
  now: Date;
}): TallyView {
  const { slug, phase, def, spec, aggregate, lang } = args;
  const binding = isBinding(def);
  const standing = standingOf(def, phase, args.now);
  const head = { binding, slug, phase, final: standing === null };
  if (isHidden(def, phase, args.staff)) {
    return { hidden: true, ...head, participation: { ballots: aggregate.ballots } };
  }
  if (isCivilCode(spec.preset) && spec.electorate === undefined) {
    // Without the electorate the quorum cannot be judged: show the counts, decide nothing.
    const counts = renderTally(decide({ ...spec, preset: 'plurality' }, aggregate), lang);
    const reasons = [reasonText(lang, UNDECIDABLE)];
    return { hidden: false, ...head, ...counts, passed: null, winner: null, reasons };
  }
  try {
    return { hidden: false, ...head, ...renderTally(asStanding(decide(spec, aggregate), standing), lang) };
  } catch (error) {
    if (!(error instanceof TallyInputError)) throw error;
    const counts = renderTally(decide({ ...spec, preset: 'plurality', electorate: undefined }, aggregate), lang);
    return {
      hidden: false,
      ...head,
      ...counts,
      passed: null,
      winner: null,
      reasons: [`${error.field}: ${error.problem}`],
    };
  }
}
