/**
 * The `linli` command as people run it: a fresh Node process each time, through bin/linli.mjs and the compiled
 * bundle (built here first, as `npm install` does). Wall-clock medians, each subject run alternately with its
 * baseline so a busy machine weighs on both alike.
 *
 *   cli-start    `linli --help`                         vs `node -e 0`
 *   cli-tally    `linli tally` on 100,000 ranked ballots vs node reading and JSON.parse-ing the same file
 *   cli-extract  `linli extract` on a 300 KB case list   (goal ≤ 1 s including start-up; baseline `node -e 0`)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigListPage } from '../support/big-pages';
import { type BenchResult, median, row } from './measure';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LINLI = path.join(root, 'bin/linli.mjs');

function wallMs(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Medians of `runs` alternating runs of the subject and its baseline (after one warm-up of each). */
function alternate(subject: string[], baseline: string[], runs: number) {
  wallMs(subject);
  wallMs(baseline);
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    s.push(wallMs(subject));
    b.push(wallMs(baseline));
  }
  return { value: median(s), baseline: median(b) };
}

/** A ranked election over five options: 100,000 ballots, each ranking one to five of them. */
function rankedElection(ballots: number) {
  const options = ['a', 'b', 'c', 'd', 'e'];
  let seed = 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return {
    method: 'ranked',
    options,
    rule: { preset: 'plurality' },
    ballots: Array.from({ length: ballots }, () => {
      const order = [...options].sort(() => random() - 0.5);
      return { choices: order.slice(0, 1 + Math.floor(random() * options.length)) };
    }),
  };
}

export default async function benchCli(): Promise<BenchResult[]> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], { cwd: root, stdio: 'ignore' });
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-bench-cli-'));
  try {
    const election = path.join(dir, 'ranked-100k.json');
    writeFileSync(election, JSON.stringify(rankedElection(100_000)));
    const page = path.join(dir, 'case-list-300k.html');
    writeFileSync(page, bigListPage(300_000));

    const start = alternate([LINLI, '--help'], ['-e', '0'], 15);
    const readParse = `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(election)}, 'utf8'))`;
    const tally = alternate([LINLI, 'tally', election], ['-e', readParse], 7);
    const extract = alternate([LINLI, 'extract', page, '--url', 'https://12345.example.gov.cn/list'], ['-e', '0'], 5);
    return [
      row({
        name: 'cli-start',
        what: '`linli --help`, a fresh process',
        ...start,
        unit: 'ms',
        baselineWhat: 'node -e 0',
        goal: 'ratio <= 3',
      }),
      row({
        name: 'cli-tally',
        what: '`linli tally` on a 100,000-ballot ranked election (2.6 MB)',
        ...tally,
        unit: 'ms',
        baselineWhat: 'node reading + JSON.parse of the file',
        goal: 'ratio <= 2',
      }),
      row({
        name: 'cli-extract',
        what: '`linli extract` on a 300 KB case list, start-up included',
        ...extract,
        unit: 'ms',
        baselineWhat: 'node -e 0',
        goal: 'value <= 1000',
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
