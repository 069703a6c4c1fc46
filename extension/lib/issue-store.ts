/**
 * How the library's issues are stored, and the one place that writes them.
 *
 * Chromium's IndexedDB spends ~100 µs on every row written and 20–50 µs on every index entry, whatever their size;
 * one row per issue with ~44 index entries made a 100,000-issue restore take four minutes, and even 100,000 bare
 * rows take 12–25 s on a busy machine. So issues are stored a few rows per thousand:
 *
 * - every issue has a slot (`seq`, never reused); `packs` hold the issues of 64 slots each, as JSON text;
 * - `columns` hold, per block of 4,096 slots, one field of every issue (id, dates, status, category, portal, tags,
 *   address, case number, title): filters, sorts and facets run over them in memory, in milliseconds (the column
 *   model and the page's column cache are in issue-columns.ts);
 * - `postings` (postings.ts) map search terms to slots;
 * - `meta` counts slots and revisions: a page keeps the columns it read and reuses them while the revision stands.
 *
 * Reads go through `Snapshot` (issue-snapshot.ts). Every write goes through `writeIssues` (here), inside the caller's
 * one transaction, so a closed panel leaves all or nothing. The search terms of an issue are recomputed from its
 * stored text whenever it changes, so an edit, a delete or a restore can never leave search pointing at the wrong
 * issue.
 */
import type { Issue } from '@linli/core';
import {
  blank,
  COLUMN_BITS,
  COLUMN_SIZE,
  COLUMNS,
  type ColumnCache,
  type ColumnName,
  type ColumnRow,
  type ColumnTypes,
  cellsOf,
  copy,
  EMPTY_CELLS,
  PACK_BITS,
  type PackRow,
  type StoreTables,
  sameCell,
} from './issue-columns';
import { Snapshot, type WriteResult } from './issue-snapshot';
import { bucketOf, Gains, POSTING_BLOCK_BITS, PostingEdit, type PostingKey, type PostingRow } from './postings';
import { searchText, termsOf } from './search';

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
