import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { compareOutput, type FixtureCase, listFixtures } from '../capture/compare';
import { test } from './capture-tab';

/**
 * The extractor as staff run it: inside real Chromium, on the page's own DOM, served at the portal's address with
 * its own bytes (so Chromium, not our decoder, handles GBK). It must give what the Node/linkedom path gives.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dirs = [path.join(root, 'test/fixtures/portals'), path.resolve(root, '../shared/fixtures/portals')].filter((d) =>
  existsSync(d),
);
const cases: FixtureCase[] = dirs.flatMap((d) => listFixtures(d));

test('there are fixture pages to run', () => {
  expect(cases.length).toBeGreaterThanOrEqual(6);
});

for (const c of cases) {
  test(`extracts ${c.name} in Chromium`, async ({ captureTab }) => {
    await captureTab.open(c.expected.url, readFileSync(c.html), 'text/html');
    const output = await captureTab.extract(c.expected.selection);
    expect(compareOutput(output, c.expected)).toEqual([]);
  });
}
