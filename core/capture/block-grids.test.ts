import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Grids drawn with blocks instead of a table (block-grids.ts): a head row of column names over rows of as many
 * cells. The first markup is a real table's content laid out as divs (us-ed-ocr-pending-title-ix-investigations-list,
 * as the shape ablation rewrites it); the second is written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (lang: string, body: string) =>
  `<html lang="${lang}"><head><title>Results</title></head><body>${body}</body></html>`;

describe('a grid of div rows under a head row of column names', () => {
  it('reads each row by its column, the head row alone in a wrapper above them (us-ed-ocr-pending-title-ix-investigations-list)', () => {
    const row = (st: string, name: string, kind: string, date: string) =>
      `<div><div>${st}</div><div>${name}</div><div>PSE</div><div>${kind}</div><div>${date}</div></div>`;
    const { issues, kind } = extract(
      page(
        'en-US',
        `<h1>Pending Cases Currently Under Investigation</h1><div class="table" id="oi-table">
          <div><div><div>State</div><div>Institution</div><div>Institution Type</div><div>Type of Discrimination</div><div>Open Investigation Date</div></div></div>
          ${row('AL', 'ALABAMA A &amp; M UNIVERSITY', 'Title IX - Retaliation', '8/24/2016')}
          ${row('AL', 'AUBURN UNIVERSITY MAIN CAMPUS', 'Title IX - Sexual Violence', '12/18/2019')}
          ${row('AK', 'UNIVERSITY OF ALASKA FAIRBANKS', 'Title IX - Sexual Harassment', '7/13/2020')}</div>`,
      ),
      'https://www2.ed.gov/about/offices/list/ocr/docs/investigations/open-investigations/tix.html',
    );
    expect(kind).toBe('list');
    expect(issues.map((i) => [i.title, i.category, i.reportedAt?.slice(0, 10)])).toEqual([
      ['ALABAMA A & M UNIVERSITY', 'Title IX - Retaliation', '2016-08-24'],
      ['AUBURN UNIVERSITY MAIN CAMPUS', 'Title IX - Sexual Violence', '2019-12-18'],
      ['UNIVERSITY OF ALASKA FAIRBANKS', 'Title IX - Sexual Harassment', '2020-07-13'],
    ]);
  });

  it('a second markup: list items of spans, the head row first among them', () => {
    const item = (ref: string, subject: string, date: string, status: string) =>
      `<li class="r"><span><a href="/requests/${ref}">${ref}</a></span><span>${subject}</span><span>${date}</span><span>${status}</span></li>`;
    const { issues } = extract(
      page(
        'en-GB',
        `<h2>Requests received</h2><ul class="grid">
          <li class="h"><span>Reference</span><span>Subject</span><span>Date received</span><span>Status</span></li>
          ${item('FOI-2025-0311', 'Street lighting contracts', '3 March 2025', 'Closed')}
          ${item('FOI-2025-0312', 'Parking permit revenue', '4 March 2025', 'Open')}
          ${item('FOI-2025-0318', 'Library opening hours review', '10 March 2025', 'Closed')}</ul>`,
      ),
      'https://council.example.gov.uk/foi/requests',
    );
    expect(issues.map((i) => [i.source.caseNumber, i.title, i.reportedAt?.slice(0, 10), i.status])).toEqual([
      ['FOI-2025-0311', 'Street lighting contracts', '2025-03-03', 'closed'],
      ['FOI-2025-0312', 'Parking permit revenue', '2025-03-04', 'new'],
      ['FOI-2025-0318', 'Library opening hours review', '2025-03-10', 'closed'],
    ]);
  });
});
