import { StoreConflict } from './errors';
import { inTransaction, type PgClient, type PgPool } from './postgres-schema';
import { type UnitRow, unitOf } from './rows';
import type { RollTotals, RollUnitInput, RollUnitRecord } from './types';

const byUnit = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/** The voter roll in PostgreSQL (see sqlite-roll.ts for the rules; the same ones hold here). */
export class PostgresRoll {
  constructor(private readonly pool: PgPool) {}

  /**
   * Replaces the roll, all or nothing, refused once any ballot exists. The consultation's row is locked as a
   * ballot batch locks it, so a roll can never change between a first ballot's freeze and its commit.
   */
  replace(consultationId: string, units: readonly RollUnitInput[]): Promise<RollTotals> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT 1 FROM consultations WHERE id = $1 FOR NO KEY UPDATE', [consultationId]);
      const { rows } = await client.query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM ballots WHERE consultation_id = $1',
        [consultationId],
      );
      const cast = rows[0]!.n;
      if (cast > 0) {
        throw new StoreConflict(
          'roll_after_ballots',
          `${cast} ballot(s) have been cast already: the roll cannot be replaced once voting has begun`,
        );
      }
      await client.query('DELETE FROM roll_units WHERE consultation_id = $1 AND NOT (unit = ANY($2::text[]))', [
        consultationId,
        units.map((u) => u.unit),
      ]);
      // One statement for the whole roll: thousands of units cost one round trip.
      await client.query(
        `INSERT INTO roll_units (consultation_id, unit, name, area_hundredths, headcount)
         SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[])
         ON CONFLICT (consultation_id, unit) DO UPDATE SET name = excluded.name,
         area_hundredths = excluded.area_hundredths, headcount = excluded.headcount`,
        [
          consultationId,
          units.map((u) => u.unit),
          units.map((u) => u.name),
          units.map((u) => u.areaHundredths.toString()),
          units.map((u) => u.headcount),
        ],
      );
      return (await this.totals(client, consultationId))!;
    });
  }

  async totals(q: PgPool | PgClient, consultationId: string): Promise<RollTotals | null> {
    const { rows } = await q.query<{ units: number; area: string; count: number }>(
      `SELECT COUNT(*) AS units, COALESCE(SUM(area_hundredths), 0)::text AS area,
        COALESCE(SUM(headcount), 0)::bigint AS count FROM roll_units WHERE consultation_id = $1`,
      [consultationId],
    );
    const row = rows[0]!;
    return row.units === 0 ? null : { units: row.units, area: BigInt(row.area), count: row.count };
  }

  async list(consultationId: string): Promise<RollUnitRecord[]> {
    const { rows } = await this.pool.query<UnitRow>('SELECT * FROM roll_units WHERE consultation_id = $1', [
      consultationId,
    ]);
    return rows.map(unitOf).sort((a, b) => byUnit(a.unit, b.unit));
  }

  assignCodes(
    consultationId: string,
    reissue: boolean,
    generate: () => { code: string; hash: string },
  ): Promise<Array<{ unit: string; code: string }>> {
    return inTransaction(this.pool, async (client) => {
      // Under the consultation's lock: no ballot batch marks a unit voted while its code is being replaced.
      await client.query('SELECT 1 FROM consultations WHERE id = $1 FOR NO KEY UPDATE', [consultationId]);
      const where = reissue ? 'voted = 0' : 'code_hash IS NULL';
      const { rows } = await client.query<{ unit: string }>(
        `SELECT unit FROM roll_units WHERE consultation_id = $1 AND ${where}`,
        [consultationId],
      );
      const units = rows.map((r) => r.unit).sort(byUnit);
      const taken = new Set(
        (
          await client.query<{ code_hash: string }>(
            'SELECT code_hash FROM roll_units WHERE consultation_id = $1 AND code_hash IS NOT NULL',
            [consultationId],
          )
        ).rows.map((r) => r.code_hash),
      );
      const issued: Array<{ unit: string; code: string }> = [];
      const hashes: string[] = [];
      for (const unit of units) {
        let next = generate();
        // ~40 bits per code: a collision is astronomically rare, but the unique index would abort the batch.
        while (taken.has(next.hash)) next = generate();
        taken.add(next.hash);
        hashes.push(next.hash);
        issued.push({ unit, code: next.code });
      }
      // Cleared first so a reissued code can never collide with the code it replaces in the unique index.
      await client.query(
        'UPDATE roll_units SET code_hash = NULL WHERE consultation_id = $1 AND unit = ANY($2::text[])',
        [consultationId, units],
      );
      await client.query(
        `UPDATE roll_units r SET code_hash = v.hash FROM unnest($2::text[], $3::text[]) AS v(unit, hash)
         WHERE r.consultation_id = $1 AND r.unit = v.unit`,
        [consultationId, units, hashes],
      );
      return issued;
    });
  }

  async findByCode(consultationId: string, codeHash: string): Promise<RollUnitRecord | null> {
    const { rows } = await this.pool.query<UnitRow>(
      'SELECT * FROM roll_units WHERE consultation_id = $1 AND code_hash = $2',
      [consultationId, codeHash],
    );
    return rows[0] ? unitOf(rows[0]) : null;
  }

  async codes(consultationId: string): Promise<Array<{ codeHash: string; unit: RollUnitRecord }>> {
    const { rows } = await this.pool.query<UnitRow & { code_hash: string }>(
      'SELECT * FROM roll_units WHERE consultation_id = $1 AND code_hash IS NOT NULL',
      [consultationId],
    );
    return rows.map((row) => ({ codeHash: row.code_hash, unit: unitOf(row) }));
  }
}
