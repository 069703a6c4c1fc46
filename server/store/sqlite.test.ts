import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type TempDb, tempDb } from '../domain/test-helpers';
import { MIGRATIONS } from './migrations';
import { migrate, openDatabase, schemaVersion } from './sqlite-schema';

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

  it('writes 200 concurrent ballots in far fewer transactions, with distinct seqs', async () => {
    db = tempDb();
    const service = await db.open();
    await service.createConsultation({
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
    await service.createConsultation({
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
    await service.createConsultation({
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
