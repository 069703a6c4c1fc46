import type { Milestone, Phase, ProgressUpdate } from '@linli/core';
import { StoreConflict } from './errors';
import { inTransaction, isUniqueViolation, type PgPool } from './postgres-schema';
import {
  consultationRow,
  insertPg,
  MILESTONE_UPSERT,
  milestoneRow,
  type PgQueryable,
  progressUpdateRow,
} from './row-writes';
import { type ConsultationRow, consultationFromRows, type MilestoneRow, type ProgressUpdateRow } from './rows';
import type { ConsultationDoc, ConsultationRecord } from './types';

/** Consultations on PostgreSQL, with their milestones and progress updates. */
export class PostgresConsultations {
  constructor(private readonly pool: PgPool) {}

  private async record(row: ConsultationRow | undefined): Promise<ConsultationRecord | null> {
    if (!row) return null;
    const [milestones, updates, tally] = await Promise.all([
      this.pool.query<MilestoneRow>('SELECT * FROM milestones WHERE consultation_id = $1 ORDER BY position, id', [
        row.id,
      ]),
      this.pool.query<ProgressUpdateRow>('SELECT * FROM progress_updates WHERE consultation_id = $1 ORDER BY at, ord', [
        row.id,
      ]),
      this.pool.query<{ ballots: number }>('SELECT ballots FROM tallies WHERE consultation_id = $1', [row.id]),
    ]);
    return consultationFromRows(row, milestones.rows, updates.rows, tally.rows[0]?.ballots ?? 0);
  }

  async bySlug(slug: string) {
    const { rows } = await this.pool.query<ConsultationRow>('SELECT * FROM consultations WHERE slug = $1', [slug]);
    return this.record(rows[0]);
  }

  async byId(id: string) {
    const { rows } = await this.pool.query<ConsultationRow>('SELECT * FROM consultations WHERE id = $1', [id]);
    return this.record(rows[0]);
  }

  async list() {
    const { rows } = await this.pool.query<ConsultationRow>(
      'SELECT * FROM consultations ORDER BY created_at DESC, slug',
    );
    return Promise.all(rows.map(async (row) => (await this.record(row))!));
  }

  async insert(r: Omit<ConsultationRecord, 'ballots'>) {
    try {
      await inTransaction(this.pool, async (client) => {
        await insertPg(client, 'consultations', consultationRow(r));
        for (const [i, m] of r.milestones.entries()) await writeMilestone(client, r.id, m, i, r.createdAt);
        for (const u of r.updates) await writeUpdate(client, r.id, u);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StoreConflict('consultation_slug', `a consultation with slug "${r.slug}" already exists`, 'slug');
      }
      throw error;
    }
  }

  async update(
    id: string,
    f: { doc: ConsultationDoc; progressManual: number | null; autoPublish: boolean; updatedAt: string },
  ) {
    await this.pool.query(
      `UPDATE consultations SET doc = $1, community = $2, progress_manual = $3, auto_publish = $4, updated_at = $5
       WHERE id = $6`,
      [JSON.stringify(f.doc), f.doc.community, f.progressManual, f.autoPublish ? 1 : 0, f.updatedAt, id],
    );
  }

  async setPhase(id: string, from: Phase, to: Phase, at: string) {
    // Waits for a ballot batch holding this consultation's row: ballots committed before it count, later ones see it.
    const result = await this.pool.query(
      'UPDATE consultations SET phase = $1, updated_at = $2 WHERE id = $3 AND phase = $4',
      [to, at, id, from],
    );
    return result.rowCount === 1;
  }

  async upsertMilestone(consultationId: string, milestone: Milestone, at: string) {
    await inTransaction(this.pool, async (client) => {
      // The row lock orders concurrent upserts of one consultation, so two new milestones get distinct positions.
      await client.query('SELECT 1 FROM consultations WHERE id = $1 FOR NO KEY UPDATE', [consultationId]);
      const { rows } = await client.query<{ position: number | null; next: number }>(
        `SELECT (SELECT position FROM milestones WHERE consultation_id = $1 AND id = $2) AS position,
          (SELECT COALESCE(MAX(position), -1) + 1 FROM milestones WHERE consultation_id = $1) AS next`,
        [consultationId, milestone.id],
      );
      await writeMilestone(client, consultationId, milestone, rows[0]!.position ?? rows[0]!.next, at);
      await client.query('UPDATE consultations SET updated_at = $1 WHERE id = $2', [at, consultationId]);
    });
  }

  async addProgressUpdate(consultationId: string, update: ProgressUpdate, progressManual: number | null | undefined) {
    await inTransaction(this.pool, async (client) => {
      await writeUpdate(client, consultationId, update);
      if (progressManual !== undefined) {
        await client.query('UPDATE consultations SET progress_manual = $1 WHERE id = $2', [
          progressManual,
          consultationId,
        ]);
      }
      await client.query('UPDATE consultations SET updated_at = $1 WHERE id = $2', [update.at, consultationId]);
    });
  }
}

async function writeMilestone(q: PgQueryable, consultationId: string, m: Milestone, position: number, at: string) {
  await insertPg(q, 'milestones', milestoneRow(consultationId, m, position, at), MILESTONE_UPSERT);
}

async function writeUpdate(q: PgQueryable, consultationId: string, u: ProgressUpdate) {
  await insertPg(q, 'progress_updates', progressUpdateRow(consultationId, u));
}
