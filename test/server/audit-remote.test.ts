import { aggregateToJSON, BallotDefinition } from '@linli/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/test-helpers';
import { tallySpec } from '../../server/domain/tally-view';
import { recount } from '../../server/ledger/aggregates';
import { chainHash, publicEntryHash } from '../../server/ledger/chain';
import { openCodeVote, pollBody, STORE_KIND, TestServer } from './harness';

/** The chain head printed on the notice, read back from its HTML. */
const printedHead = (html: string) => /第 \d+ 票后的链头：<code class="hash">([0-9a-f]{64})<\/code>/.exec(html)?.[1];

describe('the result notice and `linli audit verify --from` against a running server', () => {
  const t = new TestServer();
  let head = '';
  beforeAll(async () => {
    await t.start();
    await t.staff('POST', '/consultations', { body: pollBody('parking') });
    for (const [i, choice] of ['a', 'a', 'b', 'a'].entries()) {
      await t.call('POST', '/consultations/parking/ballots', {
        body: { choices: [choice], voterKey: `browser-${i}-000` },
      });
    }
    await t.staff('POST', '/consultations/parking/phase', { body: { phase: 'implementing' } });
    const codes = await openCodeVote(t, 'lift');
    for (const { code } of codes.slice(0, 3)) {
      await t.call('POST', '/consultations/lift/ballots', { body: { choices: ['yes'], code } });
    }
    await t.staff('POST', '/consultations/lift/phase', { body: { phase: 'implementing' } });
  });
  afterAll(() => t.dispose());

  it('prints an A4 notice after close with the question, the shares against the thresholds, the chain head and a QR code', async () => {
    const res = await fetch(`${t.url}/consultations/lift/notice.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('3号楼加装电梯 · 结果公示');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('民法典第二百七十八条（重大事项）');
    expect(html).toMatch(/<th scope="row">同意<\/th><td>4<\/td><td>100\.00%<\/td>/);
    expect(html).toContain('<svg');
    const box = await t.call('GET', '/consultations/lift/ballot-box');
    expect(printedHead(html)).toBe(box.body.head.chainHash);
    const poll = await (await fetch(`${t.url}/consultations/parking/notice.html`)).text();
    head = printedHead(poll)!;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('passes a public box (chain, head and recount) and a receipts box (chain and head) with no database', async () => {
    const poll = await runCli('audit', 'verify', 'parking', '--from', t.url, '--head', head);
    expect(poll.stderr).toBe('');
    expect(poll.code).toBe(0);
    expect(poll.stdout).toMatch(/4 ballots; hash chain ok; head [0-9a-f]{64} ok; tally ok/);
    const lift = await runCli('audit', 'verify', 'lift', '--from', t.url, '--json');
    expect(lift.code).toBe(0);
    expect(JSON.parse(lift.stdout)).toMatchObject({
      ok: true,
      chainOk: true,
      tallyOk: null,
      ballotBox: 'receipts',
      entries: 3,
    });
  });

  it.skipIf(STORE_KIND === 'postgres')(
    'catches a consistently rewritten log by the head printed on the notice',
    async () => {
      await t.stop();
      // An insider with the database rewrites ballot 1 from a to b and recomputes every hash and the tally to match.
      const db = new Database(t.db);
      const { id, doc } = db.prepare("SELECT id, doc FROM consultations WHERE slug = 'parking'").get() as {
        id: string;
        doc: string;
      };
      const rows = db.prepare('SELECT * FROM ballots WHERE consultation_id = ? ORDER BY seq').all(id) as Array<{
        seq: number;
        content: string;
        weight_count: number;
        prev_hash: string;
      }>;
      rows[0]!.content = JSON.stringify({ choices: ['b'] });
      let prev = rows[0]!.prev_hash;
      for (const row of rows) {
        const { choices } = JSON.parse(row.content) as { choices: string[] };
        const hash = publicEntryHash({ seq: row.seq, choices, weight: { count: row.weight_count } });
        const chained = chainHash(prev, hash);
        db.prepare(
          'UPDATE ballots SET content = ?, ballot_hash = ?, prev_hash = ?, chain_hash = ? WHERE consultation_id = ? AND seq = ?',
        ).run(row.content, hash, prev, chained, id, row.seq);
        prev = chained;
      }
      const def = BallotDefinition.parse(JSON.parse(doc).ballot);
      const spec = tallySpec(def, null);
      const ballots = rows.map((r) => ({
        content: JSON.parse(r.content),
        weight: { areaHundredths: null, count: r.weight_count },
      }));
      db.prepare('UPDATE tallies SET aggregate = ?, head_hash = ? WHERE consultation_id = ?').run(
        JSON.stringify(aggregateToJSON(recount(spec, ballots))),
        prev,
        id,
      );
      db.close();
      await t.start();
      // Consistent: the database audit and the box alone cannot tell.
      expect(await t.service.auditVerify('parking')).toMatchObject({ ok: true });
      expect((await runCli('audit', 'verify', 'parking', '--from', t.url)).code).toBe(0);
      // The head printed on the notice before the rewrite can.
      const caught = await runCli('audit', 'verify', 'parking', '--from', t.url, '--head', head);
      expect(caught.code).toBe(1);
      expect(caught.stderr).toContain('head MISMATCH');
      expect(caught.stderr).toContain(`the printed head ${head} is not the head of the box`);
      // A clumsy rewrite (one choice changed, hashes left) fails on the box alone, naming the entry.
      const db2 = new Database(t.db);
      db2
        .prepare('UPDATE ballots SET content = ? WHERE consultation_id = ? AND seq = 2')
        .run(JSON.stringify({ choices: ['b'] }), id);
      db2.close();
      const clumsy = await runCli('audit', 'verify', 'parking', '--from', t.url);
      expect(clumsy.code).toBe(1);
      expect(clumsy.stderr).toContain('seq 2: ballotHash does not match the published ballot');
    },
  );

  it('names an unreachable server and a malformed head', async () => {
    expect((await runCli('audit', 'verify', 'parking', '--from', t.url, '--head', 'xyz')).code).toBe(2);
    const down = await runCli('audit', 'verify', 'parking', '--from', 'http://127.0.0.1:9');
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('cannot reach http://127.0.0.1:9');
  });
});
