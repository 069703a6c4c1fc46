import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { scoreOutput } from '../capture/compare';
import {
  countsTowardTarget,
  listRealPages,
  percent,
  type RealPage,
  readRecorded,
  totals,
} from '../capture/real-corpus';
import { bundleForBrowser } from '../support/browser-bundle';

/**
 * The real-page corpus in Chromium: each saved page served at its own address with its own bytes, the extractor run
 * on the live DOM as the extension runs it. Every page must keep its recorded fields right (as in Node), and the
 * corpus as a whole the recorded target.
 */
const recorded = readRecorded();
const pages = listRealPages().filter((p) => recorded.pages[p.name]);

let bundle = '';
test.beforeAll(async () => {
  // Minified, as the extension ships it: each page's test sends it into a fresh context, and at 0.7 MB instead of
  // 1.2 MB that sending, not the extraction, stops being the larger part of the test's time.
  bundle = await bundleForBrowser('test/support/capture-browser-entry.ts', 'LinliCapture', { minify: true });
});

async function scoreInChromium(tab: Page, page: RealPage) {
  const url = page.expected.url;
  // The browser asks for the address in its normal form (`https://host` → `https://host/`).
  const served = new URL(url).href.split('#')[0];
  await tab.unrouteAll();
  const body = readFileSync(page.html);
  await tab.route('**/*', (route) =>
    route.request().url() === served
      ? // Most pages are stored as UTF-8 text; some keep the meta charset of the site they came from (人民网:
        // `GB2312`), which the HTTP header overrides as the site's did. A page stored in its site's single-byte
        // charset (b9's ISO-8859-1 pages) is served with no charset, so its own meta decides, as in Node.
        route.fulfill({ status: 200, contentType: isUtf8(body) ? 'text/html; charset=utf-8' : 'text/html', body })
      : route.fulfill({ status: 404, body: '' }),
  );
  await tab.goto(url);
  // The extension's content script is no <script> element of the page; the injected bundle must not be one either
  // (its source would read as the page's own data-loading script).
  const injected = await tab.addScriptTag({ content: bundle });
  await injected.evaluate((el) => (el as Element).remove());
  const output = await tab.evaluate(() => {
    const api = (
      window as unknown as {
        LinliCapture: { extractIssues: (doc: Document, options: object) => { issues: unknown[] } };
      }
    ).LinliCapture;
    return api.extractIssues(document, { now: new Date('2026-06-02T00:00:00Z') });
  });
  return scoreOutput(output, page.expected);
}

test('there are real pages to run', () => {
  expect(pages.length).toBeGreaterThanOrEqual(6);
});

for (const page of pages) {
  test(`real page ${page.name} in Chromium`, async ({ page: tab }) => {
    const score = await scoreInChromium(tab, page);
    const floor = recorded.pages[page.name];
    expect(score.fields, 'expectation changed: re-record with score-real.ts --record').toBe(floor?.fields);
    expect(score.right, score.problems.join('\n')).toBeGreaterThanOrEqual(floor?.right ?? 0);
  });
}

// Each page above holds its recorded count of fields and at least its recorded fields right in Chromium, so the
// corpus in Chromium scores at least the sum of those floors: reading every page a second time in one tab (six
// minutes on CI, twenty on a loaded machine) would add nothing the per-page tests do not already establish.
test('the recorded floors the pages hold in Chromium add up to the corpus target', () => {
  const counted = pages.filter((p) => countsTowardTarget(p, recorded)).map((p) => recorded.pages[p.name]!);
  expect(counted.length).toBeGreaterThan(0);
  expect(percent(totals(counted)) / 100).toBeGreaterThanOrEqual(recorded.target);
});
