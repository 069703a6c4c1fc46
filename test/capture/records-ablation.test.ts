import { existsSync } from 'node:fs';
import { parseHtml } from '@linli/core/capture/node';
import { describe, expect, it } from 'vitest';
import { type AblationRow, runAblation, sharedPortalsDir } from './records-ablation';
import { scrambleNames } from './scramble-names';

/**
 * The structure finder alone (core/capture/records.ts, every vocabulary finder left out) must keep segmenting at
 * least this many of the corpus's list pages with their right row count: the measure of how far the generic layer
 * goes without any site's words (`npx tsx test/capture/records-ablation.ts` names the pages it misses). Name-blind
 * (`--scramble`: every class and id renamed to a meaningless token), the measure of a site whose names are new too.
 */
// The shared pages are held only where that folder is present: a clone of this repository alone has none of them.
const FLOOR = { real: 92, own: 37, shared: 2 };
/** The first and last rows' title, case number and date right on real list pages, structure alone (of 442). */
const FIELDS_FLOOR = 387;
const SCRAMBLED_FLOOR = { real: 93, own: 37, shared: 0 };
const SCRAMBLED_FIELDS_FLOOR = 382;

describe('the name-blind rewrite', () => {
  const html = `<body><div id="main" role="main"><ul class="list news-list" data-module="news">
    <li class="item odd"><a href="#item-1" class="title">Road repair</a><span class="date">2024-03-05</span></li>
    <li class="item even"><a href="/case/2" class="title">Street lamp</a><span class="date hide">2024-03-06</span></li>
    </ul><img data-src="/img/a.png"><script>$('#main .list').load('/rows')</script></div></body>`;
  it('renames each class and id token the same way on a page, keeping text, tags and addresses', () => {
    const doc = parseHtml(html);
    const r = scrambleNames(doc, 'page-a');
    const out = doc.body.outerHTML;
    for (const name of ['list', 'item', 'title', 'date', 'odd', 'main', 'news']) expect(out).not.toMatch(name);
    expect(doc.body.textContent).toContain('Road repair');
    const items = Array.from(doc.querySelectorAll('li'));
    expect(items[0]!.className.split(' ')[0]).toBe(items[1]!.className.split(' ')[0]);
    expect(items[0]!.className).not.toBe(items[1]!.className);
    expect(doc.querySelector('[role], [data-module]')).toBeNull();
    expect(doc.querySelector('img')!.getAttribute('data-src')).toBe('/img/a.png');
    // A script that names the list by its id and class names it by the new tokens.
    const id = doc.querySelector('div')!.id;
    expect(doc.querySelector('script')!.textContent).toContain(`#${id} .`);
    expect(r.tokens).toBeGreaterThanOrEqual(8);
  });
  it('keeps hidden what a framework class hid, and renames differently on another page', () => {
    const a = parseHtml(html);
    const b = parseHtml(html);
    scrambleNames(a, 'page-a');
    scrambleNames(b, 'page-b');
    expect(a.querySelectorAll('span')[1]!.hasAttribute('hidden')).toBe(true);
    expect(a.querySelector('ul')!.className).not.toBe(b.querySelector('ul')!.className);
  });
});

function holdsFloors(rows: AblationRow[], floor: Record<AblationRow['source'], number>, fieldsFloor: number) {
  it(`reads at least ${fieldsFloor} of the first and last rows' fields right on real list pages`, () => {
    const real = rows.filter((r) => r.source === 'real');
    const right = real.reduce((n, r) => n + r.right, 0);
    const problems = real.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`));
    expect(right, problems.join('\n')).toBeGreaterThanOrEqual(fieldsFloor);
  });
  for (const source of ['real', 'own', 'shared'] as const) {
    it.skipIf(source === 'shared' && !existsSync(sharedPortalsDir))(
      `keeps ${floor[source]} ${source} list pages at their row count`,
      () => {
        const of = rows.filter((r) => r.source === source);
        const missed = of.filter((r) => r.found !== r.expected).map((r) => `${r.name}: ${r.found}/${r.expected}`);
        expect(of.length - missed.length, missed.join('\n')).toBeGreaterThanOrEqual(floor[source]);
      },
    );
  }
}

describe('list pages segmented by structure alone', () => {
  const rows = runAblation();
  it('covers the corpus list pages', () => {
    expect(rows.filter((r) => r.source === 'real').length).toBeGreaterThanOrEqual(25);
    expect(rows.filter((r) => r.source === 'own').length).toBeGreaterThanOrEqual(30);
  });
  holdsFloors(rows, FLOOR, FIELDS_FLOOR);
});

describe('list pages segmented by structure alone, every class and id name meaningless', () => {
  holdsFloors(runAblation(true), SCRAMBLED_FLOOR, SCRAMBLED_FIELDS_FLOOR);
});
