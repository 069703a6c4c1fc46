export interface Counts {
  passed: number;
  failed: number;
  /** Titles of tests that failed before passing on a retry; they are counted in `failed`. */
  flaky: string[];
}
export function vitestCounts(report: unknown): Counts;
export function playwrightCounts(report: unknown): Counts;
