/**
 * `vote-ingest`: durable ballots per second over HTTP, as a building votes with its printed codes. 64 keep-alive
 * clients in a separate process (load-client.mjs) post code ballots to the real app (every middleware, SQLite WAL
 * on a real file, 201 only after the batch's commit and the -wal file's sync: store/wal-sync.ts). The baseline is a bare Hono POST answering `{}`
 * on the same HTTP server stack, hit by the same client with the same bodies in the same run: what this machine's
 * HTTP alone allows. Rounds alternate baseline and ingest so a busy neighbour on the machine hits both alike.
 *
 *   npm run bench -- --only=vote-ingest
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { API_PREFIX } from '@linli/core';
import { Hono } from 'hono';
import { openLinliService } from '../../server/domain/linli';
import { nodeProfiler } from './cpu-profile';
import { INGEST_VOTE, ingestServer } from './ingest-setup';
import { postLoad } from './load';
import { type BenchResult, median, row } from './measure';

const CLIENTS = 64;
const WARMUP = 2000;
const PER_ROUND = 4000;
const ROUNDS = 3;

/**
 * CPU of the calling thread (ms), from /proc/thread-self (Linux; USER_HZ is always 100 there); null elsewhere. The
 * main thread is what parses every request, so on a busy machine, where each thread gets its share of a core, its
 * CPU per ballot is what bounds the rate (the writer thread gets a share of its own).
 */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function rollCsv(units: number): string {
  const lines = ['房号,姓名,面积,人数'];
  for (let i = 0; i < units; i++) lines.push(`${1000 + i},住户${i},${(60 + (i % 70)).toFixed(2)},${1 + (i % 3)}`);
  return `${lines.join('\n')}\n`;
}

/** The bare baseline: Hono on @hono/node-server, answering `{}` without reading the body. */
function bareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new Hono().post('/ballots', (c) => c.json({}));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({
        url: `http://127.0.0.1:${info.port}/ballots`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      }),
    );
  });
}

export default async function benchVoteIngest(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-ingest-'));
  const service = await openLinliService(join(dir, 'bench.db'));
  await service.warm();
  const { linli, server } = await ingestServer(service);
  const bare = await bareServer();
  try {
    await service.createConsultation(INGEST_VOTE);
    const units = WARMUP + PER_ROUND * ROUNDS;
    await service.importRoll('ingest', rollCsv(units));
    const codes = (await service.issueCodes('ingest')).map((c) => c.code);
    const bodies = codes.map((code, i) => JSON.stringify({ choices: [i % 4 === 0 ? 'no' : 'yes'], code }));
    const url = `${server.url}${API_PREFIX}/consultations/ingest/ballots`;

    await postLoad(bare.url, bodies.slice(0, WARMUP), { clients: CLIENTS, expect: 200 });
    await postLoad(url, bodies.slice(0, WARMUP), { clients: CLIENTS, expect: 201 });
    const ingest: number[] = [];
    const baseline: number[] = [];
    // Server CPU per request (this process; the client is another one): steadier than wall time on a busy machine.
    const cpu = { ingest: 0, baseline: 0, ingestMain: 0, ingestClient: 0, baselineClient: 0 };
    // How busy the main thread's event loop was, ingest and baseline rounds apart. Idle time is waiting: for requests,
    // for the writer's commits, or (on a crowded machine) for a core after a wake-up. The bare POST's figure, which
    // has no writer, tells how much of the ingest's idle time the writer's commits add.
    const loop = { ingest: { idle: 0, active: 0 }, baseline: { idle: 0, active: 0 } };
    const timeLoop = async <T>(into: { idle: number; active: number }, work: () => Promise<T>) => {
      const start = performance.eventLoopUtilization();
      const result = await work();
      const used = performance.eventLoopUtilization(start);
      into.idle += used.idle;
      into.active += used.active;
      return result;
    };
    const busy = (l: { idle: number; active: number }) => Math.round((100 * l.active) / (l.active + l.idle));
    // LINLI_BENCH_PROFILE=DIR: this process's main thread (the server's) profiled during the ingest rounds only.
    const profiler = await nodeProfiler('vote-ingest');
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    for (let r = 0; r < ROUNDS; r++) {
      const slice = bodies.slice(WARMUP + r * PER_ROUND, WARMUP + (r + 1) * PER_ROUND);
      let since = process.cpuUsage();
      const bareRound = await timeLoop(loop.baseline, () =>
        postLoad(bare.url, slice, { clients: CLIENTS, expect: 200 }),
      );
      baseline.push(bareRound.perSecond);
      cpu.baseline += cpuMs(since);
      cpu.baselineClient += bareRound.clientMs;
      since = process.cpuUsage();
      const main = threadCpuMs();
      await profiler.resume();
      const ingestRound = await timeLoop(loop.ingest, () => postLoad(url, slice, { clients: CLIENTS, expect: 201 }));
      ingest.push(ingestRound.perSecond);
      cpu.ingestClient += ingestRound.clientMs;
      await profiler.pause();
      cpu.ingest += cpuMs(since);
      const mainAfter = threadCpuMs();
      cpu.ingestMain += main === null || mainAfter === null ? Number.NaN : mainAfter - main;
    }
    await profiler.stop();
    const perRequest = (ms: number) => Math.round((ms / (ROUNDS * PER_ROUND)) * 1000) / 1000;
    const audit = await service.auditVerify('ingest');
    if (!audit.ok || audit.entries !== units)
      throw new Error(`vote-ingest: audit failed: ${audit.problems.join('; ')}`);
    const stats = service.stats();
    return [
      row({
        name: 'vote-ingest',
        what: `durable code ballots over HTTP, ${CLIENTS} keep-alive clients in another process`,
        value: median(ingest),
        unit: 'ballots/s',
        baseline: median(baseline),
        baselineWhat: 'bare Hono POST answering {}',
        // Issue 15: "≥ 0.5 × that bare POST in the same run, and 5,000/s where the baseline allows" — the absolute
        // figure applies once the bare POST itself reaches 5,000/s; below that only the ratio can be asked for.
        goal: 'ratio >= 0.5 && (baseline < 5000 || value >= 5000)',
        note: `median of ${ROUNDS} rounds of ${PER_ROUND}; ${round1(units / stats.ballotTransactions)} ballots per commit (${stats.threadTransactions ?? 0} of ${stats.ballotTransactions} commits on the writer thread); server CPU ${perRequest(cpu.ingest)} ms per ballot (main thread ${Number.isNaN(cpu.ingestMain) ? 'n/a' : perRequest(cpu.ingestMain)}) vs ${perRequest(cpu.baseline)} ms per bare POST; load client ${perRequest(cpu.ingestClient)} ms per ballot answer, ${perRequest(cpu.baselineClient)} per bare answer; main event loop busy ${busy(loop.ingest)} % of the ingest rounds (${busy(loop.baseline)} % of the bare POST's)`,
      }),
    ];
  } finally {
    linli.close();
    await server.close();
    await bare.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
