/**
 * Reads over the stored library (packs, columns, postings, meta) as one transaction sees them, through the page's
 * column cache (issue-columns.ts); `Snapshot.install` teaches that cache what a committed `writeIssues` changed.
 */
import type { Issue } from '@linli/core';
import {
  blank,
  COLUMN_BITS,
  COLUMN_SIZE,
  type ColumnCache,
  type ColumnName,
  type ColumnTypes,
  EMPTY,
  type MetaRow,
  PACK_BITS,
  type PackRow,
  type StoreTables,
} from './issue-columns';
import { bucketOf, bucketRange, slotsIn } from './postings';

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
