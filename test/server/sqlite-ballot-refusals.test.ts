/**
 * The SQLite batch writer decides a code ballot by writing it (the roll unit's guarded UPDATE, then the ballot's
 * INSERT under the voter's unique index) and reads why only when a write is refused. Every refusal must still be
 * the one the checks gave when they were asked first, and a refused ballot must leave nothing behind: not its
 * unit marked voted, not a place in the chain.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { codeConsultation, type TempDb, tempDb } from '../../server/domain/test-helpers';
import { SqliteBallots } from '../../server/store/sqlite-ballots';
import { SqliteElectorates } from '../../server/store/sqlite-electorate';
import { openDatabase } from '../../server/store/sqlite-schema';
import type { AggregateReducer, BallotToAppend } from '../../server/store/types';

/** Counts ballots: the writer folds every stored ballot into the running totals, and only those. */
const counting: AggregateReducer = {
  load: (_id, json) => ({ n: (json as { n: number } | null)?.n ?? 0 }),
  add: (_id, state) => {
    (state as { n: number }).n += 1;
  },
  save: (_id, state) => state,
};

let db: TempDb;
afterEach(() => db?.cleanup());

describe('SQLite ballots refused inside a batch', () => {
  it('name the earlier ballot before the code, undo a unit marked for a refused ballot, and leave the chain whole', async () => {
    db = tempDb();
    const service = await db.open();
    await codeConsultation(service, 'vote-a');
    await service.close();

    const sqlite = openDatabase(db.file);
    const { id } = sqlite.prepare('SELECT id FROM consultations WHERE slug = ?').get('vote-a') as { id: string };
    const units = sqlite
      .prepare('SELECT unit, code_hash FROM roll_units WHERE consultation_id = ? ORDER BY unit')
      .all(id) as Array<{ unit: string; code_hash: string }>;
    expect(units.length).toBe(4);
    const [a, b, c, d] = units as [(typeof units)[0], (typeof units)[0], (typeof units)[0], (typeof units)[0]];
    // A unit marked voted with no ballot of its own: only the code can refuse it.
    sqlite.prepare('UPDATE roll_units SET voted = 1 WHERE consultation_id = ? AND unit = ?').run(id, c.unit);

    let n = 0;
    const ballot = (
      unit: { unit: string; code_hash: string },
      voter: string,
      extra: Partial<BallotToAppend> = {},
    ): BallotToAppend => ({
      consultationId: id,
      voterHash: voter,
      rollUnit: { unit: unit.unit, codeHash: unit.code_hash },
      content: { choices: ['yes'] },
      weight: { areaHundredths: 10_000n, count: 1 },
      receiptId: `r_test${++n}`,
      at: new Date().toISOString(),
      hashFormat: 3,
      secret: `secret-${n}`,
      ...extra,
    });

    const writer = new SqliteBallots(sqlite, new SqliteElectorates(sqlite));
    const outcomes = writer.append(
      [
        ballot(a, 'voter-a', { idempotencyKey: 'k1' }),
        // The same request again: its first receipt.
        ballot(a, 'voter-a', { idempotencyKey: 'k1' }),
        // The same voter with another key, and with the key but other choices.
        ballot(a, 'voter-a', { idempotencyKey: 'k2' }),
        ballot(a, 'voter-a', { idempotencyKey: 'k1', content: { choices: ['no'] } }),
        ballot({ unit: b.unit, code_hash: 'not-its-code' }, 'voter-b'),
        ballot(c, 'voter-c'),
        // Its unit is free, but the voter has a ballot: the unit's mark must be undone with the refused insert.
        ballot(d, 'voter-a'),
        ballot(b, 'voter-b'),
      ],
      counting,
    );

    expect(outcomes.map((o) => (o.ok ? (o.replayed ? 'replayed' : o.receipt.seq) : o.refusal.reason))).toEqual([
      1,
      'replayed',
      'already_voted',
      'key_reused',
      'code_invalid',
      'code_used',
      'already_voted',
      2,
    ]);
    const first = outcomes[0]!;
    const replay = outcomes[1]!;
    expect(replay.ok && first.ok && replay.receipt).toEqual(first.ok && first.receipt);

    const voted = Object.fromEntries(
      (
        sqlite.prepare('SELECT unit, voted FROM roll_units WHERE consultation_id = ?').all(id) as Array<{
          unit: string;
          voted: number;
        }>
      ).map((u) => [u.unit, u.voted]),
    );
    expect([voted[a.unit], voted[b.unit], voted[c.unit], voted[d.unit]]).toEqual([1, 1, 1, 0]);
    const rows = sqlite
      .prepare('SELECT seq, voter_hash, prev_hash, chain_hash FROM ballots WHERE consultation_id = ? ORDER BY seq')
      .all(id) as Array<{ seq: number; voter_hash: string; prev_hash: string; chain_hash: string }>;
    expect(rows.map((r) => [r.seq, r.voter_hash])).toEqual([
      [1, 'voter-a'],
      [2, 'voter-b'],
    ]);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.chain_hash);
    expect(writer.tally(id)).toMatchObject({ aggregate: { n: 2 }, ballots: 2, headSeq: 2 });
    sqlite.close();
  });

  it('refuses a code whose unit is gone from the roll, and the first ballot of a box freezes nothing when refused', async () => {
    db = tempDb();
    const service = await db.open();
    await codeConsultation(service, 'vote-a');
    await service.close();

    const sqlite = openDatabase(db.file);
    const { id } = sqlite.prepare('SELECT id FROM consultations WHERE slug = ?').get('vote-a') as { id: string };
    const writer = new SqliteBallots(sqlite, new SqliteElectorates(sqlite));
    const [outcome] = writer.append(
      [
        {
          consultationId: id,
          voterHash: 'voter-x',
          rollUnit: { unit: 'no-such-unit', codeHash: 'x' },
          content: { choices: ['yes'] },
          weight: { areaHundredths: 10_000n, count: 1 },
          receiptId: 'r_test-x',
          at: new Date().toISOString(),
          hashFormat: 3,
          secret: 's',
        },
      ],
      counting,
    );
    expect(outcome).toEqual({ ok: false, refusal: { reason: 'code_invalid' } });
    expect(sqlite.prepare('SELECT count(*) AS n FROM ballots').get()).toEqual({ n: 0 });
    expect(new SqliteElectorates(sqlite).get(id)).toBeNull();
    sqlite.close();
  });
});
