// How `npm test` turns each runner's JSON report into passed/failed counts. A test that failed and then passed
// on a retry (Playwright's "flaky") is counted as failed and named, so a retry can never hide a failure.

/** @param {{numPassedTests: number, numFailedTests: number}} report vitest's JSON reporter output */
export function vitestCounts(report) {
  return { passed: report.numPassedTests, failed: report.numFailedTests, flaky: [] };
}

/** @param {any} report Playwright's JSON reporter output */
export function playwrightCounts(report) {
  const flaky = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'flaky') flaky.push([...path, spec.title].filter(Boolean).join(' › '));
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  const stats = report.stats;
  // Errors outside any test (a crashed worker, a throwing config) have no test to count: one failure for them.
  const outside = (report.errors ?? []).length > 0 ? 1 : 0;
  return {
    passed: stats.expected,
    failed: stats.unexpected + (stats.flaky ?? 0) + outside,
    flaky,
  };
}
