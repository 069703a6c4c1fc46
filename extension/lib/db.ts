/**
 * The staff member's library in IndexedDB (Dexie). Every schema version stays here, in order, with its upgrade:
 * a browser that last ran version 1 of the extension upgrades straight to the current one.
 */
import type { Issue, IssueStatus } from '@linli/core';
import type { Recipe } from '@linli/core/capture';
import Dexie, { type Table } from 'dexie';
import { indexTerms } from './search';

/** An Issue as stored: the Issue itself plus what the indexes need (derived, rebuilt on every write). */
export type StoredIssue = Issue & {
  /** Search terms with their rank suffix (search.ts), multi-entry indexed. */
  terms: string[];
  /** reportedAt, else createdAt, as a UTC ISO string: the date the range filter and the "reported" sort use. */
  sortDate: string;
};

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
  issues!: Table<StoredIssue, string>;
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
    this.version(2)
      .stores({
        issues:
          'id, source.url, source.caseNumber, status, category, source.portal, createdAt, updatedAt, sortDate, *tags, *terms',
        outbox: '++seq, &key, createdAt',
      })
      .upgrade((tx) =>
        tx
          .table('issues')
          .toCollection()
          .modify((issue: StoredIssue) => {
            Object.assign(issue, derived(issue));
          }),
      );
  }
}

export const DB_VERSION = 2;

export function derived(issue: Issue): Pick<StoredIssue, 'terms' | 'sortDate'> {
  const at = Date.parse(issue.reportedAt ?? issue.createdAt);
  return {
    terms: indexTerms(issue),
    sortDate: new Date(Number.isFinite(at) ? at : 0).toISOString(),
  };
}

export function toStored(issue: Issue): StoredIssue {
  return { ...issue, ...derived(issue) };
}

/** The Issue without the index fields, as exported, published or shown. */
export function fromStored(row: StoredIssue): Issue {
  const { terms: _t, sortDate: _s, ...issue } = row;
  return issue;
}

export const STATUSES: readonly IssueStatus[] = ['new', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected'];

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
