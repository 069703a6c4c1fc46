import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { bigDetailPage, bigListPage } from '../support/big-pages';
import { bundleForBrowser } from '../support/browser-bundle';
import { DOM_WALK_SOURCE } from '../support/dom-walk';
import { profiled } from './cpu-profile';
import { DOM_CALLS_SOURCE, STYLE_OR_LAYOUT } from './dom-calls';
import { type BenchResult, median, round, row } from './measure';

/**
 * Runs inside the page. Kept as source text: a function passed to page.evaluate from tsx would carry the
 * transpiler's helper calls, which do not exist in the page.
 */
const IN_PAGE_MEDIANS = `function (runs) {
  const api = window.LinliCapture;
  const domWalk = ${DOM_WALK_SOURCE};
  const median = (fn) => {
    fn();
    const t = [];
    for (let i = 0; i < runs; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); }
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)];
  };
  // Extraction and the walk it is divided by are timed in turns, so both see the same load.
  const te = [];
  const tw = [];
  const walk20 = () => { for (let i = 0; i < 20; i++) domWalk(document.body); };
  api.extractIssues(document);
  walk20();
  for (let i = 0; i < runs; i++) {
    let s = performance.now();
    api.extractIssues(document);
    te.push(performance.now() - s);
    // 20 walks per timing: one walk of a small page is below the browser's timer resolution.
    s = performance.now();
    walk20();
    tw.push((performance.now() - s) / 20);
  }
  const mid = (t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
  return {
    extract: mid(te),
    baseline: median(() => document.body.textContent.length),
    walk: mid(tw),
    issues: api.extractIssues(document).issues.length,
  };
}`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface InPage {
  extract: number;
  baseline: number;
  walk: number;
  issues: number;
}

/**
 * Extraction inside real Chromium, where staff run it: the page's own DOM, the content-script bundle. The baseline
 * is `document.body.textContent` on the same page — the cheapest read of the whole DOM — so the ratio says what
 * extraction costs beyond touching every node once.
 */
export default async function benchCaptureChromium(): Promise<BenchResult[]> {
  if (!existsSync(chromiumLaunch.executablePath)) {
    return [
      row({
        name: 'extract-chromium',
        value: Number.NaN,
        unit: 'ms',
        goal: 'value <= 20',
        note: 'Chromium missing: apt-get install chromium',
      }),
    ];
  }
  const bundle = await bundleForBrowser('test/support/capture-browser-entry.ts', 'LinliCapture');
  const browser = await chromium.launch({ headless: true, ...chromiumLaunch });
  try {
    const page = await browser.newPage();
    const measure = async (html: string, url: string, runs: number) => {
      await page.route(url, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      await page.goto(url);
      await page.unroute(url);
      await page.addScriptTag({ content: bundle });
      return page.evaluate(`(${IN_PAGE_MEDIANS})(${runs})`) as Promise<InPage>;
    };

    const fixtureDirs = [path.join(root, 'test/fixtures/portals'), path.resolve(root, '../shared/fixtures/portals')];
    const pages = fixtureDirs
      .filter((d) => existsSync(d))
      .flatMap((d) =>
        readdirSync(d)
          .filter((f) => f.endsWith('.html'))
          .map((f) => path.join(d, f)),
      );
    const perPage: number[] = [];
    const walkPerPage: number[] = [];
    for (const [i, file] of pages.entries()) {
      const url = `https://portal${i}.example.gov.cn/page.html`;
      await page.route(url, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(file) }),
      );
      await page.goto(url);
      await page.unroute(url);
      await page.addScriptTag({ content: bundle });
      const m = (await page.evaluate(`(${IN_PAGE_MEDIANS})(15)`)) as InPage;
      perPage.push(m.extract);
      walkPerPage.push(m.walk);
    }
    perPage.sort((a, b) => a - b);
    const typical = perPage[Math.floor(perPage.length / 2)] ?? Number.NaN;
    const list = await measure(bigListPage(), 'https://big-list.example.gov.cn/list.html', 9);
    // `LINLI_BENCH_PROFILE=DIR`: five more runs on the 2 MB list under the page's CPU profiler, after the timed ones
    // (the statement's value is 0: the last result sent back to Node would be profiled as well), and the DOM calls of
    // one run.
    if (process.env.LINLI_BENCH_PROFILE) {
      await profiled(page.context(), page, 'extract-2mb-list-chromium', () =>
        page.evaluate('for (let i = 0; i < 5; i++) window.LinliCapture.extractIssues(document); 0'),
      );
      const calls = (await page.evaluate(
        `(${DOM_CALLS_SOURCE})(() => window.LinliCapture.extractIssues(document))`,
      )) as [string, number][];
      const total = calls.reduce((n, [, c]) => n + c, 0);
      const styled = calls.filter(([name]) => STYLE_OR_LAYOUT.test(name)).reduce((n, [, c]) => n + c, 0);
      process.stderr.write(`  DOM calls, one run on the 2 MB list: ${total} (style or layout reads: ${styled})\n`);
      for (const [name, n] of calls.slice(0, 12)) process.stderr.write(`    ${String(n).padStart(9)}  ${name}\n`);
    }
    const detail = await measure(bigDetailPage(), 'https://big-detail.example.gov.cn/view.html', 5);
    return [
      row({
        name: 'extract-chromium',
        what: `median page in Chromium (${perPage.length} fixture pages)`,
        value: typical,
        unit: 'ms',
        baseline: median(walkPerPage),
        baselineWhat: 'median page, one walk over every element',
        // Issue 18: the median page stays ≤ 20 ms; a small page's walk takes about 0.015 ms here.
        goal: 'ratio <= 1300',
        note: `absolute goal 20 ms; slowest ${round(perPage.at(-1) ?? Number.NaN)} ms`,
      }),
      row({
        name: 'extract-2mb-list-chromium',
        what: `2 MB case list in Chromium (${list.issues} rows)`,
        value: list.extract,
        unit: 'ms',
        baseline: list.walk,
        baselineWhat: 'one walk over every element (name, attributes)',
        // Issue 18: 229 ms → ≤ 150 ms. The walk of this page took 12.2 ms in the quietest run of 2026-12-06 (09:40,
        // load 3–6): 150 ms is 12 walks. (The first goal, 150/229 of the 37 walks measured when the issue was filed,
        // allowed about 290 ms against that walk.)
        goal: 'ratio <= 12',
        note: 'absolute goal 150 ms (229 ms when issue 18 was filed)',
      }),
      row({
        name: 'capture-chromium-2mb-detail',
        what: '2 MB detail page in Chromium',
        value: detail.extract,
        unit: 'ms',
        baseline: detail.baseline,
        baselineWhat: 'body.textContent',
        goal: 'value <= 150',
      }),
    ];
  } finally {
    await browser.close();
  }
}
