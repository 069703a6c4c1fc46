import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { codeConsultation, type TempDb, tempDb } from '../../server/domain/test-helpers';
import { MIGRATIONS } from '../../server/store/migrations';
import { PEPPER_ENV, pepperFileOf } from '../../server/store/sqlite-pepper';
import { migrate, openDatabase, schemaVersion } from '../../server/store/sqlite-schema';

type OpenedService = Awaited<ReturnType<TempDb['open']>>;

/** An open single-choice poll `poll` (options a, b) in voting. */
function openPoll(service: OpenedService) {
  return service.createConsultation({
    slug: 'poll',
    title: '停车意向',
    phase: 'voting',
    ballot: {
      method: 'single',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      eligibility: 'open',
      rule: 'plurality',
    },
  });
}

let db: TempDb;
afterEach(() => db?.cleanup());

describe('SQLite store', () => {
  it('applies migrations once and is idempotent on reopen', () => {
    db = tempDb();
    const first = openDatabase(db.file);
    expect(migrate(first)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(first)).toEqual([]);
    first.close();
    const again = openDatabase(db.file);
    expect(migrate(again)).toEqual([]);
    expect(schemaVersion(again)).toBe(MIGRATIONS.at(-1)!.version);
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(again.pragma('foreign_keys', { simple: true })).toBe(1);
    again.close();
  });

  it('migration 8 moves the keys of a database made by the schema before it onto their ballots', () => {
    db = tempDb();
    const old = openDatabase(db.file);
    expect(
      migrate(
        old,
        MIGRATIONS.filter((m) => m.version < 8),
      ),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const ballot = old.prepare(`INSERT INTO ballots (consultation_id, seq, receipt_id, voter_hash, content, weight_area,
      weight_count, ballot_hash, prev_hash, chain_hash, at, hash_format) VALUES ('c1', ?, ?, ?, '{}', NULL, 1, 'h', 'p',
      'c', '2026-01-01T00:00:00Z', 2)`);
    old
      .prepare(`INSERT INTO consultations (id, slug, phase, doc, created_at, updated_at)
      VALUES ('c1', 'old', 'voting', '{}', '', '')`)
      .run();
    ballot.run(1, 'r_1', 'v1');
    ballot.run(2, 'r_2', 'v2');
    old
      .prepare(
        `INSERT INTO idempotency (consultation_id, key, voter_hash, receipt_id) VALUES ('c1', 'k2:a', 'v1', 'r_1')`,
      )
      .run();
    expect(migrate(old)).toEqual([8]);
    const keys = old.prepare('SELECT receipt_id, idempotency_key FROM ballots ORDER BY seq').all();
    expect(keys).toEqual([
      { receipt_id: 'r_1', idempotency_key: 'k2:a' },
      { receipt_id: 'r_2', idempotency_key: null },
    ]);
    expect(old.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'idempotency%'`).all()).toEqual([]);
    old.close();
  });

  it('writes 200 concurrent ballots in far fewer transactions, with distinct seqs', async () => {
    db = tempDb();
    const service = await db.open();
    await openPoll(service);
    const before = service.stats().ballotTransactions;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        service.castBallot('poll', { choices: [i % 3 ? 'a' : 'b'], voterKey: `browser-${String(i).padStart(5, '0')}` }),
      ),
    );
    const seqs = new Set(results.map((r) => r.receipt.seq));
    expect(seqs.size).toBe(200);
    expect(Math.min(...seqs)).toBe(1);
    expect(Math.max(...seqs)).toBe(200);
    const transactions = service.stats().ballotTransactions - before;
    expect(transactions).toBeLessThan(20);
    const tally = await service.getTally('poll');
    expect(tally.hidden).toBe(false);
    if (!tally.hidden) expect(tally.totals).toEqual({ a: { count: 133 }, b: { count: 67 } });
    expect((await service.auditVerify('poll')).ok).toBe(true);
    await service.close();
  });

  it('keeps every acknowledged ballot across close and reopen', async () => {
    db = tempDb();
    let service = await db.open();
    await openPoll(service);
    const receipts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        service.castBallot('poll', { choices: ['a'], voterKey: `key-${String(i).padStart(6, '0')}` }),
      ),
    );
    await service.close();
    // Read the raw file with a fresh connection: what was acknowledged must be on disk.
    const raw = new Database(db.file, { readonly: true });
    const ids = (raw.prepare('SELECT receipt_id FROM ballots').all() as Array<{ receipt_id: string }>).map(
      (r) => r.receipt_id,
    );
    raw.close();
    expect(new Set(ids)).toEqual(new Set(receipts.map((r) => r.receipt.receiptId)));
    service = await db.open();
    for (const r of receipts) expect(await service.getReceipt(r.receipt.receiptId)).toEqual(r.receipt);
    expect((await service.getBallotBox('poll')).length).toBe(50);
    await service.close();
  });

  it('a failing ballot in a batch does not fail the others', async () => {
    db = tempDb();
    const service = await db.open();
    await openPoll(service);
    const settled = await Promise.allSettled([
      service.castBallot('poll', { choices: ['a'], voterKey: 'same-voter-1' }),
      service.castBallot('poll', { choices: ['b'], voterKey: 'same-voter-1' }),
      service.castBallot('poll', { choices: ['b'], voterKey: 'other-voter-2' }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason.code).toBe('conflict');
    expect(service.stats().ballotTransactions).toBe(1);
    await service.close();
  });
});

describe('the pepper lives outside the database', () => {
  const bytesOf = (file: string) =>
    Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);

  async function votingWithCodes() {
    const service = await db.open();
    const codes = await codeConsultation(service);
    return { service, codes };
  }

  it('writes it to <db>.pepper (mode 0600); the database file alone holds no pepper', async () => {
    db = tempDb();
    const { service, codes } = await votingWithCodes();
    await service.close();
    const pepper = readFileSync(pepperFileOf(db.file), 'utf8').trim();
    expect(pepper.length).toBeGreaterThanOrEqual(32);
    expect(statSync(pepperFileOf(db.file)).mode & 0o777).toBe(0o600);
    expect(bytesOf(db.file).includes(pepper)).toBe(false);
    // Codes issued before the restart still work: the same pepper is read back.
    const again = await db.open();
    await expect(again.castBallot('vote-a', { choices: ['yes'], code: codes[0]!.code })).resolves.toBeDefined();
    await again.close();
  });

  it('moves a pepper stored in the database by an older version out of it, keeping codes valid', async () => {
    db = tempDb();
    const { service, codes } = await votingWithCodes();
    await service.close();
    // Make the file look as an older version left it: the pepper in `meta`, no pepper file.
    const pepper = readFileSync(pepperFileOf(db.file), 'utf8').trim();
    rmSync(pepperFileOf(db.file));
    const raw = new Database(db.file);
    raw.prepare(`INSERT INTO meta (key, value) VALUES ('pepper', ?)`).run(pepper);
    raw.close();
    expect(bytesOf(db.file).includes(pepper)).toBe(true);

    const upgraded = await db.open();
    await expect(upgraded.castBallot('vote-a', { choices: ['yes'], code: codes[1]!.code })).resolves.toBeDefined();
    await upgraded.close();
    expect(readFileSync(pepperFileOf(db.file), 'utf8').trim()).toBe(pepper);
    expect(bytesOf(db.file).includes(pepper)).toBe(false);
  });

  it(`takes it from ${PEPPER_ENV} when set, writing no file, and refuses one that differs from the stored pepper`, async () => {
    db = tempDb();
    const pepper = 'p'.repeat(40);
    process.env[PEPPER_ENV] = pepper;
    try {
      const { service, codes } = await votingWithCodes();
      await service.close();
      expect(existsSync(pepperFileOf(db.file))).toBe(false);
      expect(bytesOf(db.file).includes(pepper)).toBe(false);
      const again = await db.open();
      await expect(again.castBallot('vote-a', { choices: ['yes'], code: codes[0]!.code })).resolves.toBeDefined();
      await again.close();
      const raw = new Database(db.file);
      raw.prepare(`INSERT INTO meta (key, value) VALUES ('pepper', ?)`).run('q'.repeat(40));
      raw.close();
      await expect(db.open()).rejects.toThrow(/different pepper/);
    } finally {
      delete process.env[PEPPER_ENV];
    }
  });
});
