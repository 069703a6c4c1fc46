import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { bundleForBrowser } from '../support/browser-bundle';

/**
 * Staff clip from the page they are reading: extraction must never change it. Each page is served at its own
 * address, a MutationObserver watches the whole document while the extractor runs (labels, lists and the
 * readable-content fallback), and the serialised DOM is compared before and after.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = [
  // No labels: read through the readable-content fallback.
  ['test/fixtures/real/cn-gsc-society-news.html', 'http://www.gsc.org.cn/content.aspx?id=1004'],
  ['test/fixtures/readability/001/source.html', 'https://nicolas.example.net/code/2013/covered/'],
  // Labelled detail page with replies, and a case list.
  ['test/fixtures/portals/gz-liuyan-detail.html', 'https://liuyan.example.gov.cn/detail/1'],
  ['test/fixtures/portals/hangzhou-letter-table-list.html', 'https://letters.example.gov.cn/list'],
] as const;

let bundle = '';
test.beforeAll(async () => {
  bundle = await bundleForBrowser('test/support/capture-browser-entry.ts', 'LinliCapture');
});

for (const [file, url] of PAGES) {
  test(`extracting ${file.replace('test/fixtures/', '')} leaves the live page unchanged`, async ({ page }) => {
    await page.route('**/*', (route) =>
      route.request().url() === url
        ? route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(path.join(root, file)) })
        : route.fulfill({ status: 404, body: '' }),
    );
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate(() => {
      // The bundle's own <script> tag is the one change the test makes; take the snapshot after it.
      const before = document.documentElement.outerHTML;
      const records: string[] = [];
      const observer = new MutationObserver((list) => {
        for (const r of list) records.push(`${r.type} on <${(r.target as Element).nodeName ?? '#text'}>`);
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const api = (
        window as unknown as {
          LinliCapture: { extractIssues: (doc: Document, options: object) => { issues: Array<{ title: string }> } };
        }
      ).LinliCapture;
      const out = api.extractIssues(document, { now: new Date('2026-06-02T00:00:00Z') });
      records.push(...observer.takeRecords().map((r) => `${r.type} on <${r.target.nodeName}>`));
      observer.disconnect();
      return {
        issues: out.issues.length,
        title: out.issues[0]?.title,
        records,
        same: document.documentElement.outerHTML === before,
      };
    });
    expect(result.issues).toBeGreaterThan(0);
    expect(result.records).toEqual([]);
    expect(result.same).toBe(true);
  });
}
