/**
 * The shape every `npm run bench` row has, and the helpers suites share. `npm run bench -- --json` prints one JSON
 * array of `BenchRow` (exactly these seven keys); the table adds the descriptions. How to add a row: README.md here.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** One line of `--json` output. */
export interface BenchRow {
  /** Stable kebab-case id (`tally-read`, `vote-ingest`, …): dashboards and later issues refer to it. */
  name: string;
  value: number;
  unit: string;
  /** The same work done the simple way, in the same unit, measured in this run on this machine; null if none. */
  baseline: number | null;
  /** value / baseline unless the row says otherwise; null without a baseline. */
  ratio: number | null;
  /** An expression over `value`, `baseline` and `ratio`, e.g. `ratio <= 3` or `value >= 5000`; null: no goal. */
  goal: string | null;
  /** The goal evaluated on this run; null when there is no goal or the value could not be measured. */
  pass: boolean | null;
}

/** What a suite returns per row: the JSON row plus words for the table. */
export interface BenchResult extends BenchRow {
  /** What is measured, for people (the table's second column). */
  what?: string;
  /** What the baseline is. */
  baselineWhat?: string;
  note?: string;
}

/** A suite: every `test/bench/NAME.bench.ts` default-exports one; `npm run bench -- --only=NAME` runs it alone. */
export type BenchSuite = () => Promise<BenchResult[]>;

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  /** Defaults to value / baseline. */
  ratio?: number;
  goal?: string;
  what?: string;
  baselineWhat?: string;
  note?: string;
}

/** Builds a row: computes the ratio, rounds for reading, and judges the goal on the unrounded numbers. */
export function row(m: Measurement): BenchResult {
  const baseline = m.baseline ?? null;
  const ratio = m.ratio ?? (baseline !== null && baseline !== 0 ? m.value / baseline : null);
  const goal = m.goal ?? null;
  const measurable = Number.isFinite(m.value) && (baseline === null || Number.isFinite(baseline));
  const pass = goal !== null && measurable ? judge(goal, { value: m.value, baseline, ratio }) : null;
  return {
    name: m.name,
    value: sig(m.value),
    unit: m.unit,
    baseline: baseline === null ? null : sig(baseline),
    ratio: ratio === null ? null : sig(ratio),
    goal,
    pass,
    ...(m.what ? { what: m.what } : {}),
    ...(m.baselineWhat ? { baselineWhat: m.baselineWhat } : {}),
    ...(m.note ? { note: m.note } : {}),
  };
}

const GOAL_WORDS = new Set(['value', 'baseline', 'ratio', 'min', 'max']);

/**
 * Evaluates a goal expression. Only numbers, the three names, min/max, arithmetic, comparisons, && / || and
 * parentheses are allowed, so a goal stays a formula anyone can re-check from the JSON.
 */
export function judge(goal: string, vars: { value: number; baseline: number | null; ratio: number | null }): boolean {
  const words: string[] = goal.match(/[A-Za-z_]+/g) ?? [];
  const bad = words.find((w) => !GOAL_WORDS.has(w));
  if (bad || !/^[\sA-Za-z_\d.+\-*/<>=!&|(),]*$/.test(goal)) {
    throw new Error(`bench goal "${goal}": only value, baseline, ratio, min, max, numbers and operators allowed`);
  }
  if ((words.includes('baseline') && vars.baseline === null) || (words.includes('ratio') && vars.ratio === null)) {
    throw new Error(`bench goal "${goal}" needs a baseline`);
  }
  const fn = new Function('value', 'baseline', 'ratio', 'min', 'max', `return (${goal});`);
  return Boolean(fn(vars.value, vars.baseline, vars.ratio, Math.min, Math.max));
}

/** Rounds to three significant digits (at least the units digit), enough to read and compare runs. */
export function sig(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(digits, 6)));
}

/** Median of repeated timings in milliseconds, after a warm-up, so one GC pause does not decide. */
export function medianMs(fn: () => void, { runs = 15, warmup = 3 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Medians of two jobs timed in turns (a, b, a, b, …) after a warm-up: on a shared machine the load changes from
 * second to second, and a ratio of two medians taken minutes apart measures the load more than the code.
 */
export function interleavedMedianMs(
  a: () => void,
  b: () => void,
  { runs = 9, warmup = 2 } = {},
): { a: number; b: number; cpuA: number; cpuB: number } {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  // The process's CPU time beside the wall time: on a crowded machine the wall time also counts the minutes the
  // process waited for a core, its CPU time does not (it does count V8's helper threads, e.g. parallel GC).
  const ca: number[] = [];
  const cb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let cpu = process.cpuUsage();
    let start = performance.now();
    a();
    ta.push(performance.now() - start);
    ca.push(cpuMs(process.cpuUsage(cpu)));
    cpu = process.cpuUsage();
    start = performance.now();
    b();
    tb.push(performance.now() - start);
    cb.push(cpuMs(process.cpuUsage(cpu)));
  }
  return { a: median(ta), b: median(tb), cpuA: median(ca), cpuB: median(cb) };
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/**
 * The garbage collector's pauses from now until `stop()` (async: V8 reports them after the synchronous work that
 * caused them): scavenges apart from full (mark-compact) collections, whose count says more than their time.
 */
export function gcPauses(): { stop(): Promise<{ minorMs: number; majors: number; majorMs: number }> } {
  const out = { minorMs: 0, majors: 0, majorMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        out.majors++;
        out.majorMs += e.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) out.minorMs += e.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      // V8 reports a pause after the work that caused it, and Node hands the entry over a turn or two later.
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return out;
    },
  };
}

export async function medianMsAsync(fn: () => Promise<void>, { runs = 5, warmup = 1 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
