import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { codeConsultation, ROLL_CSV, type TempDb, tempDb } from '../domain/test-helpers';
import { runCli } from './test-helpers';

let db: TempDb;
afterEach(() => db?.cleanup());

const linli = runCli;

async function votedElection() {
  db = tempDb();
  const service = await db.open();
  const codes = await codeConsultation(service, 'elevator-3');
  await service.castBallot('elevator-3', { choices: ['yes'], code: codes[0]!.code });
  await service.castBallot('elevator-3', { choices: ['yes'], code: codes[2]!.code });
  await service.close();
}

const sql = (statement: string) => {
  const raw = new Database(db.file);
  raw.exec(statement);
  raw.close();
};

describe('linli audit verify and the frozen electorate', () => {
  it('fails, naming the unit, when the roll is changed after voting began', async () => {
    await votedElection();
    expect((await linli('audit', 'verify', 'elevator-3', '--db', db.file)).code).toBe(0);
    sql(`UPDATE roll_units SET area_hundredths = area_hundredths + 100000 WHERE unit = '101'`);
    const audit = await linli('audit', 'verify', 'elevator-3', '--db', db.file);
    expect(audit.code).toBe(1);
    expect(audit.stderr).toContain('audit FAILED');
    expect(audit.stderr).toContain('roll: the voter roll changed after voting began');
    expect(audit.stderr).toContain('roll: unit 101 changed after voting began (86.20 m², 1 owner(s) → 1086.20 m²');
  });

  it('fails when a unit is added to the roll after voting began', async () => {
    await votedElection();
    sql(`INSERT INTO roll_units (consultation_id, unit, name, area_hundredths, headcount)
      SELECT consultation_id, '301', 'x', 9000, 1 FROM roll_units LIMIT 1`);
    const audit = await linli('audit', 'verify', 'elevator-3', '--db', db.file);
    expect(audit.code).toBe(1);
    expect(audit.stderr).toContain('roll: unit 301 was added after voting began (90.00 m², 1 owner(s))');
  });

  it('keeps judging the tally against the frozen roll, whatever the live roll says', async () => {
    await votedElection();
    const before = await db.open();
    const frozen = await before.getTally('elevator-3', { staff: true });
    await before.close();
    sql(`UPDATE roll_units SET area_hundredths = area_hundredths + 100000 WHERE unit = '101'`);
    const after = await db.open();
    const tally = await after.getTally('elevator-3', { staff: true });
    await after.close();
    expect(tally).toEqual(frozen);
    if (!tally.hidden) expect(tally.participation.electorate).toEqual({ area: '338.70', count: 5 });
  });

  it('breaks the chain when the frozen record itself is rewritten to match a changed roll', async () => {
    await votedElection();
    sql(`UPDATE roll_units SET area_hundredths = area_hundredths + 100000 WHERE unit = '101'`);
    // Rewrite the freeze to match the changed roll, as someone covering their tracks would.
    const service = await db.open();
    const store = service.store as import('../store/sqlite').SqliteStore;
    const id = (await store.getConsultationBySlug('elevator-3'))!.id;
    store.db.prepare('DELETE FROM electorates WHERE consultation_id = ?').run(id);
    store.electorates.freeze(id, new Date().toISOString(), true);
    const report = await service.auditVerify('elevator-3');
    await service.close();
    expect(report.ok).toBe(false);
    expect(report.chainOk).toBe(false);
    expect(report.problems.join('\n')).toContain('seq 1: prevHash');
  });

  it('refuses a roll import once a ballot is cast: exit 2 with one line', async () => {
    await votedElection();
    const file = join(db.dir, 'roll.csv');
    writeFileSync(file, ROLL_CSV.replace('86.20', '186.20'));
    const result = await linli('roll', 'import', 'elevator-3', file, '--db', db.file);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('the roll cannot be replaced once voting has begun');
  });
});
