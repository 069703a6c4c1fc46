import { addBallot, decide, emptyAggregate, formatHundredths, parseTallyInput, renderTally } from '@linli/core';
import { type BenchResult, medianMs, row } from './measure';

/** A 加装电梯 vote of a large estate: `units` ballots with realistic areas, civil-code-major. */
function electionInput(units: number) {
  const ballots = Array.from({ length: units }, (_, i) => ({
    choices: [i % 5 === 0 ? 'no' : i % 11 === 0 ? 'abstain' : 'yes'],
    weight: { area: formatHundredths(BigInt(5830 + ((i * 7919) % 6345))), count: 1 },
  }));
  const total = ballots.reduce((s, b) => s + BigInt(b.weight.area.replace('.', '')), 0n);
  return {
    method: 'yesno',
    rule: { preset: 'civil-code-major' },
    electorate: { area: formatHundredths(total + 100_000n), count: units + 10 },
    ballots,
  };
}

/**
 * The server keeps running totals and decides from them on every read; the baseline recounts every ballot,
 * which is what a store without maintained totals would do per request.
 */
export default async function benchTally(): Promise<BenchResult[]> {
  const units = 20_000;
  const input = electionInput(units);
  const { spec, ballots } = parseTallyInput(input);
  const aggregate = emptyAggregate(spec);
  for (const b of ballots) addBallot(aggregate, spec, b);

  const recount = medianMs(() => {
    const fresh = emptyAggregate(spec);
    for (const b of ballots) addBallot(fresh, spec, b);
    renderTally(decide(spec, fresh), 'zh-CN');
  });
  const read = medianMs(() => renderTally(decide(spec, aggregate), 'zh-CN'), { runs: 201 });
  const parseAndCount = medianMs(() => parseTallyInput(input), { runs: 5 });
  return [
    row({
      name: 'tally-read',
      what: `a ${units}-ballot result read from running totals`,
      value: read,
      unit: 'ms',
      baseline: recount,
      baselineWhat: 'full recount',
      goal: 'ratio <= 0.01',
      note: `${Math.round(recount / read)}× faster than a recount`,
    }),
    row({
      name: 'tally-validate',
      what: `validate a ${units}-ballot tally file`,
      value: parseAndCount,
      unit: 'ms',
      note: `${Math.round((units / parseAndCount) * 1000)} ballots/s`,
    }),
  ];
}
