/**
 * How the library's issues are stored, and the one place that writes them.
 *
 * Chromium's IndexedDB spends ~100 µs on every row written and 20–50 µs on every index entry, whatever their size;
 * one row per issue with ~44 index entries made a 100,000-issue restore take four minutes, and even 100,000 bare
 * rows take 12–25 s on a busy machine. So issues are stored a few rows per thousand:
 *
 * - every issue has a slot (`seq`, never reused); `packs` hold the issues of 64 slots each, as JSON text;
 * - `columns` hold, per block of 4,096 slots, one field of every issue (id, dates, status, category, portal, tags,
 *   address, case number, title): filters, sorts and facets run over them in memory, in milliseconds;
 * - `postings` (postings.ts) map search terms to slots;
 * - `meta` counts slots and revisions: a page keeps the columns it read and reuses them while the revision stands.
 *
 * Every write goes through `writeIssues`, inside the caller's one transaction, so a closed panel leaves all or
 * nothing. The search terms of an issue are recomputed from its stored text whenever it changes, so an edit, a
 * delete or a restore can never leave search pointing at the wrong issue.
 */
import type { Issue, IssueStatus } from '@linli/core';
import type { Table } from 'dexie';
import {
  bucketOf,
  bucketRange,
  Gains,
  POSTING_BLOCK_BITS,
  PostingEdit,
  type PostingKey,
  type PostingRow,
  slotsIn,
} from './postings';
import { searchText, termsOf } from './search';

export const STATUSES: readonly IssueStatus[] = ['new', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected'];
/** The status column's mark for an empty slot (deleted, or never used). */
export const EMPTY = 255;

export const PACK_BITS = 6;
export const COLUMN_BITS = 12;
const COLUMN_SIZE = 1 << COLUMN_BITS;
export const COLUMN_MASK = COLUMN_SIZE - 1;

export interface PackRow {
  n: number;
  /** JSON of the Issue in each slot of the pack; '' for an empty slot. */
  docs: string[];
}

export type TextColumn = 'id' | 'title' | 'category' | 'portal' | 'url' | 'caseNumber';
export type TimeColumn = 'created' | 'updated' | 'reported';
export type ColumnName = TextColumn | TimeColumn | 'status' | 'tags';
export interface ColumnTypes {
  id: string[];
  title: string[];
  category: string[];
  portal: string[];
  url: string[];
  caseNumber: string[];
  created: Float64Array;
  updated: Float64Array;
  reported: Float64Array;
  status: Uint8Array;
  tags: string[][];
}
export const COLUMNS: readonly ColumnName[] = [
  'id',
  'title',
  'category',
  'portal',
  'url',
  'caseNumber',
  'created',
  'updated',
  'reported',
  'status',
  'tags',
];

export interface ColumnRow {
  c: ColumnName;
  n: number;
  v: ColumnTypes[ColumnName];
}

export interface MetaRow {
  key: 'library';
  /** The next free slot. */
  next: number;
  /** Issues stored. */
  count: number;
  /** Bumped by every write: cached columns are reused only while it stands. */
  rev: number;
}

export interface StoreTables {
  packs: Table<PackRow, number>;
  columns: Table<ColumnRow, [string, number]>;
  postings: Table<PostingRow, PostingKey>;
  meta: Table<MetaRow, string>;
}

const NO_TAGS: string[] = [];

function blank<C extends ColumnName>(c: C): ColumnTypes[C] {
  if (c === 'created' || c === 'updated' || c === 'reported') return new Float64Array(COLUMN_SIZE) as ColumnTypes[C];
  if (c === 'status') return new Uint8Array(COLUMN_SIZE).fill(EMPTY) as ColumnTypes[C];
  if (c === 'tags') return new Array(COLUMN_SIZE).fill(NO_TAGS) as ColumnTypes[C];
  return new Array(COLUMN_SIZE).fill('') as ColumnTypes[C];
}

function copy<C extends ColumnName>(v: ColumnTypes[C]): ColumnTypes[C] {
  return (Array.isArray(v) ? [...v] : v.slice()) as ColumnTypes[C];
}

const ms = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : 0;
};

/** What one issue puts in each column. */
function cellsOf(issue: Issue): { [C in ColumnName]: ColumnTypes[C][number] } {
  return {
    id: issue.id,
    title: issue.title,
    category: issue.category ?? '',
    portal: issue.source.portal ?? '',
    url: issue.source.url ?? '',
    caseNumber: issue.source.caseNumber ?? '',
    created: ms(issue.createdAt),
    updated: ms(issue.updatedAt),
    // The date the range filter and the "reported" sort use: reportedAt, else the clip date.
    reported: ms(issue.reportedAt ?? issue.createdAt),
    status: Math.max(0, STATUSES.indexOf(issue.status)),
    tags: issue.tags.length ? issue.tags : NO_TAGS,
  };
}

function sameCell(c: ColumnName, a: unknown, b: unknown): boolean {
  return a === b || (c === 'tags' && (a as string[]).join('\n') === (b as string[]).join('\n'));
}

const EMPTY_CELLS = {
  id: '',
  title: '',
  category: '',
  portal: '',
  url: '',
  caseNumber: '',
  created: 0,
  updated: 0,
  reported: 0,
  status: EMPTY,
  tags: NO_TAGS,
} as const;

/** Columns a page has read, valid for one revision of the library. */
export interface ColumnCache {
  rev: number;
  blocks: Map<ColumnName, ColumnTypes[ColumnName][]>;
  ids?: Map<string, number>;
}

const caches = new WeakMap<object, ColumnCache>();
export function cacheOf(owner: object): ColumnCache {
  let c = caches.get(owner);
  if (!c) {
    c = { rev: -1, blocks: new Map() };
    caches.set(owner, c);
  }
  return c;
}

const NO_META: MetaRow = { key: 'library', next: 0, count: 0, rev: 0 };

/**
 * The library as one transaction sees it. Create it inside the transaction (it reads `meta` first); columns come
 * from the page's cache when the revision matches, else from the database (and refill the cache).
 */
export class Snapshot {
  private constructor(
    private readonly t: StoreTables,
    private readonly cache: ColumnCache,
    readonly meta: MetaRow,
  ) {}

  /**
   * `shared`: the page's cache. A read refills it (what it reads is committed); a write (`writing`) reads through a
   * private copy, since what it reads includes its own uncommitted rows — the page's cache learns a write only
   * from `install`, after the commit.
   */
  static async open(t: StoreTables, shared?: ColumnCache, writing = false): Promise<Snapshot> {
    const meta = (await t.meta.get('library')) ?? NO_META;
    let cache: ColumnCache;
    if (shared && !writing) {
      if (shared.rev !== meta.rev) {
        shared.rev = meta.rev;
        shared.blocks = new Map();
        shared.ids = undefined;
      }
      cache = shared;
    } else {
      cache =
        shared?.rev === meta.rev
          ? { rev: meta.rev, blocks: new Map(shared.blocks), ids: shared.ids }
          : { rev: meta.rev, blocks: new Map() };
    }
    return new Snapshot(t, cache, meta);
  }

  get blockCount(): number {
    return Math.ceil(this.meta.next / COLUMN_SIZE);
  }

  /** Every block of a column (index = block number). */
  async column<C extends ColumnName>(c: C): Promise<ColumnTypes[C][]> {
    let got = this.cache.blocks.get(c) as ColumnTypes[C][] | undefined;
    if (!got) {
      const rows = await this.t.columns
        .where('[c+n]')
        .between([c, 0], [c, Number.MAX_SAFE_INTEGER], true, true)
        .toArray();
      got = Array.from({ length: this.blockCount }, () => blank(c));
      for (const r of rows) got[r.n] = r.v as ColumnTypes[C];
      this.cache.blocks.set(c, got);
    }
    return got;
  }

  /** Some blocks of a column: from the cache when it holds the column, else just these rows. */
  async blocks<C extends ColumnName>(c: C, ns: readonly number[]): Promise<Map<number, ColumnTypes[C]>> {
    const cached = this.cache.blocks.get(c) as ColumnTypes[C][] | undefined;
    const out = new Map<number, ColumnTypes[C]>();
    if (cached) {
      for (const n of ns) if (cached[n]) out.set(n, cached[n]!);
      return out;
    }
    const rows = await this.t.columns.bulkGet(ns.map((n) => [c, n] as [string, number]));
    rows.forEach((r, i) => {
      if (r) out.set(ns[i]!, r.v as ColumnTypes[C]);
    });
    return out;
  }

  /** One cell: column `c` of slot `seq`. */
  static cell<B extends ArrayLike<unknown>>(blocks: readonly B[], seq: number): B[number] {
    return blocks[seq >> COLUMN_BITS]![seq & (COLUMN_SIZE - 1)] as B[number];
  }

  /** Issue id → slot. */
  async ids(): Promise<Map<string, number>> {
    if (!this.cache.ids) {
      const map = new Map<string, number>();
      (await this.column('id')).forEach((block, n) => {
        block.forEach((id, i) => {
          if (id) map.set(id, (n << COLUMN_BITS) + i);
        });
      });
      this.cache.ids = map;
    }
    return this.cache.ids;
  }

  /** The slots in use. */
  async live(): Promise<number[]> {
    // No slot was ever emptied (the usual library): every slot is in use, no column to read.
    if (this.meta.count === this.meta.next) return Array.from({ length: this.meta.next }, (_, i) => i);
    const status = await this.column('status');
    const out: number[] = [];
    status.forEach((block, n) => {
      const base = n << COLUMN_BITS;
      const end = Math.min(COLUMN_SIZE, this.meta.next - base);
      for (let i = 0; i < end; i += 1) if (block[i] !== EMPTY) out.push(base + i);
    });
    return out;
  }

  /** The issues in these slots, in the same order (undefined for an empty slot). */
  async issues(seqs: readonly number[]): Promise<(Issue | undefined)[]> {
    const packNos = [...new Set(seqs.map((s) => s >> PACK_BITS))];
    const packs = new Map<number, PackRow>();
    (await this.t.packs.bulkGet(packNos)).forEach((p, i) => {
      if (p) packs.set(packNos[i]!, p);
    });
    return seqs.map((s) => {
      const doc = packs.get(s >> PACK_BITS)?.docs[s & ((1 << PACK_BITS) - 1)];
      return doc ? (JSON.parse(doc) as Issue) : undefined;
    });
  }

  /** Every stored issue, in slot order. */
  async all(): Promise<Issue[]> {
    const out: Issue[] = [];
    for (const p of await this.t.packs.toArray()) for (const d of p.docs) if (d) out.push(JSON.parse(d) as Issue);
    return out;
  }

  /** Slots of the issues holding a term equal to `term`, or starting with it (`prefix`). */
  async slotsOf(term: string, prefix: boolean): Promise<number[]> {
    const range = prefix ? bucketRange(term) : { exact: bucketOf(term) };
    const rows =
      'exact' in range
        ? await this.t.postings
            .where('[p+n]')
            .between([range.exact, 0], [range.exact, Number.MAX_SAFE_INTEGER], true, true)
            .toArray()
        : await this.t.postings
            .where('[p+n]')
            .between([range.from, 0], [range.to, Number.MAX_SAFE_INTEGER], true, true)
            .toArray();
    const out: number[] = [];
    for (const r of rows) slotsIn(r, term, prefix, out);
    return out;
  }

  /** Installs what a committed write changed, when this page's cache held the revision it started from. */
  static install(cache: ColumnCache, done: WriteResult) {
    if (cache.rev !== done.rev - 1) return;
    const count = Math.ceil(done.next / COLUMN_SIZE);
    for (const [c, blocks] of cache.blocks) {
      const changed = done.blocks.get(c);
      if (!changed?.size && blocks.length >= count) continue;
      const next = [...blocks];
      // A block written for other columns only is blank in this one.
      while (next.length < count) next.push(blank(c));
      for (const [n, v] of changed ?? []) next[n] = v;
      cache.blocks.set(c, next);
    }
    if (cache.ids) {
      const ids = new Map(cache.ids);
      for (const [id, seq] of done.ids) seq < 0 ? ids.delete(id) : ids.set(id, seq);
      cache.ids = ids;
    }
    cache.rev = done.rev;
  }
}

export interface WriteResult {
  rev: number;
  /** The next free slot after the write. */
  next: number;
  blocks: Map<ColumnName, Map<number, ColumnTypes[ColumnName]>>;
  /** Ids placed (slot) or removed (-1). */
  ids: Map<string, number>;
  stored: number;
  removed: number;
}

const termsOfIssue = (i: Issue) => termsOf(searchText(i));

/**
 * Stores `put` (new issues, or replacing the stored one with the same id; a later one in the list wins) and removes
 * `remove` (ids; unknown ones are ignored). Call inside one read-write transaction over the four tables; issues
 * must already be valid. Returns what changed, for `Snapshot.install` once the transaction has committed.
 */
export async function writeIssues(
  t: StoreTables,
  change: { put?: readonly Issue[]; remove?: readonly string[] },
  cache?: ColumnCache,
): Promise<WriteResult> {
  const snap = await Snapshot.open(t, cache, true);
  const before = snap.meta;
  const known = before.next > 0 ? await snap.ids() : new Map<string, number>();
  const placed = new Map<string, number>();
  let next = before.next;
  const slotOf = (id: string) => placed.get(id) ?? known.get(id);

  // Final content per slot: an Issue, or null for removal.
  const target = new Map<number, Issue | null>();
  for (const issue of change.put ?? []) {
    let seq = slotOf(issue.id);
    if (seq === undefined || seq < 0) seq = next++;
    placed.set(issue.id, seq);
    target.set(seq, issue);
  }
  for (const id of change.remove ?? []) {
    const seq = slotOf(id);
    if (seq === undefined || seq < 0) continue;
    placed.set(id, -1);
    target.set(seq, null);
  }

  // Packs: read those that may hold stored issues, then write every touched one.
  const packNos = [...new Set([...target.keys()].map((s) => s >> PACK_BITS))];
  const existing = packNos.filter((n) => n << PACK_BITS < before.next);
  const packs = new Map<number, PackRow>();
  (await t.packs.bulkGet(existing)).forEach((p, i) => {
    if (p) packs.set(existing[i]!, { n: p.n, docs: [...p.docs] });
  });
  const oldTerms = new Map<number, Set<string>>();
  // The columns any cell of which changes: only their blocks are read and written.
  const changed = new Set<ColumnName>();
  const noteColumns = (old: Issue | null, issue: Issue | null) => {
    if (changed.size === COLUMNS.length) return;
    if (!old || !issue) {
      for (const c of COLUMNS) changed.add(c);
      return;
    }
    const a = cellsOf(old);
    const b = cellsOf(issue);
    for (const c of COLUMNS) if (!sameCell(c, a[c], b[c])) changed.add(c);
  };
  let removed = 0;
  let added = 0;
  for (const [seq, issue] of target) {
    const pn = seq >> PACK_BITS;
    let pack = packs.get(pn);
    if (!pack) {
      pack = { n: pn, docs: new Array(1 << PACK_BITS).fill('') };
      packs.set(pn, pack);
    }
    const slot = seq & ((1 << PACK_BITS) - 1);
    const old = pack.docs[slot] ? (JSON.parse(pack.docs[slot]!) as Issue) : null;
    if (old) oldTerms.set(seq, termsOfIssue(old));
    noteColumns(old, issue);
    if (old && !issue) removed += 1;
    if (!old && issue) added += 1;
    pack.docs[slot] = issue ? JSON.stringify(issue) : '';
  }

  // Postings: each slot leaves the terms it lost and joins the ones it gained (one edit per bucket and block, found
  // by the term itself after its first use); the stored rows are read once every touched one is known.
  const byBucket = new Map<string, PostingEdit>();
  const byTerm = new Map<number, Map<string, PostingEdit>>();
  const editOf = (term: string, n: number) => {
    let terms = byTerm.get(n);
    if (!terms) {
      terms = new Map();
      byTerm.set(n, terms);
    }
    let e = terms.get(term);
    if (!e) {
      const p = bucketOf(term);
      const k = `${p}\u0000${n}`;
      e = byBucket.get(k);
      if (!e) {
        e = new PostingEdit(p, n);
        byBucket.set(k, e);
      }
      terms.set(term, e);
    }
    return e;
  };
  const gains = new Gains();
  for (const [seq, issue] of target) {
    const was = oldTerms.get(seq);
    const now = issue ? termsOfIssue(issue) : undefined;
    if (was) for (const term of was) if (!now?.has(term)) editOf(term, seq >> POSTING_BLOCK_BITS).remove(term, seq);
    if (now) for (const term of now) if (!was?.has(term)) gains.add(term, seq);
  }
  for (const [term, seqs] of gains.lists()) {
    // Split the term's ascending slots at block borders.
    let from = 0;
    while (from < seqs.length) {
      const n = seqs[from]! >> POSTING_BLOCK_BITS;
      let to = from + 1;
      while (to < seqs.length && seqs[to]! >> POSTING_BLOCK_BITS === n) to += 1;
      editOf(term, n).addAll(term, seqs.subarray(from, to));
      from = to;
    }
  }
  const touched = [...byBucket.values()];
  (await t.postings.bulkGet(touched.map((e) => [e.p, e.n] as PostingKey))).forEach((row, i) => {
    if (row) touched[i]!.load(row);
  });

  // Columns: copy each touched block once, set the cells, write it back.
  const blocks = new Map<ColumnName, Map<number, ColumnTypes[ColumnName]>>();
  const blockNos = [...new Set([...target.keys()].map((s) => s >> COLUMN_BITS))];
  const stored = Math.ceil(before.next / COLUMN_SIZE);
  const storedNos = blockNos.filter((n) => n < stored);
  const cols = COLUMNS.filter((c) => changed.has(c));
  for (const c of cols) {
    const have = storedNos.length ? await snap.blocks(c, storedNos) : new Map<number, ColumnTypes[ColumnName]>();
    const m = new Map<number, ColumnTypes[ColumnName]>();
    for (const n of blockNos) {
      const v = have.get(n);
      m.set(n, v ? copy(v) : blank(c));
    }
    blocks.set(c, m);
  }
  // Only the blocks whose cells changed are written (a tag edit rewrites the tags and dates, not the titles).
  const dirty = new Map<ColumnName, Set<number>>(cols.map((c) => [c, new Set()]));
  let blockNo = -1;
  let columns: unknown[][] = [];
  for (const [seq, issue] of target) {
    const n = seq >> COLUMN_BITS;
    if (n !== blockNo) {
      blockNo = n;
      columns = cols.map((c) => blocks.get(c)!.get(n)! as unknown[]);
    }
    const cells = issue ? cellsOf(issue) : EMPTY_CELLS;
    const i = seq & (COLUMN_SIZE - 1);
    cols.forEach((c, k) => {
      const now = cells[c];
      if (sameCell(c, columns[k]![i], now)) return;
      columns[k]![i] = now;
      dirty.get(c)!.add(n);
    });
  }
  for (const [c, m] of blocks) for (const n of m.keys()) if (!dirty.get(c)!.has(n)) m.delete(n);

  const columnRows: ColumnRow[] = [];
  for (const [c, m] of blocks) for (const [n, v] of m) columnRows.push({ c, n, v });
  const postingRows: PostingRow[] = [];
  const emptied: PostingKey[] = [];
  for (const e of touched) {
    const row = e.encode();
    if (row) postingRows.push(row);
    else emptied.push([e.p, e.n]);
  }
  const rev = before.rev + 1;
  await t.packs.bulkPut([...packs.values()]);
  await t.columns.bulkPut(columnRows);
  await t.postings.bulkPut(postingRows);
  if (emptied.length) await t.postings.bulkDelete(emptied);
  await t.meta.put({ key: 'library', next, count: before.count + added - removed, rev });
  return { rev, next, blocks, ids: placed, stored: target.size - removed, removed };
}
