/**
 * Duplicate hints for a freshly clipped issue. The same case number, or the same source address for a page that
 * is one case, is certainly the same case: the panel offers to update the stored one. Text alike enough is a
 * suggestion, shown with its score, for the staff member to judge.
 */
import type { Issue } from '@linli/core';
import { fromStored, type LinliDb } from './db';
import { RANK_SEP, similarity, termsOf } from './search';

export interface DuplicateHint {
  kind: 'certain' | 'similar';
  reason: 'caseNumber' | 'url' | 'text';
  /** 1 for certain; the text similarity (0–1) for a suggestion. */
  score: number;
  issue: Issue;
}

/** Below this, text likeness is noise (two unrelated 漏水 reports share a few bigrams). */
export const SIMILAR_AT = 0.45;
const CANDIDATES_PER_TERM = 200;

const textOf = (i: Pick<Issue, 'title' | 'description'>) => `${i.title}\n${i.description.slice(0, 600)}`;

/**
 * `pageUrl`: the clipped page. On a list page every row shares it, so a row's address counts only when it is its
 * own (a link to the case's page).
 */
export async function findDuplicates(db: LinliDb, draft: Issue, pageUrl?: string): Promise<DuplicateHint[]> {
  const hints = new Map<string, DuplicateHint>();
  const caseNumber = draft.source.caseNumber;
  if (caseNumber) {
    for (const row of await db.issues.where('source.caseNumber').equals(caseNumber).toArray()) {
      hints.set(row.id, { kind: 'certain', reason: 'caseNumber', score: 1, issue: fromStored(row) });
    }
  }
  const url = draft.source.url;
  const ownUrl = url && (!pageUrl || url !== pageUrl || !caseNumber);
  if (url && ownUrl) {
    for (const row of await db.issues.where('source.url').equals(url).toArray()) {
      // A stored case with another number at the same address is another row of the same list.
      if (caseNumber && row.source.caseNumber && row.source.caseNumber !== caseNumber) continue;
      if (!hints.has(row.id)) hints.set(row.id, { kind: 'certain', reason: 'url', score: 1, issue: fromStored(row) });
    }
  }
  // Candidates for text likeness: issues sharing the title's terms, most shared first.
  const counts = new Map<string, number>();
  for (const term of termsOf(draft.title)) {
    const keys = await db.issues
      .where('terms')
      .between(`${term}${RANK_SEP}`, `${term}${RANK_SEP}\uffff`)
      .limit(CANDIDATES_PER_TERM)
      .primaryKeys();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const top = [...counts.entries()]
    .filter(([id]) => !hints.has(id))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([id]) => id);
  const text = textOf(draft);
  for (const row of await db.issues.bulkGet(top)) {
    if (!row) continue;
    const score = similarity(text, textOf(row));
    if (score >= SIMILAR_AT) hints.set(row.id, { kind: 'similar', reason: 'text', score, issue: fromStored(row) });
  }
  return [...hints.values()].sort((a, b) => b.score - a.score);
}

/** Whether a page address is in the library (the toolbar badge). */
export async function isClipped(db: LinliDb, url: string): Promise<boolean> {
  return (await db.issues.where('source.url').equals(url).count()) > 0;
}
