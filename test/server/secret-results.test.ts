/**
 * A secret ballot (`ballotBox: receipts`) never shows a live count: a watcher who diffs the tally after each event
 * and knows when a neighbour voted would read that neighbour's choice (core's defaultResultsVisibility says why
 * batching is no fix). Over real HTTP, on SQLite and on PostgreSQL.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../support/sse';
import { electionBody, openCodeVote, pollBody, STORE_KIND, TestServer, until } from './harness';

const secretVote = (slug: string, ballot: Record<string, unknown> = {}) => {
  const body = electionBody(slug);
  return { ...body, ballot: { ...body.ballot, ...ballot } };
};

describe('results of a secret ballot', () => {
  const t = new TestServer();
  let codes: Array<{ unit: string; code: string }> = [];

  beforeAll(async () => {
    await t.start();
    codes = await openCodeVote(t, 'lift');
  });
  afterAll(() => t.dispose());

  it('refuses live results for a receipts box when creating or changing a ballot, naming the field', async () => {
    for (const body of [
      secretVote('live-lift', { resultsVisibility: 'live' }),
      {
        ...pollBody('live-poll'),
        ballot: { ...pollBody('x').ballot, ballotBox: 'receipts', resultsVisibility: 'live' },
      },
    ]) {
      const refused = await t.staff('POST', '/consultations', { body });
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['ballot.resultsVisibility']);
      expect(refused.body.error.message).toMatch(
        /^ballot\.resultsVisibility: a receipts ballot box is a secret ballot/,
      );
      expect(refused.body.error.messageZh).toContain('ballot.resultsVisibility');
      expect((await t.call('GET', `/consultations/${body.slug}`)).status).toBe(404);
    }
    await t.staff('POST', '/consultations', { body: { ...secretVote('draft-lift'), phase: 'draft' } });
    const patched = await t.staff('PATCH', '/consultations/draft-lift', {
      body: { ballot: { ...electionBody('x').ballot, resultsVisibility: 'live' } },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.issues[0].path).toBe('ballot.resultsVisibility');
    expect((await t.staff('GET', '/consultations/draft-lift')).body.ballot.resultsVisibility).toBe('after_close');
  });

  it('shows a watcher only how many ballots arrived, never a count per option, until the close', async () => {
    expect((await t.call('GET', '/consultations/lift')).body.ballot).toMatchObject({
      ballotBox: 'receipts',
      resultsVisibility: 'after_close',
    });
    const watcher = subscribe(`${t.url}/api/v1/consultations/lift/events`);
    await until(() => watcher.of('tally').length === 1);
    // Flats of one owner each, so the households counted are the ballots cast.
    const single = codes.filter((c) => c.unit !== '201');
    for (const [i, choice] of ['no', 'yes', 'no'].entries()) {
      const cast = await t.call('POST', '/consultations/lift/ballots', {
        body: { choices: [choice], code: single[i]!.code },
      });
      expect(cast.status).toBe(201);
      await until(() => watcher.of('tally').at(-1)?.participation.ballots === i + 1);
    }
    // Every event the watcher could diff carries the number of ballots and nothing that depends on a choice.
    for (const event of watcher.of('tally')) {
      expect(event).toMatchObject({ hidden: true, final: false });
      expect(Object.keys(event).sort()).toEqual(['binding', 'final', 'hidden', 'participation', 'phase', 'slug']);
      expect(Object.keys(event.participation)).toEqual(['ballots']);
    }
    expect((await t.call('GET', '/consultations/lift/tally')).body).toEqual(watcher.of('tally').at(-1));
    // Staff follow the turnout while voting is open.
    const running = await t.staff('GET', '/consultations/lift/tally?lang=en');
    expect(running.body).toMatchObject({ hidden: false, totals: { yes: { count: 1 }, no: { count: 2 } } });

    // At the close the count is published, to everyone at once.
    await t.staff('POST', '/consultations/lift/phase', { body: { phase: 'implementing' } });
    await until(() => watcher.of('tally').at(-1)?.hidden === false);
    expect(watcher.of('tally').at(-1)).toMatchObject({ final: true, totals: { yes: { count: 1 }, no: { count: 2 } } });
    await watcher.close();
  });

  it('still shows a public box live: anyone can recount it anyway', async () => {
    const [first] = await openCodeVote(t, 'lift-public', { ballot: { ballotBox: 'public' } });
    await t.call('POST', '/consultations/lift-public/ballots', { body: { choices: ['yes'], code: first!.code } });
    const tally = await t.call('GET', '/consultations/lift-public/tally');
    expect(tally.body).toMatchObject({ hidden: false, totals: { yes: { count: 1 } } });
  });
});

describe('a database holding a secret ballot with live results, from before the rule', () => {
  const t = new TestServer();
  afterAll(() => t.dispose());

  /** Writes what the previous version stored: the definition with live results, migration 7 not yet applied. */
  async function rewind() {
    const statements =
      STORE_KIND === 'sqlite'
        ? [
            `UPDATE consultations SET doc = json_set(doc, '$.ballot.resultsVisibility', 'live')`,
            'DELETE FROM schema_migrations WHERE version = 7',
          ]
        : [
            `UPDATE consultations SET doc = jsonb_set(doc::jsonb, '{ballot,resultsVisibility}', '"live"')::text`,
            'DELETE FROM schema_migrations WHERE version = 7',
          ];
    if (STORE_KIND === 'sqlite') {
      const db = new Database(t.db);
      for (const sql of statements) db.exec(sql);
      db.close();
      return;
    }
    const client = new pg.Client({ connectionString: t.db });
    await client.connect();
    for (const sql of statements) await client.query(sql);
    await client.end();
  }

  it('shows its results after the close once upgraded, and leaves public boxes live', async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: secretVote('old-lift') });
    await t.staff('POST', '/consultations', { body: secretVote('old-public', { ballotBox: 'public' }) });
    await t.stop();
    await rewind();
    await t.start();
    expect((await t.call('GET', '/consultations/old-lift')).body.ballot.resultsVisibility).toBe('after_close');
    expect((await t.call('GET', '/consultations/old-lift/tally')).body.hidden).toBe(true);
    expect((await t.call('GET', '/consultations/old-public')).body.ballot.resultsVisibility).toBe('live');
  });
});
