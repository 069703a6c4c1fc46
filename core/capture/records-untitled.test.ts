import { describe, expect, it } from 'vitest';
import { findHeaderTables } from './header-tables';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { dateInTitle } from './record-dates';
import { structureRecords } from './records';
import { createScan } from './scan';
import { pageDateContext } from './zones';

/**
 * Lists whose rows have no title-like text, read by structure alone (records.ts, record-read.ts, every vocabulary
 * finder left out): a row is named by its most distinctive text, as a user would name it (its date heading, a
 * document's dated name, a body's name in its row), and rows whose papers are not posted yet stay in the list. Each
 * rule is tested on the markup of the real page that showed it and on a second markup written apart; each test fails
 * with its rule taken out.
 */
const page = (body: string) => `<html><head><title>Meetings</title></head><body>${body}</body></html>`;

function read(body: string, url: string) {
  const doc = parseHtml(page(body), url);
  const scan = createScan(doc, doc.body!);
  const ctx = pageDateContext({ url, text: doc.body?.textContent ?? '' });
  const found = structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, url);
  return found?.drafts.map((d) => [d.title, d.reportedAt?.slice(0, 16)]) ?? [];
}

const SENTENCE =
  'Members of the public may attend in person or follow the meeting online; the papers are posted a week before.';

describe('a row headed by its date alone is named by that date', () => {
  it('reads each meeting under its date heading (us-indianapolis-airport-board-papers-2023)', () => {
    const post = (date: string, slug: string, time: string) => `<div class="blog__listing wrapper">
      <h2>${date}</h2><div class="blog__excerpt"><p><p>The Board of the Airport Authority will meet at ${time} on
      ${date}. ${SENTENCE}</p><p><strong>Date &amp; Time:</strong> ${date} at ${time}<br /></p></p>
      <div class="read-more"><a href="/board-papers/${slug}" class="btn" title="Read More about ${date}">Read More</a>
      </div></div></div>`;
    const body = `<h1>Board Papers</h1><div data-append-paginate-list>${post('July 21, 2023', 'july-21-2023', '8:00 a.m.')}${post(
      'June 16, 2023',
      'june-16-2023',
      '8:00 a.m.',
    )}${post('May 19, 2023', 'may-19-2023', '9:00 a.m.')}</div>`;
    expect(read(body, 'https://www.ind.com/about/leadership/board-papers-documentation')).toEqual([
      ['July 21, 2023', '2023-07-21T08:00'],
      ['June 16, 2023', '2023-06-16T08:00'],
      ['May 19, 2023', '2023-05-19T09:00'],
    ]);
  });

  it('reads a parish council’s minutes under day headings (second markup)', () => {
    const day = (date: string, id: string) =>
      `<section class="m"><h3>${date}</h3><p>${SENTENCE}</p><a href="/minutes/${id}">Minutes and papers</a></section>`;
    expect(
      read(
        `<main>${day('12 March 2021', '2021-03')}${day('9 February 2021', '2021-02')}${day('12 January 2021', '2021-01')}</main>`,
        'https://ashwell-parish.example.uk/minutes',
      ),
    ).toEqual([
      ['12 March 2021', '2021-03-12T00:00'],
      ['9 February 2021', '2021-02-09T00:00'],
      ['12 January 2021', '2021-01-12T00:00'],
    ]);
  });
});

describe('a date inside a short heading or link dates its row', () => {
  const ctx = pageDateContext({ url: 'https://catc.ca.gov/meetings', text: '' });
  it('reads a run of days as its first day', () => {
    expect(dateInTitle('Commission Meeting: October 12(W) - 13(TH), 2022 - Santa Barbara', ctx)?.slice(0, 10)).toBe(
      '2022-10-12',
    );
    expect(dateInTitle('Board workshop, 3–5 June 2024, Town Hall', ctx)?.slice(0, 10)).toBe('2024-06-03');
    expect(dateInTitle('Annual report', ctx)).toBeUndefined();
  });

  it('meetings announced by headings between rules (us-california-transportation-commission-meetings-2022)', () => {
    const meeting = (heading: string, slug: string) => `<h3>${heading}</h3>
      <ul><li><a href="/media/${slug}/agenda.pdf">Meeting Agenda</a> (pdf)</li></ul>
      <p><span><a href="/meetings-events/commission-meetings/${slug}">View/Download Meeting Materials</a></span></p><hr />`;
    const body = `<h2>Past 2022 Commission Meetings</h2><hr />${meeting(
      'California Transportation Commission Meeting: January 26(W) - 27(TH), 2022 - Virtual Meeting Via GoToWebinar',
      '01-26-27-22',
    )}${meeting('North STIP Hearing: January 27(TH), 2022 - Virtual Meeting Via GoToWebinar', '01-27-22')}${meeting(
      'California Transportation Commission Meeting: March 16(W) - 17(TH), 2022 - San Diego',
      '03-16-17-22',
    )}${meeting('California Transportation Commission Meeting: April 13(W), 2022 - Tulare', '04-13-22')}`;
    expect(read(body, 'https://catc.ca.gov/meetings-events/commission-meetings').map((r) => r[1])).toEqual([
      '2022-01-26T00:00',
      '2022-01-27T00:00',
      '2022-03-16T00:00',
      '2022-04-13T00:00',
    ]);
  });

  it('a meeting’s place in a heading of its own stays in its record (us-california-transportation-commission-meetings-2022)', () => {
    const meeting = (heading: string, slug: string, place = '') => `<h3>${heading}</h3>${place}
      <ul><li><a href="/media/${slug}/agenda.pdf">Meeting Agenda</a> (pdf)</li></ul>
      <p><a href="/meetings-events/commission-meetings/${slug}">View/Download Meeting Materials</a></p>`;
    const body = `<div class="rich-text">${meeting('South SCCP Hearing: August 10(W), 2022 - Virtual Meeting', '08-10-22')}${meeting(
      'California Transportation Commission Project Delivery Workshop: August 16(T), 2022',
      '08-16-22',
      '<h3>San Jose City Hall - Committee Rooms</h3>',
    )}${meeting('California Transportation Commission Meeting: August 18(TH), 2022 - San Jose City Hall', '08-18-22')}${meeting(
      'California Transportation Commission Meeting: October 12(W) - 13(TH), 2022 - Santa Barbara',
      '10-12-13-22',
    )}</div>`;
    expect(read(body, 'https://catc.ca.gov/meetings-events/commission-meetings').map((r) => r[1])).toEqual([
      '2022-08-10T00:00',
      '2022-08-16T00:00',
      '2022-08-18T00:00',
      '2022-10-12T00:00',
    ]);
  });

  it('a parish’s meetings, one with its hall in a second heading (second markup)', () => {
    const meeting = (heading: string, id: number, hall = '') =>
      `<h4>${heading}</h4>${hall}<p>Agenda and minutes: <a href="/meetings/${id}">papers</a></p><p class="sep"></p>`;
    const body = `<section>${meeting('Parish council, 12 May 2023', 4)}${meeting(
      'Annual parish meeting, 19 April 2023',
      3,
      '<h4>Village Hall, Ashwell</h4>',
    )}${meeting('Parish council, 10 March 2023', 2)}${meeting('Parish council, 10 February 2023', 1)}</section>`;
    expect(read(body, 'https://ashwell-parish.example.uk/meetings').map((r) => r[1])).toEqual([
      '2023-05-12T00:00',
      '2023-04-19T00:00',
      '2023-03-10T00:00',
      '2023-02-10T00:00',
    ]);
  });

  it('a council’s workshops each under a heading with its days and hall (second markup)', () => {
    const workshop = (heading: string, id: number) =>
      `<div class="w"><h4>${heading}</h4><p><a href="/workshops/${id}">Programme and papers</a></p></div>`;
    const body = `<main>${workshop('Budget workshop: 3–5 June 2024, Town Hall', 1)}${workshop(
      'Transport workshop: 17–18 April 2024, Civic Centre',
      2,
    )}${workshop('Housing workshop: 6 March 2024, Library', 3)}</main>`;
    expect(read(body, 'https://council.example.uk/workshops')).toEqual([
      ['Budget workshop: 3–5 June 2024, Town Hall', '2024-06-03T00:00'],
      ['Transport workshop: 17–18 April 2024, Civic Centre', '2024-04-17T00:00'],
      ['Housing workshop: 6 March 2024, Library', '2024-03-06T00:00'],
    ]);
  });

  it('a document’s link named by one word and its date names its row (us-belmont-central-ssa2-meeting-minutes)', () => {
    const pdf = (name: string, file: string) =>
      `<p><a onclick="javascript:pageTracker._trackPageview('/downloads/${file}');" href="/wp-content/uploads/${file}" target="_blank">${name}</a></p>`;
    const body = `<div class="entry"><h2>SSA #2 Meeting Minutes</h2>${pdf('SSA2Minutes 10-2-2018', 'October-2-2018-SSA-Minutes.pdf')}${pdf(
      'SSA2Minutes 7-10-2018',
      'July-10-2018-SSA-Minutes.pdf',
    )}${pdf('SSA2Minutes 5-22-2018', 'May-22-2018-SSA-Minutes.pdf')}</div>
      <footer>Belmont Central, 5534 W Belmont Ave, Chicago, IL 60641</footer>`;
    expect(read(body, 'http://belmontcentral.org/ssa-2-minutes/')).toEqual([
      ['SSA2Minutes 10-2-2018', '2018-10-02T00:00'],
      ['SSA2Minutes 7-10-2018', '2018-07-10T00:00'],
      ['SSA2Minutes 5-22-2018', '2018-05-22T00:00'],
    ]);
  });

  it('agendas named `Agenda 2024-03-12` in a list (second markup)', () => {
    const item = (day: string) => `<li><a href="/docs/agenda-${day}.pdf">Agenda ${day}</a></li>`;
    expect(
      read(
        `<h1>Agendas</h1><ul class="docs">${item('2024-03-12')}${item('2024-02-13')}${item('2024-01-09')}</ul>`,
        'https://water-board.example.org/agendas',
      ),
    ).toEqual([
      ['Agenda 2024-03-12', '2024-03-12T00:00'],
      ['Agenda 2024-02-13', '2024-02-13T00:00'],
      ['Agenda 2024-01-09', '2024-01-09T00:00'],
    ]);
  });
});

describe('a row named by its body, its papers not posted yet', () => {
  const CONTRA_COSTA = 'https://contra-costa.example.gov/agendaquick/index.cfm';
  // The tooltips write the date as the page's own links do: `View Agenda for 07/26/2022`.
  const numeric = (date: string) => {
    const d = new Date(`${date} 12:00 UTC`);
    return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
  };
  const row = (date: string, body: string, seq?: number) =>
    `<tr><td>${
      seq
        ? `<a href="agenda_publish.cfm?dsp=ag&amp;seq=${seq}" title="View Agenda for ${numeric(date)}">${date}</a>`
        : `${date}<span class="red">*</span>`
    }</td><td>${body}</td><td>${seq ? `<a href="agenda_publish.cfm?dsp=min&amp;seq=${seq}" title="View Minutes for ${numeric(date)}">Minutes</a>` : '&nbsp;'}</td><td> </td></tr>`;
  const table = (rows: string) =>
    `<table id="list"><thead><tr><td>Agendas</td><td>Meeting</td><td>Minutes</td><td>Other Links</td></tr></thead><tbody>${rows}</tbody></table>`;

  it('a link’s tooltip that does not hold what it shows is an action, not the row’s name (us-contracosta-agendaquick-meetings-july-2022)', () => {
    const rows = `${row('July 26, 2022', 'BOARD OF SUPERVISORS', 1994)}${row('July 25, 2022', 'FAMILY AND HUMAN SERVICES COMMITTEE', 2003)}${row(
      'July 12, 2022',
      'CC HOUSING AUTHORITY BOARD OF COMMISSIONERS',
      1992,
    )}`;
    expect(read(table(rows), CONTRA_COSTA)).toEqual([
      ['BOARD OF SUPERVISORS', '2022-07-26T00:00'],
      ['FAMILY AND HUMAN SERVICES COMMITTEE', '2022-07-25T00:00'],
      ['CC HOUSING AUTHORITY BOARD OF COMMISSIONERS', '2022-07-12T00:00'],
    ]);
  });

  it('meetings to come and a last note row keep the list whole (us-contracosta-agendaquick-meetings-july-2022)', () => {
    const rows = `${row('August 16, 2022', 'BOARD OF SUPERVISORS')}${row('August 9, 2022', 'BOARD OF SUPERVISORS')}${row(
      'July 26, 2022',
      'BOARD OF SUPERVISORS',
      1994,
    )}${row('July 25, 2022', 'FAMILY AND HUMAN SERVICES COMMITTEE', 2003)}${row(
      'July 12, 2022',
      'CC HOUSING AUTHORITY BOARD OF COMMISSIONERS',
      1992,
    )}${row('July 11, 2022', 'INTERNAL OPERATIONS COMMITTEE', 1990)}${row('July 11, 2022', 'LEGISLATION COMMITTEE', 1989)}${row('July 11, 2022', 'SUSTAINABILITY COMMITTEE', 1988)}${row('July 4, 2022', 'FINANCE COMMITTEE-CANCELED')}<tr><td colspan="4">*Indicates a future date</td></tr>`;
    expect(read(table(rows), CONTRA_COSTA).map((r) => r[0])).toEqual([
      'BOARD OF SUPERVISORS',
      'BOARD OF SUPERVISORS',
      'BOARD OF SUPERVISORS',
      'FAMILY AND HUMAN SERVICES COMMITTEE',
      'CC HOUSING AUTHORITY BOARD OF COMMISSIONERS',
      'INTERNAL OPERATIONS COMMITTEE',
      'LEGISLATION COMMITTEE',
      'SUSTAINABILITY COMMITTEE',
      'FINANCE COMMITTEE-CANCELED',
    ]);
  });

  it('a register’s links with action tooltips are named by what they show (second markup)', () => {
    const permit = (title: string, date: string, id: number) =>
      `<li><a href="/permits/${id}" title="Download this permit as a PDF file">${title}</a> <small>${date}</small></li>`;
    expect(
      read(
        `<main><h1>Harbour permits</h1><ul>${permit('Mooring field extension', 'April 5, 2024', 11)}${permit(
          'Slipway repair',
          'March 8, 2024',
          10,
        )}${permit('Fuel dock licence', 'February 2, 2024', 9)}</ul></main>`,
        'https://harbour.example.org/permits',
      ).map((r) => r[0]),
    ).toEqual(['Mooring field extension', 'Slipway repair', 'Fuel dock licence']);
  });

  it('a register’s permits, the newest not yet linked (second markup)', () => {
    const permit = (title: string, date: string, id?: number) =>
      `<div class="p"><span class="d">${date}</span> <b>${id ? `<a href="/permits/${id}">${title}</a>` : title}</b></div>`;
    expect(
      read(
        `<main><h1>Harbour permits</h1>${permit('Harbour dredging permit', 'May 3, 2024')}${permit(
          'Mooring field extension',
          'April 5, 2024',
          11,
        )}${permit('Slipway repair', 'March 8, 2024', 10)}${permit('Fuel dock licence', 'February 2, 2024', 9)}${permit('Breakwater survey', 'January 5, 2024', 8)}</main>`,
        'https://harbour.example.org/permits',
      ),
    ).toEqual([
      ['Harbour dredging permit', '2024-05-03T00:00'],
      ['Mooring field extension', '2024-04-05T00:00'],
      ['Slipway repair', '2024-03-08T00:00'],
      ['Fuel dock licence', '2024-02-02T00:00'],
      ['Breakwater survey', '2024-01-05T00:00'],
    ]);
  });
});
