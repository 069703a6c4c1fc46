import { describe, expect, it } from 'vitest';
import { ISSUE_COUNT, runFixture, scoreOutput } from './compare';
import {
  countsTowardTarget,
  isHeldOut,
  listRealPages,
  MAX_PAGE_BYTES,
  pageBytes,
  pageChars,
  percent,
  readRecorded,
  totals,
} from './real-corpus';
import { schemaDrift } from './schema-drift';

/**
 * Pages saved from real sites (test/fixtures/real), generic extractor, no recipes. Each page must keep at least the
 * number of right fields recorded in scores.json (a regression fails), and the corpus as a whole must stay at or
 * above the recorded target, and every issue out of a page must be an Issue as the schema parses it (schema-drift.ts).
 * Numbers per batch: test/fixtures/real/SCORES.md.
 */
const pages = listRealPages();
const recorded = readRecorded();
/**
 * Scored pages read as the right number of cases (one case or a list, and how many rows): the decision that costs a
 * page most when it goes wrong (score-real.ts's last line).
 */
const RIGHT_COUNT_FLOOR = 298;

describe('real-page corpus', () => {
  it('has pages, each whole, within size and with its provenance', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const page of pages) {
      expect(pageBytes(page), page.name).toBeLessThanOrEqual(MAX_PAGE_BYTES);
      expect(pageChars(page), `${page.name}: characters differ from the repository's copy`).toBe(page.provenance.chars);
    }
  });

  it('every scored page has a recorded floor, and every floor a page', () => {
    const names = new Set(pages.map((p) => p.name));
    for (const name of Object.keys(recorded.pages)) expect(names.has(name), `${name} is recorded but gone`).toBe(true);
    for (const page of pages) {
      if (isHeldOut(page.provenance.batch) && !recorded.pages[page.name]) continue;
      expect(recorded.pages[page.name], `${page.name} has no recorded score`).toBeDefined();
    }
  });

  // One extraction per page serves both checks below.
  const results = pages
    .filter((p) => recorded.pages[p.name])
    .map((page) => {
      const output = runFixture(page);
      return { page, ...scoreOutput(output, page.expected), drift: schemaDrift(output) };
    });
  for (const r of results) {
    it(`${r.page.name} keeps its recorded fields right`, () => {
      const floor = recorded.pages[r.page.name];
      expect(r.fields, 'expectation changed: re-record with score-real.ts --record').toBe(floor?.fields);
      expect(r.right, r.problems.join('\n')).toBeGreaterThanOrEqual(floor?.right ?? 0);
    });
    it(`${r.page.name}: every issue is an Issue as the schema parses it`, () => {
      expect(r.drift).toEqual([]);
    });
  }

  it(`at least ${RIGHT_COUNT_FLOOR} pages are read as the right number of cases`, () => {
    const wrong = results.filter((r) => r.problems.some((p) => p.startsWith(ISSUE_COUNT)));
    expect(results.length - wrong.length, wrong.map((r) => r.page.name).join('\n')).toBeGreaterThanOrEqual(
      RIGHT_COUNT_FLOOR,
    );
  });

  it('the corpus as a whole stays at or above the recorded target', () => {
    const counted = results.filter((r) => countsTowardTarget(r.page, recorded));
    expect(counted.length).toBeGreaterThan(0);
    expect(percent(totals(counted)) / 100).toBeGreaterThanOrEqual(recorded.target);
  });
});
