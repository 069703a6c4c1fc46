import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { pageDateContext } from './zones';

/** Causes found on the held-out-3 and held-out-4 batches once they had been scored (court lists, zones). */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const rows = (out: ReturnType<typeof extract>) =>
  out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt, i.description || undefined]);

describe('real causes: held-out-3 court lists', () => {
  it('a bare court serial in its own cell is the case number (us-kansas-supreme-decisions-search)', () => {
    const row = (date: string, n: string, name: string) =>
      `<tr><td><a href="/o/${n}.pdf">${date}</a></td><td><a href="/o/${n}.pdf">${n}</a></td>
      <td><a href="/o/${n}.pdf">${name}</a></td><td>Supreme Court</td><td>Published</td></tr>`;
    const html = page(
      'Search Decisions',
      `<h1>Search Decisions</h1><table><tbody>${row('10/20/2023', '124674', 'Quinn v. State')}
      ${row('10/20/2023', '124724', 'State v. Jordan')}${row('08/11/2023', '123742', 'State v. Butler')}</tbody></table>`,
    );
    expect(rows(extract(html, 'https://www.kscourts.org/Cases-Decisions/Decisions'))).toEqual([
      ['Quinn v. State', '124674', '2023-10-20T00:00:00-05:00', undefined],
      ['State v. Jordan', '124724', '2023-10-20T00:00:00-05:00', undefined],
      // `kscourts.org`: Kansas, Central time, month first.
      ['State v. Butler', '123742', '2023-08-11T00:00:00-05:00', undefined],
    ]);
  });

  it('a caption link with `Case No.` and `Filed` after it on one line is a row (us-utah-supreme-opinions-2024)', () => {
    const p = (name: string, n: string, date: string) =>
      `<p><a class="pdf" href="${name}.pdf">${name}</a>, Case No. ${n}, Filed ${date}, 2024 UT 40\n</p>`;
    const html = page(
      'Supreme Court Opinions By Date - 2024',
      `<h1>Supreme Court Opinions By Date - 2024</h1>${p('Hideout v. Summit County', '20220573', 'October 10, 2024')}
      ${p('Bingham v. Gourley', '20230436', 'September 05, 2024')}${p('McKitrick v. Gibson', '20220738', 'January 11, 2024')}`,
    );
    expect(rows(extract(html, 'https://legacy.utcourts.gov/opinions/supopin/'))).toEqual([
      ['Hideout v. Summit County', '20220573', '2024-10-10T00:00:00-06:00', undefined],
      ['Bingham v. Gourley', '20230436', '2024-09-05T00:00:00-06:00', undefined],
      ['McKitrick v. Gibson', '20220738', '2024-01-11T00:00:00-07:00', undefined],
    ]);
  });

  it('number, bold caption and date on one line, a summary under it (us-virginia-cav-opinions-2013)', () => {
    const p = (n: string, name: string, summary: string) =>
      `<p><a href="opinions/${n}.pdf">${n}</a> <b>${name}</b> 10/08/2013\n<br>${summary}\n`;
    const html = page(
      'Court of Appeals of Virginia Unpublished Opinions',
      `<h1>Court of Appeals of Virginia Unpublished Opinions</h1>
      ${p('0423134', 'Michael R. Pliuskaitis v. Teresa M. Pliuskaitis', 'Summary affirmance – final decree of divorce affirmed')}
      ${p('0958133', 'Island Creek Coal Company v. Danny Wilson', 'Summary affirmance – no error in commission’s decision')}`,
    );
    expect(rows(extract(html, 'http://www.courts.state.va.us/wpcap.htm'))).toEqual([
      [
        'Michael R. Pliuskaitis v. Teresa M. Pliuskaitis',
        '0423134',
        '2013-10-08T00:00:00-04:00',
        'Summary affirmance – final decree of divorce affirmed',
      ],
      [
        'Island Creek Coal Company v. Danny Wilson',
        '0958133',
        '2013-10-08T00:00:00-04:00',
        'Summary affirmance – no error in commission’s decision',
      ],
    ]);
  });

  it('a bare number is not taken over a docket number of a known form in the same row', () => {
    const row = (n: string, name: string) => `<tr><td>123456</td><td>${name}</td><td>${n}</td><td>07-02-2014</td></tr>`;
    const html = page(
      'Opinions',
      `<table><tbody>${row('13-14377', 'Ruga v. Attorney General')}${row('12-15602', 'USA v. Ramirez-Flores')}</tbody></table>`,
    );
    expect(
      extract(html, 'http://media.ca11.uscourts.gov/opinions/pub/').issues.map((i) => i.source.caseNumber),
    ).toEqual(['13-14377', '12-15602']);
  });

  it('one table per month under the same header is one list, in page order (us-maine-law-court-opinions-2014)', () => {
    const table = (month: string, rows: Array<[string, string, string]>) =>
      `<table class="tbstriped0"><caption>${month}</caption><tr><th>Opinion #</th><th>Case</th><th>Date</th></tr>
      ${rows.map(([n, name, date]) => `<tr><td>${n}</td><td><a href="o/${n}.pdf">${name}</a></td><td>${date}</td></tr>`).join('')}</table>`;
    const html = page(
      'Maine Supreme Judicial Court Opinions',
      `<h2>This year's opinions:</h2>${table('June 2014', [
        ['2014 ME 74', 'State of Maine v. Julia Peck', 'June 10, 2014'],
        ['2014 ME 75', "Estate of Ruth E. O'Brien-Hamel", 'June 10, 2014'],
      ])}${table('May 2014', [
        ['2014 ME 62', 'Irving Oil Limited et al. v. ACE INA Insurance', 'May 1, 2014'],
        ['2014 ME 63', 'Friends of Congress Square Park et al. v. City of Portland', 'May 6, 2014'],
        ['2014 ME 64', 'Paula Bratton et al. v. Halsey McDonough', 'May 6, 2014'],
      ])}${table('January 2014', [['2014 ME 3', 'Lisa Lesko v. Theodore Stanislaw', 'January 14, 2014']])}`,
    );
    const out = extract(html, 'https://www.courts.maine.gov/courts/sjc/opinions.html');
    expect(out.issues.map((i) => i.source.caseNumber)).toEqual([
      '2014 ME 74',
      '2014 ME 75',
      '2014 ME 62',
      '2014 ME 63',
      '2014 ME 64',
      '2014 ME 3',
    ]);
    expect(rows(out)[5]).toEqual([
      'Lisa Lesko v. Theodore Stanislaw',
      '2014 ME 3',
      '2014-01-14T00:00:00-05:00',
      undefined,
    ]);
  });

  it('rows that open with a neutral citation and a date, no caption, are a list (us-oklahoma-ag-opinions-2014)', () => {
    const p = (n: number, date: string, who: string) =>
      `<p id="document"><a href="/d?CiteID=${n}">2014&nbsp;OK AG&nbsp;${n}, ${date}, Question Submitted by: ${who}</a></p>`;
    const html = page(
      'OCIS Document Index',
      `<h1>OCIS Document Index</h1><p id="caseyear">Decisions published in 2014</p>
      ${p(1, '01/13/2014', 'The Honorable Scott C. Martin, State Representative, District 46')}
      ${p(2, '02/06/2014', 'The Honorable Leslie Osborn, State Representative, District 47')}
      ${p(6, '04/22/2014', 'Ms. Deby Snodgrass,\nExecutive Director, Oklahoma Tourism and Recreation Department')}
      ${p(7, '06/18/2014', 'The Honorable Scott M. Inman, State Representative, District 94')}`,
    );
    const out = extract(html, 'http://www.oscn.net/applications/oscn/Index.asp?ftdb=STOKAG&year=2014&level=1');
    expect(out.kind).toBe('list');
    // `OK` names Oklahoma: Central time on a domain (`oscn.net`) that names no state.
    expect(out.issues.map((i) => i.reportedAt?.slice(10))).toEqual([
      'T00:00:00-06:00',
      'T00:00:00-06:00',
      'T00:00:00-05:00',
      'T00:00:00-05:00',
    ]);
    expect(out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt?.slice(0, 10)])).toEqual([
      [
        'Question Submitted by: The Honorable Scott C. Martin, State Representative, District 46',
        '2014 OK AG 1',
        '2014-01-13',
      ],
      [
        'Question Submitted by: The Honorable Leslie Osborn, State Representative, District 47',
        '2014 OK AG 2',
        '2014-02-06',
      ],
      [
        'Question Submitted by: Ms. Deby Snodgrass, Executive Director, Oklahoma Tourism and Recreation Department',
        '2014 OK AG 6',
        '2014-04-22',
      ],
      [
        'Question Submitted by: The Honorable Scott M. Inman, State Representative, District 94',
        '2014 OK AG 7',
        '2014-06-18',
      ],
    ]);
  });
});

describe('real causes: held-out-3 time zones', () => {
  const at = (url: string, text: string) => parseDate(text, pageDateContext({ url }));
  it('a federal court of appeals domain gives its seat (us-ca7-oral-argument-recordings: Chicago)', () => {
    expect(at('http://media.ca7.uscourts.gov/oralArguments/oar.jsp', 'May 13, 2024')).toBe('2024-05-13T00:00:00-05:00');
    expect(at('http://media.ca9.uscourts.gov/x', 'May 13, 2024')).toBe('2024-05-13T00:00:00-07:00');
    expect(at('http://media.ca11.uscourts.gov/x', 'May 13, 2024')).toBe('2024-05-13T00:00:00-04:00');
  });
  it('a state courts domain named by its two letters gives the state (us-texas-coa1-document-search)', () => {
    expect(at('https://search.txcourts.gov/CaseSearch.aspx', '2/27/2024')).toBe('2024-02-27T00:00:00-06:00');
    expect(at('https://legacy.utcourts.gov/opinions/', 'January 11, 2024')).toBe('2024-01-11T00:00:00-07:00');
  });
});

describe('real causes: held-out-4 meeting lists', () => {
  it('blocks that each hold a date head one meeting each, inside a `leftMenu` layout box (us-il-gaming-board-meetings-2020)', () => {
    const meeting = (date: string) =>
      `<div class="space"><div class="list"></div><div class="list">${date} </div></div>
      <div class="line"><div class="nestedlist"><div class="combinedFile"><a href="f/${date.length}.pdf">Open Meeting Agenda</a></div></div></div>`;
    const html = page(
      'Illinois Gaming Board',
      `<div id="header"><div class="IGB"><a href="/">Illinois Gaming Board</a></div></div>
      <div class="outerPageBox leftMenu"><div class="innerPageBox"><div class="contentBox">
      <h2 class="special">Special Notice</h2><h1>Meetings and Minutes</h1><h3>2020</h3>
      ${meeting('Thursday, January 30, 2020')}${meeting('Thursday, March 12, 2020 (Canceled)')}
      ${meeting('Wednesday, April 22, 2020 (Canceled)')}${meeting('Thursday, October 29, 2020 (Special) View recorded meeting')}
      ${meeting('Thursday, December 17, 2020')}</div></div></div>`,
    );
    const out = extract(html, 'http://www.igb.illinois.gov/MeetingsMinutes.aspx');
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => [i.title, i.reportedAt, i.status])).toEqual([
      // `illinois.gov`: Illinois, Central time.
      ['Thursday, January 30, 2020', '2020-01-30T00:00:00-06:00', 'new'],
      ['Thursday, March 12, 2020 (Canceled)', '2020-03-12T00:00:00-05:00', 'closed'],
      ['Wednesday, April 22, 2020 (Canceled)', '2020-04-22T00:00:00-05:00', 'closed'],
      ['Thursday, October 29, 2020 (Special) View recorded meeting', '2020-10-29T00:00:00-05:00', 'new'],
      ['Thursday, December 17, 2020', '2020-12-17T00:00:00-06:00', 'new'],
    ]);
  });
});
