import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { compareOutput, type FixtureCase, listFixtures } from '../capture/compare';
import { bundleForBrowser } from '../support/browser-bundle';

/**
 * The extractor as staff run it: inside real Chromium, on the page's own DOM, served at the portal's address with
 * its own bytes (so Chromium, not our decoder, handles GBK). It must give what the Node/linkedom path gives.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dirs = [path.join(root, 'test/fixtures/portals'), path.resolve(root, '../shared/fixtures/portals')].filter((d) =>
  existsSync(d),
);
const cases: FixtureCase[] = dirs.flatMap((d) => listFixtures(d));

let bundle = '';
test.beforeAll(async () => {
  bundle = await bundleForBrowser('test/support/capture-browser-entry.ts', 'LinliCapture');
});

test('there are fixture pages to run', () => {
  expect(cases.length).toBeGreaterThanOrEqual(6);
});

for (const c of cases) {
  test(`extracts ${c.name} in Chromium`, async ({ page }) => {
    const url = c.expected.url;
    await page.route('**/*', (route) =>
      // The request carries no #fragment (single-page portals put their route there).
      route.request().url() === url.split('#')[0]
        ? route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(c.html) })
        : route.fulfill({ status: 404, body: '' }),
    );
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    const output = await page.evaluate((selection) => {
      const api = (
        window as unknown as {
          LinliCapture: { extractIssues: (doc: Document, options: object) => { issues: unknown[] } };
        }
      ).LinliCapture;
      const selected = selection ? document.querySelector(selection) : undefined;
      return api.extractIssues(document, { now: new Date('2026-06-02T00:00:00Z'), selection: selected ?? undefined });
    }, c.expected.selection ?? null);
    expect(compareOutput(output, c.expected)).toEqual([]);
  });
}
