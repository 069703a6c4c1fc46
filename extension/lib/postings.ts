/**
 * Posting lists: search term → the sequence numbers (library slots, issue-store.ts) of the issues holding it.
 *
 * Chromium's IndexedDB pays about 100 µs per row written and 20–50 µs per index entry, whatever their size: a
 * multi-entry index of ~35 terms per issue made restoring 100,000 issues take minutes. Here many terms share one row:
 * a row holds every term starting with the same character (two characters for Latin letters and digits, which are
 * few) among the slots of one block of 32,768, as sorted terms with their slots packed in one Uint32Array. A restore
 * writes a few hundred rows; a 1- or 2-character query reads the rows of one bucket; a prefix query ("gd2026") reads
 * one bucket (or a short range of buckets) and takes every term starting with it.
 */

/** Slots per posting block: a single edit rewrites rows of one block only (of a 32,768-issue share of the library). */
export const POSTING_BLOCK_BITS = 15;

export interface PostingRow {
  /** The bucket: a term's first character (its first two for ASCII). */
  p: string;
  /** The block of slots (slot >> POSTING_BLOCK_BITS). */
  n: number;
  /** Sorted, distinct. */
  terms: string[];
  /** terms[i]'s slots are seqs[ends[i-1] .. ends[i]), ascending. */
  ends: Uint32Array;
  seqs: Uint32Array;
}

export type PostingKey = [string, number];

/** How many leading characters name a term's bucket: two for ASCII (36 letters and digits are few), else one. */
const bucketLength = (term: string) => (term.charCodeAt(0) < 0x80 ? 2 : 1);

export function bucketOf(term: string): string {
  return term.slice(0, bucketLength(term));
}

/**
 * The buckets holding every term that starts with `prefix`: its own bucket when it is at least a bucket name long,
 * else every bucket named by it (an ASCII "g" spans "g", "ga", "gb" …).
 */
export function bucketRange(prefix: string): { exact: string } | { from: string; to: string } {
  return prefix.length >= bucketLength(prefix) ? { exact: bucketOf(prefix) } : { from: prefix, to: `${prefix}\uffff` };
}

/** Slots of the row's terms equal to `term` (exact) or starting with it. */
export function slotsIn(row: PostingRow, term: string, prefix: boolean, out: number[]): void {
  let lo = 0;
  let hi = row.terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row.terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < row.terms.length; i += 1) {
    const t = row.terms[i]!;
    if (prefix ? !t.startsWith(term) : t !== term) break;
    const start = i === 0 ? 0 : row.ends[i - 1]!;
    for (let j = start; j < row.ends[i]!; j += 1) out.push(row.seqs[j]!);
  }
}

/**
 * One row being changed. Adds and removals are recorded first and merged with the stored row (loaded later, once
 * every touched row is known) when it is encoded: a restore touches each row's terms once, in one pass.
 */
export class PostingEdit {
  private row?: PostingRow;
  private added = new Map<string, ArrayLike<number>>();
  private removed = new Map<string, Set<number>>();

  constructor(
    readonly p: string,
    readonly n: number,
  ) {}

  load(row: PostingRow) {
    this.row = row;
  }

  /** The slots (ascending) gaining `term` in this row's block; once per term. */
  addAll(term: string, seqs: Uint32Array) {
    this.added.set(term, seqs);
  }

  remove(term: string, seq: number) {
    const gone = this.removed.get(term);
    if (gone) gone.add(seq);
    else this.removed.set(term, new Set([seq]));
  }

  /** The row to store, or null when no term is left (the row is deleted). */
  encode(): PostingRow | null {
    const lists = new Map<string, ArrayLike<number>>();
    const row = this.row;
    if (row) {
      let start = 0;
      row.terms.forEach((t, i) => {
        lists.set(t, row.seqs.subarray(start, row.ends[i]!));
        start = row.ends[i]!;
      });
    }
    for (const [t, gone] of this.removed) {
      const list = lists.get(t);
      if (list) lists.set(t, Array.prototype.filter.call(list, (s: number) => !gone.has(s)) as number[]);
    }
    for (const [t, add] of this.added) {
      const list = lists.get(t);
      // An edit may add an older slot than the stored ones: keep every list ascending.
      lists.set(t, list?.length ? ascending(Uint32Array.from([...Array.from(list), ...Array.from(add)])) : add);
    }
    const terms = [...lists.keys()].filter((t) => lists.get(t)!.length > 0).sort();
    if (terms.length === 0) return null;
    const ends = new Uint32Array(terms.length);
    let total = 0;
    terms.forEach((t, i) => {
      total += lists.get(t)!.length;
      ends[i] = total;
    });
    const seqs = new Uint32Array(total);
    let at = 0;
    for (const t of terms) {
      const list = lists.get(t)!;
      seqs.set(list, at);
      at += list.length;
    }
    return { p: this.p, n: this.n, terms, ends, seqs };
  }
}

/** Sorts in place unless already ascending (the common case: a restore adds slots in order). */
export function ascending(seqs: Uint32Array): Uint32Array {
  for (let i = 1; i < seqs.length; i += 1) if (seqs[i]! < seqs[i - 1]!) return seqs.sort();
  return seqs;
}

/**
 * The (term, slot) pairs a write adds, kept flat in two typed arrays: a restore of 100,000 issues makes millions of
 * them, and an array per term (hundreds of thousands of terms in real reports) cost more in garbage collection than
 * in the writing itself.
 */
export class Gains {
  private ids = new Map<string, number>();
  private terms: string[] = [];
  private termOf = new Uint32Array(1 << 16);
  private seqOf = new Uint32Array(1 << 16);
  private size = 0;

  add(term: string, seq: number) {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    if (this.size === this.termOf.length) {
      const termOf = new Uint32Array(this.size * 2);
      termOf.set(this.termOf);
      this.termOf = termOf;
      const seqOf = new Uint32Array(this.size * 2);
      seqOf.set(this.seqOf);
      this.seqOf = seqOf;
    }
    this.termOf[this.size] = id;
    this.seqOf[this.size] = seq;
    this.size += 1;
  }

  /** Each term with its slots, ascending (a counting sort of the pairs by term). */
  *lists(): Generator<[string, Uint32Array]> {
    const starts = new Uint32Array(this.terms.length + 1);
    for (let i = 0; i < this.size; i += 1) starts[this.termOf[i]! + 1]! += 1;
    for (let id = 0; id < this.terms.length; id += 1) starts[id + 1]! += starts[id]!;
    const fill = starts.slice(0, this.terms.length);
    const seqs = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i += 1) seqs[fill[this.termOf[i]!]!++] = this.seqOf[i]!;
    for (let id = 0; id < this.terms.length; id += 1) {
      yield [this.terms[id]!, ascending(seqs.subarray(starts[id]!, starts[id + 1]!))];
    }
  }
}
