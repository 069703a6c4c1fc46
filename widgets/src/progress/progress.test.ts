import { describe, expect, it } from 'vitest';
import { stepStates } from './progress.logic';

describe('the 三会 timeline', () => {
  it('marks earlier steps done, the phase current and later ones upcoming', () => {
    expect(stepStates('implementing')).toEqual({
      hearing: 'done',
      coordination: 'done',
      voting: 'done',
      implementing: 'current',
      evaluation: 'upcoming',
    });
  });

  it('has nothing done before the hearing and everything done once closed', () => {
    expect(Object.values(stepStates('collecting'))).toEqual(Array(5).fill('upcoming'));
    expect(Object.values(stepStates('closed'))).toEqual(Array(5).fill('done'));
  });
});
