import type { SqliteDb } from './sqlite-schema';
import type { PublishedIssueInput, PublishedIssueRecord, PublishOutcome } from './types';

type Row = { id: string; doc: string };
const recordOf = (r: Row): PublishedIssueRecord => ({ id: r.id, doc: JSON.parse(r.doc) });

/** Published issues on SQLite: one transaction per publish, replayed by its key. */
export function publishIssuesSqlite(
  db: SqliteDb,
  key: string,
  issues: readonly PublishedIssueInput[],
  by: string,
  at: string,
): PublishOutcome {
  return db.transaction((): PublishOutcome => {
    const seen = db.prepare('SELECT ids FROM issue_publish_keys WHERE key = ?').get(key) as { ids: string } | undefined;
    if (seen) return { ids: JSON.parse(seen.ids), replayed: true };
    const find = db.prepare('SELECT id FROM published_issues WHERE client_id = ?');
    const insert = db.prepare(
      'INSERT INTO published_issues (id, client_id, doc, published_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const update = db.prepare('UPDATE published_issues SET doc = ?, published_by = ?, updated_at = ? WHERE id = ?');
    const ids = issues.map((issue) => {
      const existing = find.get(issue.clientId) as { id: string } | undefined;
      const id = existing?.id ?? issue.newId;
      const doc = JSON.stringify({ ...issue.doc, id });
      if (existing) update.run(doc, by, at, id);
      else insert.run(id, issue.clientId, doc, by, at, at);
      return id;
    });
    db.prepare('INSERT INTO issue_publish_keys (key, ids, at) VALUES (?, ?, ?)').run(key, JSON.stringify(ids), at);
    return { ids, replayed: false };
  })();
}

export function listPublishedIssuesSqlite(db: SqliteDb, limit: number): PublishedIssueRecord[] {
  const rows = db
    .prepare('SELECT id, doc FROM published_issues ORDER BY created_at DESC, id DESC LIMIT ?')
    .all(limit) as Row[];
  return rows.map(recordOf);
}

export function getPublishedIssuesSqlite(db: SqliteDb, ids: readonly string[]): PublishedIssueRecord[] {
  const get = db.prepare('SELECT id, doc FROM published_issues WHERE id = ?');
  return ids
    .map((id) => get.get(id) as Row | undefined)
    .filter((r): r is Row => Boolean(r))
    .map(recordOf);
}
