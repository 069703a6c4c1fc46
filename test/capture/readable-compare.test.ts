import { describe, expect, it } from 'vitest';
import { loadPages, READERS, scoreAll } from './readable-compare';

/**
 * The readable-content fallback in use (Linli's own `readable.ts` with `page-title.ts`) was chosen because it reads titles and leads at
 * least as well as `@mozilla/readability` and `defuddle` on the pages we hold (test/fixtures/readability/SCORES.md).
 * When the corpus grows and that stops being true, this fails: compare again and adopt the better one.
 */
const pages = loadPages();
const rows = scoreAll(pages);
const total = (reader: string) =>
  rows.filter((r) => r.reader === reader).reduce((n, r) => n + (r.title ? 1 : 0) + (r.lead ? 1 : 0), 0);

describe('readable-content fallback: Linli, Readability and Defuddle on the same pages', () => {
  it('has Readability test pages and real pages to compare on', () => {
    expect(pages.filter((p) => p.set === 'readability').length).toBeGreaterThanOrEqual(6);
    expect(pages.filter((p) => p.set === 'real').length).toBeGreaterThanOrEqual(6);
  });

  it('every reader runs on a linkedom document without throwing', () => {
    expect(rows.filter((r) => r.error).map((r) => `${r.name} [${r.reader}]: ${r.error}`)).toEqual([]);
  });

  it('the fallback in use gets at least as many titles and leads right as each alternative', () => {
    const linli = total('linli');
    for (const reader of Object.keys(READERS)) expect(linli, reader).toBeGreaterThanOrEqual(total(reader));
  });
});
