import { StoreConflict } from './errors';
import { type UnitRow, unitOf } from './rows';
import type { SqliteDb } from './sqlite-schema';
import type { RollTotals, RollUnitInput, RollUnitRecord } from './types';

/** The voter roll of one consultation: units with their weights and the hashes of their one-time codes. */
export class SqliteRoll {
  /** On every code ballot's path: prepared once, not per call. */
  private readonly byCode;

  constructor(private readonly db: SqliteDb) {
    this.byCode = db.prepare('SELECT * FROM roll_units WHERE consultation_id = ? AND code_hash = ?');
  }

  /**
   * Replaces the roll, all or nothing. Refused once any ballot exists: the electorate a vote is decided against
   * must not move under it. Units kept by the new roll keep their code, so printed sheets stay valid.
   */
  replace(consultationId: string, units: readonly RollUnitInput[]): RollTotals {
    return this.db
      .transaction(() => {
        const cast = this.db
          .prepare('SELECT COUNT(*) AS n FROM ballots WHERE consultation_id = ?')
          .get(consultationId) as {
          n: number;
        };
        if (cast.n > 0) {
          throw new StoreConflict(
            'roll_after_ballots',
            `${cast.n} ballot(s) have been cast already: the roll cannot be replaced once voting has begun`,
          );
        }
        const keep = new Set(units.map((u) => u.unit));
        const existing = this.db
          .prepare('SELECT unit FROM roll_units WHERE consultation_id = ?')
          .all(consultationId) as Array<{
          unit: string;
        }>;
        const remove = this.db.prepare('DELETE FROM roll_units WHERE consultation_id = ? AND unit = ?');
        for (const { unit } of existing) if (!keep.has(unit)) remove.run(consultationId, unit);
        const upsert = this.db.prepare(`INSERT INTO roll_units (consultation_id, unit, name, area_hundredths, headcount)
          VALUES (?, ?, ?, ?, ?) ON CONFLICT (consultation_id, unit) DO UPDATE SET name = excluded.name,
          area_hundredths = excluded.area_hundredths, headcount = excluded.headcount`);
        for (const u of units) upsert.run(consultationId, u.unit, u.name, u.areaHundredths, u.headcount);
        return this.totals(consultationId)!;
      })
      .immediate();
  }

  totals(consultationId: string): RollTotals | null {
    const row = this.db
      .prepare(`SELECT COUNT(*) AS units, COALESCE(SUM(area_hundredths), 0) AS area, COALESCE(SUM(headcount), 0) AS count
        FROM roll_units WHERE consultation_id = ?`)
      .get(consultationId) as { units: number; area: number; count: number };
    return row.units === 0 ? null : { units: row.units, area: BigInt(row.area), count: row.count };
  }

  list(consultationId: string): RollUnitRecord[] {
    return (this.db.prepare('SELECT * FROM roll_units WHERE consultation_id = ?').all(consultationId) as UnitRow[])
      .map(unitOf)
      .sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN', { numeric: true }));
  }

  assignCodes(
    consultationId: string,
    reissue: boolean,
    generate: () => { code: string; hash: string },
  ): Array<{ unit: string; code: string }> {
    return this.db
      .transaction(() => {
        const where = reissue ? 'voted = 0' : 'code_hash IS NULL';
        const units = (
          this.db
            .prepare(`SELECT unit FROM roll_units WHERE consultation_id = ? AND ${where}`)
            .all(consultationId) as Array<{
            unit: string;
          }>
        )
          .map((r) => r.unit)
          .sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
        const taken = new Set(
          (
            this.db
              .prepare('SELECT code_hash FROM roll_units WHERE consultation_id = ? AND code_hash IS NOT NULL')
              .all(consultationId) as Array<{ code_hash: string }>
          ).map((r) => r.code_hash),
        );
        const set = this.db.prepare('UPDATE roll_units SET code_hash = ? WHERE consultation_id = ? AND unit = ?');
        const clear = this.db.prepare('UPDATE roll_units SET code_hash = NULL WHERE consultation_id = ? AND unit = ?');
        // Clear first so a reissued code can never collide with the code it replaces in the unique index.
        for (const unit of units) clear.run(consultationId, unit);
        const issued: Array<{ unit: string; code: string }> = [];
        for (const unit of units) {
          let next = generate();
          // ~40 bits per code: a collision is astronomically rare, but the unique index would abort the batch.
          while (taken.has(next.hash)) next = generate();
          taken.add(next.hash);
          set.run(next.hash, consultationId, unit);
          issued.push({ unit, code: next.code });
        }
        return issued;
      })
      .immediate();
  }

  findByCode(consultationId: string, codeHash: string): RollUnitRecord | null {
    const row = this.byCode.get(consultationId, codeHash) as UnitRow | undefined;
    return row ? unitOf(row) : null;
  }

  codes(consultationId: string): Array<{ codeHash: string; unit: RollUnitRecord }> {
    const rows = this.db
      .prepare('SELECT * FROM roll_units WHERE consultation_id = ? AND code_hash IS NOT NULL')
      .all(consultationId) as Array<UnitRow & { code_hash: string }>;
    return rows.map((row) => ({ codeHash: row.code_hash, unit: unitOf(row) }));
  }
}
