import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes found on held-out-25's list pages (s13-plists), each on markup written apart from the page that showed it.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string) =>
  `<html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`;

const cell = (t: string) => `<td><p>${t}</p></td>`;
const head = (labels: string[]) => `<tr>${labels.map((l) => `<td><p><strong>${l}</strong></p></td>`).join('')}</tr>`;
const row = (cells: string[]) => `<tr>${cells.map(cell).join('')}</tr>`;

describe('a bill-status table cut by sections, its stages headed by abbreviations (za-pmg-proceedings-on-bills-2013)', () => {
  it('reads every row of every section, numbered by its Bill column and named by its title column', () => {
    const html = page(
      'Bills 2019',
      `<h1>Progress of bills, 2019</h1>
      <p><strong>Carried over from 2018</strong></p>
      <table border="1">${head(['Bill', 'Short Title', 'HA', 'LC', 'JC', 'Status'])}
        ${row(['B12-2018', 'Water Services Amendment Bill', '4 Mar', '19 Mar', '&nbsp;', 'In committee'])}
        ${row(['B20-2018', 'Public Audit Bill', '6 Feb', '&nbsp;', '&nbsp;', 'Lapsed'])}</table>
      <p><strong>Introduced in 2019</strong></p>
      <table border="1">${head(['Bill', 'Short Title', 'Tabled', 'HA', 'LC', 'JC', 'Status'])}
        ${row(['B1 - 2019', 'Appropriation Bill', '20 Feb', '2 Apr', '9 Apr', '&nbsp;', 'Passed'])}
        ${row(['B2 - 2019', 'Fisheries Levy Bill', '27 Feb', '&nbsp;', '&nbsp;', '&nbsp;', 'In committee'])}
        ${row(['B3 - 2019', 'Electoral Commission Amendment Bill', '6 Mar', '&nbsp;', '&nbsp;', '&nbsp;', 'Before the House'])}</table>`,
    );
    const { issues } = extract(html, 'https://bills.example.org/progress-2019');
    expect(issues.map((i) => [i.title, i.source.caseNumber])).toEqual([
      ['Water Services Amendment Bill', 'B12-2018'],
      ['Public Audit Bill', 'B20-2018'],
      ['Appropriation Bill', 'B1 - 2019'],
      ['Fisheries Levy Bill', 'B2 - 2019'],
      ['Electoral Commission Amendment Bill', 'B3 - 2019'],
    ]);
  });
});
