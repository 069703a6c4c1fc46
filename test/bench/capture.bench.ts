/**
 * Capture engine in Node (linkedom), as `linli extract` runs it: parse + extract per fixture page, and the two
 * synthetic 2 MB pages of test/support/big-pages. The browser numbers are in capture-chromium.bench.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractIssues } from '@linli/core/capture';
import { parseHtml, parseHtmlBytes } from '@linli/core/capture/node';
import { bigDetailPage, bigListPage } from '../support/big-pages';
import { domWalk } from '../support/dom-walk';
import { nodeProfiler } from './cpu-profile';
import { type BenchResult, gcPauses, interleavedMedianMs, median, medianMs, round, row } from './measure';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIRS = [path.resolve(root, '../shared/fixtures/portals'), path.join(root, 'test/fixtures/portals')];
const URL_ = 'https://12345.example.gov.cn/order/view?id=1';

export default async function benchCapture(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const pages = DIRS.filter((d) => existsSync(d)).flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => readFileSync(path.join(d, f))),
  );
  if (pages.length) {
    const perPage = pages.map((bytes) =>
      medianMs(() => extractIssues(parseHtmlBytes(bytes), { url: URL_ }), { runs: 15 }),
    );
    const parsePerPage = pages.map((bytes) => medianMs(() => parseHtmlBytes(bytes), { runs: 15 }));
    const typical = median(perPage);
    rows.push(
      row({
        name: 'extract',
        what: `median page, parse + extract (${pages.length} fixture pages, linkedom, as linli extract)`,
        value: typical,
        unit: 'ms',
        baseline: median(parsePerPage),
        baselineWhat: 'median page, linkedom parse alone',
        // Issue 18: the median page ≤ 20 ms, about 28 × the parse of the same pages on an idle machine (0.7 ms).
        goal: 'ratio <= 28',
        note: `absolute goal 20 ms; slowest ${round(Math.max(...perPage))} ms`,
      }),
    );
  }
  {
    // Issue 18: 320 ms → ≤ 150 ms. The walk of this page takes 19–21 ms on a quiet machine (19.1 ms at 08:00 and
    // 21.4 ms at 09:40 on 2026-12-06): 150 ms is about 8 walks. (The first goal, 150/320 of the 21 walks measured
    // when the issue was filed, allowed 190–210 ms.)
    const html = bigListPage();
    const doc = parseHtml(html);
    let issues = 0;
    // In turns with the walk it is divided by, so both see the same load.
    const gc = gcPauses();
    const {
      a: extract,
      b: walk,
      cpuA: extractCpu,
      cpuB: walkCpu,
    } = interleavedMedianMs(
      () => {
        issues = extractIssues(doc, { url: URL_ }).issues.length;
      },
      () => domWalk(doc.body),
      { runs: 11, warmup: 3 },
    );
    const pauses = await gc.stop();
    // `LINLI_BENCH_PROFILE=DIR`: five more runs under the V8 profiler, after the timed ones (which it would slow).
    if (process.env.LINLI_BENCH_PROFILE) {
      const profiler = await nodeProfiler('extract-2mb-list');
      await profiler.resume();
      for (let i = 0; i < 5; i++) extractIssues(doc, { url: URL_ });
      await profiler.pause();
      await profiler.stop();
    }
    rows.push(
      row({
        name: 'extract-2mb-list',
        what: `2 MB case list, extract (${issues} issues, linkedom)`,
        value: extract,
        unit: 'ms',
        baseline: walk,
        baselineWhat: 'one walk over every element (name, attributes)',
        goal: 'ratio <= 8',
        note: `absolute goal 150 ms (320 ms when issue 18 was filed); CPU ${round(extractCpu)} ms against ${round(walkCpu)} (ratio ${round(extractCpu / walkCpu)}); in the 14 extractions and walks GC took ${round(pauses.minorMs)} ms in scavenges and ${pauses.majors} full collections ${round(pauses.majorMs)} ms; parsing the page takes ${round(medianMs(() => parseHtml(html), { runs: 3, warmup: 1 }))} ms more`,
      }),
    );
  }
  for (const [id, name, html] of [['capture-2mb-detail', '2 MB detail page', bigDetailPage()]] as const) {
    const doc = parseHtml(html);
    let issues = 0;
    const extract = medianMs(
      () => {
        issues = extractIssues(doc, { url: URL_ }).issues.length;
      },
      { runs: 5, warmup: 2 },
    );
    // `LINLI_BENCH_PROFILE=DIR`: five more runs under the V8 profiler, as for the 2 MB list.
    if (process.env.LINLI_BENCH_PROFILE) {
      const profiler = await nodeProfiler(id);
      await profiler.resume();
      for (let i = 0; i < 5; i++) extractIssues(doc, { url: URL_ });
      await profiler.pause();
      await profiler.stop();
    }
    const parse = medianMs(() => parseHtml(html), { runs: 3, warmup: 1 });
    const baseline = medianMs(() => doc.body.textContent?.length, { runs: 5, warmup: 1 });
    rows.push(
      row({
        name: id,
        what: `${name}, extract (${issues} issues, linkedom)`,
        value: extract,
        unit: 'ms',
        baseline,
        baselineWhat: 'body.textContent',
        goal: 'value <= 150',
        note: `parsing the page takes ${round(parse)} ms more`,
      }),
    );
  }
  return rows;
}

// `tsx test/bench/capture.bench.ts` runs it on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const r of await benchCapture()) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
}
