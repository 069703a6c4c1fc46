import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedIdempotencyKey } from '../../server/domain/ballot-box';
import { codeKeyOf } from '../../server/domain/codes';
import { unitVoterHash } from '../../server/domain/eligibility';
import { openCodeVote, STORE_KIND, TestServer, type VoterCode } from './harness';

/**
 * A ballot's Idempotency-Key is kept on the ballot and found through its voter (Store.findVoterBallot), on the store
 * this run uses (SQLite, and PostgreSQL in the `postgres` project). Ballots go in through the real route; what the
 * lookups and the ballot box then hold is read from the database.
 */
describe(`a voter's ballot and the key it was sent with (${STORE_KIND})`, () => {
  const t = new TestServer();
  let codes: VoterCode[];
  let cid: string;
  let pepper: string;
  const store = () => t.service.store;
  const codeHash = (code: string) => codeKeyOf(pepper, cid, code)!.hash;
  const voter = (unit: string) => unitVoterHash(pepper, cid, unit);
  const scoped = (code: string, key: string) => scopedIdempotencyKey(pepper, cid, 'code', { code }, key);

  beforeAll(async () => {
    await t.start();
    codes = await openCodeVote(t, 'lookup');
    cid = (await store().getConsultationBySlug('lookup'))!.id;
    pepper = await store().pepper();
  });
  afterAll(() => t.dispose());

  it('finds the unit of an unused code, and no ballot for its voter', async () => {
    const { unit, code } = codes[0]!;
    const found = await store().findRollUnitByCode(cid, codeHash(code));
    expect(found).toMatchObject({ unit, voted: false, hasCode: true });
    // The roll's weights, exactly: 101 holds 86.20 m² and one owner.
    expect(found?.areaHundredths).toBe(8620n);
    expect(found?.headcount).toBe(1);
    expect(await store().findVoterBallot(cid, voter(unit))).toBeNull();
    // Another consultation's id finds neither this roll's unit nor its voters.
    expect(await store().findRollUnitByCode('c_elsewhere', codeHash(code))).toBeNull();
  });

  it('an acknowledged ballot is in the database with its scoped key, found through its voter', async () => {
    const { unit, code } = codes[1]!;
    const cast = await t.call('POST', '/consultations/lookup/ballots', {
      body: { choices: ['no'], code },
      headers: { 'Idempotency-Key': 'lookup-1' },
    });
    expect(cast.status).toBe(201);
    const receipt = cast.body;
    expect(await store().getReceipt(receipt.receiptId)).toMatchObject({ receiptId: receipt.receiptId, seq: 1 });
    const box = await store().listBallots(cid, 0, 10);
    expect(box.map((b) => [b.seq, b.receiptId, b.content.choices])).toEqual([[1, receipt.receiptId, ['no']]]);

    expect(await store().findRollUnitByCode(cid, codeHash(code))).toMatchObject({ unit, voted: true });
    const found = await store().findVoterBallot(cid, voter(unit));
    // Stored scoped to the code that sent it, never as the client wrote it.
    expect(found?.idempotencyKey).toBe(scoped(code, 'lookup-1'));
    expect(found?.content).toEqual({ choices: ['no'] });
    expect(found?.receipt).toMatchObject({
      receiptId: receipt.receiptId,
      consultationId: cid,
      seq: 1,
      ballotHash: receipt.ballotHash,
      chainHash: receipt.chainHash,
    });

    // The same request again replays the same receipt (200) and stores nothing new.
    const replay = await t.call('POST', '/consultations/lookup/ballots', {
      body: { choices: ['no'], code },
      headers: { 'Idempotency-Key': 'lookup-1' },
    });
    expect(replay.status).toBe(200);
    expect(replay.body.receiptId).toBe(receipt.receiptId);
    // The same key with other choices is refused, and the ballot stands.
    const reused = await t.call('POST', '/consultations/lookup/ballots', {
      body: { choices: ['yes'], code },
      headers: { 'Idempotency-Key': 'lookup-1' },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    // The key with another code is a new request of another voter: a ballot of its own.
    const other = await t.call('POST', '/consultations/lookup/ballots', {
      body: { choices: ['yes'], code: codes[2]!.code },
      headers: { 'Idempotency-Key': 'lookup-1' },
    });
    expect(other.status).toBe(201);
    expect(other.body.receiptId).not.toBe(receipt.receiptId);
    expect(await store().listBallots(cid, 0, 10)).toHaveLength(2);
  });

  it('a second ballot with a used code is 409 and writes nothing, whatever its key', async () => {
    const { unit, code } = codes[1]!;
    const before = await store().getTally(cid);
    for (const headers of [{ 'Idempotency-Key': 'lookup-2' }, undefined]) {
      const again = await t.call('POST', '/consultations/lookup/ballots', {
        body: { choices: ['no'], code },
        ...(headers ? { headers } : {}),
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
    }
    expect(await store().listBallots(cid, 0, 10)).toHaveLength(2);
    expect(await store().getTally(cid)).toEqual(before);
    // The refused request's key was not recorded: the voter's ballot keeps the key it was cast with.
    expect((await store().findVoterBallot(cid, voter(unit)))?.idempotencyKey).toBe(scoped(code, 'lookup-1'));
    expect((await t.service.auditVerify('lookup')).ok).toBe(true);
  });
});

/**
 * Migration 8 on a database written before it: the keys of the `idempotency` table move onto their ballots, so a
 * retry sent across the upgrade still gets its receipt, and the table is gone.
 */
describe(`a database from before keys were kept on ballots (${STORE_KIND})`, () => {
  const t = new TestServer();
  afterAll(() => t.dispose());

  /** The previous schema's shape: the key table of migration 1 holding the keys, no column on ballots, no version 8. */
  const rewind = [
    `CREATE TABLE idempotency (
      consultation_id TEXT NOT NULL REFERENCES consultations(id),
      key TEXT NOT NULL,
      voter_hash TEXT NOT NULL,
      receipt_id TEXT NOT NULL,
      PRIMARY KEY (consultation_id, key)
    )`,
    `INSERT INTO idempotency (consultation_id, key, voter_hash, receipt_id)
      SELECT consultation_id, idempotency_key, voter_hash, receipt_id FROM ballots WHERE idempotency_key IS NOT NULL`,
    'ALTER TABLE ballots DROP COLUMN idempotency_key',
    'DELETE FROM schema_migrations WHERE version = 8',
  ];
  async function sql(statements: string[]): Promise<unknown[]> {
    const results: unknown[] = [];
    if (STORE_KIND === 'sqlite') {
      const db = new Database(t.db);
      for (const s of statements)
        results.push(s.startsWith('SELECT') ? db.prepare(s).all() : db.prepare(s).run().changes);
      db.close();
      return results;
    }
    const client = new pg.Client({ connectionString: t.db });
    await client.connect();
    for (const s of statements) results.push((await client.query(s)).rows);
    await client.end();
    return results;
  }

  it('replays a receipt sent before the upgrade and refuses a second ballot after it', async () => {
    await t.start();
    const codes = await openCodeVote(t, 'upgrade');
    const cast = (code: string, key?: string, choices = ['yes']) =>
      t.call('POST', '/consultations/upgrade/ballots', {
        body: { choices, code },
        ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
      });
    const first = await cast(codes[0]!.code, 'before-1');
    const second = await cast(codes[1]!.code);
    expect([first.status, second.status]).toEqual([201, 201]);
    await t.stop();
    await sql(rewind);
    const [kept] = (await sql(['SELECT count(*) AS n FROM idempotency'])) as Array<Array<{ n: number | string }>>;
    expect(Number(kept![0]!.n)).toBe(1);

    await t.start();
    // The table is gone; the key is on the ballot it was sent with.
    const [tables] = (await sql([
      STORE_KIND === 'sqlite'
        ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'idempotency'`
        : `SELECT table_name AS name FROM information_schema.tables WHERE table_name = 'idempotency'`,
    ])) as unknown[][];
    expect(tables).toEqual([]);
    const replay = await cast(codes[0]!.code, 'before-1');
    expect(replay.status).toBe(200);
    expect(replay.body.receiptId).toBe(first.body.receiptId);
    expect((await cast(codes[0]!.code, 'before-1', ['no'])).status).toBe(422);
    expect((await cast(codes[0]!.code, 'after-1')).status).toBe(409);
    // A ballot cast without a key has none: any key with its code is a second ballot.
    expect((await cast(codes[1]!.code, 'after-2')).status).toBe(409);
    const third = await cast(codes[2]!.code, 'after-3');
    expect(third.status).toBe(201);
    expect((await cast(codes[2]!.code, 'after-3')).body.receiptId).toBe(third.body.receiptId);
    expect(await t.service.auditVerify('upgrade')).toMatchObject({ ok: true, entries: 3 });
  });
});
