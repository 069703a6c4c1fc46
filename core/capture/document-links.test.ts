import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Lists of document links, one link a paragraph under year or group headings (a regulator's filed reports, a town's
 * official bulletin), written apart from the pages that showed them (us-ca-dmv-autonomous-vehicle-collision-reports-
 * ol316, ar-carmendeareco-boletin-oficial).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const URL = 'https://agency.example/reports';
const extract = (html: string) => extractIssues(parseHtml(html, URL), { url: URL, now: NOW });
const page = (groups: Array<[string, string[]]>) =>
  `<html><head><title>Filed reports</title></head><body><h1>Filed reports</h1>` +
  `<p>Reports received under the rule, newest first.</p>` +
  groups
    .map(
      ([head, links]) =>
        `<h2>${head}</h2>` +
        links.map((t, i) => `<p><a href="/files/${encodeURIComponent(t)}-${i}.pdf">${t}</a></p>`).join(''),
    )
    .join('') +
  `</body></html>`;

describe('a filer and a date in one link text', () => {
  it('names the filer when the names before the dates recur and differ', () => {
    const out = extract(
      page([
        ['2023', ['Acme Robotics May 25, 2023 (2)', 'Acme Robotics May 25, 2023', 'Northwind Auto April 19, 2023']],
        ['2022', ['Northwind Auto March 26, 2022', 'Acme Robotics March 23, 2022', 'Northwind Auto March 2, 2022']],
      ]),
    );
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => i.reporter.name)).toEqual([
      'Acme Robotics',
      'Acme Robotics',
      'Northwind Auto',
      'Northwind Auto',
      'Acme Robotics',
      'Northwind Auto',
    ]);
    expect(out.issues[0]!.title).toBe('Acme Robotics May 25, 2023 (2)');
    expect(out.issues[2]!.reportedAt?.slice(0, 10)).toBe('2023-04-19');
  });

  it('keeps a kind of record shared by every row as the title, naming no filer', () => {
    const out = extract(
      page([
        ['2022', ['Board Meeting July 5, 2022', 'Board Meeting June 7, 2022', 'Board Meeting May 3, 2022']],
        ['2021', ['Board Meeting December 7, 2021', 'Board Meeting November 2, 2021']],
      ]),
    );
    expect(out.kind).toBe('list');
    expect(out.issues[0]!.title).toBe('Board Meeting July 5, 2022');
    expect(out.issues.every((i) => i.reporter.name === undefined)).toBe(true);
  });

  it('names no filer when the words before the dates name kinds of meeting', () => {
    const out = extract(
      page([
        ['2022', ['Regular Meeting July 5, 2022', 'Special Meeting June 7, 2022', 'Regular Meeting May 3, 2022']],
        ['2021', ['Special Meeting December 7, 2021', 'Regular Meeting November 2, 2021']],
      ]),
    );
    expect(out.issues.every((i) => i.reporter.name === undefined)).toBe(true);
  });
});

describe('undated document links under group headings', () => {
  const bulletin = (intro: string) =>
    `<html><head><title>Official bulletin | Town of Example</title></head><body>` +
    `<nav><a href="/">Home</a><a href="/council">Council</a></nav><main><h4>Official bulletin</h4>` +
    `<div class="widget">${intro}<h5><strong>FINANCIAL STATEMENTS</strong></h5>` +
    ['2019', '2020', '2021']
      .map((y) => `<p><a href="/uploads/${y}-statement.pdf"><strong>REPORT</strong> – Financial position ${y}</a></p>`)
      .join('') +
    `<h5> </h5><h5><strong>TAX ORDINANCES</strong></h5>` +
    ['3057', '3059', '3112']
      .map((n) => `<p><a href="/download/ordinance-${n}.pdf">Tax Ordinance No. ${n}</a></p>`)
      .join('') +
    `</div></main><footer>© Town of Example</footer></body></html>`;

  it('reads each link as one record, titled by its text', () => {
    const out = extract(bulletin(''));
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => i.title)).toEqual([
      'REPORT – Financial position 2019',
      'REPORT – Financial position 2020',
      'REPORT – Financial position 2021',
      'Tax Ordinance No. 3057',
      'Tax Ordinance No. 3059',
      'Tax Ordinance No. 3112',
    ]);
    expect(out.issues[3]!.source.url).toBe('https://agency.example/download/ordinance-3057.pdf');
  });

  it('leaves an article with its documents under a heading one case', () => {
    const article =
      '<p>The council adopted the budget for the coming year after a public hearing held on the first of the month. ' +
      'Residents may read the adopted documents below. Questions go to the treasurer’s office by mail or phone.</p>';
    expect(extract(bulletin(article)).kind).toBe('detail');
  });
});
