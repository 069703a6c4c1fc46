/**
 * The library: saving clipped issues, reading them back filtered, searched and sorted, bulk edits. Every write is
 * one IndexedDB transaction, so closing the panel mid-save leaves all of it stored or none of it.
 */
import { Issue, type IssueStatus, type IssueUpdate } from '@linli/core';
import type { Collection } from 'dexie';
import { fromStored, type LinliDb, type StoredIssue, toStored } from './db';
import { matchesPlan, planQuery, RANK_SEP, termOfEntry } from './search';

export type SortKey = 'newest' | 'oldest' | 'updated' | 'reported' | 'title';

export interface LibraryQuery {
  text?: string;
  statuses?: IssueStatus[];
  category?: string;
  portal?: string;
  /** Inclusive bounds on the reported date (else the clip date), ISO instants. */
  from?: string;
  to?: string;
  /** Every tag listed must be on the issue. */
  tags?: string[];
  sort?: SortKey;
  offset?: number;
  limit?: number;
}

export interface LibraryPage {
  issues: Issue[];
  /** Whether more issues match beyond this page. */
  more: boolean;
}

function filterOf(q: LibraryQuery): ((row: StoredIssue) => boolean) | null {
  const plan = q.text?.trim() ? planQuery(q.text) : null;
  const tests: ((row: StoredIssue) => boolean)[] = [];
  if (q.statuses?.length) {
    const s = new Set(q.statuses);
    tests.push((r) => s.has(r.status));
  }
  if (q.category) tests.push((r) => r.category === q.category);
  if (q.portal) tests.push((r) => r.source.portal === q.portal);
  if (q.from) tests.push((r) => r.sortDate >= q.from!);
  if (q.to) tests.push((r) => r.sortDate <= q.to!);
  if (q.tags?.length) tests.push((r) => q.tags!.every((t) => r.tags.includes(t)));
  if (plan && (plan.exact.length > 1 || plan.prefixes.length > 0 || plan.exact[0]?.length === 1)) {
    tests.push((r) => matchesPlan(new Set(r.terms.map(termOfEntry)), plan));
  }
  return tests.length ? (r) => tests.every((t) => t(r)) : null;
}

const SORT_INDEX: Record<Exclude<SortKey, 'title'>, [string, boolean]> = {
  newest: ['createdAt', true],
  oldest: ['createdAt', false],
  updated: ['updatedAt', true],
  reported: ['sortDate', true],
};

function compare(sort: SortKey): (a: StoredIssue, b: StoredIssue) => number {
  if (sort === 'title') return (a, b) => a.title.localeCompare(b.title, 'zh-CN');
  const [field, desc] = SORT_INDEX[sort];
  const f = field as 'createdAt' | 'updatedAt' | 'sortDate';
  return (a, b) => (a[f] < b[f] ? -1 : a[f] > b[f] ? 1 : 0) * (desc ? -1 : 1);
}

/** The collection a text query is read from: one term's index range, newest clip first. */
function searchCollection(db: LinliDb, text: string): Collection<StoredIssue, string> | null {
  const plan = planQuery(text);
  const driver = plan.exact.find((t) => t.length === 2) ?? plan.exact[0];
  if (driver && driver.length === 2) {
    return db.issues.where('terms').between(`${driver}${RANK_SEP}`, `${driver}${RANK_SEP}\uffff`);
  }
  // A lone CJK character or a Latin word: every term starting with it (a bigram, a word, a case number).
  const prefix = driver ?? plan.prefixes[0];
  if (!prefix) return null;
  return db.issues.where('terms').startsWith(prefix).distinct();
}

export async function queryLibrary(db: LinliDb, q: LibraryQuery = {}): Promise<LibraryPage> {
  const sort = q.sort ?? 'newest';
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  const filter = filterOf(q);
  const text = q.text?.trim();
  let rows: StoredIssue[];
  if (text) {
    let c = searchCollection(db, text);
    if (!c) return { issues: [], more: false };
    if (filter) c = c.filter(filter);
    if (sort === 'newest') {
      rows = await c
        .offset(offset)
        .limit(limit + 1)
        .toArray();
    } else {
      // Another order over search hits: read them all (already narrowed by the index), then sort.
      rows = (await c.toArray()).sort(compare(sort)).slice(offset, offset + limit + 1);
    }
  } else if (sort === 'title') {
    let c = db.issues.toCollection();
    if (filter) c = c.filter(filter);
    rows = (await c.toArray()).sort(compare(sort)).slice(offset, offset + limit + 1);
  } else {
    const [index, desc] = SORT_INDEX[sort];
    let c = db.issues.orderBy(index);
    if (desc) c = c.reverse();
    if (filter) c = c.filter(filter);
    rows = await c
      .offset(offset)
      .limit(limit + 1)
      .toArray();
  }
  return { issues: rows.slice(0, limit).map(fromStored), more: rows.length > limit };
}

/** Validates and stores issues (new or replacing the same id) in one transaction: all are saved or none. */
export async function saveIssues(db: LinliDb, issues: readonly Issue[]): Promise<Issue[]> {
  const valid = issues.map((i) => Issue.parse(i));
  await db.transaction('rw', db.issues, async () => {
    await db.issues.bulkPut(valid.map(toStored));
  });
  return valid;
}

export async function getIssue(db: LinliDb, id: string): Promise<Issue | undefined> {
  const row = await db.issues.get(id);
  return row && fromStored(row);
}

export async function deleteIssues(db: LinliDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.issues, () => db.issues.bulkDelete([...ids]));
}

function sameUpdate(a: IssueUpdate, b: IssueUpdate): boolean {
  return a.text === b.text && (a.at ?? '') === (b.at ?? '');
}

/**
 * A page clipped again: the stored issue takes what moves on the portal (status, handling department, new replies
 * and attachments) and fills fields it lacked, while the staff member's own edits (title, description, category,
 * tags, address) stay as they were.
 */
export async function updateFromClip(db: LinliDb, storedId: string, fresh: Issue, now = new Date()): Promise<Issue> {
  return db.transaction('rw', db.issues, async () => {
    const row = await db.issues.get(storedId);
    if (!row) throw new Error(`issue ${storedId} is no longer in the library`);
    const old = fromStored(row);
    const updates = [...old.updates];
    for (const u of fresh.updates) if (!updates.some((x) => sameUpdate(x, u))) updates.push(u);
    const attachments = [...old.attachments];
    for (const a of fresh.attachments) if (!attachments.some((x) => x.url === a.url)) attachments.push(a);
    const next = Issue.parse({
      ...old,
      description: old.description || fresh.description,
      category: old.category ?? fresh.category,
      location: { ...fresh.location, ...old.location },
      reporter: { ...fresh.reporter, ...old.reporter },
      reportedAt: old.reportedAt ?? fresh.reportedAt,
      status: fresh.status,
      department: fresh.department ?? old.department,
      source: {
        ...old.source,
        capturedAt: fresh.source.capturedAt,
        pageTitle: fresh.source.pageTitle ?? old.source.pageTitle,
      },
      updates,
      attachments,
      updatedAt: now.toISOString(),
    });
    await db.issues.put(toStored(next));
    return next;
  });
}

export async function bulkSetStatus(
  db: LinliDb,
  ids: readonly string[],
  status: IssueStatus,
  note: string,
  now = new Date(),
): Promise<number> {
  const at = now.toISOString();
  return db.transaction('rw', db.issues, async () => {
    let changed = 0;
    for (const row of await db.issues.bulkGet([...ids])) {
      if (!row || row.status === status) continue;
      row.status = status;
      row.updates = [...row.updates, { at, text: note, status }];
      row.updatedAt = at;
      await db.issues.put(row);
      changed += 1;
    }
    return changed;
  });
}

export async function bulkTags(
  db: LinliDb,
  ids: readonly string[],
  change: { add?: string[]; remove?: string[] },
  now = new Date(),
): Promise<number> {
  const add = (change.add ?? []).map((t) => t.trim()).filter(Boolean);
  const remove = new Set(change.remove ?? []);
  return db.transaction('rw', db.issues, async () => {
    let changed = 0;
    for (const row of await db.issues.bulkGet([...ids])) {
      if (!row) continue;
      const tags = [...new Set([...row.tags.filter((t) => !remove.has(t)), ...add])];
      if (tags.join('\n') === row.tags.join('\n')) continue;
      row.tags = tags;
      row.updatedAt = now.toISOString();
      await db.issues.put(row);
      changed += 1;
    }
    return changed;
  });
}

/**
 * The distinct values of one index, each found by one short cursor step past the previous one: as many steps as
 * there are values, never a walk over every issue (a 100,000-issue library has a few dozen categories).
 */
async function distinct(db: LinliDb, index: string, max = 500): Promise<string[]> {
  const out: string[] = [];
  let next = await db.issues.orderBy(index).limit(1).keys();
  while (next.length && out.length < max) {
    const key = String(next[0]);
    out.push(key);
    next = await db.issues.where(index).above(key).limit(1).keys();
  }
  return out;
}

/** Distinct values for the filter menus (categories, portals, tags), read off their indexes. */
export async function facets(db: LinliDb): Promise<{ categories: string[]; portals: string[]; tags: string[] }> {
  const categories = await distinct(db, 'category');
  const portals = await distinct(db, 'source.portal');
  const tags = await distinct(db, 'tags');
  return { categories, portals, tags };
}

export function countIssues(db: LinliDb): Promise<number> {
  return db.issues.count();
}
