/** One line of `npm run bench`: a measurement, optionally against a baseline measured in the same run. */
export interface BenchRow {
  name: string;
  unit: string;
  value: number;
  /** The same work done the simple way, measured in this run on this machine. */
  baseline?: { name: string; value: number };
  /** The goal as text, e.g. "≥ 50× baseline" or "≤ 20 ms". */
  goal?: string;
  /** Whether the goal holds; judged here, never asserted in tests. */
  met?: boolean;
  note?: string;
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
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function medianMsAsync(fn: () => Promise<void>, { runs = 5, warmup = 1 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
