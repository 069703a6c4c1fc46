import { describe, expect, it } from 'vitest';
import { parseHundredths } from './exact';
import { type TallyInput, tally } from './index';
import { TallyInputError } from './input';

type Ballot = TallyInput['ballots'][number];
const yes = (area: string, count = 1): Ballot => ({ choices: ['yes'], weight: { area, count } });
const no = (area: string, count = 1): Ballot => ({ choices: ['no'], weight: { area, count } });
const abstain = (area: string, count = 1): Ballot => ({ choices: ['abstain'], weight: { area, count } });

function civil(
  preset: 'civil-code-major' | 'civil-code-ordinary',
  electorate: { area: string; count: number },
  ballots: Ballot[],
) {
  return tally({ method: 'yesno', options: ['yes', 'no', 'abstain'], rule: { preset }, electorate, ballots }, 'en');
}

function inputError(input: unknown): TallyInputError {
  try {
    tally(input);
  } catch (error) {
    if (error instanceof TallyInputError) return error;
    throw error;
  }
  throw new Error('expected a TallyInputError');
}

describe('civil-code-major (民法典 第二百七十八条, 加装电梯)', () => {
  it('passes exactly at 2/3 participation and exactly 3/4 approval, by area and by owners', () => {
    // 200.00 of 300.00 m² and 4 of 6 owners take part; 150.00 of 200.00 m² and 3 of 4 owners approve.
    const r = civil('civil-code-major', { area: '300.00', count: 6 }, [
      yes('60.00'),
      yes('50.00'),
      yes('40.00'),
      no('50.00'),
    ]);
    expect(r.passed).toBe(true);
    expect(r.winner).toBe('yes');
    expect(r.participation).toMatchObject({
      met: true,
      area: '200.00',
      count: 4,
      shares: { area: '66.67%', count: '66.67%' },
    });
    expect(r.reasons.join(' ')).toMatch(/meets the required at least 3\/4/);
  });

  it('fails one hundredth of a m² below 2/3 of the area, and says which threshold failed', () => {
    const r = civil('civil-code-major', { area: '300.00', count: 6 }, [
      yes('60.00'),
      yes('50.00'),
      yes('39.99'),
      no('50.00'),
    ]);
    expect(r.passed).toBe(false);
    expect(r.winner).toBeNull();
    expect(r.participation.met).toBe(false);
    expect(r.reasons.find((x) => x.startsWith('Participation by area'))).toMatch(/does not meet/);
    expect(r.reasons.find((x) => x.startsWith('Participation by owners'))).toMatch(/meets the required/);
  });

  it('decides 2/3 of 5230.40 m² exactly: 3486.94 reaches it, 3486.93 does not', () => {
    const electorate = { area: '5230.40', count: 3 };
    expect(civil('civil-code-major', electorate, [yes('3486.94', 2)]).participation.met).toBe(true);
    expect(civil('civil-code-major', electorate, [yes('3486.93', 2)]).participation.met).toBe(false);
  });

  it('needs 3/4 of the owners as well as of the area', () => {
    // Area approves 75.00%, but only 2 of 3 owners (66.67%) do.
    const r = civil('civil-code-major', { area: '200.00', count: 3 }, [yes('100.00'), yes('50.00'), no('50.00')]);
    expect(r.passed).toBe(false);
    expect(r.winner).toBe('no');
    expect(r.reasons.find((x) => x.startsWith('Yes votes by participating owners'))).toMatch(
      /2 of 3 \(66.67%\) does not meet/,
    );
  });

  it('counts abstentions as participation but not approval', () => {
    const threeOfFour = civil('civil-code-major', { area: '400.00', count: 4 }, [
      yes('100.00'),
      yes('100.00'),
      yes('100.00'),
      abstain('100.00'),
    ]);
    expect(threeOfFour.passed).toBe(true);
    const threeOfFive = civil('civil-code-major', { area: '500.00', count: 5 }, [
      yes('100.00'),
      yes('100.00'),
      yes('100.00'),
      abstain('100.00'),
      abstain('100.00'),
    ]);
    expect(threeOfFive.passed).toBe(false);
    expect(threeOfFive.participation.met).toBe(true);
    expect(threeOfFive.reasons.at(-1)).toMatch(/Abstentions count as participation/);
  });
});

describe('civil-code-ordinary', () => {
  it('needs more than half: exactly half of the area fails', () => {
    const r = civil('civil-code-ordinary', { area: '300.00', count: 4 }, [yes('100.00', 2), no('100.00', 1)]);
    expect(r.passed).toBe(false);
    const justOver = civil('civil-code-ordinary', { area: '300.00', count: 4 }, [yes('100.01', 2), no('99.99', 1)]);
    expect(justOver.passed).toBe(true);
  });

  it('fails when owners are split exactly in half, even with most of the area', () => {
    expect(civil('civil-code-ordinary', { area: '300.00', count: 4 }, [yes('150.00', 2), no('50.00', 2)]).passed).toBe(
      false,
    );
  });

  it('explains in Chinese by default alongside English', () => {
    const r = tally({
      method: 'yesno',
      rule: 'civil-code-ordinary',
      electorate: { area: '100', count: 1 },
      ballots: [yes('100')],
    });
    expect(r.reasons[0]).toMatch(/^参与表决的专有部分面积为 100.00平方米.* \/ Participation by area/);
    expect(r.passed).toBe(true);
  });
});

describe('simple majority and plurality', () => {
  it('a yes/no tie under simple majority is not carried and says so', () => {
    const r = tally(
      { method: 'yesno', rule: { preset: 'simple-majority' }, ballots: [{ choices: ['yes'] }, { choices: ['no'] }] },
      'en',
    );
    expect(r).toMatchObject({ passed: false, winner: null });
    expect(r.reasons.join(' ')).toMatch(/Tie/);
  });

  it('plurality picks the most-voted option; a tie gives no winner', () => {
    const options = ['a', 'b', 'c'];
    const win = tally({
      method: 'single',
      options,
      rule: { preset: 'plurality' },
      ballots: [{ choices: ['a'] }, { choices: ['b'] }, { choices: ['b'] }],
    });
    expect(win).toMatchObject({
      winner: 'b',
      passed: null,
      totals: { a: { count: 1 }, b: { count: 2 }, c: { count: 0 } },
    });
    const tie = tally(
      { method: 'single', options, rule: { preset: 'plurality' }, ballots: [{ choices: ['a'] }, { choices: ['b'] }] },
      'zh-CN',
    );
    expect(tie.winner).toBeNull();
    expect(tie.reasons.join('')).toMatch(/平票/);
  });

  it('simple majority on a single choice needs more than half of the ballots', () => {
    const r = tally({
      method: 'single',
      options: ['a', 'b', 'c'],
      rule: 'simple-majority',
      ballots: [{ choices: ['a'] }, { choices: ['a'] }, { choices: ['b'] }, { choices: ['c'] }],
    });
    expect(r).toMatchObject({ passed: false, winner: null });
  });

  it('approval voting (multiple without maxChoices) approves every option a majority ticked', () => {
    const r = tally({
      method: 'multiple',
      options: ['bench', 'light', 'shade'],
      rule: 'simple-majority',
      ballots: [{ choices: ['bench', 'light'] }, { choices: ['bench', 'light', 'shade'] }, { choices: ['bench'] }],
    });
    expect(r.approved).toEqual(['bench', 'light']);
    expect(r).toMatchObject({ passed: true, winner: 'bench' });
  });

  it('refuses more choices than maxChoices, naming the ballot', () => {
    const e = inputError({
      method: 'multiple',
      options: ['a', 'b', 'c'],
      maxChoices: 2,
      rule: 'plurality',
      ballots: [{ choices: ['a', 'b', 'c'] }],
    });
    expect(e.field).toBe('ballots[0].choices');
  });
});

describe('ranked (instant runoff)', () => {
  it('transfers the eliminated option’s ballots to the next preference', () => {
    const ballots = [
      ...Array(4).fill({ choices: ['a', 'b'] }),
      ...Array(3).fill({ choices: ['b', 'a'] }),
      ...Array(2).fill({ choices: ['c', 'b'] }),
    ];
    const r = tally({ method: 'ranked', options: ['a', 'b', 'c'], rule: 'simple-majority', ballots }, 'en');
    expect(r.winner).toBe('b');
    expect(r.passed).toBe(true);
    expect(r.rounds?.[0]).toMatchObject({ counts: { a: 4, b: 3, c: 2 }, eliminated: ['c'] });
    expect(r.rounds?.[1]?.counts).toEqual({ a: 4, b: 5 });
  });

  it('breaks a tie for last place by the earlier round, else ends in a tie', () => {
    // Round 1: a 3, b 2, c 2, d 1 → d out; its ballot goes to c. Round 2: a 3, b 2, c 3 → b out (fewest).
    const ballots = [
      ...Array(3).fill({ choices: ['a'] }),
      ...Array(2).fill({ choices: ['b', 'c'] }),
      ...Array(2).fill({ choices: ['c'] }),
      { choices: ['d', 'c'] },
    ];
    const r = tally({ method: 'ranked', options: ['a', 'b', 'c', 'd'], rule: 'plurality', ballots }, 'en');
    expect(r.winner).toBe('c');
    // Round 2 ties b and c for last (4 each); in round 1 c had fewer (3 < 4), so c goes and b wins.
    const backwards = [
      ...Array(5).fill({ choices: ['a'] }),
      ...Array(4).fill({ choices: ['b'] }),
      ...Array(3).fill({ choices: ['c', 'b'] }),
      { choices: ['d', 'c', 'a'] },
    ];
    const tb = tally({ method: 'ranked', options: ['a', 'b', 'c', 'd'], rule: 'plurality', ballots: backwards }, 'en');
    expect(tb.rounds?.[1]).toMatchObject({ counts: { a: 5, b: 4, c: 4 }, eliminated: ['c'] });
    expect(tb.winner).toBe('b');
    const even = tally(
      { method: 'ranked', options: ['a', 'b'], rule: 'plurality', ballots: [{ choices: ['a'] }, { choices: ['b'] }] },
      'en',
    );
    expect(even.winner).toBeNull();
    expect(even.reasons.join(' ')).toMatch(/Tie: a, b/);
  });
});

describe('budget (参与式预算)', () => {
  it('ranks by points and funds in that order while money lasts', () => {
    const r = tally({
      method: 'budget',
      options: [
        { id: 'bench', cost: 3000 },
        { id: 'light', cost: 8000 },
        { id: 'garden', cost: 5000 },
      ],
      budget: 100,
      funds: 9000,
      rule: 'plurality',
      ballots: [
        { allocation: { light: 60, bench: 40 } },
        { allocation: { light: 50, garden: 50 } },
        { allocation: { garden: 100 } },
      ],
    });
    expect(r.ranking).toEqual(['garden', 'light', 'bench']);
    expect(r.winner).toBe('garden');
    expect(r.funded).toEqual(['garden', 'bench']);
    expect(r.totals.light).toEqual({ count: 2, points: 110 });
  });

  it('refuses an allocation over the points each voter has', () => {
    const e = inputError({
      method: 'budget',
      options: ['a', 'b'],
      budget: 100,
      rule: 'plurality',
      ballots: [{ allocation: { a: 80, b: 30 } }],
    });
    expect(e.field).toBe('ballots[0].allocation');
  });
});

describe('bad input names the field', () => {
  const base = {
    method: 'yesno',
    rule: 'civil-code-major',
    electorate: { area: '300.00', count: 3 },
    ballots: [yes('100.00')],
  };
  it.each([
    [{ ...base, method: 'borda' }, 'method'],
    [{ ...base, ballots: [{ choices: ['maybe'], weight: { area: '1.00' } }] }, 'ballots[0].choices[0]'],
    [{ ...base, ballots: [yes('12.345')] }, 'ballots[0].weight.area'],
    [{ ...base, ballots: [yes('-3')] }, 'ballots[0].weight.area'],
    [{ ...base, electorate: undefined }, 'electorate.area'],
    [{ ...base, electorate: { area: '300.00' } }, 'electorate.count'],
    [{ ...base, ballots: [{ choices: ['yes'] }] }, 'ballots[0].weight.area'],
    [{ ...base, rule: { preset: 'unanimity' } }, 'rule.preset'],
    [{ ...base, electorate: { area: '300.00', count: 1 }, ballots: [yes('100.00'), no('100.00')] }, 'electorate.count'],
    [{ ...base, ballots: [{ choices: ['yes', 'no'], weight: { area: '1' } }] }, 'ballots[0].choices'],
  ])('%# → %s', (input, field) => {
    expect(inputError(input).field).toBe(field);
  });
});

describe('exact areas', () => {
  it('parses at most two decimals and nothing negative', () => {
    expect(parseHundredths('86.20')).toBe(8620n);
    expect(parseHundredths('86.2')).toBe(8620n);
    expect(parseHundredths(86.2)).toBe(8620n);
    expect(parseHundredths('86')).toBe(8600n);
    expect(parseHundredths('12.345')).toBeNull();
    expect(parseHundredths('-3')).toBeNull();
    expect(parseHundredths('1e3')).toBeNull();
  });
});

describe('percentages never contradict the verdict beside them', () => {
  const reason = (r: { reasons: string[] }, start: string) => r.reasons.find((x) => x.startsWith(start)) ?? '';

  it('3/4: yes = 299.99 of 399.99 m² fails and reads 74.99%, not 75.00%', () => {
    const r = civil('civil-code-major', { area: '399.99', count: 4 }, [yes('299.99', 3), no('100.00', 1)]);
    expect(r.passed).toBe(false);
    expect(reason(r, 'Yes votes by participating area')).toBe(
      'Yes votes by participating area: 299.99 m² of 399.99 m² (74.99%) does not meet the required at least 3/4.',
    );
  });

  it('2/3: 3486.93 of 5230.40 m² fails the quorum and reads 66.66%, while 3486.94 meets it at 66.67%', () => {
    const electorate = { area: '5230.40', count: 3 };
    const below = civil('civil-code-major', electorate, [yes('3486.93', 2)]);
    expect(reason(below, 'Participation by area')).toMatch(/\(66\.66%\) does not meet the required at least 2\/3/);
    expect(below.participation.shares?.area).toBe('66.66%');
    const at = civil('civil-code-major', electorate, [yes('3486.94', 2)]);
    expect(reason(at, 'Participation by area')).toMatch(/\(66\.67%\) meets the required at least 2\/3/);
  });

  it('1/2: more than half by a hair reads 50.01%, exactly half reads 50.00% and is not more than half', () => {
    const ordinary = (yesArea: string, noArea: string) =>
      civil('civil-code-ordinary', { area: '2000.04', count: 2 }, [yes(yesArea), no(noArea)]);
    const hair = ordinary('1000.01', '1000.00');
    expect(reason(hair, 'Yes votes by participating area')).toMatch(/\(50\.01%\) meets the required more than 1\/2/);
    const half = ordinary('1000.00', '1000.00');
    expect(reason(half, 'Yes votes by participating area')).toMatch(/\(50\.00%\) does not meet/);
  });

  it('simple majority: 100001 of 200000 votes is more than half and never printed as 50.00%', () => {
    const r = tally(
      {
        method: 'yesno',
        rule: { preset: 'simple-majority' },
        ballots: [
          { choices: ['yes'], weight: { count: 100001 } },
          { choices: ['no'], weight: { count: 99999 } },
        ],
      },
      'en',
    );
    expect(r.passed).toBe(true);
    expect(r.reasons[0]).toBe('"yes" has 100001 of 200000 votes (50.01%), more than half.');
  });
});
