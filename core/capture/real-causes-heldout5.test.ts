import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/** Causes found on the held-out-5 batch once it had been scored (meetings named by their date, rows under dates). */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string) =>
  `<html lang="en-US"><head><title>${title}</title></head><body>${body}</body></html>`;
const meetings = (out: ReturnType<typeof extract>) =>
  out.issues.map((i) => [i.title, i.reportedAt, i.location?.address]);

describe('real causes: held-out-5 meetings named only by their date', () => {
  it('bare dates under one sentence giving the time and place (us-chicago-ssa73-chinatown-meeting-schedule)', () => {
    const html = page(
      'Meeting Schedule',
      `<h1>Meeting Schedule</h1><div><p>The board meetings are open to the public, and will occur monthly at the
      Leonard M. Louie Fieldhouse, 1700 S. Wentworth Avenue, Chicago, Illinois at 6:30 p.m:</p>
      <p><del>January 22, 2019</del></p><p><del>February 26, 2019</del></p><p>March 26, 2019</p><p>May 28, 2019</p>
      <p><strong>2019 Meeting Agendas:</strong></p><p><a href="/a-1-22-19.pdf">Agenda 1-22-19</a></p></div>`,
    );
    const place = '1700 S. Wentworth Avenue, Chicago, Illinois';
    // The address names Illinois: Central time, whatever the site's domain says.
    expect(meetings(extract(html, 'https://chinatownssa73.org/meeting-schedule/'))).toEqual([
      ['January 22, 2019', '2019-01-22T18:30:00-06:00', place],
      ['February 26, 2019', '2019-02-26T18:30:00-06:00', place],
      ['March 26, 2019', '2019-03-26T18:30:00-05:00', place],
      ['May 28, 2019', '2019-05-28T18:30:00-05:00', place],
    ]);
  });

  it('the same in another markup: list items after a block, `7 pm`, a Colorado address', () => {
    const html = page(
      'Board calendar',
      `<h2>Board calendar</h2><section><div>All sessions are held at 1437 Bannock Street, Denver, CO 80202 at 7 pm.</div>
      <ul><li>Tuesday, January 7, 2025</li><li>Tuesday, February 4, 2025</li><li>Tuesday, March 4, 2025</li>
      <li>Tuesday, April 1, 2025</li></ul></section>`,
    );
    const out = meetings(extract(html, 'https://example.org/board'));
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual([
      'Tuesday, January 7, 2025',
      '2025-01-07T19:00:00-07:00',
      '1437 Bannock Street, Denver, CO 80202',
    ]);
    expect(out[3]?.[1]).toBe('2025-04-01T19:00:00-06:00');
  });

  it('a table of date-and-time cells beside place cells (us-chicago-board-of-education-planning-calendar)', () => {
    const place =
      '<p>CPS Loop Office<br />42 W. Madison Street, Garden Level<br />Chicago, IL 60602</p><p>Board Room</p>';
    const row = (date: string) => `<tr><td><p>${date}</p><p>(3rd Wednesday)</p></td><td>${place}</td></tr>`;
    const html = page(
      'Planning calendar',
      `<h1>Planning calendar</h1><table><tbody><tr><td><strong>Date</strong></td><td><strong>Place</strong></td></tr>
      ${row('July 24, 2019 at 10:30 am')}${row('August 28, 2019 at 10:30 am')}
      <tr><td><table><tbody><tr><td>December 18, 2019 at 10:30am<p>(3rd Wednesday)</p></td></tr></tbody></table></td>
      <td>${place}</td></tr>${row('January 22, 2020 at 10:30 am')}</tbody></table>`,
    );
    const addr = '42 W. Madison Street, Garden Level, Chicago, IL 60602';
    expect(meetings(extract(html, 'https://www.cpsboe.org/meetings/planning-calendar'))).toEqual([
      ['July 24, 2019 at 10:30 am', '2019-07-24T10:30:00-05:00', addr],
      ['August 28, 2019 at 10:30 am', '2019-08-28T10:30:00-05:00', addr],
      // A row whose date sits in a table of its own inside the first cell.
      ['December 18, 2019 at 10:30am', '2019-12-18T10:30:00-06:00', addr],
      ['January 22, 2020 at 10:30 am', '2020-01-22T10:30:00-06:00', addr],
    ]);
  });

  it('dates cut by <br> inside paragraphs, a year line heading each (us-chicago-mpac-meeting-archives)', () => {
    const html = page(
      'MPAC Meeting Archives',
      `<h1>Chicago Complete Streets</h1><div class="page-content"><p>2019<br />
      February 20, 2019 <a href="/a.pdf">Agenda</a> &#8211; <a href="/m.pdf">Meeting Minutes</a><br />
      May 8, 2019 Agenda &#8211; Meeting Minutes<br />August 8, 2019 Agenda &#8211; Meeting Minutes</p>
      <p>2018<br />February 14, 2018 Agenda &#8211; Meeting Minutes<br />May 9, 2018 Agenda</p></div>`,
    );
    const titles = extract(html, 'https://example.org/mpac-meeting-archives/').issues.map((i) => i.title);
    expect(titles).toEqual([
      'February 20, 2019 Agenda – Meeting Minutes',
      'May 8, 2019 Agenda – Meeting Minutes',
      'August 8, 2019 Agenda – Meeting Minutes',
      'February 14, 2018 Agenda – Meeting Minutes',
      'May 9, 2018 Agenda',
    ]);
  });

  it('the same in another markup: one <div> of lines, hearings with their own times', () => {
    const html = page(
      'Public hearings',
      `<h1>Public hearings</h1><div>March 3, 2025, 9:00 am<br>April 7, 2025, 9:00 am<br>May 5, 2025, 1:00 pm<br>
      June 2, 2025, 9:00 am</div>`,
    );
    const out = extract(html, 'https://example.gov/hearings').issues;
    expect(out.map((i) => i.reportedAt)).toEqual([
      '2025-03-03T09:00:00-05:00',
      '2025-04-07T09:00:00-04:00',
      '2025-05-05T13:00:00-04:00',
      '2025-06-02T09:00:00-04:00',
    ]);
  });

  it('on a page about something else, a sentence with a time is not every date’s time', () => {
    const lines = ['January 7, 2025', 'February 4, 2025', 'March 4, 2025', 'April 1, 2025'].map((d) => `<p>${d}</p>`);
    const body = `<h1>Price history</h1><div><p>Prices are set at 9:00 a.m.</p>${lines.join('')}</div>`;
    const out = extract(page('Price history', body), 'https://example.gov/prices').issues;
    expect(out.map((i) => i.reportedAt)).not.toContain('2025-01-07T09:00:00-05:00');
  });
});
