#!/usr/bin/env node
// The whole suite behind `npm test`: typecheck, lint, vitest (unit + server integration) and, once present,
// Playwright e2e. Each runner's counts are summed into the last line, `N passed, N failed`, which .ci/run repeats.
// A test that passed only on a retry counts as failed and is named above that line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { playwrightCounts, vitestCounts } from './counts.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const flaky = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n── ${label} ──\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(
    `── ${label}: exit ${result.status ?? result.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return result.status === 0;
}

/** A check that is one test: it passes or fails as a whole. */
function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else failed += 1;
}

/** A runner that reports per-test counts in a JSON file; a crash without a report counts as one failure. */
function suite(label, command, args, reportFile, count, env) {
  if (existsSync(reportFile)) writeFileSync(reportFile, '');
  const ok = run(label, command, args, env);
  let counts = null;
  try {
    counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch {
    counts = null;
  }
  if (!counts) {
    failed += 1;
    process.stdout.write(`${label}: no report was written\n`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed + (ok || counts.failed > 0 ? 0 : 1);
  flaky.push(...counts.flaky.map((t) => `${label}: ${t}`));
}

// Incremental: a second run on the same tree reads what changed since the last (tsc compares each file's contents,
// so the record cannot serve a stale result); a fresh clone has none and checks everything.
check('typecheck (tsc)', bin('tsc'), [
  '--noEmit',
  '-p',
  'tsconfig.json',
  '--incremental',
  '--tsBuildInfoFile',
  join(results, 'tsc.tsbuildinfo'),
]);
check('lint (biome)', bin('biome'), ['check', '.']);

const vitestReport = join(results, 'vitest.json');
suite(
  'unit and integration (vitest)',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  vitestReport,
  vitestCounts,
);

const e2eConfig = join(root, 'playwright.config.ts');
if (existsSync(e2eConfig)) {
  const e2eReport = join(results, 'e2e.json');
  // The e2e suite loads the built extension: build it fresh (one `wxt build --mode e2e`, a few seconds).
  const extensionBuilt = run('extension build for e2e (wxt)', bin('wxt'), ['build', '--mode', 'e2e']);
  if (!extensionBuilt) failed += 1;
  if (run('browser and system prerequisites', process.execPath, [join(root, 'scripts', 'ensure-system.mjs')])) {
    suite(
      'end to end (Playwright, Chromium)',
      bin('playwright'),
      ['test', '--config', e2eConfig],
      e2eReport,
      playwrightCounts,
      { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    );
  } else {
    failed += 1;
  }
}

if (flaky.length) {
  process.stdout.write(
    `\nFailed, then passed on a retry (counted as failed):\n${flaky.map((t) => `  ${t}\n`).join('')}`,
  );
}
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
process.stdout.write(`\n${summary}\n`);
process.exitCode = failed > 0 ? 1 : 0;
