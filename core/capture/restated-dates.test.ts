import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * List rows read by their shape where the date is written in a way the rows' other readers missed: a heading that is
 * a date alone over the line that says the same day again with what met, and a 民國 year of two digits in a row's
 * date cell. Each markup is written apart from the pages that showed the cause.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

/** Collapsible sections, each headed by its day, over a list item that restates the day and names the meeting. */
const section = (day: string, link: boolean, note = '') =>
  `<div class="toggle"><h2 class="toggle-title">${day}</h2><div class="toggle-body"><ul><li>${
    link ? `<a href="/papers/${day.replace(/\W/g, '')}.pdf">` : ''
  }${day} Harbour Works Committee Meeting Agenda${note}${link ? '</a>' : ''}</li></ul></div></div>`;
const sections = (intro: string) =>
  `<html lang="en"><head><title>Harbour Works Committee</title></head><body><header><a href="/">Home</a></header>
<main><div class="column"><div class="text"><h1>Harbour Works Committee</h1>${intro}<h2>2023 Meetings</h2></div>
${section('June 5, 2023', false, ' (Cancelled)')}${section('May 1, 2023', true)}${section('April 3, 2023', true)}
${section('March 6, 2023', true)}${section('February 6, 2023', true)}</div></main></body></html>`;

describe('a heading that is a date alone over a line restating the day', () => {
  it('names each row by the line that says what met, not by the bare date', () => {
    const r = extract(sections(''), 'https://harbour.example.gov/committee');
    expect(r.kind).toBe('list');
    expect(r.issues.map((i) => i.title)).toEqual([
      'June 5, 2023 Harbour Works Committee Meeting Agenda (Cancelled)',
      'May 1, 2023 Harbour Works Committee Meeting Agenda',
      'April 3, 2023 Harbour Works Committee Meeting Agenda',
      'March 6, 2023 Harbour Works Committee Meeting Agenda',
      'February 6, 2023 Harbour Works Committee Meeting Agenda',
    ]);
    expect(r.issues[0]!.reportedAt).toBe('2023-06-05T00:00:00-04:00');
  });

  it('read as a run of dated lines, one meeting per day, however long the restated line (a called-off meeting first)', () => {
    // A line break in the text above makes the schedule reader walk the page's lines.
    const r = extract(
      sections('<p>Agendas are posted a week ahead.<br>Call 555-0100 for a copy.</p>'),
      'https://harbour.example.gov/committee',
    );
    expect(r.issues.map((i) => [i.title, i.reportedAt?.slice(0, 10), i.status])).toEqual([
      ['June 5, 2023 Harbour Works Committee Meeting Agenda (Cancelled)', '2023-06-05', 'closed'],
      ['May 1, 2023 Harbour Works Committee Meeting Agenda', '2023-05-01', 'new'],
      ['April 3, 2023 Harbour Works Committee Meeting Agenda', '2023-04-03', 'new'],
      ['March 6, 2023 Harbour Works Committee Meeting Agenda', '2023-03-06', 'new'],
      ['February 6, 2023 Harbour Works Committee Meeting Agenda', '2023-02-06', 'new'],
    ]);
  });
});

describe('a 民國 year of two digits in a list row', () => {
  it('dates the oldest rows of a Taiwanese table (民國 91 is 2002), as the rows of three-digit years', () => {
    const row = (n: number, title: string, day: string) =>
      `<tr><td><a href="/meeting/${n}">${title}</a></td><td>${day}</td></tr>`;
    const html = `<html lang="zh-Hant-TW"><head><title>審議會會議紀錄</title></head><body><main><h2>審議會會議紀錄</h2>
<table><thead><tr><th>主題</th><th>開會日期</th></tr></thead><tbody>
${row(1, '113年度都市設計審議會第二次會議', '113/03/28')}${row(2, '105年度都市設計審議會第一次會議', '105/11/28')}
${row(3, '都市設計審議會第二次會議紀錄', '98/09/10')}${row(4, '都市設計審議會暨開發推動小組聯席會議', '91/11/29')}
</tbody></table></main></body></html>`;
    const r = extract(html, 'https://ud.example.gov.tw/meetings');
    expect(r.issues.map((i) => i.reportedAt)).toEqual([
      '2024-03-28T00:00:00+08:00',
      '2016-11-28T00:00:00+08:00',
      '2009-09-10T00:00:00+08:00',
      '2002-11-29T00:00:00+08:00',
    ]);
  });
});
