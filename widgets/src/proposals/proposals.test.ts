import type { Proposal } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { draftProblems, mergeProposals, sortProposals } from './proposals.logic';

const p = (id: string, over: Partial<Proposal> = {}): Proposal => ({
  schemaVersion: 1,
  id,
  kind: 'wish',
  title: id,
  body: '',
  authorName: '王阿姨',
  status: 'published',
  supports: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('the proposal board', () => {
  it('sorts by newest or by most supported', () => {
    const items = [p('a', { supports: 5 }), p('b', { createdAt: '2026-02-01T00:00:00.000Z' }), p('c', { supports: 9 })];
    expect(sortProposals(items, 'new').map((x) => x.id)[0]).toBe('b');
    expect(sortProposals(items, 'top').map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('takes live changes in, and drops an item that was rejected or merged', () => {
    const board = [p('a'), p('b')];
    const next = mergeProposals(board, [p('a', { status: 'rejected' }), p('c'), p('b', { status: 'claimed' })], 'wish');
    expect(next.map((x) => `${x.id}:${x.status}`).sort()).toEqual(['b:claimed', 'c:published']);
    // A pending item is never shown, and a proposal does not land on a wish board.
    expect(mergeProposals([], [p('d', { status: 'pending' }), p('e', { kind: 'proposal' })], 'wish')).toEqual([]);
  });

  it('names each field a submission still lacks', () => {
    expect(draftProblems({ title: ' ', body: '', authorName: '' })).toEqual({
      title: 'required',
      authorName: 'required',
    });
    expect(draftProblems({ title: 'x'.repeat(201), body: '', authorName: '李' })).toEqual({ title: 'tooLong' });
    expect(draftProblems({ title: '扶手', body: '', authorName: '李' })).toEqual({});
  });
});
