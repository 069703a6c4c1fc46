import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopedIdempotencyKey } from '../../server/domain/ballot-box';
import { codeKeyOf } from '../../server/domain/codes';
import { openCodeVote, STORE_KIND, TestServer, type VoterCode } from './harness';

/**
 * Store.lookupBallot: the Idempotency-Key's earlier ballot and the code's roll unit in one statement, on the
 * store this run uses (SQLite, and PostgreSQL in the `postgres` project). Ballots go in through the real route;
 * what the lookup and the ballot box then hold is read from the database.
 */
describe(`one lookup for a ballot's key and code (${STORE_KIND})`, () => {
  const t = new TestServer();
  let codes: VoterCode[];
  let cid: string;
  let pepper: string;
  const store = () => t.service.store;
  const codeHash = (code: string) => codeKeyOf(pepper, cid, code)!.hash;
  const scoped = (code: string, key: string) => scopedIdempotencyKey(pepper, cid, 'code', { code }, key);

  beforeAll(async () => {
    await t.start();
    codes = await openCodeVote(t, 'lookup');
    cid = (await store().getConsultationBySlug('lookup'))!.id;
    pepper = await store().pepper();
  });
  afterAll(() => t.dispose());

  it('finds the unit of an unused code and no earlier ballot for a new key', async () => {
    const { unit, code } = codes[0]!;
    const found = await store().lookupBallot(cid, {
      codeHash: codeHash(code),
      idempotencyKey: scoped(code, 'lookup-new'),
    });
    expect(found.earlier).toBeNull();
    expect(found.unit).toMatchObject({ unit, voted: false, hasCode: true });
    // The roll's weights, exactly: 101 holds 86.20 m² and one owner.
    expect(found.unit?.areaHundredths).toBe(8620n);
    expect(found.unit?.headcount).toBe(1);
  });

  it('answers nothing for an unknown code, an unused key, or neither', async () => {
    const unknown = await store().lookupBallot(cid, { codeHash: codeHash('ABCD-2345'), idempotencyKey: 'k2:nope' });
    expect(unknown).toEqual({ earlier: null, unit: null });
    expect(await store().lookupBallot(cid, {})).toEqual({ earlier: null, unit: null });
    // Another consultation's id finds neither this roll's unit nor its keys.
    const elsewhere = await store().lookupBallot('c_elsewhere', { codeHash: codeHash(codes[0]!.code) });
    expect(elsewhere.unit).toBeNull();
  });

  it('an acknowledged ballot is in the database, and the lookup then finds its receipt and the code used', async () => {
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

    const found = await store().lookupBallot(cid, {
      codeHash: codeHash(code),
      idempotencyKey: scoped(code, 'lookup-1'),
    });
    expect(found.unit).toMatchObject({ unit, voted: true });
    expect(found.earlier?.content).toEqual({ choices: ['no'] });
    expect(found.earlier?.receipt).toMatchObject({
      receiptId: receipt.receiptId,
      consultationId: cid,
      seq: 1,
      ballotHash: receipt.ballotHash,
      chainHash: receipt.chainHash,
    });
    // The key is scoped to the code that sent it: with another code it is unused.
    const other = await store().lookupBallot(cid, { idempotencyKey: scoped(codes[2]!.code, 'lookup-1') });
    expect(other.earlier).toBeNull();

    // The same request again replays the same receipt (200) and stores nothing new.
    const replay = await t.call('POST', '/consultations/lookup/ballots', {
      body: { choices: ['no'], code },
      headers: { 'Idempotency-Key': 'lookup-1' },
    });
    expect(replay.status).toBe(200);
    expect(replay.body.receiptId).toBe(receipt.receiptId);
    expect(await store().listBallots(cid, 0, 10)).toHaveLength(1);
  });

  it('a second ballot with a used code is 409 and writes nothing', async () => {
    const { code } = codes[1]!;
    const before = await store().getTally(cid);
    const again = await t.call('POST', '/consultations/lookup/ballots', {
      body: { choices: ['yes'], code },
      headers: { 'Idempotency-Key': 'lookup-2' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(await store().listBallots(cid, 0, 10)).toHaveLength(1);
    const after = await store().getTally(cid);
    expect(after).toEqual(before);
    // The refused request's key was not claimed.
    const found = await store().lookupBallot(cid, { idempotencyKey: scoped(code, 'lookup-2') });
    expect(found.earlier).toBeNull();
    expect((await t.service.auditVerify('lookup')).ok).toBe(true);
  });
});
