/**
 * Frozen electorates in SQLite: written inside the transaction of a consultation's first ballot, so the roll the
 * ballot was weighed against and the ballot itself commit together (see ledger/electorate.ts).
 */
import { electorateDigest, electorateSnapshot, genesisOf } from '../ledger/electorate';
import { type ElectorateRow, frozenOf } from './rows';
import type { SqliteDb } from './sqlite-schema';
import type { ElectorateUnit, FrozenElectorate } from './types';

export class SqliteElectorates {
  private readonly q;

  constructor(private readonly db: SqliteDb) {
    this.q = {
      get: db.prepare('SELECT * FROM electorates WHERE consultation_id = ?'),
      units: db.prepare('SELECT unit, area_hundredths, headcount FROM roll_units WHERE consultation_id = ?'),
      insert: db.prepare(`INSERT INTO electorates (consultation_id, digest, snapshot, units, area_hundredths, headcount,
        bound_to_chain, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  get(consultationId: string): FrozenElectorate | null {
    const row = this.q.get.get(consultationId) as ElectorateRow | undefined;
    return row ? frozenOf(row) : null;
  }

  liveUnits(consultationId: string): ElectorateUnit[] {
    return (
      this.q.units.all(consultationId) as Array<{ unit: string; area_hundredths: number; headcount: number }>
    ).map((r) => ({ unit: r.unit, areaHundredths: BigInt(r.area_hundredths), headcount: r.headcount }));
  }

  /** Freezes the live roll (call inside a transaction); an existing record is kept as it is. */
  freeze(consultationId: string, at: string, boundToChain: boolean): FrozenElectorate {
    const existing = this.get(consultationId);
    if (existing) return existing;
    const units = this.liveUnits(consultationId);
    const snapshot = electorateSnapshot(units);
    const digest = electorateDigest(snapshot);
    const area = units.reduce((sum, u) => sum + u.areaHundredths, 0n);
    const count = units.reduce((sum, u) => sum + u.headcount, 0);
    this.q.insert.run(consultationId, digest, snapshot, units.length, area, count, boundToChain ? 1 : 0, at);
    return { digest, snapshot, units: units.length, area, count, boundToChain, frozenAt: at };
  }

  /** The first prevHash of a box whose first ballot is being written now: freezes the roll and binds it. */
  genesisForFirstBallot(consultationId: string, at: string): string {
    return genesisOf(consultationId, this.freeze(consultationId, at, true));
  }

  /**
   * Boxes begun before electorates were frozen: record their roll as it is now, unbound (their chain already
   * starts from the plain genesis). From here on any change to the roll shows in the audit.
   */
  freezeStarted(at: string): number {
    const started = this.db
      .prepare(`SELECT t.consultation_id AS id FROM tallies t
        LEFT JOIN electorates e ON e.consultation_id = t.consultation_id WHERE e.consultation_id IS NULL AND t.ballots > 0`)
      .all() as Array<{ id: string }>;
    if (started.length === 0) return 0;
    this.db.transaction(() => {
      for (const { id } of started) this.freeze(id, at, false);
    })();
    return started.length;
  }
}
