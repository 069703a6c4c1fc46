/**
 * Scale-out on PostgreSQL: three `linli serve` processes on one database, as behind a load balancer. Live events
 * cross instances (LISTEN/NOTIFY) and stay coalesced; a code lockout holds whichever instance a guesser hits;
 * under load one instance is killed with SIGKILL and every acknowledged ballot is still there exactly once, the
 * chain verifies, and every instance reports the same tally as a recount of the public ballot box.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLinliService } from '../../server/domain/linli';
import { type Instance, linli, serve, stop } from '../support/linli-process';
import { subscribe } from '../support/sse';
import { testDatabase, until } from './harness';

const UNITS = 420;
const dir = mkdtempSync(join(tmpdir(), 'linli-instances-'));
let db = '';
let codes: Array<{ unit: string; code: string }> = [];
let lockoutCodes: Array<{ unit: string; code: string }> = [];
const instances: Instance[] = [];

const roll = (n: number) =>
  ['房号,姓名,面积,人数', ...Array.from({ length: n }, (_, i) => `${1000 + i},住户${i},${60 + (i % 40)}.25,1`)].join(
    '\n',
  );

async function post(base: string, slug: string, body: unknown, key?: string) {
  const res = await fetch(`${base}/api/v1/consultations/${slug}/ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { receiptId?: string; seq?: number; replayed?: boolean },
  };
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

interface BoxEntry {
  seq: number;
  choices?: string[];
  prevHash: string;
  chainHash: string;
}

async function ballotBox(base: string, slug: string): Promise<BoxEntry[]> {
  const entries: BoxEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await getJson<{ entries: BoxEntry[]; next: number | null }>(
      `${base}/api/v1/consultations/${slug}/ballot-box?after=${after}`,
    );
    entries.push(...page.entries);
    if (page.next === null) return entries;
    after = page.next;
  }
}

describe('several linli serve instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    db = await testDatabase(dir, 'instances');
    const service = await openLinliService(db);
    for (const slug of ['block-7', 'lockout']) {
      await service.createConsultation({
        slug,
        title: '7号楼加装电梯',
        community: 'heping',
        phase: 'voting',
        // A public box lists each ballot's choices, so the test can recount it as any resident could.
        ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-major', ballotBox: 'public' },
      });
    }
    await service.importRoll('block-7', roll(UNITS));
    codes = await service.issueCodes('block-7');
    await service.importRoll('lockout', roll(4));
    lockoutCodes = await service.issueCodes('lockout');
    await service.close();
    instances.push(...(await Promise.all([serve(['--db', db]), serve(['--db', db]), serve(['--db', db])])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => stop(i.child)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a ballot recorded on instance A to event subscribers on B and on the shared stream on C, about once a second', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    const stream = subscribe(`${b.url}/api/v1/consultations/block-7/events`);
    // The shared stream every widget on a page uses, on a third instance: each event names its consultation.
    const shared = subscribe(`${c.url}/api/v1/events?consultations=block-7`);
    await until(() => stream.of('phase').length > 0 && shared.of('phase').length > 0);
    const first = codes.shift()!;
    expect((await post(a.url, 'block-7', { choices: ['yes'], code: first.code })).status).toBe(201);
    await until(() => stream.of('tally').some((t) => t.participation?.ballots === 1), 5000);
    await until(
      () => shared.of('tally').some((t) => t.consultation === 'block-7' && t.data?.participation?.ballots === 1),
      5000,
    );
    await shared.close();

    // A burst on A: B's viewers get a few coalesced frames, not one per ballot.
    const before = stream.of('tally').length;
    const burst = codes.splice(0, 40);
    const started = Date.now();
    const replies = await Promise.all(burst.map((c) => post(a.url, 'block-7', { choices: ['no'], code: c.code })));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    await until(() => stream.of('tally').some((t) => t.participation?.ballots === 41), 5000);
    const seconds = (Date.now() - started) / 1000;
    const frames = stream.of('tally').length - before;
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    await stream.close();
  });

  it('keeps a wrong-code lockout whichever instance the guesser reaches', async () => {
    const wrong = { choices: ['yes'], code: 'ZZZZ-ZZZZ' };
    // 20 refused codes (the default limit) spread over two instances…
    for (let i = 0; i < 20; i++) {
      const reply = await post(instances[i % 2]!.url, 'lockout', wrong);
      expect(reply.status).toBe(403);
    }
    // …lock this address out on the third, which has seen none of them, even with a valid code.
    const locked = await post(instances[2]!.url, 'lockout', { choices: ['yes'], code: lockoutCodes[0]!.code });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('loses no acknowledged ballot when an instance is killed mid-load, and every instance agrees', async () => {
    const acknowledged = new Map<string, string>(); // unit → receiptId
    const dead = new Set<number>();
    let sent = 0;
    const queue = [...codes];
    const victim = 1;
    const killed = new Promise<NodeJS.Signals | null>((resolve) =>
      instances[victim]!.child.once('exit', (_code, signal) => resolve(signal)),
    );
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const body = { choices: [Number(job.unit) % 3 === 0 ? 'no' : 'yes'], code: job.code };
        // Round robin over live instances; a request the dead instance never answered is retried elsewhere with
        // the same Idempotency-Key, as the widget does: it must count once, whether or not it had been written.
        for (let attempt = 0; ; attempt++) {
          const target = (sent++ + attempt) % instances.length;
          if (dead.has(target)) continue;
          try {
            const reply = await post(instances[target]!.url, 'block-7', body, `ballot-${job.unit}`);
            // 201 recorded now; 200 a replay: the killed instance had committed it before it could answer.
            expect(reply.status === 201 || (reply.status === 200 && reply.body.replayed === true)).toBe(true);
            acknowledged.set(job.unit, reply.body.receiptId!);
            break;
          } catch (error) {
            if (!dead.has(target)) throw error;
          }
          if (attempt > 10) throw new Error(`unit ${job.unit}: no live instance answered`);
        }
        if (acknowledged.size === 120 && !dead.has(victim)) {
          dead.add(victim);
          instances[victim]!.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    expect(dead.has(victim)).toBe(true);
    expect(await killed).toBe('SIGKILL');
    expect(acknowledged.size).toBe(UNITS - 41);

    // The killed instance comes back (as the orchestrator would restart it) and must agree with the others.
    instances[victim] = await serve(['--db', db]);
    const box = await ballotBox(instances[0]!.url, 'block-7');
    expect(box.map((e) => e.seq)).toEqual(Array.from({ length: UNITS }, (_, i) => i + 1));
    // Every acknowledged receipt resolves, each to its own seq: no ballot twice, none lost.
    const seqs = new Set<number>();
    let n = 0;
    for (const receiptId of acknowledged.values()) {
      // Spread over the instances: one address reading ~380 receipts from one would meet its read rate limit.
      const at = instances[n++ % instances.length]!.url;
      const receipt = await getJson<{ seq: number }>(`${at}/api/v1/receipts/${receiptId}`);
      expect(seqs.has(receipt.seq)).toBe(false);
      seqs.add(receipt.seq);
    }
    expect(seqs.size).toBe(UNITS - 41);
    for (let i = 1; i < box.length; i++) expect(box[i]!.prevHash).toBe(box[i - 1]!.chainHash);

    const recount = { yes: 0, no: 0 };
    for (const e of box) recount[e.choices![0] as 'yes' | 'no'] += 1;
    const tallies = await Promise.all(
      instances.map((i) =>
        getJson<{ totals: Record<string, { count: number }>; participation: { ballots: number } }>(
          `${i.url}/api/v1/consultations/block-7/tally`,
        ),
      ),
    );
    for (const tally of tallies) {
      expect(tally.participation.ballots).toBe(UNITS);
      expect(tally.totals.yes!.count).toBe(recount.yes);
      expect(tally.totals.no!.count).toBe(recount.no);
    }

    const audit = linli(['audit', 'verify', 'block-7', '--db', db]);
    expect(audit.stderr).toBe('');
    expect(audit.status).toBe(0);
  }, 180_000);
});
