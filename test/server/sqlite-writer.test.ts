/**
 * The SQLite ballot writer thread (server/store/sqlite-writer.ts): batches are committed on a second connection
 * while the main thread goes on taking requests. What must not change: a ballot is acknowledged only once its
 * batch is durable, one refused ballot never fails its neighbours, and the chain keeps the order ballots came in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/service';
import { type TempDb, tempDb, yesnoConsultation } from '../../server/domain/test-helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));

let db: TempDb;
afterEach(() => db?.cleanup());

function rollCsv(units: number): string {
  const lines = ['房号,姓名,面积,人数'];
  for (let i = 0; i < units; i++) lines.push(`${1000 + i},住户${i},${(60 + (i % 40)).toFixed(2)},1`);
  return `${lines.join('\n')}\n`;
}

/** A code vote `slug` with `units` units and their codes, in a database that is then closed. */
async function codeVote(units: number, slug = 'lift'): Promise<string[]> {
  const service = await db.open();
  await service.createConsultation(yesnoConsultation(slug));
  await service.importRoll(slug, rollCsv(units));
  const codes = (await service.issueCodes(slug)).map((c) => c.code);
  await service.close();
  return codes;
}

describe('SQLite writer thread', () => {
  it('commits concurrent ballots on the thread: a double vote in the same batch is a 409, its neighbours count, the chain keeps arrival order', async () => {
    db = tempDb();
    const codes = await codeVote(60);
    const service = await db.open();
    await service.warm();
    // Every unit votes once; units 0 and 1 send a second ballot in the same burst (another phone, same sheet).
    const ballots = [
      ...codes.map((code, i) => ({ code, choice: i % 3 === 0 ? 'no' : 'yes' })),
      { code: codes[0]!, choice: 'yes' },
      { code: codes[1]!, choice: 'no' },
    ];
    const settled = await Promise.allSettled(
      ballots.map((b) => service.castBallot('lift', { choices: [b.choice], code: b.code })),
    );
    const refused = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ i, reason: s.reason as unknown }] : []));
    expect(refused.map((r) => r.i)).toEqual([60, 61]);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).code).toBe('conflict');
    }
    const receipts = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.receipt] : []));
    // In the order the ballots were cast: seq 1, 2, 3, …
    expect(receipts.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const stats = service.stats();
    expect(stats.threadTransactions).toBeGreaterThan(0);
    expect(stats.threadTransactions).toBe(stats.ballotTransactions);
    expect(stats.ballotTransactions).toBeLessThan(20);
    const tally = await service.getTally('lift', { staff: true });
    if (tally.hidden) throw new Error('the staff tally is never hidden');
    expect(tally.participation.ballots).toBe(60);
    expect((await service.auditVerify('lift')).ok).toBe(true);
    const box = await service.getBallotBox('lift', { limit: 100 });
    await service.close();

    // Reopened, the box holds the same chain, entry for entry, and each receipt is found.
    const reopened = await db.open();
    expect(await reopened.getBallotBox('lift', { limit: 100 })).toEqual(box);
    expect(box.map((e) => e.chainHash)).toEqual(receipts.map((r) => r.chainHash));
    for (const r of receipts) expect((await reopened.getReceipt(r.receiptId)).seq).toBe(r.seq);
    expect((await reopened.auditVerify('lift')).ok).toBe(true);
    await reopened.close();
  });

  it('keeps every ballot a client got 201 for when `linli serve` is killed with SIGKILL mid-load, and counts none twice when clients send again', async () => {
    db = tempDb();
    const codes = await codeVote(1000, 'kill');
    const server = await serve(db.file);
    const url = new URL(`${server.url}/api/v1/consultations/kill/ballots`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const acknowledged: Array<{ receiptId: string; seq: number }> = [];
    let killed = false;
    let next = 0;
    const post = (code: string, i: number) =>
      new Promise<void>((resolve) => {
        const body = JSON.stringify({ choices: [i % 2 ? 'yes' : 'no'], code });
        const req = http.request(
          url,
          {
            agent,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `kill-${i}` },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => {
              text += d;
            });
            res.on('end', () => {
              if (res.statusCode === 201) {
                const { receiptId, seq } = JSON.parse(text) as { receiptId: string; seq: number };
                acknowledged.push({ receiptId, seq });
                if (acknowledged.length === 400 && !killed) {
                  killed = true;
                  server.child.kill('SIGKILL');
                }
              }
              resolve();
            });
            res.on('error', () => resolve());
          },
        );
        // The server is gone: this ballot was never acknowledged. (Its burst of 600 code ballots per address is
        // never exhausted: the kill comes at 400.)
        req.on('error', () => resolve());
        req.end(body);
      });
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < codes.length && !killed) {
          const i = next++;
          await post(codes[i]!, i);
        }
      }),
    );
    agent.destroy();
    expect(await server.exited).toBe('SIGKILL');
    expect(server.output()).not.toMatch(/writer thread failed/);
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);

    const service = await db.open();
    for (const { receiptId, seq } of acknowledged) expect((await service.getReceipt(receiptId)).seq).toBe(seq);
    const audit = await service.auditVerify('kill');
    expect(audit.problems).toEqual([]);
    expect(audit.entries).toBeGreaterThanOrEqual(acknowledged.length);

    // Every client that was cut off sends its ballot again, as the widget's queue does, with the same code and key:
    // one stored before the kill but never answered is replayed, one lost with the process is stored now. Either
    // way each unit counts once: the box holds exactly one entry per unit that sent a ballot.
    const sent = next;
    const again = await Promise.all(
      codes
        .slice(0, sent)
        .map((code, i) =>
          service.castBallot('kill', { choices: [i % 2 ? 'yes' : 'no'], code }, { idempotencyKey: `kill-${i}` }),
        ),
    );
    const acknowledgedIds = new Set(acknowledged.map((a) => a.receiptId));
    const replayedIds = again.filter((r) => r.replayed).map((r) => r.receipt.receiptId);
    for (const id of acknowledgedIds) expect(replayedIds).toContain(id);
    const tally = await service.getTally('kill', { staff: true });
    if (tally.hidden) throw new Error('the staff tally is never hidden');
    expect(tally.participation.ballots).toBe(sent);
    const recount = await service.auditVerify('kill');
    expect(recount.problems).toEqual([]);
    expect(recount.entries).toBe(sent);
    await service.close();
  }, 120_000);
});

/** `linli serve` on the file, in its own process (killed by the test, so never cleaned up by itself). */
function serve(
  file: string,
): Promise<{ child: ChildProcess; url: string; exited: Promise<string | null>; output: () => string }> {
  const child = spawn(process.execPath, [join(root, 'bin/linli.mjs'), 'serve', '--db', file, '--port', '0'], {
    cwd: root,
    env: { ...process.env, LINLI_LOG_LEVEL: 'warn' },
  });
  let out = '';
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, exited, output: () => out });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then(() => reject(new Error(`serve exited: ${out}`)));
  });
}
