/**
 * Actions for the server wait in the outbox until they are delivered. Each carries an Idempotency-Key chosen when it
 * was queued, so a retry after a lost answer is applied once. Delivery goes in order and stops at the first
 * failure that may pass (offline, 5xx, 429); a refusal (4xx) stays with its message for the staff member to read.
 */
import type { LinliDb, OutboxKind, OutboxRow } from './db';
import { getIssues } from './library';
import {
  type Connection,
  type ConsultationDraft,
  createConsultation,
  type Fetch,
  PublishError,
  postProgress,
  publishIssues,
} from './publish';

export type PublishedMap = Record<string, string>;
const PUBLISHED_KEY = 'published';

function newKey(): string {
  return crypto.randomUUID();
}

export async function enqueue(
  db: LinliDb,
  kind: OutboxKind,
  body: unknown,
  issueIds: string[],
  slug?: string,
  now = new Date(),
): Promise<OutboxRow> {
  const row: OutboxRow = { key: newKey(), kind, body, issueIds, slug, createdAt: now.toISOString(), attempts: 0 };
  row.seq = await db.outbox.add(row);
  return row;
}

export function queuePublish(db: LinliDb, ids: string[]) {
  return enqueue(db, 'publish', null, ids);
}

/** A consultation over library issues; those not yet published are queued for publishing first. */
export async function queueConsultation(db: LinliDb, draft: Omit<ConsultationDraft, 'issueIds'>, ids: string[]) {
  return db.transaction('rw', db.outbox, db.settings, async () => {
    const published = await publishedMap(db);
    const missing = ids.filter((id) => !published[id]);
    if (missing.length) await queuePublish(db, missing);
    return enqueue(db, 'consultation', draft, ids);
  });
}

export function queueUpdate(db: LinliDb, slug: string, text: string) {
  return enqueue(db, 'update', { text }, [], slug);
}

/** Library id → server id of every issue published so far. */
export async function publishedMap(db: LinliDb): Promise<PublishedMap> {
  return ((await db.settings.get(PUBLISHED_KEY))?.value as PublishedMap | undefined) ?? {};
}

export interface FlushResult {
  sent: number;
  /** Rows left waiting: failures that may pass (offline) or refusals to read. */
  waiting: number;
  offline: boolean;
}

async function deliver(db: LinliDb, conn: Connection, row: OutboxRow, f: Fetch): Promise<void> {
  if (row.kind === 'publish') {
    const issues = await getIssues(db, row.issueIds);
    const stored = issues.length ? await publishIssues(conn, issues, row.key, f) : [];
    await db.transaction('rw', db.settings, db.outbox, async () => {
      const map = await publishedMap(db);
      issues.forEach((issue, i) => {
        const server = stored[i];
        if (server) map[issue.id] = server.id;
      });
      await db.settings.put({ key: PUBLISHED_KEY, value: map });
      await db.outbox.delete(row.seq!);
    });
    return;
  }
  if (row.kind === 'consultation') {
    const map = await publishedMap(db);
    const missing = row.issueIds.filter((id) => !map[id]);
    if (missing.length) throw new PublishError(`issues not published yet: ${missing.join(', ')}`, 0, true);
    const draft = {
      ...(row.body as Omit<ConsultationDraft, 'issueIds'>),
      issueIds: row.issueIds.map((id) => map[id]!),
    };
    try {
      await createConsultation(conn, draft, row.key, f);
    } catch (error) {
      // Our own earlier attempt may have created it before its answer was lost.
      if (!(error instanceof PublishError && error.status === 409 && row.attempts > 0)) throw error;
    }
  } else {
    await postProgress(conn, row.slug!, (row.body as { text: string }).text, row.key, f);
  }
  await db.outbox.delete(row.seq!);
}

let flushing: Promise<FlushResult> | null = null;

/** Sends what waits, in order; one flush at a time (a second call joins the running one). */
export function flush(db: LinliDb, conn: Connection | null, f: Fetch = fetch, now = () => new Date()) {
  flushing ??= (async () => {
    let sent = 0;
    let offline = false;
    if (conn) {
      for (const row of await db.outbox.orderBy('seq').toArray()) {
        if (row.refused) continue;
        try {
          await deliver(db, conn, row, f);
          sent += 1;
        } catch (error) {
          const e = error instanceof PublishError ? error : new PublishError(String(error), 0, false);
          await db.outbox.update(row.seq!, {
            attempts: row.attempts + 1,
            lastError: e.messageZh ? `${e.messageZh} (${e.message})` : e.message,
            triedAt: now().toISOString(),
            refused: !e.retry,
          });
          if (e.retry) {
            offline = e.status === 0;
            break;
          }
        }
      }
    }
    return { sent, waiting: await db.outbox.count(), offline };
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

export function discard(db: LinliDb, seq: number) {
  return db.outbox.delete(seq);
}

/** A refused action the staff member fixed (e.g. a new token): try it again on the next flush. */
export function retry(db: LinliDb, seq: number) {
  return db.outbox.update(seq, { refused: false });
}
