/**
 * `sse-fanout`: 10,000 live-event subscribers on one server process (real sockets, from a client process), and
 * a ballot cast: how long until the 95th-percentile subscriber holds its `tally` event, and the server memory
 * each subscriber costs. The baseline is a bare node:http server holding the same number of SSE responses and
 * writing one event to each, with the same client in the same run: what the machine allows.
 *
 *   npm run bench -- --only=sse-fanout
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PREFIX } from '@linli/core';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openLinliService } from '../../server/domain/linli';
import { listen } from '../../server/http/listen';
import { silentLogger } from '../../server/http/log';
import { type BenchResult, row } from './measure';

const SUBSCRIBERS = 10_000;
const CLIENT = fileURLToPath(new URL('./sse-client.mjs', import.meta.url));
const now = () => performance.timeOrigin + performance.now();

interface Fanout {
  /** Milliseconds from the trigger to the p95 subscriber's arrival. */
  p95: number;
  /** Server memory per subscriber (JS heap + external buffers, after a collection), in KB. */
  kbPerSubscriber: number;
  missing: number;
}

/** Connects the subscribers, measures memory, fires `trigger`, and reads the arrival times. */
async function fanout(port: number, path: string, marker: string, trigger: () => Promise<void>): Promise<Fanout> {
  const memory = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = memory();
  const child = spawn(process.execPath, [CLIENT, String(port), path, String(SUBSCRIBERS), marker], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let buffer = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    buffer += d;
    let i = buffer.indexOf('\n');
    while (i >= 0) {
      lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
      waiters.shift()?.();
      i = buffer.indexOf('\n');
    }
  });
  const line = async (n: number) => {
    while (lines.length < n) {
      await new Promise<void>((resolve, reject) => {
        waiters.push(resolve);
        child.once('exit', (code) => reject(new Error(`sse client exited ${code}`)));
      });
    }
    return lines[n - 1]!;
  };
  if ((await line(1)) !== 'ready') throw new Error('sse client did not get ready');
  await new Promise((r) => setTimeout(r, 500));
  // RSS moves with the allocator's whims (it even fell in trials); the heap after a collection does not.
  const kbPerSubscriber = (memory() - before) / 1024 / SUBSCRIBERS;
  const start = now();
  await trigger();
  const { arrivals, missing } = JSON.parse(await line(2)) as { arrivals: number[]; missing: number };
  const latencies = arrivals.map((t) => t - start).sort((a, b) => a - b);
  const p95 = missing > SUBSCRIBERS * 0.05 ? Number.NaN : (latencies[Math.ceil(SUBSCRIBERS * 0.95) - 1] ?? Number.NaN);
  return { p95, kbPerSubscriber, missing };
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The bare baseline: node:http holding SSE responses, one `write` of one event to each on trigger. */
async function bare(): Promise<Fanout> {
  const responses = new Set<import('node:http').ServerResponse>();
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': hello\n\n');
    responses.add(res);
    req.on('close', () => responses.delete(res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as import('node:net').AddressInfo).port;
  try {
    return await fanout(port, '/events', '"ballots":1', async () => {
      const bytes = Buffer.from('id: 1\nevent: tally\ndata: {"ballots":1}\n\n');
      for (const res of responses) res.write(bytes);
    });
  } finally {
    for (const res of responses) res.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

async function linli(): Promise<Fanout> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-sse-'));
  const service = await openLinliService(join(dir, 'bench.db'));
  const config = loadConfig({
    port: 0,
    logLevel: 'silent',
    eventStreamsPerAddress: SUBSCRIBERS * 2,
    rateLimits: { read: { burst: 1_000_000, perMinute: 1_000_000 } },
  });
  const app = createApp({ service, config, logger: silentLogger });
  const server = await listen(app.app, 0, '127.0.0.1');
  try {
    await service.createConsultation({
      slug: 'fanout',
      title: '基准：实时推送',
      phase: 'voting',
      ballot: {
        method: 'single',
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
        eligibility: 'open',
        rule: 'plurality',
      },
    });
    return await fanout(server.port, `${API_PREFIX}/consultations/fanout/events`, '"ballots":1', async () => {
      await service.castBallot('fanout', { choices: ['a'], voterKey: 'bench-sse-voter-1' });
    });
  } finally {
    app.close();
    await server.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function benchSseFanout(): Promise<BenchResult[]> {
  const base = await bare();
  const ours = await linli();
  const note = (f: Fanout) => (f.missing ? `; ${f.missing} subscribers never got the event` : '');
  return [
    row({
      name: 'sse-fanout-latency',
      what: `a ballot to its tally event at the p95 of ${SUBSCRIBERS} subscribers (one process)`,
      value: ours.p95,
      unit: 'ms',
      baseline: base.p95,
      baselineWhat: 'bare node:http writing one event to as many SSE responses',
      goal: 'value <= 1000',
      note: `includes the durable commit of the ballot${note(ours)}`,
    }),
    row({
      name: 'sse-fanout-memory',
      what: `server memory per subscriber (JS heap + external, ${SUBSCRIBERS} subscribers)`,
      value: ours.kbPerSubscriber,
      unit: 'KB',
      baseline: base.kbPerSubscriber,
      baselineWhat: 'bare node:http SSE response',
      goal: 'value <= 50',
    }),
  ];
}
