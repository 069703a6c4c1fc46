import { addBallot, decide, emptyAggregate, formatHundredths, parseTallyInput, renderTally } from '@linli/core';
import { type BenchRow, medianMs, round } from './measure';

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
export async function benchTally(): Promise<BenchRow[]> {
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
  const ratio = recount / read;
  return [
    {
      name: `tally read from running totals (${units} ballots)`,
      unit: 'ms',
      value: round(read, 4),
      baseline: { name: 'full recount', value: round(recount, 3) },
      goal: '≥ 100× faster than a recount',
      met: ratio >= 100,
      note: `${round(ratio, 0)}× faster`,
    },
    {
      name: `validate a ${units}-ballot tally file`,
      unit: 'ms',
      value: round(parseAndCount, 2),
      note: `${round((units / parseAndCount) * 1000, 0)} ballots/s`,
    },
  ];
}
