/**
 * The rows both stores write, each declared once: its columns and values in one order. SQLite and PostgreSQL share
 * the table shapes (migrations.ts) and the INSERT text, and differ only in how a parameter is written (`?` or `$n`),
 * so each store passes its placeholder and runs the statement its own way.
 */
import type { Milestone, ProgressUpdate, Proposal } from '@linli/core';
import type { PgClient, PgPool } from './postgres-schema';
import type { SqliteDb } from './sqlite-schema';
import type { ConsultationRecord, StaffActionRecord } from './types';

/** How a store writes the n-th parameter (1-based). */
export type Placeholder = (n: number) => string;
export const SQLITE_PARAM: Placeholder = () => '?';
export const POSTGRES_PARAM: Placeholder = (n) => `$${n}`;

type Row = Record<string, string | number | null>;

/** `INSERT INTO table (columns…) VALUES (params…) [tail]` and its values, for one row. */
export function insertRow(table: string, row: Row, param: Placeholder, tail = '') {
  const columns = Object.keys(row);
  const params = columns.map((_, i) => param(i + 1)).join(', ');
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params})${tail ? ` ${tail}` : ''}`,
    values: Object.values(row),
  };
}

/** One row written on SQLite. */
export function insertSqlite(db: SqliteDb, table: string, row: Row, tail?: string) {
  const { sql, values } = insertRow(table, row, SQLITE_PARAM, tail);
  return db.prepare(sql).run(...values);
}

export type PgQueryable = PgPool | PgClient;

/** One row written on PostgreSQL, by the pool or inside a transaction's client. */
export async function insertPg(q: PgQueryable, table: string, row: Row, tail?: string) {
  const { sql, values } = insertRow(table, row, POSTGRES_PARAM, tail);
  await q.query(sql, values);
}

export const consultationRow = (r: Omit<ConsultationRecord, 'ballots'>): Row => ({
  id: r.id,
  slug: r.slug,
  phase: r.phase,
  community: r.doc.community,
  doc: JSON.stringify(r.doc),
  progress_manual: r.progressManual,
  auto_publish: r.autoPublish ? 1 : 0,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

export const milestoneRow = (consultationId: string, m: Milestone, position: number, at: string): Row => ({
  consultation_id: consultationId,
  id: m.id,
  position,
  title: m.title,
  due: m.due ?? null,
  done: m.done ? 1 : 0,
  weight: m.weight,
  updated_at: at,
});

/** A milestone written again keeps its position and takes the new fields. */
export const MILESTONE_UPSERT = `ON CONFLICT (consultation_id, id) DO UPDATE SET title = excluded.title,
  due = excluded.due, done = excluded.done, weight = excluded.weight, updated_at = excluded.updated_at`;

export const progressUpdateRow = (consultationId: string, u: ProgressUpdate): Row => ({
  consultation_id: consultationId,
  id: u.id,
  at: u.at,
  text: u.text,
  by: u.by ?? null,
  phase: u.phase ?? null,
});

export const proposalRow = (p: Proposal): Row => ({
  id: p.id,
  consultation_id: p.consultationId ?? null,
  kind: p.kind,
  title: p.title,
  body: p.body,
  author_name: p.authorName,
  status: p.status,
  supports: p.supports,
  claimed_by: p.claimedBy ?? null,
  created_at: p.createdAt,
  updated_at: p.createdAt,
});

export const staffActionRow = (r: StaffActionRecord): Row => ({
  consultation_id: r.consultationId,
  at: r.at,
  actor: r.actor,
  department: r.department,
  action: r.action,
  detail: r.detail,
});
