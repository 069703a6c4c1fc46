import { inTransaction, type PgPool } from './postgres-schema';
import type { PublishedIssueInput, PublishedIssueRecord, PublishOutcome } from './types';

type Row = { id: string; doc: string };
const recordOf = (r: Row): PublishedIssueRecord => ({ id: r.id, doc: JSON.parse(r.doc) });

/** Published issues on PostgreSQL: one transaction per publish; the key row is taken first, so a concurrent retry waits. */
export async function publishIssuesPg(
  pool: PgPool,
  key: string,
  issues: readonly PublishedIssueInput[],
  by: string,
  at: string,
): Promise<PublishOutcome> {
  return inTransaction(pool, async (client) => {
    const claimed = await client.query(
      'INSERT INTO issue_publish_keys (key, ids, at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
      [key, '[]', at],
    );
    if (claimed.rowCount === 0) {
      const { rows } = await client.query<{ ids: string }>('SELECT ids FROM issue_publish_keys WHERE key = $1', [key]);
      return { ids: JSON.parse(rows[0]!.ids), replayed: true };
    }
    const ids: string[] = [];
    for (const issue of issues) {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM published_issues WHERE client_id = $1', [
        issue.clientId,
      ]);
      const id = rows[0]?.id ?? issue.newId;
      const doc = JSON.stringify({ ...issue.doc, id });
      if (rows[0]) {
        await client.query('UPDATE published_issues SET doc = $1, published_by = $2, updated_at = $3 WHERE id = $4', [
          doc,
          by,
          at,
          id,
        ]);
      } else {
        await client.query(
          'INSERT INTO published_issues (id, client_id, doc, published_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
          [id, issue.clientId, doc, by, at],
        );
      }
      ids.push(id);
    }
    await client.query('UPDATE issue_publish_keys SET ids = $1 WHERE key = $2', [JSON.stringify(ids), key]);
    return { ids, replayed: false };
  });
}

export async function listPublishedIssuesPg(pool: PgPool, limit: number): Promise<PublishedIssueRecord[]> {
  const { rows } = await pool.query<Row>(
    'SELECT id, doc FROM published_issues ORDER BY created_at DESC, id DESC LIMIT $1',
    [limit],
  );
  return rows.map(recordOf);
}

export async function getPublishedIssuesPg(pool: PgPool, ids: readonly string[]): Promise<PublishedIssueRecord[]> {
  const { rows } = await pool.query<Row>('SELECT id, doc FROM published_issues WHERE id = ANY($1)', [[...ids]]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is Row => Boolean(r))
    .map(recordOf);
}
