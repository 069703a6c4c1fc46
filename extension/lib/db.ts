/**
 * The staff member's library in IndexedDB (Dexie). Every schema version stays here, in order, with its upgrade:
 * a browser that last ran version 1 of the extension upgrades straight to the current one.
 */
import type { Issue } from '@linli/core';
import type { Recipe } from '@linli/core/capture';
import Dexie, { type Table, type Transaction } from 'dexie';
import { type ColumnRow, type MetaRow, type PackRow, STATUSES, type StoreTables } from './issue-columns';
import { writeIssues } from './issue-store';
import type { PostingKey, PostingRow } from './postings';

export { STATUSES };

/** An issue row of versions 1 and 2: the Issue plus (version 2) what its indexes needed, dropped in version 3. */
type V2Issue = Issue & { terms?: string[]; sortDate?: string };

export interface SettingRow {
  key: string;
  value: unknown;
}

export type OutboxKind = 'publish' | 'consultation' | 'update';
export interface OutboxRow {
  seq?: number;
  /** Idempotency-Key sent with every attempt: the server applies the action once however often it is retried. */
  key: string;
  kind: OutboxKind;
  /** Request body, and for an update the consultation slug it goes to. */
  body: unknown;
  slug?: string;
  /** Library ids the action concerns (published issues get their server id back). */
  issueIds: string[];
  createdAt: string;
  attempts: number;
  lastError?: string;
  /** When the last attempt was made (ISO). */
  triedAt?: string;
  /** The server refused it (4xx): not retried until the staff member asks. */
  refused?: boolean;
}

export class LinliDb extends Dexie {
  packs!: Table<PackRow, number>;
  columns!: Table<ColumnRow, [string, number]>;
  postings!: Table<PostingRow, PostingKey>;
  meta!: Table<MetaRow, string>;
  recipes!: Table<Recipe, string>;
  settings!: Table<SettingRow, string>;
  outbox!: Table<OutboxRow, number>;

  constructor(name = 'linli') {
    super(name);
    // 1: the first release — issues, recipes and settings, search by scanning.
    this.version(1).stores({
      issues: 'id, source.url, source.caseNumber, status, category, source.portal, createdAt, updatedAt, *tags',
      recipes: 'id',
      settings: 'key',
    });
    // 2: CJK search index (terms), one date for range filters and sorting (sortDate), and the publish outbox.
    // Its upgrade filled terms and sortDate in; version 3 rebuilds everything from the issues' own fields, so
    // deriving them first (minutes for a large library, through the multi-entry index) is no longer done.
    this.version(2).stores({
      issues:
        'id, source.url, source.caseNumber, status, category, source.portal, createdAt, updatedAt, sortDate, *tags, *terms',
      outbox: '++seq, &key, createdAt',
    });
    // 3: issues packed 64 to a row, their fields in columns and their search terms in posting lists
    // (issue-store.ts): a 100,000-issue restore writes ~2,500 rows instead of 100,000 rows and 4.4 million index
    // entries. The upgrade moves every issue over inside the upgrade transaction: if the panel closes meanwhile,
    // IndexedDB rolls all of it back and the library stays at version 2, whole, to be upgraded at the next opening.
    this.version(3)
      .stores({
        issues: null,
        packs: 'n',
        columns: '[c+n]',
        postings: '[p+n]',
        meta: 'key',
      })
      .upgrade(async (tx) => {
        const rows = (await tx.table('issues').toArray()) as V2Issue[];
        const issues = rows.map(({ terms: _t, sortDate: _s, ...issue }) => issue as Issue);
        await writeIssues(storeTables(tx), { put: issues });
      });
  }

  /** The tables issue-store.ts writes, in a transaction over them (`db.transaction('rw', db.store, …)`). */
  get store() {
    return [this.packs, this.columns, this.postings, this.meta];
  }
}

export function storeTables(from: LinliDb | Transaction): StoreTables {
  const table = (name: string) => (from as Pick<Transaction, 'table'>).table(name);
  return { packs: table('packs'), columns: table('columns'), postings: table('postings'), meta: table('meta') };
}

export const DB_VERSION = 3;

/**
 * Opens the library. When another window installs a newer version of the extension (a `versionchange`), this
 * connection closes at once so the upgrade is not blocked, and `onVersionChange` lets the panel ask for a reload.
 */
export function openDb(name = 'linli', onVersionChange?: () => void): LinliDb {
  const db = new LinliDb(name);
  db.on('versionchange', () => {
    db.close();
    onVersionChange?.();
    return false;
  });
  return db;
}
