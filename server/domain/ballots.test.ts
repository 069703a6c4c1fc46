import Database from 'better-sqlite3';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { Linli } from './linli';
import { DomainError } from './service';
import { codeConsultation, type TempDb, tempDb, yesnoConsultation } from './test-helpers';

let db: TempDb;
let service: Linli | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  db?.cleanup();
});

async function open() {
  db = tempDb();
  service = await db.open();
  return service;
}

async function rejects(promise: Promise<unknown>, code: DomainError['code'], field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (field) expect((error as DomainError).field).toBe(field);
  return error as DomainError;
}

describe('code ballots', () => {
  it('weights by the unit, accepts a code once, in any case and with or without the dash', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    expect(codes.map((c) => c.unit)).toEqual(['101', '102', '201', '202']);
    const c201 = codes.find((c) => c.unit === '201')!.code;
    const typed = c201.replace('-', '').toLowerCase();
    const { receipt, replayed } = await s.castBallot('vote-a', { choices: ['yes'], code: typed });
    expect(replayed).toBe(false);
    expect(receipt.seq).toBe(1);
    // A code vote keeps a `receipts` box: seq and hashes only, no weight (a unique area tells the flat).
    const box = await s.getBallotBox('vote-a');
    expect(Object.keys(box[0]!).sort()).toEqual(['ballotHash', 'chainHash', 'prevHash', 'seq']);
    const tally = await s.getTally('vote-a', { staff: true, lang: 'en' });
    if (!tally.hidden) expect(tally.totals.yes).toEqual({ count: 2, area: '58.30' });
    // No field holds the unit (hashes are hex and may contain the digits 201, so look for the value itself).
    expect(JSON.stringify(box)).not.toMatch(/"201"|unit/);
    await rejects(s.castBallot('vote-a', { choices: ['no'], code: c201 }), 'conflict', 'code');
    await rejects(s.castBallot('vote-a', { choices: ['no'], code: 'ZZZZ-ZZZZ' }), 'forbidden', 'code');
    await rejects(s.castBallot('vote-a', { choices: ['no'], code: 'not a code!' }), 'invalid', 'code');
  });

  it('replays the same receipt for the same Idempotency-Key, and refuses the voter with another key', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    const code = codes[0]!.code;
    const first = await s.castBallot('vote-a', { choices: ['yes'], code }, { idempotencyKey: 'key-1' });
    const again = await s.castBallot('vote-a', { choices: ['yes'], code }, { idempotencyKey: 'key-1' });
    expect(again).toEqual({ receipt: first.receipt, replayed: true });
    await rejects(s.castBallot('vote-a', { choices: ['yes'], code }, { idempotencyKey: 'key-2' }), 'conflict');
    // Keys are scoped to the credential: the same key with another voter's code is that voter's own new ballot.
    const other = await s.castBallot('vote-a', { choices: ['yes'], code: codes[1]!.code }, { idempotencyKey: 'key-1' });
    expect(other.replayed).toBe(false);
    expect(other.receipt.receiptId).not.toBe(first.receipt.receiptId);
    expect((await s.getBallotBox('vote-a')).length).toBe(2);
  });

  it('gives receipt ids that sort in the order ballots were cast, each with 128 random bits', async () => {
    // The order keeps the receipt index's inserts on its right-most page (ballots.ts, newReceiptId).
    const s = await open();
    const codes = await codeConsultation(s);
    const ids: string[] = [];
    for (const { code } of codes) {
      ids.push((await s.castBallot('vote-a', { choices: ['yes'], code })).receipt.receiptId);
      await new Promise((r) => setTimeout(r, 2));
    }
    for (const id of ids) expect(id).toMatch(/^r_[0-9a-z]{8}[A-Za-z0-9_-]{22}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(10))).size).toBe(ids.length);
  });

  it('refuses the same Idempotency-Key with a different choice (422) instead of replaying the old receipt', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    const code = codes[0]!.code;
    await s.castBallot('vote-a', { choices: ['yes'], code }, { idempotencyKey: 'key-1' });
    const error = await rejects(
      s.castBallot('vote-a', { choices: ['no'], code }, { idempotencyKey: 'key-1' }),
      'idempotency_key_reused',
      'Idempotency-Key',
    );
    expect(error.message).toMatch(/已用于另一份内容不同的选票.*different ballot/);
    // The resident's first choice is what stands, and nothing was added.
    expect((await s.getBallotBox('vote-a')).length).toBe(1);
    const tally = await s.getTally('vote-a', { staff: true, lang: 'en' });
    if (!tally.hidden) expect([tally.totals.yes?.count, tally.totals.no?.count]).toEqual([1, 0]);
  });

  it('reissue invalidates old codes of units that have not voted', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    await s.castBallot('vote-a', { choices: ['yes'], code: codes[0]!.code });
    expect(await s.issueCodes('vote-a')).toEqual([]);
    const reissued = await s.issueCodes('vote-a', { reissue: true });
    expect(reissued.map((c) => c.unit)).toEqual(['102', '201', '202']);
    await rejects(s.castBallot('vote-a', { choices: ['no'], code: codes[1]!.code }), 'forbidden');
    await s.castBallot('vote-a', { choices: ['no'], code: reissued[0]!.code });
  });

  it('validates content against the definition, naming the field', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    const code = codes[0]!.code;
    await rejects(s.castBallot('vote-a', { choices: ['maybe'], code }), 'invalid', 'choices[0]');
    await rejects(s.castBallot('vote-a', { choices: ['yes', 'no'], code }), 'invalid', 'choices');
    await rejects(s.castBallot('vote-a', { code }), 'invalid', 'choices');
    await rejects(s.castBallot('vote-a', { choices: ['yes'], allocation: { yes: 1 }, code }), 'invalid', 'allocation');
    await rejects(s.castBallot('nope', { choices: ['yes'], code }), 'not_found');
  });

  it('audit passes, then fails after any stored ballot row is tampered with', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    for (const [i, { code }] of codes.entries())
      await s.castBallot('vote-a', { choices: [i === 3 ? 'no' : 'yes'], code });
    expect(await s.auditVerify('vote-a')).toEqual({ ok: true, chainOk: true, tallyOk: true, entries: 4, problems: [] });
    const tamper = async (sql: string) => {
      const raw = new Database(db.file);
      const before = raw.prepare('SELECT * FROM ballots WHERE seq = 2').get();
      raw.prepare(sql).run();
      raw.close();
      const report = await s.auditVerify('vote-a');
      const undo = new Database(db.file);
      const row = before as Record<string, unknown>;
      undo
        .prepare(
          'UPDATE ballots SET content = ?, weight_area = ?, weight_count = ?, ballot_hash = ?, chain_hash = ?, prev_hash = ? WHERE seq = 2',
        )
        .run(row.content, row.weight_area, row.weight_count, row.ballot_hash, row.chain_hash, row.prev_hash);
      undo.close();
      return report;
    };
    const choices = await tamper(`UPDATE ballots SET content = '{"choices":["no"]}' WHERE seq = 2`);
    expect(choices.ok).toBe(false);
    expect(choices.chainOk).toBe(false);
    expect(choices.tallyOk).toBe(false);
    expect(choices.problems.join('\n')).toContain('seq 2: ballotHash');
    expect((await tamper('UPDATE ballots SET weight_area = weight_area + 100 WHERE seq = 2')).ok).toBe(false);
    expect((await tamper('UPDATE ballots SET weight_count = 3 WHERE seq = 2')).ok).toBe(false);
    expect((await tamper(`UPDATE ballots SET ballot_hash = '${'0'.repeat(64)}' WHERE seq = 2`)).chainOk).toBe(false);
    expect((await tamper(`UPDATE ballots SET chain_hash = '${'0'.repeat(64)}' WHERE seq = 2`)).chainOk).toBe(false);
    expect((await s.auditVerify('vote-a')).ok).toBe(true);
  });
});

describe('phases and visibility', () => {
  it('hides an after_close tally until implementing, except for staff', async () => {
    const s = await open();
    const codes = await codeConsultation(s, 'hidden', { resultsVisibility: 'after_close', ballotBox: 'public' });
    await s.castBallot('hidden', { choices: ['yes'], code: codes[0]!.code });
    expect(await s.getTally('hidden')).toEqual({
      hidden: true,
      binding: true,
      slug: 'hidden',
      phase: 'voting',
      final: false,
      participation: { ballots: 1 },
    });
    const staff = await s.getTally('hidden', { staff: true });
    expect(staff.hidden).toBe(false);
    // The box must not reveal what the tally hides.
    const [sealed] = await s.getBallotBox('hidden');
    expect(sealed).not.toHaveProperty('choices');
    expect(sealed!.chainHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await s.getBallotBox('hidden', { staff: true }))[0]!.choices).toEqual(['yes']);
    await s.changePhase('hidden', 'implementing');
    const after = await s.getTally('hidden', { lang: 'en' });
    expect(after.hidden).toBe(false);
    if (!after.hidden) expect(after.totals.yes).toEqual({ count: 1, area: '86.20' });
    expect((await s.getBallotBox('hidden'))[0]!.choices).toEqual(['yes']);
  });

  it('words the live tally as the standing so far while voting is open, and as the result once it ends', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    await s.castBallot('vote-a', { choices: ['yes'], code: codes[0]!.code });
    // A code vote is secret (receipts box): the public sees its count at the close, staff see the standing now.
    expect((await s.getTally('vote-a')).hidden).toBe(true);
    const live = await s.getTally('vote-a', { staff: true });
    if (live.hidden) throw new Error('expected a visible tally');
    expect(live.final).toBe(false);
    expect(live.passed).toBe(false);
    expect(live.reasons.at(-1)).toBe(
      '目前尚未达到通过条件（投票进行中）。 / So far the conditions to pass are not met (voting is open).',
    );
    expect(live.reasons.join('\n')).not.toMatch(/结果：|Result:/);
    await s.changePhase('vote-a', 'implementing');
    const closed = await s.getTally('vote-a', { lang: 'zh-CN' });
    if (closed.hidden) throw new Error('expected a visible tally');
    expect(closed.final).toBe(true);
    expect(closed.reasons.at(-1)).toBe('结果：未通过。');
  });

  it('treats the tally as final once closesAt has passed, even before staff move the phase', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    db = tempDb();
    const s = await db.open({ now: () => now });
    service = s;
    await s.createConsultation(
      yesnoConsultation('timed', { eligibility: 'open', rule: 'simple-majority', closesAt: '2030-01-02T00:00:00Z' }),
    );
    await s.castBallot('timed', { choices: ['yes'], voterKey: 'browser-0001' });
    const live = await s.getTally('timed', { lang: 'en' });
    expect(live.final).toBe(false);
    if (!live.hidden)
      expect(live.reasons.at(-1)).toBe(
        'So far the conditions to pass are met ("yes") (voting is open; the result is decided when voting closes).',
      );
    now = new Date('2030-01-03T00:00:00Z');
    const after = await s.getTally('timed', { lang: 'en' });
    expect(after.final).toBe(true);
    if (!after.hidden) expect(after.reasons.at(-1)).toBe('Result: passed ("yes").');
  });

  it('moves phases only forward and refuses ballots outside voting', async () => {
    const s = await open();
    const codes = await codeConsultation(s);
    await rejects(s.changePhase('vote-a', 'hearing'), 'conflict', 'phase');
    await rejects(s.changePhase('vote-a', 'voting'), 'conflict', 'phase');
    const events: string[] = [];
    s.events.subscribe((e) => events.push(`${e.type}:${e.slug}`));
    await s.changePhase('vote-a', 'evaluation');
    expect(events).toEqual(['phase:vote-a']);
    await rejects(s.changePhase('vote-a', 'implementing'), 'conflict');
    await rejects(s.castBallot('vote-a', { choices: ['yes'], code: codes[0]!.code }), 'gone');
  });

  it('refuses ballots before opensAt and after closesAt', async () => {
    const s = await open();
    await s.createConsultation({
      ...yesnoConsultation('later', {
        eligibility: 'open',
        rule: 'simple-majority',
        opensAt: '2099-01-01T00:00:00+08:00',
      }),
    });
    const error = await rejects(s.castBallot('later', { choices: ['yes'], voterKey: 'browser-0001' }), 'gone');
    expect(error.message).toContain('opens at');
  });

  it('marks open ballots non-binding and emits tally events after commit', async () => {
    const s = await open();
    await s.createConsultation(yesnoConsultation('poll', { eligibility: 'open', rule: 'simple-majority' }));
    const events: unknown[] = [];
    s.events.subscribe((e) => events.push(e));
    await s.castBallot('poll', { choices: ['yes'], voterKey: 'browser-0001' });
    expect(events).toEqual([{ type: 'tally', slug: 'poll', data: { ballots: 1 } }]);
    const tally = await s.getTally('poll');
    expect(tally.binding).toBe(false);
    await rejects(s.castBallot('poll', { choices: ['no'], voterKey: 'browser-0001' }), 'conflict');
    await rejects(s.castBallot('poll', { choices: ['no'] }), 'invalid', 'voterKey');
    expect((await s.getConsultation('poll')).binding).toBe(false);
  });
});

describe('signed ballots', () => {
  const secret = 'a-site-secret-of-at-least-32-characters!';
  const sign = (claims: Record<string, unknown>, opts: { aud?: string; exp?: string | number; key?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(claims.sub ?? 'user-1'))
      .setAudience(opts.aud ?? 'signed-vote')
      .setExpirationTime(opts.exp ?? '10m')
      .sign(new TextEncoder().encode(opts.key ?? secret));

  async function signedConsultation(s: Linli) {
    await s.createConsultation(
      yesnoConsultation('signed-vote', { eligibility: 'signed', rule: 'civil-code-ordinary' }),
    );
    await s.addSiteKey('test', { kind: 'secret', secret }); // the community's key serves its consultations
  }

  it('accepts a valid token with its weight and refuses expired, wrong-audience and wrong-key tokens', async () => {
    const s = await open();
    await signedConsultation(s);
    const { receipt } = await s.castBallot('signed-vote', {
      choices: ['yes'],
      token: await sign({ sub: 'u1', area: '86.20', count: 1 }),
    });
    expect(receipt.seq).toBe(1);
    const tally = await s.getTally('signed-vote', { staff: true, lang: 'en' });
    if (!tally.hidden) expect(tally.totals.yes).toEqual({ count: 1, area: '86.20' });
    await rejects(
      s.castBallot('signed-vote', { choices: ['no'], token: await sign({ sub: 'u1', area: '86.20' }) }),
      'conflict',
    );
    const expired = await sign({ sub: 'u2', area: 50 }, { exp: Math.floor(Date.now() / 1000) - 3600 });
    expect(
      (await rejects(s.castBallot('signed-vote', { choices: ['yes'], token: expired }), 'forbidden', 'token')).message,
    ).toContain('expired');
    const wrongAud = await sign({ sub: 'u3', area: 50 }, { aud: 'elevator-9' });
    expect(
      (await rejects(s.castBallot('signed-vote', { choices: ['yes'], token: wrongAud }), 'forbidden')).message,
    ).toContain('audience');
    const wrongKey = await sign({ sub: 'u4', area: 50 }, { key: 'another-secret-that-is-long-enough-123' });
    await rejects(s.castBallot('signed-vote', { choices: ['yes'], token: wrongKey }), 'forbidden', 'token');
    await rejects(
      s.castBallot('signed-vote', { choices: ['yes'], token: await sign({ sub: 'u5' }) }),
      'forbidden',
      'token',
    );
    await rejects(s.castBallot('signed-vote', { choices: ['yes'], token: 'abc' }), 'invalid', 'token');
  });

  it('verifies ES256 tokens with a stored public JWK', async () => {
    const s = await open();
    await s.createConsultation(yesnoConsultation('signed-vote', { eligibility: 'signed', rule: 'simple-majority' }));
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    await s.addSiteKey('signed-vote', { kind: 'jwk', jwk: (await exportJWK(publicKey)) as Record<string, unknown> });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('resident-42')
      .setAudience('signed-vote')
      .setExpirationTime('5m')
      .sign(privateKey);
    const { receipt } = await s.castBallot('signed-vote', { choices: ['no'], token });
    expect(receipt.seq).toBe(1);
    await rejects(
      s.addSiteKey('x', { kind: 'jwk', jwk: (await exportJWK(privateKey)) as Record<string, unknown> }),
      'invalid',
      'jwk.d',
    );
  });
});
