import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBallot, ballotCounter, emptyAggregate } from './aggregate';
import { AT_LEAST_THREE_QUARTERS, AT_LEAST_TWO_THIRDS, formatHundredths, MORE_THAN_HALF, meets } from './exact';
import { tally } from './index';
import { countTallyInput, parseTallyInput, TallyInputError } from './input';
import { tallyWithoutSchemas } from './result';

const area = fc.integer({ min: 1, max: 20_000 }).map((h) => formatHundredths(BigInt(h)));
const choice = fc.constantFrom('yes', 'no', 'abstain');
const ballot = fc.record({
  choices: fc.tuple(choice),
  weight: fc.record({ area, count: fc.integer({ min: 0, max: 3 }) }),
});
const ballots = fc.array(ballot, { minLength: 0, maxLength: 40 });
const preset = fc.constantFrom('civil-code-major', 'civil-code-ordinary');

/** An electorate at least as large as the ballots, so every generated box is countable. */
function withElectorate(bs: Array<{ weight: { area: string; count: number } }>, extraArea: number, extraCount: number) {
  const sumArea = bs.reduce((s, b) => s + BigInt(Math.round(Number(b.weight.area) * 100)), 0n) + BigInt(extraArea) + 1n;
  const sumCount = bs.reduce((s, b) => s + b.weight.count, 0) + extraCount + 1;
  return { area: formatHundredths(sumArea), count: sumCount };
}

const civilInput = fc.tuple(ballots, preset, fc.nat(5000), fc.nat(10)).map(([bs, p, ea, ec]) => ({
  method: 'yesno',
  rule: { preset: p },
  electorate: withElectorate(bs, ea, ec),
  ballots: bs,
}));

describe('tally properties', () => {
  it('ballot order does not change the result', () => {
    fc.assert(
      fc.property(civilInput, fc.func(fc.integer()), (input, order) => {
        const shuffled = [...input.ballots]
          .map((b, i) => ({ b, k: order(i) }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.b);
        expect(tally({ ...input, ballots: shuffled })).toEqual(tally(input));
      }),
    );
  });

  it('totals equal the sum of the weights, by owners and by area', () => {
    fc.assert(
      fc.property(civilInput, (input) => {
        const r = tally(input);
        const totals = Object.values(r.totals);
        expect(totals.reduce((s, t) => s + t.count, 0)).toBe(r.participation.count);
        const areaSum = totals.reduce((s, t) => s + BigInt(t.area!.replace('.', '')), 0n);
        expect(formatHundredths(areaSum)).toBe(r.participation.area);
      }),
    );
  });

  it("a unit's ballot is never split: its whole weight lands on exactly one option", () => {
    fc.assert(
      fc.property(ballots, ballot, (before, one) => {
        const { spec, ballots: parsed } = parseTallyInput({
          method: 'yesno',
          rule: 'simple-majority',
          ballots: [...before, one],
        });
        const aggregate = emptyAggregate(spec);
        for (const b of parsed.slice(0, -1)) addBallot(aggregate, spec, b);
        const snapshot = structuredClone(aggregate.options);
        const last = parsed.at(-1)!;
        addBallot(aggregate, spec, last);
        const changed = Object.keys(snapshot).filter(
          (id) =>
            aggregate.options[id]!.count !== snapshot[id]!.count || aggregate.options[id]!.area !== snapshot[id]!.area,
        );
        const target = aggregate.options[one.choices[0]]!;
        expect(target.count - snapshot[one.choices[0]]!.count).toBe(last.weight.count);
        expect(target.area - snapshot[one.choices[0]]!.area).toBe(last.weight.area);
        expect(changed.every((id) => id === one.choices[0])).toBe(true);
      }),
    );
  });

  it('adding a yes never turns a pass into a fail', () => {
    fc.assert(
      fc.property(civilInput, area, fc.integer({ min: 0, max: 3 }), (input, extraArea, extraCount) => {
        const before = tally(input);
        fc.pre(before.passed === true);
        const electorate = {
          area: formatHundredths(BigInt(input.electorate.area.replace('.', '')) + BigInt(extraArea.replace('.', ''))),
          count: input.electorate.count + extraCount,
        };
        const after = tally({
          ...input,
          electorate,
          ballots: [...input.ballots, { choices: ['yes'], weight: { area: extraArea, count: extraCount } }],
        });
        // The electorate grew by exactly the new unit, so participation shares can only rise.
        expect(after.passed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('thresholds are exact at the boundary for any electorate', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), (total) => {
        const twoThirds = (2n * total + 2n) / 3n; // ceil(2/3 · total)
        expect(meets(twoThirds, total, AT_LEAST_TWO_THIRDS)).toBe(true);
        expect(meets(twoThirds - 1n, total, AT_LEAST_TWO_THIRDS)).toBe(false);
        const threeQuarters = (3n * total + 3n) / 4n;
        expect(meets(threeQuarters, total, AT_LEAST_THREE_QUARTERS)).toBe(true);
        expect(meets(threeQuarters - 1n, total, AT_LEAST_THREE_QUARTERS)).toBe(false);
        const overHalf = total / 2n + 1n;
        expect(meets(overHalf, total, MORE_THAN_HALF)).toBe(true);
        expect(meets(overHalf - 1n, total, MORE_THAN_HALF)).toBe(false);
      }),
    );
  });
  it('counting in plain sums with one BigInt flush gives exactly what adding ballot by ballot gives', () => {
    const option = fc.constantFrom('a', 'b', 'c', 'd');
    const weight = fc.oneof(
      fc.constant({ area: 0n, count: 1n }),
      fc.record({ area: fc.bigInt({ min: 0n, max: 10n ** 20n }), count: fc.bigInt({ min: 0n, max: 5n }) }),
    );
    const countable = fc.record({ choices: fc.uniqueArray(option, { maxLength: 4 }), weight });
    const method = fc.constantFrom('yesno', 'single', 'multiple', 'ranked') as fc.Arbitrary<
      'yesno' | 'single' | 'multiple' | 'ranked'
    >;
    fc.assert(
      fc.property(method, fc.array(countable, { maxLength: 60 }), (m, bs) => {
        const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id }));
        const spec = { method: m, options } as unknown as Parameters<typeof addBallot>[1] & { options: typeof options };
        const one = emptyAggregate(spec);
        for (const b of bs) addBallot(one, spec, b);
        const batched = emptyAggregate(spec);
        const counter = ballotCounter(batched, spec);
        for (const b of bs) counter.add(b);
        counter.flush();
        expect(batched).toEqual(one);
      }),
    );
  });

  it('counting a file in one pass (no object per ballot, rankings in a tree) equals adding its parsed ballots one by one', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const fileBallot = fc.record(
      {
        choices: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 5 }),
        weight: fc.oneof(
          fc.constant(undefined),
          fc.record({ count: fc.integer({ min: 0, max: 4 }) }),
          fc.record({ area, count: fc.integer({ min: 1, max: 3 }) }),
        ),
      },
      { requiredKeys: ['choices'] },
    );
    const method = fc.constantFrom('multiple', 'ranked');
    fc.assert(
      fc.property(method, fc.array(fileBallot, { maxLength: 80 }), (m, bs) => {
        const file = {
          method: m,
          options: ids,
          rule: { preset: 'plurality' },
          ballots: bs.map((b) => (b.weight === undefined ? { choices: b.choices } : b)),
        };
        const { spec, ballots: parsed } = parseTallyInput(structuredClone(file));
        const one = emptyAggregate(spec);
        for (const b of parsed) addBallot(one, spec, b);
        expect(countTallyInput(structuredClone(file)).aggregate).toEqual(one);
      }),
    );
  });

  it('the count without schemas never accepts a file the schemas refuse, and agrees with tally() on every other', () => {
    // Each field: valid values and the wrong types and ranges a hand-written check could let through.
    const oddNumber = fc.constantFrom(-1, 0, 1.5, 2 ** 60, Number.MAX_SAFE_INTEGER + 2);
    const odd = fc.oneof(fc.constantFrom(null, true, '', 'x', [], {}), oddNumber);
    // Mostly valid, so that whole files often pass; now and then wrong.
    const mostly = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: a, weight: 12 }, { arbitrary: odd, weight: 1 });
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(mostly(a), { nil: undefined, freq: 2 });
    const option = fc.oneof(
      fc.constantFrom('yes', 'no', 'abstain', 'a', 'b', ''),
      fc.record(
        {
          id: fc.constantFrom('yes', 'no', 'a', 'b', ''),
          label: mostly(fc.oneof(fc.string())),
          cost: mostly(fc.oneof(fc.nat(50))),
        },
        { requiredKeys: ['id'] },
      ),
    );
    const file = fc.record(
      {
        method: mostly(fc.constantFrom('yesno', 'single', 'multiple', 'ranked', 'budget', 'borda')),
        options: maybe(
          fc.oneof(
            { arbitrary: fc.constant(['yes', 'no', 'a', 'b']), weight: 3 },
            { arbitrary: fc.array(mostly(option), { maxLength: 4 }), weight: 1 },
          ),
        ),
        rule: mostly(
          fc.oneof(
            fc.constantFrom('plurality', 'simple-majority', 'civil-code-major', 'majority'),
            fc.record({ preset: mostly(fc.constantFrom('plurality', 'civil-code-ordinary', 'x')) }),
          ),
        ),
        electorate: maybe(
          fc.record(
            { area: mostly(fc.constantFrom('100.00', '12.345', 50)), count: mostly(fc.nat(20)) },
            { requiredKeys: [] },
          ),
        ),
        maxChoices: maybe(fc.nat(3)),
        budget: maybe(fc.nat(100)),
        funds: maybe(fc.nat(100)),
        ballots: mostly(
          fc.array(
            fc.record(
              {
                choices: mostly(fc.array(fc.constantFrom('yes', 'no', 'a', 'b'), { maxLength: 3 })),
                weight: mostly(
                  fc.record(
                    { area: mostly(fc.constantFrom('60.5', 70)), count: mostly(fc.nat(3)) },
                    { requiredKeys: [] },
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 6 },
          ),
        ),
      },
      { requiredKeys: ['ballots'] },
    );
    const outcome = (f: () => unknown) => {
      try {
        return { result: f() };
      } catch (error) {
        return { error: String(error) };
      }
    };
    let plain = 0;
    fc.assert(
      fc.property(file, (json) => {
        const fast = outcome(() => tallyWithoutSchemas(structuredClone(json)));
        if ('result' in fast && fast.result === null) return;
        plain += 1;
        expect(fast).toEqual(outcome(() => tally(structuredClone(json))));
      }),
      { numRuns: 3000 },
    );
    // The generator must reach files the plain checks take, or this test proves nothing.
    expect(plain).toBeGreaterThan(300);
  });

  it('leaves to the schemas every head field the schemas refuse', () => {
    const good = { method: 'multiple', options: ['a', 'b'], rule: 'plurality', ballots: [{ choices: ['a'] }] };
    expect(tallyWithoutSchemas(good)).toEqual(tally(good));
    const refused: Array<Record<string, unknown>> = [
      { method: 'borda' },
      { rule: 'majority' },
      { rule: { preset: 1 } },
      { options: ['a', ''] },
      { options: ['a', { id: 'b', label: 2 }] },
      { options: ['a', { id: 'b', cost: -1 }] },
      { options: ['a', { id: 'b', cost: 1.5 }] },
      { maxChoices: 0 },
      { maxChoices: 2 ** 60 },
      { budget: 0 },
      { funds: -1 },
      { electorate: { count: 1.5 } },
      { electorate: { area: true } },
      { ballots: [{ choices: ['a'], weight: { count: -1 } }] },
      { ballots: [{ choices: 'a' }] },
    ];
    for (const change of refused) {
      const file = { ...good, ...change };
      expect(() => tally(file), JSON.stringify(change)).toThrow(TallyInputError);
      expect(tallyWithoutSchemas(file), JSON.stringify(change)).toBeNull();
    }
  });
});
