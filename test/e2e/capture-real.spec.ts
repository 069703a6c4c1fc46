import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { scoreOutput } from '../capture/compare';
import {
  countsTowardTarget,
  listRealPages,
  percent,
  type RealPage,
  readRecorded,
  totals,
} from '../capture/real-corpus';
import { type CaptureTab, test } from './capture-tab';

/**
 * The real-page corpus in Chromium: each saved page served at its own address with its own bytes, the extractor run
 * on the live DOM as the extension runs it. Every page must keep its recorded fields right (as in Node), and the
 * corpus as a whole the recorded target.
 */
const recorded = readRecorded();
const pages = listRealPages().filter((p) => recorded.pages[p.name]);

async function scoreInChromium(captureTab: CaptureTab, page: RealPage) {
  const body = readFileSync(page.html);
  // Most pages are stored as UTF-8 text; some keep the meta charset of the site they came from (人民网: `GB2312`),
  // which the HTTP header overrides as the site's did. A page stored in its site's single-byte charset (b9's
  // ISO-8859-1 pages) is served with no charset, so its own meta decides, as in Node.
  await captureTab.open(page.expected.url, body, isUtf8(body) ? 'text/html; charset=utf-8' : 'text/html');
  return scoreOutput(await captureTab.extract(), page.expected);
}

test('there are real pages to run', () => {
  expect(pages.length).toBeGreaterThanOrEqual(6);
});

for (const page of pages) {
  test(`real page ${page.name} in Chromium`, async ({ captureTab }) => {
    const score = await scoreInChromium(captureTab, page);
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
