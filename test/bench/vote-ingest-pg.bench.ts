/**
 * `vote-ingest-pg`: durable ballots per second over HTTP on PostgreSQL (fsync on: 201 only after the batch's commit
 * is flushed), with 1, 2 and 3 Linli instances in their own processes on one database, beside SQLite (WAL, synced
 * before each answer) served the same way in the same run. The same 64 keep-alive clients (load.ts, one client
 * process per instance) post code ballots. Goal: one PostgreSQL instance ≥ 0.5 × SQLite. Everything —
 * PostgreSQL, the instances and the clients — shares this machine's two cores, which is what limits 2 and 3
 * instances: they add processes, not cores.
 *
 *   npm run bench -- --only=vote-ingest-pg
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_PREFIX } from '@linli/core';
import { openLinliService } from '../../server/domain/linli';
import { startCluster } from '../support/pg-cluster';
import { INGEST_VOTE } from './ingest-setup';
import { postLoad } from './load';
import { type BenchResult, median, row } from './measure';

const CLIENTS = 64;
const WARMUP = 800;
const PER_ROUND = 3000;
const ROUNDS = 2;
const SERVER = new URL('./ingest-server.ts', import.meta.url).pathname;

function rollCsv(units: number): string {
  const lines = ['房号,姓名,面积,人数'];
  for (let i = 0; i < units; i++) lines.push(`${1000 + i},住户${i},${(60 + (i % 70)).toFixed(2)},1`);
  return `${lines.join('\n')}\n`;
}

function startInstance(db: string, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, db], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const url = /http:\/\/\S+/.exec(out)?.[0];
      if (url) resolve({ url, child });
    });
    child.on('exit', (code) => reject(new Error(`bench instance exited ${code}`)));
  });
}

const stopInstance = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Seeds one code-ballot consultation with a roll big enough for every round; returns the request bodies. */
async function seed(db: string, units: number): Promise<string[]> {
  const service = await openLinliService(db);
  try {
    await service.createConsultation(INGEST_VOTE);
    await service.importRoll('ingest', rollCsv(units));
    const codes = await service.issueCodes('ingest');
    return codes.map((c, i) => JSON.stringify({ choices: [i % 4 === 0 ? 'no' : 'yes'], code: c.code }));
  } finally {
    await service.close();
  }
}

/** Ballots/s with `instances` processes on `db`: the bodies of a round split among them, all sent at once. */
async function measure(db: string, instances: number, env: NodeJS.ProcessEnv): Promise<number> {
  const units = WARMUP + PER_ROUND * ROUNDS;
  const bodies = await seed(db, units);
  const servers = await Promise.all(Array.from({ length: instances }, () => startInstance(db, env)));
  const urls = servers.map((s) => `${s.url}${API_PREFIX}/consultations/ingest/ballots`);
  const round = async (slice: string[]) => {
    const share = Math.ceil(slice.length / instances);
    const started = performance.now();
    await Promise.all(
      urls.map((url, i) =>
        postLoad(url, slice.slice(i * share, (i + 1) * share), {
          clients: Math.ceil(CLIENTS / instances),
          expect: 201,
        }),
      ),
    );
    return slice.length / ((performance.now() - started) / 1000);
  };
  try {
    await round(bodies.slice(0, WARMUP));
    const rates: number[] = [];
    for (let r = 0; r < ROUNDS; r++)
      rates.push(await round(bodies.slice(WARMUP + r * PER_ROUND, WARMUP + (r + 1) * PER_ROUND)));
    const check = await openLinliService(db);
    try {
      const audit = await check.auditVerify('ingest');
      if (!audit.ok || audit.entries !== units)
        throw new Error(`vote-ingest-pg: audit failed: ${audit.problems.join('; ')}`);
    } finally {
      await check.close();
    }
    return median(rates);
  } finally {
    await Promise.all(servers.map((s) => stopInstance(s.child)));
  }
}

export default async function benchVoteIngestPg(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-pg-'));
  const cluster = await startCluster({ fsync: true });
  const env = { LINLI_CODE_PEPPER: 'bench-pepper-0123456789abcdef-0123456789' };
  // The seeding service in this process and every instance must share one pepper (codes are hashed with it).
  const saved = process.env.LINLI_CODE_PEPPER;
  process.env.LINLI_CODE_PEPPER = env.LINLI_CODE_PEPPER;
  try {
    const sqlite = await measure(join(dir, 'bench.db'), 1, env);
    const pg: number[] = [];
    for (const n of [1, 2, 3]) pg.push(await measure(await cluster.createDatabase(`bench_${n}`), n, env));
    const note = (n: number) =>
      `${n} instance(s) on one PostgreSQL 15 (fsync on), median of ${ROUNDS} rounds of ${PER_ROUND}; ` +
      'PostgreSQL, the instances and the load clients share 2 cores';
    return [
      row({
        name: 'vote-ingest-pg',
        what: `durable code ballots/s over HTTP, 1 instance on PostgreSQL, ${CLIENTS} keep-alive clients`,
        value: pg[0]!,
        unit: 'ballots/s',
        baseline: sqlite,
        baselineWhat: 'the same over SQLite (WAL, synced before each answer), same run',
        goal: 'ratio >= 0.5',
        note: note(1),
      }),
      row({
        name: 'vote-ingest-pg-2',
        what: 'the same with 2 instances on one PostgreSQL database',
        value: pg[1]!,
        unit: 'ballots/s',
        baseline: sqlite,
        baselineWhat: 'SQLite, one instance, same run',
        note: note(2),
      }),
      row({
        name: 'vote-ingest-pg-3',
        what: 'the same with 3 instances on one PostgreSQL database',
        value: pg[2]!,
        unit: 'ballots/s',
        baseline: sqlite,
        baselineWhat: 'SQLite, one instance, same run',
        note: note(3),
      }),
    ];
  } finally {
    if (saved === undefined) delete process.env.LINLI_CODE_PEPPER;
    else process.env.LINLI_CODE_PEPPER = saved;
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
