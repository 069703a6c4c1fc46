import { describe, expect, it } from 'vitest';
import { findHeaderTables } from './header-tables';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { withRecordTime } from './record-dates';
import { structureRecords } from './records';
import { createScan } from './scan';
import { pageDateContext } from './zones';

/**
 * Rules of the structure finder (records.ts, record-read.ts) that read a list by the shape of its values and blocks,
 * with no site's words: each test names the real page that showed the cause (its markup cut down, its words kept)
 * and runs a second markup written apart, in no corpus page's layout or words.
 */
const page = (body: string, lang = 'en-US') =>
  `<html lang="${lang}"><head><title>Listing</title></head><body>${body}</body></html>`;

function structureOnly(body: string, url: string) {
  const doc = parseHtml(page(body), url);
  const scan = createScan(doc, doc.body!);
  const ctx = pageDateContext({ url, text: doc.body?.textContent ?? '' });
  return structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, url);
}
const read = (body: string, url: string) =>
  structureOnly(body, url)?.drafts.map((d) => [d.title, d.caseNumber, d.reportedAt]) ?? [];

describe('a record’s time read from a value shaped as a time', () => {
  const ctx = pageDateContext({ url: 'https://www.akronohio.gov/meetings', text: 'Akron, Ohio' });

  it('the same day with its time in another cell (us-akron-onbase-city-council-meetings-search)', () => {
    const row = (day: string, numeric: string) =>
      `<tr><td>${day} City Council Meeting</td><td>City Council Meeting</td><td>${numeric} 6:30:00 PM</td>
       <td><a href="/OnBaseAgendaOnline/Meetings/ViewMeeting?id=${numeric.replace(/\//g, '')}" title="View Agenda for ${day} City Council Meeting on ${numeric} 6:30:00 PM">Agenda</a></td></tr>`;
    const got = read(
      `<h2>Meeting Search Results</h2><table><thead><tr><th>Meeting Name</th><th>Meeting Type</th><th>Meeting Date</th><th>Meeting Info</th></tr></thead><tbody>
       ${row('May 20, 2024', '5/20/2024')}${row('May 13, 2024', '5/13/2024')}${row('May 6, 2024', '5/6/2024')}</tbody></table>`,
      'https://meetings.akronohio.gov/OnBaseAgendaOnline/Meetings/Search',
    );
    expect(got.map((r) => r[2])).toEqual([
      '2024-05-20T18:30:00-04:00',
      '2024-05-13T18:30:00-04:00',
      '2024-05-06T18:30:00-04:00',
    ]);
  });

  it('a second markup: a time alone in its own column joins the row’s day', () => {
    const item = (n: string, day: string, time: string) =>
      `<li><h4><a href="/sittings/${n}">Harbour ward sitting ${n}</a></h4><p>${day}</p><p>Hall B</p><p>${time}</p></li>`;
    const got = read(
      `<ul class="sittings">${item('HW-25-03', '4 March 2025', '7:15 pm')}${item('HW-25-02', '4 February 2025', '19:00')}${item('HW-25-01', '7 January 2025', '10 am')}</ul>`,
      'https://wards.example.org/sittings',
    );
    expect(got.map((r) => r[2]?.slice(0, 16))).toEqual(['2025-03-04T19:15', '2025-02-04T19:00', '2025-01-07T10:00']);
    expect(withRecordTime('2025-03-04T00:00:00-05:00', ['Tue 4 March 2025', 'Hall B', '7:15 pm'], ctx)).toBe(
      '2025-03-04T19:15:00-05:00',
    );
    expect(withRecordTime('2025-03-04T00:00:00-05:00', ['4 March 2025', '19:15 – 21:00'], ctx)).toBe(
      '2025-03-04T19:15:00-05:00',
    );
  });

  it('another day’s time, a date already timed, or a number with a colon in a sentence change nothing', () => {
    expect(withRecordTime('2025-03-04T00:00:00-05:00', ['4 March 2025', 'Moved to 3/11/2025 7:15 PM'], ctx)).toBe(
      '2025-03-04T00:00:00-05:00',
    );
    expect(withRecordTime('2025-03-04T09:00:00-05:00', ['7:15 pm'], ctx)).toBe('2025-03-04T09:00:00-05:00');
    expect(withRecordTime('2025-03-04T00:00:00-05:00', ['Psalm 23:4 was read at the opening'], ctx)).toBe(
      '2025-03-04T00:00:00-05:00',
    );
  });
});

describe('a page’s foot after the list is no article beside it', () => {
  const disclaimer =
    'Disclaimer - The information, documents, and publications that are made available over this website by the ' +
    'Commonwealth Law Revision Commission are done as a public service. While the Commission makes every attempt, ' +
    'within its limited staffing and budget, to ensure the accuracy and timeliness of the information, it is not ' +
    'responsible for any errors. Users are advised to check the official printed versions. The Commission accepts ' +
    'no liability for any loss arising from the use of this website. Links to other sites are given as a courtesy. ' +
    'Questions about the opinions go to the Clerk of the Supreme Court, not to the Commission. ';

  it('a disclaimer under the opinions’ table, a link bar after it (us-cnmi-supreme-slip-opinions-2022)', () => {
    const row = (caption: string, n: string, date: string) =>
      `<tr><td>${caption}</td><td>${n}</td><td>${date}</td><td>Castro, Manglona, Inos</td></tr>`;
    const got = read(
      `<div class="container"><h3>Supreme Court 2022</h3><div>Notice: These opinions has not been certified.</div>
       <table><tbody>${row('Commonwealth v. Kaipat', '2022-MP-09', '2022-12-31')}${row('Castro v. Telesource', '2022-MP-07', '2022-11-29')}${row('Takasi v. Yoshizawa', '2022-MP-01', '2022-02-12')}</tbody></table></div>
       <div class="footer-bottom3"><p>${disclaimer}</p></div>
       <div class="footer-bottom"><a href="contact.php">Contact Us</a> | <a href="jobs.php">Jobs</a></div>`,
      'https://cnmilaw.org/supreme2022.php',
    );
    expect(got.map((r) => r.slice(0, 2))).toEqual([
      ['Commonwealth v. Kaipat', '2022-MP-09'],
      ['Castro v. Telesource', '2022-MP-07'],
      ['Takasi v. Yoshizawa', '2022-MP-01'],
    ]);
  });

  const sentences =
    'The council met to hear residents on the new bus lanes. Most speakers asked for safer crossings near the ' +
    'school. The chair promised a written answer within a month. Officers will report on costs at the next ' +
    'meeting. A petition with four hundred names was handed in at the start. The minutes will follow. ';
  const related = `<ul class="more">${['3 June 2024', '27 May 2024', '20 May 2024']
    .map(
      (d, k) =>
        `<li><a href="/news/${k}">Ward forum notes, part ${k + 1}</a> <span>${d}</span> <span>WF-${k + 10}</span></li>`,
    )
    .join('')}</ul>`;

  it('a second markup: closing notes after a register, nothing after them, leave the register a list', () => {
    const got = read(
      `<main><h1>Register</h1>${related}<div class="closing"><p>${sentences}</p></div></main>`,
      'https://wards.example.org/register',
    );
    expect(got).toHaveLength(3);
  });

  it('an article with more of the page after it is still an article beside its related links', () => {
    expect(
      structureOnly(
        `<main><h1>Register</h1>${related}<article><p>${sentences}</p></article><section><p>${sentences}</p></section></main>`,
        'https://wards.example.org/register',
      ),
    ).toBeNull();
    expect(
      structureOnly(
        `<main><article><p>${sentences}</p></article>${related}</main>`,
        'https://wards.example.org/register',
      ),
    ).toBeNull();
  });
});
