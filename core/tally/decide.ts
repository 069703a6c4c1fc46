import { isCivilCode } from '../models/ballot-rules';
import type { Aggregate } from './aggregate';
import {
  AT_LEAST_THREE_QUARTERS,
  AT_LEAST_TWO_THIRDS,
  formatHundredths,
  MORE_THAN_HALF,
  meets,
  percent,
  type Threshold,
} from './exact';
import { instantRunoff } from './irv';
import { TallyInputError, type TallySpec } from './read';
import type { Reason } from './reasons';

export interface OptionResult {
  count: number;
  area?: string;
  points?: number;
}

export interface ParticipationResult {
  ballots: number;
  count: number;
  area?: string;
  electorate?: { count?: number; area?: string };
  shares?: { count?: string; area?: string };
  /** Whether the quorum of a civil-code rule was reached; null when the rule has none. */
  met: boolean | null;
}

/** The decision, with reasons as data; `renderTally` turns it into the public JSON. */
export interface TallyOutcome {
  passed: boolean | null;
  winner: string | null;
  totals: Record<string, OptionResult>;
  participation: ParticipationResult;
  reasons: Reason[];
  /** Options in order of support (points for budget, first preferences for ranked). */
  ranking?: string[];
  /** Options that individually reached the rule's threshold (multiple, civil-code single). */
  approved?: string[];
  rounds?: Array<{ counts: Record<string, number>; exhausted: number; eliminated: string[] }>;
  funded?: string[];
}

const n = (v: bigint) => Number(v);

function checkElectorateHoldsBallots(spec: TallySpec, aggregate: Aggregate): void {
  const e = spec.electorate;
  if (e?.count !== undefined && aggregate.participation.count > e.count) {
    throw new TallyInputError(
      'electorate.count',
      `${e.count} owners in all, but the ballots carry ${aggregate.participation.count}`,
    );
  }
  if (e?.area !== undefined && aggregate.participation.area > e.area) {
    throw new TallyInputError(
      'electorate.area',
      `${formatHundredths(e.area)} m² in all, but the ballots carry ${formatHundredths(aggregate.participation.area)} m²`,
    );
  }
}

function totalsOf(spec: TallySpec, aggregate: Aggregate): Record<string, OptionResult> {
  const totals: Record<string, OptionResult> = {};
  for (const { id } of spec.options) {
    const t = aggregate.options[id]!;
    totals[id] = { count: n(t.count) };
    if (spec.usesArea) totals[id].area = formatHundredths(t.area);
    if (spec.method === 'budget') totals[id].points = n(t.points);
  }
  return totals;
}

function participationOf(spec: TallySpec, aggregate: Aggregate): ParticipationResult {
  const p = aggregate.participation;
  const e = spec.electorate;
  const result: ParticipationResult = { ballots: aggregate.ballots, count: n(p.count), met: null };
  if (spec.usesArea) result.area = formatHundredths(p.area);
  if (e) {
    result.electorate = {};
    result.shares = {};
    if (e.count !== undefined) {
      result.electorate.count = n(e.count);
      result.shares.count = percent(p.count, e.count);
    }
    if (e.area !== undefined) {
      result.electorate.area = formatHundredths(e.area);
      result.shares.area = percent(p.area, e.area);
    }
  }
  return result;
}

/** Options ordered by a measure, strongest first; equal measures keep the ballot's option order. */
function rankBy(spec: TallySpec, measure: (id: string) => bigint): string[] {
  return spec.options.map((o) => o.id).sort((a, b) => (measure(b) > measure(a) ? 1 : measure(b) < measure(a) ? -1 : 0));
}

/** The single strongest option, or the tied group when several share the top. */
function leaderOf(ids: string[], measure: (id: string) => bigint): { leader: string | null; tied: string[] } {
  if (ids.length === 0) return { leader: null, tied: [] };
  const top = ids.reduce((max, id) => (measure(id) > max ? measure(id) : max), measure(ids[0]!));
  const tied = ids.filter((id) => measure(id) === top);
  return tied.length === 1 ? { leader: tied[0]!, tied: [] } : { leader: null, tied };
}

function civilCodeDecision(spec: TallySpec, aggregate: Aggregate, outcome: TallyOutcome): void {
  const p = aggregate.participation;
  const e = spec.electorate!;
  const reasons = outcome.reasons;
  const quorum: Array<['area' | 'count', bigint, bigint]> = [
    ['area', p.area, e.area!],
    ['count', p.count, e.count!],
  ];
  let quorumMet = true;
  for (const [dimension, part, total] of quorum) {
    const met = meets(part, total, AT_LEAST_TWO_THIRDS);
    quorumMet &&= met;
    const fmt = dimension === 'area' ? formatHundredths : String;
    const share = percent(part, total, { threshold: AT_LEAST_TWO_THIRDS, met });
    // The published share must read the same as the reason that judges it.
    outcome.participation.shares = { ...outcome.participation.shares, [dimension]: share };
    reasons.push({
      code: 'participation',
      dimension,
      part: fmt(part),
      total: fmt(total),
      share,
      threshold: AT_LEAST_TWO_THIRDS,
      met,
    });
  }
  outcome.participation.met = quorumMet;

  const threshold: Threshold = spec.preset === 'civil-code-major' ? AT_LEAST_THREE_QUARTERS : MORE_THAN_HALF;
  const candidates = spec.method === 'yesno' ? ['yes'] : spec.options.map((o) => o.id);
  const approved: string[] = [];
  for (const id of candidates) {
    const t = aggregate.options[id]!;
    const areaMet = meets(t.area, p.area, threshold);
    const countMet = meets(t.count, p.count, threshold);
    // Report every option a voter chose, and always the motion itself, so each threshold is explained.
    if (spec.method === 'yesno' || t.count > 0n || t.area > 0n) {
      reasons.push({
        code: 'approval',
        dimension: 'area',
        option: id,
        part: formatHundredths(t.area),
        total: formatHundredths(p.area),
        share: percent(t.area, p.area, { threshold, met: areaMet }),
        threshold,
        met: areaMet,
      });
      reasons.push({
        code: 'approval',
        dimension: 'count',
        option: id,
        part: String(t.count),
        total: String(p.count),
        share: percent(t.count, p.count, { threshold, met: countMet }),
        threshold,
        met: countMet,
      });
    }
    if (areaMet && countMet) approved.push(id);
  }
  outcome.passed = quorumMet && approved.length > 0;
  if (spec.method === 'yesno') {
    outcome.winner = outcome.passed ? 'yes' : quorumMet ? yesnoLoser(aggregate, outcome) : null;
    return;
  }
  outcome.approved = quorumMet ? approved : [];
  if (!outcome.passed) return;
  const { leader, tied } = leaderOf(approved, (id) => aggregate.options[id]!.count);
  outcome.winner = leader;
  if (tied.length)
    reasons.push({ code: 'tie', options: tied, votes: String(aggregate.options[tied[0]!]!.count), unit: 'votes' });
}

/** A failed yes/no motion: "no" is the outcome unless yes and no stand exactly level, which is a tie. */
function yesnoLoser(aggregate: Aggregate, outcome: TallyOutcome): string | null {
  const yes = aggregate.options.yes!;
  const no = aggregate.options.no!;
  if (yes.count === no.count && yes.area === no.area) {
    outcome.reasons.push({ code: 'tie', options: ['yes', 'no'], votes: String(yes.count), unit: 'votes' });
    return null;
  }
  return 'no';
}

function yesnoDecision(spec: TallySpec, aggregate: Aggregate, outcome: TallyOutcome): void {
  const yes = aggregate.options.yes!.count;
  const no = aggregate.options.no!.count;
  const cast = yes + no;
  if (spec.preset === 'simple-majority') {
    const met = meets(yes, cast, MORE_THAN_HALF);
    outcome.reasons.push({
      code: 'majority',
      option: 'yes',
      votes: String(yes),
      of: String(cast),
      share: percent(yes, cast, { threshold: MORE_THAN_HALF, met }),
      met,
    });
    outcome.passed = met;
  } else {
    outcome.passed = yes > no;
  }
  outcome.winner = outcome.passed ? 'yes' : yesnoLoser(aggregate, outcome);
}

function choiceDecision(spec: TallySpec, aggregate: Aggregate, outcome: TallyOutcome): void {
  const count = (id: string) => aggregate.options[id]!.count;
  const ranking = rankBy(spec, count);
  outcome.ranking = ranking;
  const { leader, tied } = leaderOf(ranking, count);
  if (tied.length) outcome.reasons.push({ code: 'tie', options: tied, votes: String(count(tied[0]!)), unit: 'votes' });
  if (spec.preset === 'plurality') {
    outcome.winner = leader;
    if (leader) outcome.reasons.push({ code: 'leader', option: leader, votes: String(count(leader)), unit: 'votes' });
    return;
  }
  // simple-majority: an option needs more than half of the ballots cast (for multiple, of the ballots approving it).
  const cast = aggregate.participation.count;
  const approved = ranking.filter((id) => meets(count(id), cast, MORE_THAN_HALF));
  for (const id of spec.method === 'single' ? ranking.slice(0, 1) : ranking) {
    outcome.reasons.push({
      code: 'majority',
      option: id,
      votes: String(count(id)),
      of: String(cast),
      share: percent(count(id), cast, { threshold: MORE_THAN_HALF, met: approved.includes(id) }),
      met: approved.includes(id),
    });
  }
  if (spec.method === 'multiple') outcome.approved = approved;
  outcome.passed = approved.length > 0;
  outcome.winner = leader !== null && approved.includes(leader) ? leader : null;
}

function rankedDecision(spec: TallySpec, aggregate: Aggregate, outcome: TallyOutcome): void {
  const irv = instantRunoff(
    spec.options.map((o) => o.id),
    aggregate,
  );
  outcome.rounds = irv.rounds.map((r) => ({
    counts: Object.fromEntries(Object.entries(r.counts).map(([id, c]) => [id, n(c)])),
    exhausted: n(r.exhausted),
    eliminated: r.eliminated,
  }));
  outcome.ranking = rankBy(spec, (id) => aggregate.options[id]!.count);
  irv.rounds.forEach((r, i) => {
    const counts = Object.entries(r.counts)
      .map(([id, c]) => `${id} ${c}`)
      .join(', ');
    outcome.reasons.push({ code: 'irv-round', round: i + 1, counts, eliminated: r.eliminated });
  });
  outcome.winner = irv.winner;
  if (irv.winner) {
    const last = irv.rounds.at(-1)!;
    const active = Object.values(last.counts).reduce((a, b) => a + b, 0n);
    outcome.reasons.push({
      code: 'irv-winner',
      option: irv.winner,
      round: irv.rounds.length,
      votes: String(last.counts[irv.winner]),
      of: String(active),
    });
  } else if (irv.tied.length) {
    const last = irv.rounds.at(-1)!;
    outcome.reasons.push({
      code: 'tie',
      options: irv.tied,
      votes: String(last.counts[irv.tied[0]!] ?? 0n),
      unit: 'votes',
    });
  }
  if (spec.preset === 'simple-majority') outcome.passed = irv.winner !== null;
}

function budgetDecision(spec: TallySpec, aggregate: Aggregate, outcome: TallyOutcome): void {
  const points = (id: string) => aggregate.options[id]!.points;
  const ranking = rankBy(spec, points);
  outcome.ranking = ranking;
  const { leader, tied } = leaderOf(ranking, points);
  outcome.winner = leader;
  if (leader) outcome.reasons.push({ code: 'leader', option: leader, votes: String(points(leader)), unit: 'points' });
  if (tied.length)
    outcome.reasons.push({ code: 'tie', options: tied, votes: String(points(tied[0]!)), unit: 'points' });
  if (spec.funds !== undefined) {
    // Greedy by points: fund each option in order of support while it still fits in what is left.
    let left = spec.funds;
    const funded: string[] = [];
    for (const id of ranking) {
      const cost = spec.options.find((o) => o.id === id)?.cost;
      if (cost !== undefined && points(id) > 0n && cost <= left) {
        funded.push(id);
        left -= cost;
      }
    }
    outcome.funded = funded;
    outcome.reasons.push({
      code: 'funded',
      options: funded,
      spent: String(spec.funds - left),
      funds: String(spec.funds),
    });
  }
}

/** Decides a count from its running totals. Pure: the same totals always give the same outcome. */
export function decide(spec: TallySpec, aggregate: Aggregate): TallyOutcome {
  checkElectorateHoldsBallots(spec, aggregate);
  const outcome: TallyOutcome = {
    passed: spec.method === 'yesno' || spec.preset !== 'plurality' ? false : null,
    winner: null,
    totals: totalsOf(spec, aggregate),
    participation: participationOf(spec, aggregate),
    reasons: [],
  };
  if (aggregate.ballots === 0) outcome.reasons.push({ code: 'no-ballots' });
  if (isCivilCode(spec.preset)) civilCodeDecision(spec, aggregate, outcome);
  else if (aggregate.ballots > 0) {
    if (spec.method === 'yesno') yesnoDecision(spec, aggregate, outcome);
    else if (spec.method === 'ranked') rankedDecision(spec, aggregate, outcome);
    else if (spec.method === 'budget') budgetDecision(spec, aggregate, outcome);
    else choiceDecision(spec, aggregate, outcome);
  }
  const abstained = (aggregate.options.abstain?.count ?? 0n) > 0n;
  outcome.reasons.push({
    code: 'outcome',
    passed: outcome.passed,
    winner: outcome.winner,
    abstentionsNote: spec.method === 'yesno' && abstained && isCivilCode(spec.preset),
  });
  return outcome;
}
