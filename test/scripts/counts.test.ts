import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { playwrightCounts } from '../../scripts/counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Inside the repository (git-ignored) so the spec resolves @playwright/test from our node_modules.
const dir = path.join(root, '.test-results', `counts-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a real Playwright on a spec with one steady and one flaky test (fails first, passes on the retry). */
function realReport() {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'flaky.spec.mjs'),
    `import { expect, test } from '@playwright/test';
test('steady', () => { expect(1).toBe(1); });
test('passes only on a retry', ({}, info) => { expect(info.retry).toBe(1); });
`,
  );
  writeFileSync(
    path.join(dir, 'playwright.config.mjs'),
    `export default { testDir: '.', testMatch: '*.spec.mjs', retries: 1, workers: 1, reporter: [['json', { outputFile: 'report.json' }]] };\n`,
  );
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/playwright'),
    ['test', '--config', 'playwright.config.mjs'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  return { status: run.status, report: JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) };
}

describe('npm test counts', () => {
  it('a test that passed only on a retry is counted as failed and named', () => {
    const { report } = realReport();
    expect(report.stats.flaky).toBe(1);
    const counts = playwrightCounts(report);
    expect(counts.passed).toBe(1);
    expect(counts.failed).toBe(1);
    expect(counts.flaky).toEqual([expect.stringContaining('passes only on a retry')]);
    // A real Playwright start (and its retry) on a machine busy with the rest of the suite takes well over 30 s.
  }, 180_000);
});
