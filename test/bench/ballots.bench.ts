/**
 * Ballots per second acknowledged by the service (each one durable: SQLite WAL, synchronous=FULL, on a real file
 * in the OS temp directory), through the whole domain path (validation, eligibility, hash chain, tally update),
 * without HTTP (that is vote-ingest.bench.ts). Group commit is compared with the baseline of one transaction (one
 * fsync) per ballot, measured in the same run on the same disk.
 *
 *   npm run bench -- --only=ballots
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLinliService } from '../../server/domain/linli';
import { type BenchResult, row } from './measure';

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

export default async function benchBallots(): Promise<BenchResult[]> {
  // Warm-up (discarded): the first thousands of ballots run through cold, unoptimised code.
  await concurrent(3000, 100);
  await sequential(300);
  const base = await sequential(1000);
  const rows: BenchResult[] = [];
  for (const clients of [10, 100, 1000]) {
    const count = Math.max(3000, clients * 5);
    const run = await concurrent(count, clients);
    rows.push(
      row({
        name: `ballots-group-commit-${clients}`,
        what: `ballots/s through the service, group commit, ${clients} concurrent voters`,
        value: run.perSecond,
        unit: 'ballots/s',
        baseline: base.perSecond,
        baselineWhat: 'one transaction per ballot',
        goal: clients >= 100 ? 'ratio >= 5' : 'ratio >= 1',
        note: `${count} ballots in ${run.transactions} transactions (${Math.round((count / run.transactions) * 10) / 10} per commit)`,
      }),
    );
  }
  return rows;
}
