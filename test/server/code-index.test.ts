/**
 * Once the roll is frozen, a code's unit is found in memory (server/domain/code-index.ts) and the commit alone
 * checks the key, the code and the voter. Every way the index can be out of date must still give the answer the
 * store's lookup gave: a reissued code, a replaced code, a unit that voted meanwhile, one Idempotency-Key sent twice
 * at once (replayed) or with different choices (422), a replay after voting closed. Runs on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Linli } from '../../server/domain/linli';
import { openLinliService } from '../../server/domain/linli';
import { DomainError } from '../../server/domain/service';
import { codeConsultation, ROLL_CSV, yesnoConsultation } from '../../server/domain/test-helpers';
import { testDatabase } from './harness';

const SLUG = 'vote-a';

describe('code ballots on a frozen roll, answered from the in-memory code index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-code-index-'));
  let service: Linli;
  let codes: Map<string, string>;
  let lookups = 0;
  let loaded: Promise<unknown> | null = null;

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        return { code: error.code, field: error.field, message: error.message };
      },
    );
  const cast = (unit: string, choices: string[], key?: string, code = codes.get(unit)!) =>
    service.castBallot(SLUG, { choices, code }, key ? { idempotencyKey: key } : {});

  beforeAll(async () => {
    service = await openLinliService(await testDatabase(dir, 'codeindex'));
    codes = new Map((await codeConsultation(service, SLUG)).map((c) => [c.unit, c.code]));
    const store = service.store;
    // The per-ballot lookup the index saves: a code's unit in the store.
    const lookup = store.findRollUnitByCode.bind(store);
    store.findRollUnitByCode = (...args) => {
      lookups += 1;
      return lookup(...args);
    };
    const listCodes = store.listRollCodes.bind(store);
    store.listRollCodes = (id) => {
      loaded = listCodes(id);
      return loaded as ReturnType<typeof listCodes>;
    };
    // The first ballot freezes the roll; the next one starts reading the index (and asks the store meanwhile).
    await cast('101', ['yes'], 'k-101');
    expect(loaded).toBeNull();
    await cast('102', ['no'], 'k-102');
    await loaded;
  });
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers one Idempotency-Key sent twice at once with one ballot and its replay, without a store lookup', async () => {
    const before = lookups;
    const [a, b] = await Promise.all([cast('201', ['yes'], 'k-201'), cast('201', ['yes'], 'k-201')]);
    expect(lookups).toBe(before);
    expect(a.receipt.receiptId).toBe(b.receipt.receiptId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    // Retried later, the unit is known to have voted here: the store answers, with the same receipt.
    const again = await cast('201', ['yes'], 'k-201');
    expect(again).toMatchObject({ replayed: true, receipt: { receiptId: a.receipt.receiptId } });
    expect(lookups).toBe(before + 1);
  });

  it('refuses the same key with other choices (422) and the same code with another key (409)', async () => {
    const [first, reused] = await Promise.all([cast('202', ['yes'], 'k-202'), refusal(cast('202', ['no'], 'k-202'))]);
    expect(first.replayed).toBe(false);
    expect(reused).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
    // 101 voted before the index was read: the index says so, and the store refuses the code.
    expect(await refusal(cast('101', ['no'], 'k-other'))).toMatchObject({
      code: 'conflict',
      field: 'code',
      message: 'this code has already been used',
    });
  });

  it('takes a reissued code from the store and refuses the replaced one at the commit', async () => {
    // A second vote of the same roll: units that have not voted get new codes (as `linli roll codes --reissue`).
    await service.createConsultation(yesnoConsultation('vote-b'));
    await service.importRoll('vote-b', `${ROLL_CSV}301,赵*,64.10,1\n`);
    const first = new Map((await service.issueCodes('vote-b')).map((c) => [c.unit, c.code]));
    const castB = (unit: string, code: string) =>
      service.castBallot('vote-b', { choices: ['yes'], code }, { idempotencyKey: `b-${unit}` });
    await castB('101', first.get('101')!);
    loaded = null;
    await castB('102', first.get('102')!);
    await loaded;
    const reissued = new Map((await service.issueCodes('vote-b', { reissue: true })).map((c) => [c.unit, c.code]));
    expect([...reissued.keys()].sort()).toEqual(['201', '202', '301']);
    const before = lookups;
    // The index still holds 201's old code: the commit finds it replaced, and nothing is written.
    expect(await refusal(castB('201', first.get('201')!))).toMatchObject({
      code: 'forbidden',
      field: 'code',
    });
    expect(lookups).toBe(before);
    // The new code is not in the index: the store knows it, and the unit's weight is the roll's.
    const fresh = await castB('201', reissued.get('201')!);
    expect(fresh.replayed).toBe(false);
    expect(lookups).toBe(before + 1);
    const tally = await service.getTally('vote-b', { staff: true, lang: 'en' });
    if (tally.hidden) throw new Error('a staff tally is never hidden');
    expect(tally.totals.yes).toEqual({ count: 4, area: '216.95' });
    const audit = await service.auditVerify('vote-b');
    expect(audit).toMatchObject({ ok: true, entries: 3 });
  });

  it('still replays a receipt after voting closed, from the store', async () => {
    const earlier = await cast('202', ['yes'], 'k-202');
    expect(earlier.replayed).toBe(true);
    await service.changePhase(SLUG, 'implementing');
    const after = await cast('202', ['yes'], 'k-202');
    expect(after).toMatchObject({ replayed: true, receipt: { receiptId: earlier.receipt.receiptId } });
    expect(await refusal(cast('301', ['yes'], 'k-late', 'ZZZZ-2345'))).toMatchObject({ code: 'gone' });
    const audit = await service.auditVerify(SLUG);
    expect(audit).toMatchObject({ ok: true, entries: 4 });
  });
});
