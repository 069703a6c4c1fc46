// `npm run bench`: every suite in this folder (`NAME.bench.ts`, default export), printed as a table for people,
// or with --json as one JSON array of rows {name, value, unit, baseline, ratio, goal, pass}. Goals are judged
// against baselines measured in the same run, never asserted in tests. `--only=NAME[,NAME]` runs those suites.
// Each suite runs in a Node process of its own (same flags), so no suite measures in a heap, JIT or GC state an
// earlier one left behind.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, BenchRow, BenchSuite } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));
const json = process.argv.includes('--json');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
  .filter(Boolean);

/** Suites are found by file name, so adding one never touches this file (nor conflicts with others doing so). */
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .map((f) => ({ name: f.slice(0, -'.bench.ts'.length), file: path.join(here, f) }));

/** `--suite=NAME` (given by the parent below): run that one suite here and print its rows as JSON on stdout. */
const child = process.argv.find((a) => a.startsWith('--suite='))?.slice(8);
if (child !== undefined) {
  const suite = suites.find((s) => s.name === child);
  if (!suite) throw new Error(`no suite named ${child}`);
  const run = (await import(pathToFileURL(suite.file).href)).default as BenchSuite;
  if (typeof run !== 'function') throw new Error(`${suite.file}: the default export must be the suite function`);
  process.stdout.write(JSON.stringify(await run()));
  process.exit(0);
}

const results: Array<BenchResult & { suite: string }> = [];
for (const suite of suites) {
  if (only && !only.includes(suite.name)) continue;
  process.stderr.write(`running ${suite.name}…\n`);
  // In a fresh process: the 2 MB list, run in this one after the Chromium suite, took 291 ms against 188–190 alone
  // (2026-12-07): what an earlier suite leaves in the heap changes when and how long the collector pauses.
  const out = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), `--suite=${suite.name}`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (out.status !== 0) throw new Error(`suite ${suite.name} failed (exit ${out.status ?? out.signal})`);
  for (const r of JSON.parse(out.stdout) as BenchResult[]) results.push({ suite: suite.name, ...r });
}
if (only && results.length === 0) {
  process.stderr.write(`no suite named ${only.join(', ')}; suites: ${suites.map((s) => s.name).join(', ')}\n`);
  process.exitCode = 2;
}

if (json) {
  const rows: BenchRow[] = results.map(({ name, value, unit, baseline, ratio, goal, pass }) => ({
    name,
    value,
    unit,
    baseline,
    ratio,
    goal,
    pass,
  }));
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
  process.stdout.write(`${table(results)}\n`);
  const missed = results.filter((r) => r.pass === false).map((r) => r.name);
  process.stdout.write(missed.length ? `\ngoals missed: ${missed.join(', ')}\n` : '\nevery goal met\n');
}

function table(rows: Array<BenchResult & { suite: string }>): string {
  const header = ['row', 'measures', 'value', 'baseline', 'ratio', 'goal', 'pass', 'note'];
  const cells = rows.map((r) => [
    r.name,
    r.what ?? '',
    `${r.value} ${r.unit}`,
    r.baseline === null ? '' : `${r.baseline} ${r.unit}${r.baselineWhat ? ` (${r.baselineWhat})` : ''}`,
    r.ratio === null ? '' : String(r.ratio),
    r.goal ?? '',
    r.pass === null ? '' : r.pass ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join(' │ ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}
