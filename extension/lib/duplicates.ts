/**
 * Duplicate hints for a freshly clipped issue. The same case number, or the same source address for a page that
 * is one case, is certainly the same case: the panel offers to update the stored one. Text alike enough is a
 * suggestion, shown with its score, for the staff member to judge.
 */
import type { Issue } from '@linli/core';
import type { LinliDb } from './db';
import { EMPTY } from './issue-columns';
import { Snapshot } from './issue-snapshot';
import { readLibrary } from './library';
import { similarity, termsOf } from './search';

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
  return readLibrary(db, async (snap) => {
    const hints = new Map<number, DuplicateHint>();
    const caseNumber = draft.source.caseNumber;
    const url = draft.source.url;
    const ownUrl = url && (!pageUrl || url !== pageUrl || !caseNumber);
    const [status, cases, urls] = await Promise.all([
      snap.column('status'),
      snap.column('caseNumber'),
      snap.column('url'),
    ]);
    const byCase: number[] = [];
    const byUrl: number[] = [];
    for (let s = 0; s < snap.meta.next; s += 1) {
      if (Snapshot.cell(status, s) === EMPTY) continue;
      const storedCase = Snapshot.cell(cases, s);
      if (caseNumber && storedCase === caseNumber) byCase.push(s);
      // A stored case with another number at the same address is another row of the same list.
      else if (ownUrl && Snapshot.cell(urls, s) === url && !(caseNumber && storedCase && storedCase !== caseNumber)) {
        byUrl.push(s);
      }
    }
    const certain = await snap.issues([...byCase, ...byUrl]);
    certain.forEach((issue, i) => {
      if (!issue) return;
      const byNumber = i < byCase.length;
      hints.set(i < byCase.length ? byCase[i]! : byUrl[i - byCase.length]!, {
        kind: 'certain',
        reason: byNumber ? 'caseNumber' : 'url',
        score: 1,
        issue,
      });
    });
    // Candidates for text likeness: issues sharing the title's terms, most shared first (then the latest saved).
    const counts = new Map<number, number>();
    for (const term of termsOf(draft.title)) {
      const slots = await snap.slotsOf(term, false);
      for (const s of slots.slice(-CANDIDATES_PER_TERM)) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const top = [...counts.entries()]
      .filter(([s]) => !hints.has(s))
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, 30)
      .map(([s]) => s);
    const text = textOf(draft);
    (await snap.issues(top)).forEach((issue, i) => {
      if (!issue) return;
      const score = similarity(text, textOf(issue));
      if (score >= SIMILAR_AT) hints.set(top[i]!, { kind: 'similar', reason: 'text', score, issue });
    });
    return [...hints.values()].sort((a, b) => b.score - a.score);
  });
}

/** Whether a page address is in the library (the toolbar badge). */
export async function isClipped(db: LinliDb, url: string): Promise<boolean> {
  return readLibrary(db, async (snap) => {
    const [status, urls] = await Promise.all([snap.column('status'), snap.column('url')]);
    for (let s = 0; s < snap.meta.next; s += 1) {
      if (Snapshot.cell(urls, s) === url && Snapshot.cell(status, s) !== EMPTY) return true;
    }
    return false;
  });
}
