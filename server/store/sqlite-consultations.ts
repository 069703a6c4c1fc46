import type { Milestone, Phase, ProgressUpdate } from '@linli/core';
import { StoreConflict } from './errors';
import { consultationRow, insertSqlite, MILESTONE_UPSERT, milestoneRow, progressUpdateRow } from './row-writes';
import { type ConsultationRow, consultationFromRows, type MilestoneRow, type ProgressUpdateRow } from './rows';
import { isConstraintError, type SqliteDb } from './sqlite-schema';
import type { ConsultationDoc, ConsultationRecord } from './types';

/** Consultations on SQLite, with their milestones and progress updates. */
export class SqliteConsultations {
  /** `ballotsOf`: how many ballots a consultation shows (the store's durable tally, sqlite.ts). */
  constructor(
    private readonly db: SqliteDb,
    private readonly ballotsOf: (consultationId: string) => number,
  ) {}

  private record(row: ConsultationRow | undefined): ConsultationRecord | null {
    if (!row) return null;
    const milestones = this.db
      .prepare('SELECT * FROM milestones WHERE consultation_id = ? ORDER BY position, id')
      .all(row.id) as MilestoneRow[];
    const updates = this.db
      .prepare('SELECT * FROM progress_updates WHERE consultation_id = ? ORDER BY at, rowid')
      .all(row.id) as ProgressUpdateRow[];
    return consultationFromRows(row, milestones, updates, this.ballotsOf(row.id));
  }

  bySlug(slug: string) {
    return this.record(
      this.db.prepare('SELECT * FROM consultations WHERE slug = ?').get(slug) as ConsultationRow | undefined,
    );
  }

  byId(id: string) {
    return this.record(
      this.db.prepare('SELECT * FROM consultations WHERE id = ?').get(id) as ConsultationRow | undefined,
    );
  }

  list() {
    const rows = this.db
      .prepare('SELECT * FROM consultations ORDER BY created_at DESC, slug')
      .all() as ConsultationRow[];
    return rows.map((row) => this.record(row)!);
  }

  insert(r: Omit<ConsultationRecord, 'ballots'>) {
    try {
      this.db.transaction(() => {
        insertSqlite(this.db, 'consultations', consultationRow(r));
        for (const [i, m] of r.milestones.entries()) this.writeMilestone(r.id, m, i, r.createdAt);
        for (const u of r.updates) this.writeUpdate(r.id, u);
      })();
    } catch (error) {
      if (isConstraintError(error)) {
        throw new StoreConflict('consultation_slug', `a consultation with slug "${r.slug}" already exists`, 'slug');
      }
      throw error;
    }
  }

  update(
    id: string,
    f: { doc: ConsultationDoc; progressManual: number | null; autoPublish: boolean; updatedAt: string },
  ) {
    this.db
      .prepare(`UPDATE consultations SET doc = ?, community = ?, progress_manual = ?, auto_publish = ?, updated_at = ?
        WHERE id = ?`)
      .run(JSON.stringify(f.doc), f.doc.community, f.progressManual, f.autoPublish ? 1 : 0, f.updatedAt, id);
  }

  setPhase(id: string, from: Phase, to: Phase, at: string) {
    const result = this.db
      .prepare('UPDATE consultations SET phase = ?, updated_at = ? WHERE id = ? AND phase = ?')
      .run(to, at, id, from);
    return result.changes === 1;
  }

  private writeMilestone(consultationId: string, m: Milestone, position: number, at: string) {
    insertSqlite(this.db, 'milestones', milestoneRow(consultationId, m, position, at), MILESTONE_UPSERT);
  }

  private writeUpdate(consultationId: string, u: ProgressUpdate) {
    insertSqlite(this.db, 'progress_updates', progressUpdateRow(consultationId, u));
  }

  upsertMilestone(consultationId: string, milestone: Milestone, at: string) {
    this.db.transaction(() => {
      const existing = this.db
        .prepare('SELECT position FROM milestones WHERE consultation_id = ? AND id = ?')
        .get(consultationId, milestone.id) as { position: number } | undefined;
      const next = this.db
        .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM milestones WHERE consultation_id = ?')
        .get(consultationId) as { p: number };
      this.writeMilestone(consultationId, milestone, existing?.position ?? next.p, at);
      this.db.prepare('UPDATE consultations SET updated_at = ? WHERE id = ?').run(at, consultationId);
    })();
  }

  addProgressUpdate(consultationId: string, update: ProgressUpdate, progressManual: number | null | undefined) {
    this.db.transaction(() => {
      this.writeUpdate(consultationId, update);
      if (progressManual !== undefined) {
        this.db
          .prepare('UPDATE consultations SET progress_manual = ? WHERE id = ?')
          .run(progressManual, consultationId);
      }
      this.db.prepare('UPDATE consultations SET updated_at = ? WHERE id = ?').run(update.at, consultationId);
    })();
  }
}
