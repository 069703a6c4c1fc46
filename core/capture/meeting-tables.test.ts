import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Schedules of meetings kept in one table per body (meeting-dates.ts): each test names the real page that showed the
 * cause (its markup cut down) and a second markup of the same shape is written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string) =>
  `<html lang="en-US"><head><title>${title}</title></head><body>${body}</body></html>`;

describe('one table per body, each row a date line over the words naming the meeting', () => {
  const row = (mon: string, day: string, posted: string, words: string) => `
    <tr class="catAgendaRow"><td><h4><a href="/AgendaCenter/ViewFile/Agenda/_${mon}${day}">
      <strong><abbr title="x">${mon}</abbr> ${day}, 2020</strong>
      &thinsp;&mdash;&thinsp;Posted ${posted}, 2020 9:58 AM</a></h4>
      <p>${words} (PDF)</p></td><td class="minutes"></td><td><a href="">Download</a></td></tr>`;
  const body = (name: string, rows: string) => `
    <div class="listing"><h2>${name}</h2><table><thead><tr><th>Agenda</th><th>Minutes</th><th>Download</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;

  it('reads every body’s rows in page order, titled by the words, dated by the meeting (us-bremerton-civicplus-agenda-center-2020-12)', () => {
    const { issues } = extract(
      page(
        'Agenda Center • Bremerton, WA',
        body('ADA Committee', row('Sep', '29', 'Nov 5', 'ADA Committee Regular Meeting Documents')) +
          body(
            'Planning Commission',
            ['Nov 16', 'Oct 19', 'Sep 21', 'Jul 20', 'Jun 15']
              .map((d) => row(d.slice(0, 3), d.slice(4), 'Dec 1', 'Planning Commission Virtual Meeting Documents'))
              .join(''),
          ) +
          body('Tree Committee', row('Jan', '23', 'Feb 15', 'Tree Committee Regular Meeting Documents')),
      ),
      'http://wa-bremerton.civicplus.com/AgendaCenter',
    );
    expect(issues.map((i) => [i.title.replace(/,.*$/, ''), i.reportedAt?.slice(0, 10)])).toEqual([
      ['ADA Committee Regular Meeting Documents', '2020-09-29'],
      ['Planning Commission Virtual Meeting Documents', '2020-11-16'],
      ['Planning Commission Virtual Meeting Documents', '2020-10-19'],
      ['Planning Commission Virtual Meeting Documents', '2020-09-21'],
      ['Planning Commission Virtual Meeting Documents', '2020-07-20'],
      ['Planning Commission Virtual Meeting Documents', '2020-06-15'],
      ['Tree Committee Regular Meeting Documents', '2020-01-23'],
    ]);
  });

  it('a second markup: sections of a board’s committees, a date then an updated-on stamp, the session’s name in a div', () => {
    const item = (date: string, words: string) =>
      `<tr><td><span>${date}</span> <em>(updated 2 March 2024)</em><div>${words}</div></td><td><a href="/files/x.pdf">Papers</a></td></tr>`;
    const table = (heading: string, rows: string[]) =>
      `<section><h3>${heading}</h3><table><thead><tr><th>Session</th><th>Papers</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
    const { issues } = extract(
      page(
        'Committee meetings and papers',
        table('Finance Committee', [item('12 February 2024', 'Budget scrutiny session')]) +
          table('Harbour Board', [
            item('30 January 2024', 'Harbour Board ordinary session'),
            item('19 December 2023', 'Harbour Board ordinary session'),
            item('21 November 2023', 'Harbour Board extraordinary session'),
            item('17 October 2023', 'Harbour Board ordinary session'),
          ]),
      ),
      'https://www.harbourtown.example.gov/committees/meetings',
    );
    expect(issues.map((i) => [i.title.replace(/,.*$/, ''), i.reportedAt?.slice(0, 10)])).toEqual([
      ['Budget scrutiny session', '2024-02-12'],
      ['Harbour Board ordinary session', '2024-01-30'],
      ['Harbour Board ordinary session', '2023-12-19'],
      ['Harbour Board extraordinary session', '2023-11-21'],
      ['Harbour Board ordinary session', '2023-10-17'],
    ]);
  });
});
