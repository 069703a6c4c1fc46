import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/service';
import { yesnoConsultation } from '../../server/domain/test-helpers';
import { STORE_KIND, TestServer } from './harness';

function rollCsv(units: number): string {
  const lines = ['房号,姓名,面积,人数'];
  for (let i = 0; i < units; i++) lines.push(`${1000 + i},住户${i},${(60 + (i % 40)).toFixed(2)},1`);
  return `${lines.join('\n')}\n`;
}

/**
 * Ballots cast in the same moment are written in one transaction (group commit); PostgreSQL stores such a run in one
 * statement when nothing in it is refused, and otherwise ballot by ballot. Either way, what a voter is told must be
 * what is stored. Cast through the service in one tick, so they share a batch.
 */
describe(`ballots that arrive together (${STORE_KIND})`, () => {
  const t = new TestServer();
  let codes: string[];
  /** Seq of each code's ballot stored by the first test. */
  const stored = new Map<string, number>();
  const cast = (code: string, choice: string, key?: string) =>
    t.service.castBallot('together', { choices: [choice], code }, key ? { idempotencyKey: key } : {});

  beforeAll(async () => {
    await t.start();
    await t.service.createConsultation(yesnoConsultation('together'));
    await t.service.importRoll('together', rollCsv(80));
    codes = (await t.service.issueCodes('together')).map((c) => c.code);
  });
  afterAll(() => t.dispose());

  it('are all stored, each receipt naming its own place in the chain', async () => {
    // The first ballot freezes the electorate on its own; the 30 after it come together.
    const first = await cast(codes[0]!, 'yes', 'first');
    expect(first.receipt.seq).toBe(1);
    const before = t.service.stats();
    const settled = await Promise.all(codes.slice(1, 31).map((code, i) => cast(code, i % 3 ? 'yes' : 'no', `k${i}`)));
    // Seqs 2…31, one each (the order among them is the order their checks finished: on PostgreSQL each check is a
    // query of its own, and they may come back in any order).
    const seqs = settled.map((r) => r.receipt.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(settled.every((r) => !r.replayed)).toBe(true);
    for (const [i, r] of settled.entries()) stored.set(codes[i + 1]!, r.receipt.seq);
    // On PostgreSQL a run with nothing refused is stored in one statement (a bug there would fall back unseen). On a
    // loaded machine the 30 checks may finish over several flushes: only a batch of one ballot takes the single path,
    // so at most one ballot per transaction is outside a run.
    if (STORE_KIND === 'postgres') {
      const after = t.service.stats();
      const transactions = (after.ballotTransactions ?? 0) - (before.ballotTransactions ?? 0);
      const inRuns = (after.ballotsInRuns ?? 0) - (before.ballotsInRuns ?? 0);
      expect(transactions).toBeGreaterThan(0);
      expect(inRuns).toBeGreaterThanOrEqual(30 - transactions);
    }
    const box = await t.service.getBallotBox('together', { limit: 100, staff: true });
    const bySeq = [first, ...settled].sort((a, b) => a.receipt.seq - b.receipt.seq);
    expect(box.map((e) => e.chainHash)).toEqual(bySeq.map((r) => r.receipt.chainHash));
    for (const r of settled) expect((await t.service.getReceipt(r.receipt.receiptId)).seq).toBe(r.receipt.seq);
    expect((await t.service.auditVerify('together')).ok).toBe(true);
  });

  it('a second ballot with the same code among them is a 409, its neighbours count, and nothing of it is stored', async () => {
    const run = codes.slice(31, 51);
    const settled = await Promise.allSettled([
      ...run.map((code, i) => cast(code, 'yes', `r${i}`)),
      // Another phone with the same sheet, and a retry of a ballot already stored (same key: its receipt again).
      cast(run[5]!, 'no', 'other-phone'),
      cast(codes[3]!, 'yes', 'k2'),
    ]);
    const refused = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ i, reason: s.reason as unknown }] : []));
    // The two phones with one code press at the same moment: the one whose checks finish first is stored (on
    // PostgreSQL each check is a query of its own, so that need not be the one sent first); the other is refused.
    expect(refused).toHaveLength(1);
    expect([5, 20]).toContain(refused[0]!.i);
    expect(refused[0]!.reason).toBeInstanceOf(DomainError);
    expect((refused[0]!.reason as DomainError).code).toBe('conflict');
    const accepted = settled[refused[0]!.i === 5 ? 20 : 5]!;
    if (accepted.status !== 'fulfilled') throw new Error('one of the two ballots with the same code is stored');
    const storedEntry = (await t.service.getBallotBox('together', { limit: 100, staff: true })).find(
      (e) => e.seq === accepted.value.receipt.seq,
    );
    expect(storedEntry?.ballotHash).toBe(accepted.value.receipt.ballotHash);
    const ok = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const replay = ok.at(-1)!;
    expect(replay.replayed).toBe(true);
    expect(replay.receipt.seq).toBe(stored.get(codes[3]!));
    expect(
      ok
        .slice(0, 20)
        .map((r) => r.receipt.seq)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 20 }, (_, i) => i + 32));
    const tally = await t.service.getTally('together', { staff: true });
    if (tally.hidden) throw new Error('the staff tally is never hidden');
    expect(tally.participation.ballots).toBe(51);
    expect(await t.service.getBallotBox('together', { limit: 100, staff: true })).toHaveLength(51);
    expect((await t.service.auditVerify('together')).ok).toBe(true);
  });
});
