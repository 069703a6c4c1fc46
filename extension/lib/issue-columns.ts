/**
 * The shape of the stored library (issue-store.ts tells why it is stored this way): the rows of its four tables, the
 * column model (each column's name and type, the cells one issue puts in them, blank and copied blocks), and the
 * columns a page keeps between reads, keyed by their owner.
 */
import type { Issue, IssueStatus } from '@linli/core';
import type { Table } from 'dexie';
import type { PostingKey, PostingRow } from './postings';

export const STATUSES: readonly IssueStatus[] = ['new', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected'];
/** The status column's mark for an empty slot (deleted, or never used). */
export const EMPTY = 255;

export const PACK_BITS = 6;
export const COLUMN_BITS = 12;
export const COLUMN_SIZE = 1 << COLUMN_BITS;
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

export function blank<C extends ColumnName>(c: C): ColumnTypes[C] {
  if (c === 'created' || c === 'updated' || c === 'reported') return new Float64Array(COLUMN_SIZE) as ColumnTypes[C];
  if (c === 'status') return new Uint8Array(COLUMN_SIZE).fill(EMPTY) as ColumnTypes[C];
  if (c === 'tags') return new Array(COLUMN_SIZE).fill(NO_TAGS) as ColumnTypes[C];
  return new Array(COLUMN_SIZE).fill('') as ColumnTypes[C];
}

export function copy<C extends ColumnName>(v: ColumnTypes[C]): ColumnTypes[C] {
  return (Array.isArray(v) ? [...v] : v.slice()) as ColumnTypes[C];
}

const ms = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) ? t : 0;
};

/** What one issue puts in each column. */
export function cellsOf(issue: Issue): { [C in ColumnName]: ColumnTypes[C][number] } {
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

export function sameCell(c: ColumnName, a: unknown, b: unknown): boolean {
  return a === b || (c === 'tags' && (a as string[]).join('\n') === (b as string[]).join('\n'));
}

export const EMPTY_CELLS = {
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
