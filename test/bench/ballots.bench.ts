/**
 * Ballots per second acknowledged (each one durable: SQLite WAL, synchronous=FULL, on a real file in the OS temp
 * directory), through the whole domain path (validation, eligibility, hash chain, tally update). Group commit is
 * compared with the baseline of one transaction (one fsync) per ballot, measured in the same run on the same disk.
 *
 *   npx tsx test/bench/ballots.bench.ts      (or `npm run bench -- --only=ballots`)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLinliService } from '../../server/domain/linli';
import { type BenchRow, round } from './measure';

async function withService<T>(fn: (service: Awaited<ReturnType<typeof openLinliService>>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const service = await openLinliService(join(dir, 'bench.db'));
  try {
    await service.createConsultation({
      slug: 'bench',
      title: '基准测试',
      phase: 'voting',
      ballot: {
        method: 'single',
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
          { id: 'c', label: 'C' },
        ],
        eligibility: 'open',
        rule: 'plurality',
      },
    });
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
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchBallots()) {
    process.stdout.write(`${row.name}: ${row.value} ${row.unit}${row.note ? ` — ${row.note}` : ''}\n`);
  }
}
