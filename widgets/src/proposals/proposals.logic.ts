/** The proposal board's pure rules: what may be shown, in which order, and what a form still lacks. */
import type { Proposal } from '@linli/core';

/** Statuses the public may see; pending and rejected items (and merged ones) never appear on a board. */
export const PUBLIC_STATUSES: readonly Proposal['status'][] = ['published', 'claimed', 'done', 'adopted'];

export type Sort = 'new' | 'top';

export function sortProposals(items: readonly Proposal[], sort: Sort): Proposal[] {
  const byNew = (a: Proposal, b: Proposal) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
  return [...items].sort(sort === 'top' ? (a, b) => b.supports - a.supports || byNew(a, b) : byNew);
}

/** The board after a live batch: changed items replace their old version, items leaving the public statuses go. */
export function mergeProposals(current: readonly Proposal[], changed: readonly Proposal[], kind: Proposal['kind']) {
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const p of changed) {
    if ((p.kind ?? 'proposal') !== kind) continue;
    if (PUBLIC_STATUSES.includes(p.status)) byId.set(p.id, p);
    else byId.delete(p.id);
  }
  return [...byId.values()];
}

export interface Draft {
  title: string;
  body: string;
  authorName: string;
}

export const LIMITS = { title: 200, body: 5000, authorName: 50 } as const;

/** Field → problem ('required' | 'tooLong'), checked before sending; the server checks again. */
export function draftProblems(draft: Draft): Partial<Record<keyof Draft, 'required' | 'tooLong'>> {
  const problems: Partial<Record<keyof Draft, 'required' | 'tooLong'>> = {};
  if (!draft.title.trim()) problems.title = 'required';
  else if (draft.title.trim().length > LIMITS.title) problems.title = 'tooLong';
  if (draft.body.trim().length > LIMITS.body) problems.body = 'tooLong';
  if (!draft.authorName.trim()) problems.authorName = 'required';
  else if (draft.authorName.trim().length > LIMITS.authorName) problems.authorName = 'tooLong';
  return problems;
}
