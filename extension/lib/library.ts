/**
 * The library: saving clipped issues, reading them back filtered, searched and sorted, bulk edits. Every write is
 * one IndexedDB transaction through `writeLibrary` (issue-store.ts underneath), so closing the panel mid-save
 * leaves all of it stored or none of it, and search always follows what is stored.
 */
import { Issue, type IssueStatus, type IssueUpdate } from '@linli/core';
import type { Table, Transaction } from 'dexie';
import { type LinliDb, storeTables } from './db';
import { COLUMN_BITS, COLUMN_MASK, type ColumnTypes, cacheOf, EMPTY, STATUSES, type TimeColumn } from './issue-columns';
import { Snapshot, type WriteResult } from './issue-snapshot';
import { writeIssues } from './issue-store';
import { planQuery } from './search';

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

/*
 * Both helpers hand the transaction's own tables down (storeTables(tx)), rather than relying on Dexie's implicit
 * transaction zone: the store awaits plain async functions between requests, which that zone does not follow.
 */

/** Reads the library in one read transaction, through the page's column cache. */
export async function readLibrary<T>(db: LinliDb, work: (snap: Snapshot) => Promise<T>): Promise<T> {
  return db.transaction('r', db.store, async (tx) => work(await Snapshot.open(storeTables(tx), cacheOf(db))));
}

export interface Writer {
  /** The transaction, for the other tables it covers (`also`). */
  tx: Transaction;
  /** The library as this transaction sees it (its own writes included). */
  read(): Promise<Snapshot>;
  /** Stores issues (already valid) and removes ids: the only way issues change. */
  write(change: { put?: readonly Issue[]; remove?: readonly string[] }): Promise<WriteResult>;
}

/**
 * One read-write transaction over the library (and `also`, e.g. recipes for a restore); the page's column cache
 * takes the changes once it has committed.
 */
export async function writeLibrary<T>(db: LinliDb, work: (w: Writer) => Promise<T>, also: Table[] = []): Promise<T> {
  const cache = cacheOf(db);
  const done: WriteResult[] = [];
  const out = await db.transaction('rw', [...db.store, ...also], (tx) => {
    const t = storeTables(tx);
    return work({
      tx,
      read: () => Snapshot.open(t, cache, true),
      write: async (change) => {
        const r = await writeIssues(t, change, cache);
        done.push(r);
        return r;
      },
    });
  });
  for (const r of done) Snapshot.install(cache, r);
  return out;
}

const ms = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : Number.NaN;
};

/** The slots whose issues satisfy the query's filters (not its text), or null when it has none. */
async function filterOf(snap: Snapshot, q: LibraryQuery): Promise<((seq: number) => boolean) | null> {
  const tests: ((seq: number) => boolean)[] = [];
  const { cell } = Snapshot;
  if (q.statuses?.length) {
    const want = new Set(q.statuses.map((s) => STATUSES.indexOf(s)));
    const col = await snap.column('status');
    tests.push((s) => want.has(cell(col, s)));
  }
  if (q.category) {
    const col = await snap.column('category');
    tests.push((s) => cell(col, s) === q.category);
  }
  if (q.portal) {
    const col = await snap.column('portal');
    tests.push((s) => cell(col, s) === q.portal);
  }
  if (q.from || q.to) {
    const col = await snap.column('reported');
    const from = q.from ? ms(q.from) : -Infinity;
    const to = q.to ? ms(q.to) : Infinity;
    tests.push((s) => cell(col, s) >= from && cell(col, s) <= to);
  }
  if (q.tags?.length) {
    const col = await snap.column('tags');
    tests.push((s) => q.tags!.every((t) => cell(col, s).includes(t)));
  }
  return tests.length ? (s) => tests.every((t) => t(s)) : null;
}

/**
 * The slots matching a text: every CJK bigram of it held, and every lone CJK character and Latin word or number
 * starting one of the issue's terms (search.ts says which terms an issue has).
 */
async function searchSlots(snap: Snapshot, text: string): Promise<number[]> {
  const plan = planQuery(text);
  const groups: [string, boolean][] = [
    ...plan.exact.map((e): [string, boolean] => [e, e.length === 1]),
    ...plan.prefixes.map((p): [string, boolean] => [p, true]),
  ];
  if (groups.length === 0) return [];
  const seen = new Uint16Array(snap.meta.next);
  const counts = new Uint16Array(snap.meta.next);
  for (const [g, [term, prefix]] of groups.entries()) {
    const slots = await snap.slotsOf(term, prefix);
    if (slots.length === 0) return [];
    for (const s of slots) {
      if (seen[s] === g + 1) continue;
      seen[s] = g + 1;
      counts[s] = counts[s]! + 1;
    }
  }
  const out: number[] = [];
  for (let s = 0; s < counts.length; s += 1) if (counts[s] === groups.length) out.push(s);
  return out;
}

const SORT_COLUMN: Record<Exclude<SortKey, 'title'>, [TimeColumn, boolean]> = {
  newest: ['created', true],
  oldest: ['created', false],
  updated: ['updated', true],
  reported: ['reported', true],
};

const collator = new Intl.Collator('zh-CN');

/**
 * The first `k` slots (given ascending) in the sort's order. A time sort walks the slots once from the end its
 * order favours, keeping the best `k` in a short sorted buffer: the first page of 100,000 costs one pass in which
 * almost every slot fails a single comparison, and no sort of every match. Ties go to the later slot (the later
 * save) when newest first, to the earlier one when oldest first.
 */
async function ordered(snap: Snapshot, slots: number[], sort: SortKey, k: number): Promise<number[]> {
  if (sort === 'title') {
    const col = await snap.column('title');
    return slots.sort((a, b) => collator.compare(Snapshot.cell(col, a), Snapshot.cell(col, b)) || a - b).slice(0, k);
  }
  const [name, desc] = SORT_COLUMN[sort];
  const col: ColumnTypes[TimeColumn][] = await snap.column(name);
  const sign = desc ? 1 : -1;
  const keyOf = (s: number) => sign * col[s >> COLUMN_BITS]![s & COLUMN_MASK]!;
  if (k * 4 >= slots.length) {
    // Most of the matches wanted (an export asks for all): one sort.
    return slots.sort((a, b) => keyOf(b) - keyOf(a) || (desc ? b - a : a - b)).slice(0, k);
  }
  const top: number[] = [];
  const topKey: number[] = [];
  for (let j = 0; j < slots.length; j += 1) {
    const s = slots[desc ? slots.length - 1 - j : j]!;
    const v = keyOf(s);
    if (top.length === k && v <= topKey[k - 1]!) continue;
    // After every kept key at least as good: equal keys stay in the order met.
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (topKey[mid]! >= v) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, s);
    topKey.splice(lo, 0, v);
    if (top.length > k) {
      top.pop();
      topKey.pop();
    }
  }
  return top;
}

export async function queryLibrary(db: LinliDb, q: LibraryQuery = {}): Promise<LibraryPage> {
  const sort = q.sort ?? 'newest';
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  return readLibrary(db, async (snap) => {
    const text = q.text?.trim();
    const candidates = text ? await searchSlots(snap, text) : await snap.live();
    const keep = await filterOf(snap, q);
    const hits = keep ? candidates.filter(keep) : candidates;
    const page = await ordered(snap, hits, sort, offset + limit + 1);
    const issues = (await snap.issues(page.slice(offset, offset + limit))).filter((i): i is Issue => !!i);
    return { issues, more: page.length > offset + limit };
  });
}

/** Validates and stores issues (new or replacing the same id) in one transaction: all are saved or none. */
export async function saveIssues(db: LinliDb, issues: readonly Issue[]): Promise<Issue[]> {
  const valid = issues.map((i) => Issue.parse(i));
  await writeLibrary(db, (w) => w.write({ put: valid }));
  return valid;
}

/** The stored issues with these ids, in the same order (missing ones left out). */
export async function getIssues(db: LinliDb, ids: readonly string[]): Promise<Issue[]> {
  return readLibrary(db, (snap) => issuesById(snap, ids));
}

async function issuesById(snap: Snapshot, ids: readonly string[]): Promise<Issue[]> {
  const map = await snap.ids();
  const seqs = ids.map((id) => map.get(id)).filter((s): s is number => s !== undefined);
  return (await snap.issues(seqs)).filter((i): i is Issue => !!i);
}

export async function getIssue(db: LinliDb, id: string): Promise<Issue | undefined> {
  return (await getIssues(db, [id]))[0];
}

export async function deleteIssues(db: LinliDb, ids: readonly string[]): Promise<void> {
  await writeLibrary(db, (w) => w.write({ remove: ids }));
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
  return writeLibrary(db, async (w) => {
    const [old] = await issuesById(await w.read(), [storedId]);
    if (!old) throw new Error(`issue ${storedId} is no longer in the library`);
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
    await w.write({ put: [next] });
    return next;
  });
}

/** Changes some stored issues in one transaction; `edit` returns the changed issue, or null to leave it. */
async function editIssues(db: LinliDb, ids: readonly string[], edit: (issue: Issue) => Issue | null): Promise<number> {
  return writeLibrary(db, async (w) => {
    const changed = (await issuesById(await w.read(), ids)).map(edit).filter((i): i is Issue => !!i);
    if (changed.length) await w.write({ put: changed });
    return changed.length;
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
  return editIssues(db, ids, (issue) =>
    issue.status === status
      ? null
      : { ...issue, status, updates: [...issue.updates, { at, text: note, status }], updatedAt: at },
  );
}

export async function bulkTags(
  db: LinliDb,
  ids: readonly string[],
  change: { add?: string[]; remove?: string[] },
  now = new Date(),
): Promise<number> {
  const add = (change.add ?? []).map((t) => t.trim()).filter(Boolean);
  const remove = new Set(change.remove ?? []);
  return editIssues(db, ids, (issue) => {
    const tags = [...new Set([...issue.tags.filter((t) => !remove.has(t)), ...add])];
    if (tags.join('\n') === issue.tags.join('\n')) return null;
    return { ...issue, tags, updatedAt: now.toISOString() };
  });
}

/** Distinct values for the filter menus (categories, portals, tags), from the columns of the stored issues. */
export async function facets(db: LinliDb): Promise<{ categories: string[]; portals: string[]; tags: string[] }> {
  return readLibrary(db, async (snap) => {
    const [status, category, portal, tags] = await Promise.all([
      snap.column('status'),
      snap.column('category'),
      snap.column('portal'),
      snap.column('tags'),
    ]);
    const c = new Set<string>();
    const p = new Set<string>();
    const t = new Set<string>();
    for (let s = 0; s < snap.meta.next; s += 1) {
      if (Snapshot.cell(status, s) === EMPTY) continue;
      const cat = Snapshot.cell(category, s);
      if (cat) c.add(cat);
      const por = Snapshot.cell(portal, s);
      if (por) p.add(por);
      for (const tag of Snapshot.cell(tags, s)) t.add(tag);
    }
    const sorted = (x: Set<string>) => [...x].sort();
    return { categories: sorted(c), portals: sorted(p), tags: sorted(t) };
  });
}

export async function countIssues(db: LinliDb): Promise<number> {
  return readLibrary(db, async (snap) => snap.meta.count);
}
