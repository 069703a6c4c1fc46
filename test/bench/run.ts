// `npm run bench`: every benchmark, printed as a table, or as JSON with --json. Goals are ratios against a
// baseline measured in the same run, judged here and never asserted in tests.
import type { BenchRow } from './measure';
import { benchTally } from './tally.bench';

interface Suite {
  name: string;
  run: () => Promise<BenchRow[]>;
}

/** Suites whose module may not exist in every checkout are loaded lazily by path. */
const suites: Suite[] = [
  { name: 'tally', run: benchTally },
  { name: 'capture', run: async () => (await import('./capture.bench')).benchCapture() },
  { name: 'capture-chromium', run: async () => (await import('./capture-chromium.bench')).benchCaptureChromium() },
  { name: 'ballots', run: async () => (await import('./ballots.bench')).benchBallots() },
];

function table(rows: Array<BenchRow & { suite: string }>): string {
  const header = ['suite', 'benchmark', 'value', 'baseline', 'goal', 'met', 'note'];
  const cells = rows.map((r) => [
    r.suite,
    r.name,
    `${r.value} ${r.unit}`,
    r.baseline ? `${r.baseline.value} ${r.unit} (${r.baseline.name})` : '',
    r.goal ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const rows: Array<BenchRow & { suite: string }> = [];
for (const suite of suites) {
  if (only && suite.name !== only) continue;
  if (!json) process.stderr.write(`running ${suite.name}…\n`);
  for (const row of await suite.run()) rows.push({ suite: suite.name, ...row });
}
if (json) process.stdout.write(`${JSON.stringify({ machine: machine(), rows }, null, 2)}\n`);
else process.stdout.write(`${table(rows)}\n`);

function machine() {
  return { node: process.version, platform: process.platform, arch: process.arch, at: new Date().toISOString() };
}
