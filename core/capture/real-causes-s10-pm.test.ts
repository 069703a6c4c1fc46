import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes the tenth session's one scoring showed on US meeting and case lists of software new to the corpus, each
 * fixed by a rule meant for sites never seen; the markup here is written apart from the real pages.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('a civil-rights agency list of open investigations (us-ed-ocr-pending-title-ix-investigations-list)', () => {
  // Another agency's list: a state commission's open cases, headed in the same words.
  const html = `<html lang="en"><head><title>Open Investigations</title></head><body>
    <div class="lang"><a href="/en">English</a> <a href="/es">español</a> <a href="/zh">中文</a></div>
    <h1>Open Investigations</h1>
    <table><thead><tr><th>State</th><th>Institution</th><th>Institution Type</th><th>Type of Discrimination</th>
      <th>Open Investigation Date</th></tr></thead>
      <tr><td>NV</td><td>RENO COMMUNITY COLLEGE</td><td>PSE</td><td>Disability - Access</td><td>3/2/2019</td></tr>
      <tr><td>NV</td><td>WASHOE COUNTY SCH DIST</td><td>ESE</td><td>Race - Discipline</td><td>11/20/2018</td></tr>
    </table></body></html>`;

  it('reads a row per case, named by its institution, typed by its discrimination, dated when it opened', () => {
    const { issues, kind } = extract(html, 'https://www.example-civilrights.gov/open-investigations.html');
    expect(kind).toBe('list');
    expect(issues.map((i) => [i.title, i.category])).toEqual([
      ['RENO COMMUNITY COLLEGE', 'Disability - Access'],
      ['WASHOE COUNTY SCH DIST', 'Race - Discipline'],
    ]);
    // A `.gov` site whose language menu says 中文 is no Chinese page: its dates are US Eastern, not Beijing time.
    expect(issues[0]!.reportedAt).toBe('2019-03-02T00:00:00-05:00');
  });
});

describe('a meeting list drawn once per screen width (us-detroit-escribe-meetings-2020-09)', () => {
  // Bootstrap 3's responsive copies: each meeting's date four times, one per width; a desktop shows the `visible-lg` one.
  const meeting = (name: string, short: string, long: string, room: string) => `
    <div class="meeting-row"><h3>
      <div class="title"><a href="/m?id=${name.length}">${name}</a></div>
      <div class="visible-xs">${short} - 6:30PM</div>
      <div class="visible-sm">${short} 6:30PM</div>
      <div class="visible-md">${long} 6:30PM</div>
      <div class="visible-lg">${long} 6:30 PM</div>
      <div class="where">${room}</div></h3></div>`;
  const html = `<html lang="en"><head><title>Meetings</title></head><body><main><h2>Upcoming Meetings</h2>
    ${meeting('Planning Commission', 'Mar 3 2021', 'March 3 2021', 'Room 200, Town Hall')}
    ${meeting('Parks Board', 'Mar 10 2021', 'March 10 2021', 'Room 114, Town Hall')}
    </main></body></html>`;

  it('reads each meeting once, not once per copy of its date', () => {
    const { issues } = extract(html, 'https://meetings.example-town.us/Meetings.aspx');
    expect(issues.some((i) => /Mar 3 2021 - 6:30PM/.test(i.title))).toBe(false);
    expect(issues.length).toBeLessThanOrEqual(2);
  });
});

describe('a meeting calendar grid (us-nyc-council-legistar-calendar-2014-06)', () => {
  // Another council's calendar in the same columns: the body's name, the day, its hour apart, the room, the topic.
  const row = (name: string, day: string, hour: string, room: string, topic: string) =>
    `<tr><td><a href="/body/${name.length}">${name}</a></td><td>${day}</td><td><a href="/ical">iCal</a></td>
      <td><span>${hour}</span></td><td>${room}</td><td>${topic}</td><td><a href="/m">Meeting details</a></td></tr>`;
  const html = `<html lang="en"><head><title>Calendar</title></head><body><main>
    <table class="grid"><thead><tr><th>Name</th><th>Meeting Date</th><th></th><th>Meeting Time</th>
      <th>Meeting Location</th><th>Meeting Topic</th><th>Meeting Details</th></tr></thead><tbody>
    ${row('Committee on Transportation', '3/4/2021', '9:30 AM', 'Council Chambers', 'Oversight - Snow Removal')}
    ${row('Land Use Committee', '3/2/2021', '1:00 PM', 'Hearing Room 2', 'Zoning Text Amendments')}
    </tbody></table></main></body></html>`;

  it('reads each meeting named by its body, dated at its hour, at its place, about its topic', () => {
    const { issues } = extract(html, 'https://council.example-city.gov/Calendar.aspx');
    expect(issues.map((i) => [i.title, i.reportedAt, i.location?.address, i.description])).toEqual([
      ['Committee on Transportation', '2021-03-04T09:30:00-05:00', 'Council Chambers', 'Oversight - Snow Removal'],
      ['Land Use Committee', '2021-03-02T13:00:00-05:00', 'Hearing Room 2', 'Zoning Text Amendments'],
    ]);
  });
});

describe('a short year of meetings, each line its date then its name (us-finetownny-digital-towpath-town-board-meetings-2026)', () => {
  const html = `<html lang="en"><head><title>Meetings</title></head><body><main><h1>Meetings</h1>
    <h2>Planning Board</h2><h3>Meetings - 2025</h3>
    <ul class="meetings">
      <li><a href="/meetings/detail/12">March 5, 2025: Regular Planning Board Meeting</a></li>
      <li><a href="/meetings/detail/11">February 3, 2025 - Special Meeting on the Solar Law</a></li>
    </ul>
    <h3>Other Years</h3><ul><li><a href="/meetings/2024">2024</a></li></ul></main></body></html>`;

  it('reads both meetings, named and dated by their lines', () => {
    const { issues } = extract(html, 'https://www.example-town-ny.gov/meetings/Planning%20Board/2025');
    expect(issues.map((i) => [i.title, i.reportedAt])).toEqual([
      [expect.stringContaining('Regular Planning Board Meeting'), '2025-03-05T00:00:00-05:00'],
      [expect.stringContaining('Special Meeting on the Solar Law'), '2025-02-03T00:00:00-05:00'],
    ]);
  });
});
