/**
 * Ballots per second acknowledged (each one durable: SQLite WAL, synchronous=FULL, on a real file in the OS temp
 * directory), through the whole domain path (validation, eligibility, hash chain, tally update). Group commit is
 * compared with the baseline of one transaction (one fsync) per ballot, measured in the same run on the same disk.
 *
 *   npx tsx test/bench/ballots.bench.ts      (or `npm run bench -- --only=ballots`)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_PREFIX } from '@linli/core';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openLinliService } from '../../server/domain/linli';
import { listen } from '../../server/http/listen';
import { silentLogger } from '../../server/http/log';
import { type BenchRow, round } from './measure';

/** An open poll: no roll to import, so the measurement is the ballot path itself. */
const benchConsultation = {
  slug: 'bench',
  title: '基准测试',
  phase: 'voting' as const,
  ballot: {
    method: 'single' as const,
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ],
    eligibility: 'open' as const,
    rule: 'plurality',
  },
};

async function withService<T>(fn: (service: Awaited<ReturnType<typeof openLinliService>>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const service = await openLinliService(join(dir, 'bench.db'));
  try {
    await service.createConsultation(benchConsultation);
    return await fn(service);
  } finally {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ballot = (i: number) => ({
  choices: [['a', 'b', 'c'][i % 3]!],
  voterKey: `bench-voter-${String(i).padStart(8, '0')}`,
});

/** Every ballot awaited before the next is sent: each is its own batch, so its own transaction and fsync. */
async function sequential(count: number) {
  return withService(async (service) => {
    const start = performance.now();
    for (let i = 0; i < count; i++) await service.castBallot('bench', ballot(i));
    const seconds = (performance.now() - start) / 1000;
    return { perSecond: count / seconds, transactions: service.stats().ballotTransactions };
  });
}

/** `clients` concurrent voters, each sending its next ballot as soon as the last is acknowledged. */
async function concurrent(count: number, clients: number) {
  return withService(async (service) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < count) await service.castBallot('bench', ballot(next++));
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const audit = await service.auditVerify('bench');
    if (!audit.ok || audit.entries !== count) throw new Error(`bench: audit failed: ${audit.problems.join('; ')}`);
    return { perSecond: count / seconds, transactions: service.stats().ballotTransactions };
  });
}

/**
 * The same over real HTTP (@hono/node-server on loopback, voters in a child process): what a resident's phone
 * waits for, JSON parsing, validation and the 201 included. Rate limits are lifted: every request comes from
 * 127.0.0.1 here, and the limiter is measured by its own tests.
 */
async function overHttp(count: number, clients: number) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-http-'));
  const service = await openLinliService(join(dir, 'bench.db'));
  const unlimited = { burst: 1_000_000, perMinute: 1_000_000 };
  const config = loadConfig(
    { port: 0, logLevel: 'silent' },
    { rateLimits: { read: unlimited, write: unlimited, openBallot: unlimited, staff: unlimited } },
  );
  const linli = createApp({ service, config, logger: silentLogger });
  const server = await listen(linli.app, 0, '127.0.0.1');
  try {
    await service.createConsultation(benchConsultation);
    // The voters run in a child process, as phones do: a load generator sharing the server's event loop would
    // measure its own fetch calls as much as the server.
    const ballots = Array.from({ length: count }, (_, i) => ballot(i));
    const seconds = await loadFromChild(`${server.url}${API_PREFIX}/consultations/bench/ballots`, ballots, clients);
    return { perSecond: count / seconds };
  } finally {
    linli.close();
    await server.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const LOAD_SCRIPT = `
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const { url, ballots, clients } = JSON.parse(input);
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < ballots.length) {
      const i = next++;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-' + i },
        body: JSON.stringify(ballots[i]),
      });
      if (res.status !== 201) { console.error('ballot ' + i + ' got ' + res.status); process.exit(1); }
      await res.arrayBuffer();
    }
  }));
  process.stdout.write(String((performance.now() - start) / 1000));
});`;

/** Sends the ballots from a child Node process with `clients` concurrent connections; seconds taken. */
function loadFromChild(url: string, ballots: unknown[], clients: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`bench: load exited ${code}`))));
    child.stdin.end(JSON.stringify({ url, ballots, clients }));
  });
}

export async function benchBallots(): Promise<BenchRow[]> {
  // Warm-up (discarded): the first thousands of ballots run through cold, unoptimised code.
  await concurrent(3000, 100);
  await sequential(300);
  const base = await sequential(1000);
  const baseline = { name: 'one transaction per ballot', value: round(base.perSecond, 0) };
  const rows: BenchRow[] = [
    {
      name: 'ballots/s, one transaction per ballot (sequential)',
      unit: 'ballots/s',
      value: baseline.value,
      note: `${base.transactions} transactions`,
    },
  ];
  for (const clients of [10, 100, 1000]) {
    const count = Math.max(3000, clients * 5);
    const run = await concurrent(count, clients);
    rows.push({
      name: `ballots/s, group commit, ${clients} concurrent voters`,
      unit: 'ballots/s',
      value: round(run.perSecond, 0),
      baseline,
      goal: clients >= 100 ? '≥ 5× baseline' : '≥ baseline',
      met: run.perSecond >= (clients >= 100 ? 5 : 1) * base.perSecond,
      note: `${count} ballots in ${run.transactions} transactions (${round(count / run.transactions, 1)} per commit)`,
    });
  }
  await overHttp(500, 10);
  const httpOne = await overHttp(500, 1);
  const httpMany = await overHttp(3000, 100);
  const httpBaseline = { name: 'one client at a time', value: round(httpOne.perSecond, 0) };
  rows.push(
    { name: 'ballots/s over HTTP, 1 client', unit: 'ballots/s', value: httpBaseline.value },
    {
      name: 'ballots/s over HTTP, 100 concurrent clients',
      unit: 'ballots/s',
      value: round(httpMany.perSecond, 0),
      baseline: httpBaseline,
      goal: '≥ 2× one client',
      met: httpMany.perSecond >= 2 * httpOne.perSecond,
      note: 'voters in a child process; it and the server share the 2 cores',
    },
  );
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchBallots()) {
    process.stdout.write(`${row.name}: ${row.value} ${row.unit}${row.note ? ` — ${row.note}` : ''}\n`);
  }
}
