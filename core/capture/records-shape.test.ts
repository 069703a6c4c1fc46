import { describe, expect, it } from 'vitest';
import { findHeaderTables } from './header-tables';
import { identifierOf } from './identifiers';
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

describe('a schedule: records sharing one time of day are meetings, linked or not', () => {
  it('date | type | place | time rows, no links (us-essex-county-nj-commissioners-meeting-schedule-2024)', () => {
    const row = (date: string, type: string) =>
      `<tr><td><strong>Wed., </strong>${date}</td><td>${type}</td><td>ROOM 506</td><td>5:00 P.M.</td></tr>`;
    const got = read(
      `<h1>Essex County Board of County Commissioners Meeting Schedule 2024</h1><table><tbody>
       <tr><td><strong>DATE</strong></td><td><strong>TYPE</strong></td><td><strong>PLACE</strong></td><td>T<strong>IME</strong></td></tr>
       ${row('January 2, 2024', 'Organization')}${row('January 17, 2024', 'C/B')}${row('January 31, 2024', 'C/B')}${row('February 14, 2024', 'C/B')}</tbody></table>`,
      'https://essexcountynj.org/meeting-schedule-2024/',
    );
    expect(got.map((r) => [r[0], r[2]?.slice(0, 16)])).toEqual([
      ['Wed., January 2, 2024', '2024-01-02T17:00'],
      ['Wed., January 17, 2024', '2024-01-17T17:00'],
      ['Wed., January 31, 2024', '2024-01-31T17:00'],
      ['Wed., February 14, 2024', '2024-02-14T17:00'],
    ]);
  });

  it('a meeting named by a title that opens with its date, its time in a cell (us-clovis-municode-planning-commission-meetings)', () => {
    const row = (date: string) =>
      `<tr><td>${date} Planning Commission Meeting</td><td>Council Chambers 1033 Fifth Street Clovis, CA 93612</td><td>6:00 PM</td><td></td><td></td></tr>`;
    const got = read(
      `<table class="div-table mcm"><tr><th>Meeting</th><th>Venue</th><th>Time</th><th>Agenda Packet</th><th>Minutes</th></tr>
       ${row('July 28, 2022')}${row('June 23, 2022')}${row('May 26, 2022')}</table>`,
      'https://clovisca.municodemeetings.com/',
    );
    expect(got.map((r) => [r[0], r[2]?.slice(0, 16)])).toEqual([
      ['July 28, 2022 Planning Commission Meeting', '2022-07-28T18:00'],
      ['June 23, 2022 Planning Commission Meeting', '2022-06-23T18:00'],
      ['May 26, 2022 Planning Commission Meeting', '2022-05-26T18:00'],
    ]);
  });

  it('a second markup: dated cards of a club’s sittings, each at 7:30 pm, no page to open yet', () => {
    const card = (day: string, room: string) =>
      `<div class="sitting"><h5>${day} – Residents’ panel</h5><div>${room}</div><div>7:30 pm</div></div>`;
    const got = read(
      `<section>${card('2 October 2025', 'Library annexe')}${card('6 November 2025', 'Library annexe')}${card('4 December 2025', 'Old school hall')}${card('8 January 2026', 'Library annexe')}</section>`,
      'https://panel.example.org/sittings',
    );
    expect(got.map((r) => r[2]?.slice(0, 16))).toEqual([
      '2025-10-02T19:30',
      '2025-11-06T19:30',
      '2025-12-04T19:30',
      '2026-01-08T19:30',
    ]);
  });

  it('a case’s history stamped at different hours, nothing linked, stays a history', () => {
    const entry = (at: string, text: string) => `<tr><td>${at}</td><td>${text}</td></tr>`;
    expect(
      structureOnly(
        `<table>${entry('2 May 2021 09:12', 'Notice of appeal received')}${entry('9 May 2021 14:40', 'Respondent asked for more time')}${entry('30 May 2021 11:05', 'Hearing date fixed')}${entry('3 June 2021 16:20', 'Bundle filed')}</table>`,
        'https://register.example.org/case/77',
      ),
    ).toBeNull();
  });
});

describe('a title many records repeat is their name when nothing else names them', () => {
  it('videos named Board Meeting or Special Board Meeting, told apart by date (us-dart-swagit-board-of-directors-archive)', () => {
    const row = (n: number, name: string, date: string, length: string) =>
      `<tr><td><a href="https://dart.new.swagit.com/videos/${n}">${name}</a></td><td>${date}</td><td>${length}</td></tr>`;
    const got = read(
      `<table><thead><tr><th>Video</th><th>Date</th><th>Duration</th></tr></thead><tbody>
       ${row(1, 'Board Meeting', 'Apr 28, 2026', '10m 44s')}${row(2, 'Special Board Meeting', 'Apr 16, 2026', '09m 11s')}${row(3, 'Board Meeting', 'Apr 14, 2026', '2h 03m')}${row(4, 'Board Meeting', 'Mar 24, 2026', '1h 51m')}${row(5, 'Special Board Meeting', 'Mar 03, 2026', '08m 28s')}</tbody></table>`,
      'https://dart.new.swagit.com/views/41',
    );
    expect(got.map((r) => [r[0], r[2]?.slice(0, 10)])).toEqual([
      ['Board Meeting', '2026-04-28'],
      ['Special Board Meeting', '2026-04-16'],
      ['Board Meeting', '2026-04-14'],
      ['Board Meeting', '2026-03-24'],
      ['Special Board Meeting', '2026-03-03'],
    ]);
  });

  it('a second markup: recordings of one recurring session, each a card with its date', () => {
    const card = (n: number, date: string) =>
      `<div class="rec"><h3><a href="/recordings/${n}">Open forum</a></h3><p>${date}</p></div>`;
    const got = read(
      `<div class="recordings">${card(9, '12 May 2025')}${card(8, '14 April 2025')}${card(7, '10 March 2025')}${card(6, '10 February 2025')}</div>`,
      'https://forum.example.org/recordings',
    );
    expect(got.map((r) => [r[0], r[2]?.slice(0, 10)])).toEqual([
      ['Open forum', '2025-05-12'],
      ['Open forum', '2025-04-14'],
      ['Open forum', '2025-03-10'],
      ['Open forum', '2025-02-10'],
    ]);
  });

  it('a link every record repeats beside the words that name each is still a control', () => {
    const row = (n: string, caption: string, date: string) =>
      `<tr><td>${n}</td><td>${caption}</td><td>${date}</td><td><a href="/docs/${n}">Open document</a></td></tr>`;
    const got = read(
      `<table>${row('RC-2025-014', 'Quarry access road objection', '3 April 2025')}${row('RC-2025-013', 'Night bus stop relocation', '28 March 2025')}${row('RC-2025-011', 'Allotment rent review', '20 March 2025')}</table>`,
      'https://register.example.org/consultations',
    );
    expect(got.map((r) => r[0])).toEqual([
      'Quarry access road objection',
      'Night bus stop relocation',
      'Allotment rent review',
    ]);
  });
});

describe('values shaped as a time or a web address are no case numbers', () => {
  const ctx = pageDateContext({ url: 'https://www.ind.com/about/board', text: '' });

  it('a meeting’s online place under its date (us-indianapolis-airport-board-papers-2023)', () => {
    expect(identifierOf('https://tinyurl.com/IAAJuly2023Board', ctx)).toBeUndefined();
    const post = (date: string, link: string) =>
      `<div class="post"><h4>${date}</h4><p>The Board will meet at 8:00 a.m. on ${date}.</p><p>Location: <a href="${link}">${link}</a></p></div>`;
    const got = read(
      `<div>${post('July 21, 2023', 'https://tinyurl.com/IAAJuly2023Board')}${post('June 16, 2023', 'https://tinyurl.com/IAA-June-2023-Board')}${post('May 19, 2023', 'https://tinyurl.com/IAAMay2023Board')}</div>`,
      'https://www.ind.com/about/board-papers',
    );
    expect(got.every((r) => r[1] === undefined)).toBe(true);
  });

  it('a second markup: a time cell and a www address beside real numbers', () => {
    expect(identifierOf('19:30', ctx)).toBeUndefined();
    expect(identifierOf('6:30:00', ctx)).toBeUndefined();
    expect(identifierOf('www.example.org/p/2025-114', ctx)).toBeUndefined();
    expect(identifierOf('RAB19/0135', ctx)).toBe('RAB19/0135');
    expect(identifierOf('2024-00123', ctx)).toBe('2024-00123');
    expect(identifierOf('DA0241/19', ctx)).toBe('DA0241/19');
  });
});
