import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJSON } from '../../server/ledger/chain';
import { electionBody, openCodeVote, pollBody, STORE_KIND, TestServer, type VoterCode } from './harness';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
type Entry = Record<string, unknown> & { seq: number; ballotHash: string; prevHash: string; chainHash: string };

/** A server with a code vote `lift` (its codes, filled in before the first test) and an open poll `parking`. */
function liftAndParking() {
  const t = new TestServer();
  const codes: VoterCode[] = [];
  beforeAll(async () => {
    await t.start();
    codes.push(...(await openCodeVote(t, 'lift')));
    await t.staff('POST', '/consultations', { body: pollBody('parking') });
  });
  afterAll(() => t.dispose());
  return { t, codes };
}

describe('ballot secrecy in the public box', () => {
  const { t, codes } = liftAndParking();

  it('shows a code vote as seq and hashes only, and no published hash can be tested against a guessed choice', async () => {
    expect((await t.call('GET', '/consultations/lift')).body.ballot.ballotBox).toBe('receipts');
    const unit = codes.find((c) => c.unit === '202')!; // 58.30 m², one owner: a unique area
    const cast = await t.call('POST', '/consultations/lift/ballots', { body: { choices: ['no'], code: unit.code } });
    expect(cast.status).toBe(201);
    const receipt = cast.body;
    expect(receipt.secret).toMatch(/^[0-9a-f]{64}$/);
    const box = await t.call('GET', '/consultations/lift/ballot-box');
    expect(box.body.ballotBox).toBe('receipts');
    const [entry] = box.body.entries as Entry[];
    expect(Object.keys(entry!).sort()).toEqual(['ballotHash', 'chainHash', 'prevHash', 'seq']);
    expect(JSON.stringify(box.body)).not.toContain(receipt.at);
    // Someone who knows the flat (its area) tries every choice, with any hash format they can think of: no match.
    const weight = { area: '58.30', count: 1 };
    const guesses = ['yes', 'no', 'abstain'].flatMap((choice) => [
      sha(canonicalJSON({ v: 2, seq: 1, choices: [choice], weight })),
      sha(canonicalJSON({ v: 3, seq: 1, choices: [choice], weight })),
      sha(canonicalJSON({ seq: 1, receiptId: receipt.receiptId, at: receipt.at, choices: [choice], weight })),
    ]);
    expect(guesses).not.toContain(entry!.ballotHash);
    // The voter, holding the receipt's secret, can check their own ballot is in the box as cast.
    const mine = sha(canonicalJSON({ v: 3, seq: 1, choices: ['no'], weight, secret: receipt.secret }));
    expect(mine).toBe(entry!.ballotHash);
    // The receipt looked up later still carries the secret; the audit (with the database) checks chain and tally.
    expect((await t.call('GET', `/receipts/${receipt.receiptId}`)).body.secret).toBe(receipt.secret);
    expect(await t.service.auditVerify('lift')).toMatchObject({ ok: true, chainOk: true, tallyOk: true });
  });

  it('lets anyone recount an open poll from its public box, which shows no time or receipt id', async () => {
    for (const [i, choice] of ['a', 'b', 'a'].entries()) {
      await t.call('POST', '/consultations/parking/ballots', {
        body: { choices: [choice], voterKey: `browser-key-${i}00` },
      });
    }
    const box = await t.call('GET', '/consultations/parking/ballot-box');
    expect(box.body.ballotBox).toBe('public');
    const entries = box.body.entries as Entry[];
    for (const entry of entries) {
      expect(entry).not.toHaveProperty('at');
      expect(entry).not.toHaveProperty('receiptId');
      const { seq, choices, weight } = entry;
      expect(sha(canonicalJSON({ v: 2, seq, choices, weight }))).toBe(entry.ballotHash);
    }
    const counted = entries.map((e) => (e.choices as string[])[0]);
    expect(counted).toEqual(['a', 'b', 'a']);
    const tally = await t.call('GET', '/consultations/parking/tally?lang=en');
    expect(tally.body.totals.a.count).toBe(2);
  });

  it('lets staff choose a public box for a code vote when creating it', async () => {
    const [first] = await openCodeVote(t, 'lift-public', { ballot: { ballotBox: 'public' } });
    const cast = await t.call('POST', '/consultations/lift-public/ballots', {
      body: { choices: ['yes'], code: first!.code },
    });
    expect(cast.body.secret).toBeUndefined();
    const box = await t.call('GET', '/consultations/lift-public/ballot-box');
    expect(box.body.ballotBox).toBe('public');
    expect(box.body.entries[0]).toMatchObject({ seq: 1, choices: ['yes'], weight: { area: '86.20', count: 1 } });
    const bad = await t.staff('POST', '/consultations', {
      body: { ...electionBody('lift-bad'), ballot: { ...electionBody('x').ballot, ballotBox: 'everything' } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('ballot.ballotBox');
  });
});

describe('an Idempotency-Key with a made-up credential', () => {
  const { t, codes } = liftAndParking();

  const vote = (slug: string, body: unknown, key: string) =>
    t.call('POST', `/consultations/${slug}/ballots`, { body, headers: { 'Idempotency-Key': key } });
  const shape = (r: { status: number; body: { error?: { code: string; message: string } } }) => ({
    status: r.status,
    error: r.body.error?.code,
    message: r.body.error?.message,
  });

  it('answers exactly as for a key never used: no 422, no 409, no receipt of the voter who used it', async () => {
    const used = await vote('lift', { choices: ['yes'], code: codes[0]!.code }, 'resident-key-1');
    expect(used.status).toBe(201);
    for (const choices of [['yes'], ['no']]) {
      const probe = await vote('lift', { choices, code: 'ABCD-2345' }, 'resident-key-1');
      const fresh = await vote('lift', { choices, code: 'ABCD-2345' }, `never-used-${choices[0]}`);
      expect(shape(probe)).toEqual(shape(fresh));
      expect(probe.status).toBe(403);
      expect(probe.text).not.toContain(used.body.receiptId);
    }
    // Open poll: another browser key with the same Idempotency-Key is another browser's own first ballot.
    const mine = await vote('parking', { choices: ['a'], voterKey: 'browser-mine-001' }, 'poll-key');
    const theirs = await vote('parking', { choices: ['b'], voterKey: 'browser-theirs-01' }, 'poll-key');
    expect(theirs.status).toBe(201);
    expect(theirs.body.receiptId).not.toBe(mine.body.receiptId);
    // The real voter still gets their own receipt back on a retry.
    const retry = await vote('lift', { choices: ['yes'], code: codes[0]!.code }, 'resident-key-1');
    expect(retry.status).toBe(200);
    expect(retry.body.receiptId).toBe(used.body.receiptId);
  });
});

describe('a database from before ballot-box modes', () => {
  const t = new TestServer();
  afterAll(() => t.dispose());

  // Rewinding a file to the old format is done with SQL on SQLite; the migration's PostgreSQL text runs at every start.
  it.skipIf(STORE_KIND === 'postgres')(
    'keeps boxes that hold ballots public and verifiable, and gives the others their default',
    async () => {
      await t.start();
      const codes = await openCodeVote(t, 'old-lift');
      await t.staff('POST', '/consultations', { body: electionBody('new-lift') });
      for (const { code } of codes.slice(0, 2)) {
        expect(
          (await t.call('POST', '/consultations/old-lift/ballots', { body: { choices: ['yes'], code } })).status,
        ).toBe(201);
      }
      await t.stop();
      // Rewind the file to what the previous version wrote: hashes over receipt id and time, no ballotBox field,
      // results live (the default then).
      const db = new Database(t.db);
      const rows = db.prepare('SELECT * FROM ballots ORDER BY seq').all() as Array<Record<string, unknown>>;
      let prev = rows[0]!.prev_hash as string;
      for (const row of rows) {
        const area = row.weight_area as number;
        const weight = {
          area: `${Math.floor(area / 100)}.${String(area % 100).padStart(2, '0')}`,
          count: row.weight_count,
        };
        const content = JSON.parse(row.content as string);
        const hash = sha(canonicalJSON({ seq: row.seq, receiptId: row.receipt_id, at: row.at, ...content, weight }));
        const chained = sha(prev + hash);
        db.prepare(
          'UPDATE ballots SET ballot_hash = ?, prev_hash = ?, chain_hash = ? WHERE seq = ? AND receipt_id = ?',
        ).run(hash, prev, chained, row.seq, row.receipt_id);
        prev = chained;
      }
      db.prepare('UPDATE tallies SET head_hash = ? WHERE head_seq = ?').run(prev, rows.length);
      db.exec(`ALTER TABLE ballots DROP COLUMN hash_format;
      UPDATE consultations SET doc = json_set(json_remove(doc, '$.ballot.ballotBox'), '$.ballot.resultsVisibility', 'live');
      DELETE FROM schema_migrations WHERE version IN (5, 7);`);
      db.close();
      await t.start();
      const old = await t.call('GET', '/consultations/old-lift/ballot-box');
      expect(old.body.ballotBox).toBe('public');
      expect(old.body.entries[0]).toMatchObject({ seq: 1, receiptId: expect.any(String), choices: ['yes'] });
      expect(await t.service.auditVerify('old-lift')).toMatchObject({ ok: true, entries: 2 });
      // The box that became public keeps its live results; the one that became secret shows them at the close.
      expect((await t.call('GET', '/consultations/old-lift')).body.ballot.resultsVisibility).toBe('live');
      expect((await t.call('GET', '/consultations/new-lift')).body.ballot).toMatchObject({
        ballotBox: 'receipts',
        resultsVisibility: 'after_close',
      });
      // New ballots in the old box use the new public format (no time), and the chain goes on.
      expect(
        (await t.call('POST', '/consultations/old-lift/ballots', { body: { choices: ['no'], code: codes[2]!.code } }))
          .status,
      ).toBe(201);
      const after = await t.call('GET', '/consultations/old-lift/ballot-box');
      expect(after.body.entries[2]).not.toHaveProperty('at');
      expect(await t.service.auditVerify('old-lift')).toMatchObject({ ok: true, entries: 3 });
    },
  );
});
