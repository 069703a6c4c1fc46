/**
 * Where a page's time goes: the Chromium CPU profiler (CDP `Profiler`) around one call, summarised as the functions
 * with the most self time. `LINLI_BENCH_PROFILE=DIR npm run bench -- --only=extension` writes the whole profile as
 * DIR/NAME.cpuprofile (opens in Chromium DevTools → Performance) and prints the summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function (ms), largest first; "(idle)" is the page waiting, e.g. for IndexedDB's browser side. */
export function selfTimes(profile: Profile): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const name = f
      ? `${f.functionName || '(anonymous)'}${f.url ? ` ${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`
      : '?';
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/** Runs `work` with the profiler on when `LINLI_BENCH_PROFILE` names a folder; otherwise just runs it. */
export async function profiled<T>(context: BrowserContext, page: Page, name: string, work: () => Promise<T>) {
  const dir = process.env.LINLI_BENCH_PROFILE;
  if (!dir) return work();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  // 1 ms sampling: a 20 s import stays a readable profile.
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    const total = (profile.endTime - profile.startTime) / 1000;
    process.stderr.write(`  profile ${name}: ${Math.round(total)} ms, most self time:\n`);
    for (const s of selfTimes(profile).slice(0, 15)) {
      process.stderr.write(
        `    ${s.ms.toFixed(0).padStart(7)} ms ${((100 * s.ms) / total).toFixed(1).padStart(5)} %  ${s.name}\n`,
      );
    }
  }
}

/** Self time per package or project file (ms), largest first: which layer the time goes to. */
export function layerTimes(profile: Profile): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const url = f?.url ?? '';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const own = /\/((?:server|core)\/.*)$/.exec(url)?.[1];
    const name = pkg ?? own ?? (url.startsWith('node:') ? 'node:' : url ? path.basename(url) : f?.functionName || '?');
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/**
 * The V8 profiler on this process's main thread, for Node-side rows (the server in the bench's own process):
 * `resume()` / `pause()` around the work to look at (each span is one profile), `stop()` writes DIR/NAME-N.cpuprofile
 * and prints the functions and layers with most self time over all spans. Does nothing without LINLI_BENCH_PROFILE.
 */
export async function nodeProfiler(name: string) {
  const dir = process.env.LINLI_BENCH_PROFILE;
  const off = { resume: async () => {}, pause: async () => {}, stop: async () => {} };
  if (!dir) return off;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const spans: Profile[] = [];
  return {
    resume: () => session.post('Profiler.start').then(() => undefined),
    pause: async () => {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      spans.push(profile);
    },
    stop: async () => {
      session.disconnect();
      mkdirSync(dir, { recursive: true });
      for (const [i, p] of spans.entries())
        writeFileSync(path.join(dir, `${name}-${i + 1}.cpuprofile`), JSON.stringify(p));
      const total = spans.reduce((sum, p) => sum + (p.endTime - p.startTime) / 1000, 0);
      const merge = (each: (p: Profile) => { name: string; ms: number }[]) => {
        const sums = new Map<string, number>();
        for (const p of spans) for (const s of each(p)) sums.set(s.name, (sums.get(s.name) ?? 0) + s.ms);
        return [...sums.entries()].sort((a, b) => b[1] - a[1]);
      };
      const print = (title: string, rows: [string, number][], n: number) => {
        process.stderr.write(`  profile ${name}, ${title} (${Math.round(total)} ms in ${spans.length} spans):\n`);
        for (const [what, ms] of rows.slice(0, n))
          process.stderr.write(
            `    ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${what}\n`,
          );
      };
      print('most self time', merge(selfTimes), 40);
      print('self time by layer', merge(layerTimes), 25);
    },
  };
}
