import { describe, expect, it } from 'vitest';
import { findHeaderTables } from './header-tables';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { withRecordTime } from './record-dates';
import { structureRecords } from './records';
import { createScan } from './scan';
import { pageDateContext } from './zones';

/**
 * Lists read by their structure on pages that name nothing (no class, no id a rule could know): each rule is shown on
 * markup written apart from the page that showed its cause (named in the test), with meaningless class names.
 */
const page = (body: string) => `<html lang="en-US"><head><title>Listing</title></head><body>${body}</body></html>`;

function titlesAndDates(body: string, url: string) {
  const doc = parseHtml(page(body), url);
  const scan = createScan(doc, doc.body!);
  const ctx = pageDateContext({ url, text: doc.body?.textContent ?? '' });
  const found = structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, url);
  return found?.drafts.map((d) => [d.title, d.reportedAt?.slice(0, 10)]) ?? [];
}

describe('lists a page draws without naming them', () => {
  it('rows of one table per body, each table deep in a box under its body’s heading, are one list (us-bremerton-civicplus-agenda-center-2020-12)', () => {
    const box = (body: string, days: string[]) =>
      `<div class="qz1"><h2>${body}</h2><span><ul class="qz2"><li><a href="?y=2024">2024</a></li></ul>
       <table><thead><tr><th>Paper</th><th>Files</th></tr></thead><tbody>${days
         .map(
           (d, k) =>
             `<tr class="qz3"><td><b><a href="/papers/${body.length}-${k}">Notice of ${body} session no. ${k + 1}</a></b><p>Dated ${d}</p></td><td>PDF</td></tr>`,
         )
         .join('')}</tbody></table></span></div>`;
    const got = titlesAndDates(
      `<p>Boards post their papers here.</p>${box('Library Trustees', ['March 4, 2024', 'February 5, 2024'])}
       ${box('Harbour Board', ['March 12, 2024', 'January 9, 2024', 'December 1, 2023'])}
       ${box('Youth Council', ['February 20, 2024'])}`,
      'https://town.example.org/papers',
    );
    expect(got.length).toBe(6);
    expect(got[0]).toEqual(['Notice of Library Trustees session no. 1', '2024-03-04']);
    expect(got[5]).toEqual(['Notice of Youth Council session no. 1', '2024-02-20']);
  });

  it('records of two table rows closed by a blank row across the table are one record each (it-termevigliatore-albo-pretorio-atti-recenti)', () => {
    const record = (k: number, title: string, day: string) =>
      `<tr><td><a href="/act?id=${k}"><b>${title}</b></a><br><font size="2">(on display from ${day})</font></td><td>no. ${k}</td></tr>
       <tr><td>Kind: <a href="/acts?kind=${k}">Resolutions</a></td><td></td></tr>
       <tr><td colspan="2" class="qz9"><font size="1">&nbsp;</font></td></tr>`;
    const got = titlesAndDates(
      `<table>${record(41, 'Repair of the school roof', '04/03/2024')}${record(42, 'Grant for the village fair', '05/03/2024')}
       ${record(43, 'Lease of the old mill', '06/03/2024')}${record(44, 'Closure of the east road', '07/03/2024')}</table>`,
      'https://comune.example.it/albo',
    );
    expect(got.map((r) => r[0])).toEqual([
      'Repair of the school roof',
      'Grant for the village fair',
      'Lease of the old mill',
      'Closure of the east road',
    ]);
  });

  it('a trail of links drawn as the records are is left out at the list’s head (us-ca-high-speed-rail-special-matters-committee-meetings-2021)', () => {
    const entry = (day: string) =>
      `<div class="qa"><p><a href="/docs/${day.replace(/\W/g, '')}.pdf">${day} Finance Committee Meeting Agenda</a></p></div>`;
    const got = titlesAndDates(
      `<div class="qa"><p><a href="/">Home</a> <a href="/about">About</a> <a href="/board">Board</a></p></div>
       ${['June 3, 2024', 'May 6, 2024', 'April 1, 2024', 'March 4, 2024'].map(entry).join('')}`,
      'https://agency.example.gov/finance-committee',
    );
    expect(got.length).toBe(4);
    expect(got[0]![1]).toBe('2024-06-03');
  });

  it('four boxes of a case page, one of them undated, stay one case: a list’s edge is dropped only among more (portals/sz-scjg-complaint)', () => {
    const box = (head: string, lines: string) => `<div class="qb"><h3>${head}</h3>${lines}</div>`;
    const got = titlesAndDates(
      `${box('Complainant', '<p>Name: <b>Lee Morgan</b></p><p>Phone: 0412 000 000</p>')}
       ${box('Case', '<p><b>Gym closed without refund</b></p><p>No. QX440306202605190237</p><p>Filed 19/05/2024</p>')}
       ${box('Reply', '<p><b>Refund agreed with the owner</b></p><p>No. QX440306202605190238</p><p>Dated 04/06/2024</p>')}
       ${box('Handled by', '<p><b>Market office of the west district</b></p><p>No. QX440306202605190239</p><p>Dated 05/06/2024</p>')}`,
      'https://market.example.gov/complaint/237',
    );
    expect(got).toEqual([]);
  });

  it('the text of a drop-down’s options is no text of the page a list must cover (us-contracosta-agendaquick-meetings-july-2022)', () => {
    const years = Array.from({ length: 120 }, (_, k) => `<option>${2099 - k}</option>`).join('');
    const row = (day: string, body: string) =>
      `<tr><td><a href="/agenda?d=${day.replace(/\W/g, '')}">${day}</a></td><td>${body}</td></tr>`;
    const got = titlesAndDates(
      `<table><tr><th>Show</th><td><select>${years}</select></td></tr></table>
       <table>${row('July 2, 2024', 'PLANNING COMMISSION')}${row('July 9, 2024', 'HOUSING AUTHORITY')}${row('July 16, 2024', 'PLANNING COMMISSION')}</table>`,
      'https://county.example.gov/agendas',
    );
    expect(got.length).toBe(3);
  });
});

describe('a record’s time', () => {
  it('is not the time of a later day on its line (`… — Posted Nov 5, 2020 9:58 AM`)', () => {
    const ctx = pageDateContext({ url: 'https://town.example.org/papers', text: '' });
    expect(withRecordTime('2024-03-04T00:00:00-08:00', ['Mar 4, 2024 — Posted Mar 9, 2024 9:58 AM'], ctx)).toBe(
      '2024-03-04T00:00:00-08:00',
    );
    expect(withRecordTime('2024-03-04T00:00:00-08:00', ['Mar 4, 2024 6:30 PM'], ctx)).toMatch(/T18:30/);
  });
});
