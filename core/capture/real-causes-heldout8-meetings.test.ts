import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Meeting schedules of held-out-8, tuned on after their one scoring: each test names the page that showed the cause
 * and also runs a second markup of the same idea, written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string) => `<html lang="en-US"><head>${head}</head><body>${body}</body></html>`;

describe('held-out-8 meetings: a table of dated rows without titles', () => {
  it('the Meeting Date column, not the filing deadline; the caption names meetings and their time (us-omaha-planning-zoning-board-of-appeals-meetings-2022)', () => {
    const row = (filing: string, meeting: string) =>
      `<tr><td>${filing}</td><td><a href="/a.pdf">${meeting}</a></td><td>${meeting}</td><td>${meeting}</td></tr>`;
    const html = page(
      '<title>Zoning Board of Appeals - City of Omaha Planning Department</title>',
      `<h1>CITY OF OMAHA PLANNING DEPARTMENT <span>Omaha, Nebraska</span></h1><h2>Zoning Board of Appeals</h2>
<p>Any challenge to a decision by this Board must be appealed to the District Court.</p>
<table><tbody>
<tr><td colspan="4"><p><span>2022 Zoning Board of Appeals Regularly Scheduled Meetings</span><br><span>1:00 pm, Legislative Chambers, 2nd Thursday of month</span></p></td></tr>
<tr><td><strong>Filing Deadline Date:<br>(Noon, Monday)</strong></td><td><strong>Meeting Date<br>(2nd Thursday of the Month)</strong></td><td>Disposition Agendas</td><td>Minutes</td></tr>
${row('December 27, 2021', 'January 13, 2022')}${row('January 24, 2022', 'February 10, 2022')}
${row('June 27, 2022', 'July 19, 2022* (Tuesday, rescheduled from normal date - Room 702)')}
${row('July 25, 2022', 'August 11, 2022')}${row('August 22, 2022', 'September 8, 2022')}
</tbody></table><p>Sign up for updates</p>`,
    );
    const r = extract(html, 'https://planning.cityofomaha.org/boards/zoning-board-of-appeals');
    expect(r.kind).toBe('list');
    expect(r.issues.map((i) => i.reportedAt)).toEqual([
      '2022-01-13T13:00:00-06:00',
      '2022-02-10T13:00:00-06:00',
      '2022-07-19T13:00:00-05:00',
      '2022-08-11T13:00:00-05:00',
      '2022-09-08T13:00:00-05:00',
    ]);
  });

  it('a second markup: a <th> header `Hearing date | Submission due`, the time in a caption cell', () => {
    const html = page(
      '<title>Landmarks Commission</title>',
      `<h2>Landmarks Commission</h2>
<table><tr><th colspan="2">Public Hearings 2025<br>6:30 p.m. at 201 W. Colfax Ave., Denver, CO 80202</th></tr>
<tr><th>Submission due</th><th>Hearing date</th></tr>
<tr><td>Jan. 3, 2025</td><td>January 21, 2025</td></tr><tr><td>Jan. 31, 2025</td><td>February 18, 2025</td></tr>
<tr><td>Feb. 28, 2025</td><td>March 18, 2025 (moved from March 11 for the holiday week)</td></tr>
<tr><td>Mar. 28, 2025</td><td>April 15, 2025</td></tr></table>`,
    );
    const r = extract(html, 'https://example.gov/landmarks');
    expect(r.issues.map((i) => i.reportedAt)).toEqual([
      '2025-01-21T18:30:00-07:00',
      '2025-02-18T18:30:00-07:00',
      '2025-03-18T18:30:00-06:00',
      '2025-04-15T18:30:00-06:00',
    ]);
  });

  it('`Wed., January 2, 2024` rows under `DATE | TYPE | PLACE | TIME`; the state in the note below (us-essex-county-nj-commissioners-meeting-schedule-2024)', () => {
    const row = (date: string) =>
      `<tr><td><strong>Wed., </strong>${date}</td><td>C/B</td><td>ROOM 506</td><td>5:00 P.M.</td></tr>`;
    const blank = '<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>';
    const html = page(
      '<title>Meeting Schedule 2024</title>',
      `<h1>Essex County Board of County Commmissioners Meeting Schedule 2024</h1>
<div class="tbl-dv"><table><tbody>
<tr><td><strong>DATE</strong></td><td><strong>TYPE</strong></td><td><strong>PLACE</strong></td><td>T<strong>IME</strong></td></tr>
${row('January 2, 2024')}${row('January 17, 2024')}${blank}${row('February 7, 2024')}${row('February 21, 2024')}${blank}
</tbody></table></div>
<p>&nbsp;</p><p>"<strong>C" DESIGNATES CONFERENCE MEETING</strong></p><p><strong>"B" DESIGNATES BOARD MEETING</strong></p>
<p>All combined Conference/Board Meetings will be held in the Board Room Chambers, 5th Floor, Room 506, Hall of Records, Newark, New Jersey.</p>`,
    );
    const r = extract(html, 'https://ecfnj.example/cms/18/Meeting-Schedule-2024');
    expect(r.issues.map((i) => [i.reportedAt, i.location?.address])).toEqual([
      ['2024-01-02T17:00:00-05:00', 'ROOM 506'],
      ['2024-01-17T17:00:00-05:00', 'ROOM 506'],
      ['2024-02-07T17:00:00-05:00', 'ROOM 506'],
      ['2024-02-21T17:00:00-05:00', 'ROOM 506'],
    ]);
    expect(JSON.stringify(r.issues)).not.toContain('DESIGNATES');
  });

  it('a second markup: `Thu. March 6, 2025 | Location | Time` with <th>s, the state in a paragraph after the table', () => {
    const row = (date: string, room: string) => `<tr><td>Thu. ${date}</td><td>${room}</td><td>7:00 pm</td></tr>`;
    const html = page(
      '<title>Town Council Calendar</title>',
      `<h2>Town Council Calendar</h2>
<table><thead><tr><th>Date</th><th>Location</th><th>Time</th></tr></thead><tbody>
${row('March 6, 2025', 'Town Hall Annex')}${row('March 20, 2025', 'Library Meeting Room')}
${row('April 3, 2025', 'Town Hall Annex')}${row('April 17, 2025', 'Town Hall Annex')}
</tbody></table>
<p>All meetings are held in Bellevue, Washington and are open to the public.</p>`,
    );
    const r = extract(html, 'https://towncouncil.example.org/calendar');
    expect(r.issues.map((i) => [i.reportedAt, i.location?.address])).toEqual([
      ['2025-03-06T19:00:00-08:00', 'Town Hall Annex'],
      ['2025-03-20T19:00:00-07:00', 'Library Meeting Room'],
      ['2025-04-03T19:00:00-07:00', 'Town Hall Annex'],
      ['2025-04-17T19:00:00-07:00', 'Town Hall Annex'],
    ]);
  });
});

describe("held-out-8 meetings: an event page's date block", () => {
  it('the title last in its header box, the date first in the body after it (us-omaha-jevents-city-council-meeting-2024-05-21)', () => {
    const html = page(
      '<title>City Council Meeting</title>',
      `<div class="contentpaneopen jev_evdt"><div class="jev_evdt_header"><div class="jev_evdt_icons"> </div>
<div class="jev_evdt_title">City Council Meeting</div></div>
<div class="jev_eventdetails_body"><div class="jev_evdt_summary">Tuesday, May 21, 2024,&nbsp;02:00pm<br>
<div class="ev_prevrepeat"><a href="/x">Previous Repeat</a></div></div>
<div class="jev_evdt_desc"><p>The City Clerk's Office maintains the official agendas and journals of the City Council meetings, which are open to the public and broadcast live.</p>
<p>Click here for the agenda. City Council takes place in LC-4, Legislative Chambers of the Omaha/Douglas Civic Center, 1819 Farnam Street, Omaha, Nebraska.</p></div></div></div>`,
    );
    const r = extract(
      html,
      'https://citycouncil.cityofomaha.org/council-calender/icalrepeat.detail/2024/05/21/853/73/city-council-meeting',
    );
    expect(r.issues[0]?.reportedAt).toBe('2024-05-21T14:00:00-05:00');
  });

  it('a second markup: an <h2> closing its <header>, the date line first in the long <div> after it', () => {
    const html = page(
      '<title>Parks Board Work Session | Events</title>',
      `<aside><p>Calendar updated February 2, 2025</p></aside><article><header><h2>Parks Board Work Session</h2></header>
<div class="event-body"><p class="when">Thursday, March 13, 2025 6:30 PM</p>
<p>The board reviews the summer programme, the playground renewal plan and the budget for trail upkeep, and hears the public on each item before it votes.</p>
<p>Written comments may be sent to the board secretary before noon on the day of the meeting; they are read into the record in the order received.</p></div></article>`,
    );
    const r = extract(html, 'https://parks.example.org/events/work-session');
    expect(r.issues[0]?.reportedAt).toMatch(/^2025-03-13T18:30:00/);
  });
});
