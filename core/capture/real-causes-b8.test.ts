import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes b8 showed at first sight (eight US meeting pages from City Bureau scrapers' test pages), each fixed by a
 * rule meant for sites never seen: every test names the page that showed the cause and also runs a second markup of
 * the same idea, in other tags and words.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string) => `<html lang="en"><head>${head}</head><body>${body}</body></html>`;
const FOOTER = '<footer><p>1210 W Rosedale, Chicago, IL 60660 · 773-561-6000</p></footer>';

describe('real causes (b8): a <br> ends a meeting line wherever it sits', () => {
  it('links that hold their own <br>, and an <u> wrapping two lines (us-edgewater-ssa26-commission-meetings)', () => {
    const html = page(
      '<title>Commission Meetings | Edgewater Chamber of Commerce</title>',
      `<div class="the_content"><p>SSA Commission meetings are open to the public.</p>
        <p><strong>Minutes</strong><a href="/m/oct-2014.pdf"><br />
        </a><a href="/m/feb-2015.doc">Tuesday, February 17, 2015 at 3:00 p.m.</a><br />
        <a href="/m/apr-2015.pdf">Wednesday, April 15, 2015 at 2:30 p.m.<br />
        </a><a href="/m/may-2015.pdf">Wednesday, May 20, 2015 at 3:00 p.m.<br />
        </a><a href="/m/jan-2016.pdf">Wednesday, January 20, 2016 at 3:00 p.m.</a><br />
        <u><a href="/m/jul-2017.pdf">Wednesday, July 14, 2017 at 3:00 p.m.</a><br />
        <a href="/m/nov-2017.pdf">Wednesday, November 29, 2017 at 3:00 pm</a></u><br />
        <a href="/m/feb-2019.pdf">Wednesday February 6, 2019 at 3:00pm</a></p>
        <p><strong>Audit</strong></p><p><a href="/a/2017.pdf">2017 Final Audit</a></p></div>${FOOTER}`,
    );
    const { issues } = extract(html, 'https://www.edgewater.org/ssa-26/commissionmeetings/');
    expect(issues.map((i) => i.title)).toEqual([
      'Tuesday, February 17, 2015 at 3:00 p.m.',
      'Wednesday, April 15, 2015 at 2:30 p.m.',
      'Wednesday, May 20, 2015 at 3:00 p.m.',
      'Wednesday, January 20, 2016 at 3:00 p.m.',
      'Wednesday, July 14, 2017 at 3:00 p.m.',
      'Wednesday, November 29, 2017 at 3:00 pm',
      'Wednesday February 6, 2019 at 3:00pm',
    ]);
    expect(Date.parse(issues[0]!.reportedAt!)).toBe(Date.parse('2015-02-17T15:00:00-06:00'));
    expect(Date.parse(issues[1]!.reportedAt!)).toBe(Date.parse('2015-04-15T14:30:00-05:00'));
  });

  it('a second markup: a <div> of schedule lines, each an <em> holding its own <br>', () => {
    const html = page(
      '<title>Board meeting schedule</title>',
      `<div class="entry"><h2>Board meeting schedule</h2>
        <div><em>March 3, 2021 - Zoom<br></em><em>April 7, 2021 - Zoom<br></em><span><em>May 5, 2021 - Library<br></em>
        <em>June 2, 2021 - Library</em></span></div><p>Meetings begin at 6:30 p.m.</p></div>${FOOTER}`,
    );
    const { issues } = extract(html, 'https://example.org/board/schedule');
    expect(issues.map((i) => i.title)).toEqual([
      'March 3, 2021 - Zoom',
      'April 7, 2021 - Zoom',
      'May 5, 2021 - Library',
      'June 2, 2021 - Library',
    ]);
  });
});

describe('real causes (b8): a file named by its meeting’s numeric date is a meeting line', () => {
  it('`SSA2Minutes 10-2-2018`, even `SSA2Mintues04-23-2014` (us-belmont-central-ssa2-meeting-minutes)', () => {
    const row = (file: string, label: string) => `<p><a href="/wp-content/uploads/${file}.pdf">${label}</a></p>`;
    const html = page(
      '<title>SSA #2 Meeting Minutes &#038; Audits | Belmont-Central Chamber of Commerce</title>',
      `<div id="content"><h1 class="entry-title">SSA #2 Meeting Minutes &#038; Audits</h1><div class="entry-content">
        <p><strong>SSA #2 Meeting Minutes</strong></p>
        ${row('October-2-2018-SSA-Minutes', 'SSA2Minutes 10-2-2018')}
        ${row('July-10-2018-SSA-Minutes', 'SSA2Minutes 7-10-2018')}
        ${row('January-31-2018-SSA-Minutes', 'SSA2Minutes 1-31-2018')}
        ${row('SSAMeetings04-23-2014', 'SSA2Mintues04-23-2014')}
        ${row('February-26-2014-SSA-Minutes', 'SSA2Mintues 2-26-2014')}
        <p><strong>SSA #2 Audit</strong></p>${row('2013-Audit', '2013 Audit of SSA2 Belmont Central')}
      </div></div><footer>Belmont-Central Chamber of Commerce · 5534 W. Belmont Avenue · Chicago, IL 60641</footer>`,
    );
    const { issues } = extract(html, 'http://belmontcentral.org/about-ssa-2/ssa2-meeting-minutes-audit/');
    expect(issues.map((i) => i.title)).toEqual([
      'SSA2Minutes 10-2-2018',
      'SSA2Minutes 7-10-2018',
      'SSA2Minutes 1-31-2018',
      'SSA2Mintues04-23-2014',
      'SSA2Mintues 2-26-2014',
    ]);
    expect(Date.parse(issues[0]!.reportedAt!)).toBe(Date.parse('2018-10-02T00:00:00-05:00'));
    expect(Date.parse(issues[3]!.reportedAt!)).toBe(Date.parse('2014-04-23T00:00:00-05:00'));
  });

  it('a second markup: list items `Agenda – 3/14/2022`, `Board Minutes: 4/11/2022`, a sentence is no label', () => {
    const html = page(
      '<title>Planning Board agendas and minutes · Town of Example, Maine</title>',
      `<main><h1>Planning Board agendas</h1><ul>
        <li><a href="/a1.pdf">Agenda – 3/14/2022</a></li><li><a href="/a2.pdf">Board Minutes: 4/11/2022</a></li>
        <li><a href="/a3.pdf">Agenda 5/9/2022</a></li><li><a href="/a4.pdf">Agenda – 6/13/2022</a></li></ul>
        <p>The board approved the minutes of the meeting held on 4/11/2022 with two corrections.</p></main>`,
    );
    const { issues } = extract(html, 'https://www.example.me.us/planning-board/agendas');
    expect(issues).toHaveLength(4);
    expect(issues[1]?.title).toBe('Board Minutes: 4/11/2022');
    expect(Date.parse(issues[1]!.reportedAt!)).toBe(Date.parse('2022-04-11T00:00:00-04:00'));
  });
});

describe('real causes (b8): a Drupal event page (us-gcrta-board-meeting-2024-07-30)', () => {
  const eventPage = (wrapper: string, when: string, files: string[], place: string) =>
    page(
      '<title>Board Meeting | RideRTA</title>',
      `<div class="${wrapper}"><header><form action="/search"><input type="search" name="text"></form>
        <nav><a href="/fares">Fares</a> <a href="/maps">Maps</a></nav></header>
        <main><h1 class="title page-title"><span>Board Meeting</span></h1>
        <div class="views-element-container"><div class="view-content"><div class="views-row">
          <div class="views-field views-field-field-event-date"><h2 class="field-content">${when}</h2></div></div></div></div>
        <div class="block-views-blockevent-attachments-block-1"><h2>Attachments</h2><div class="item-list"><ul>
          ${files.map((f) => `<li><span class="file"><a href="/files/${f}">${f}</a></span></li>`).join('')}</ul></div></div>
        <div class="views-element-container block-views-blockevent-location-block-1"><h2>Location:</h2>
          <div class="view-event-location">${place}</div></div>
        <div class="field--name-body"><p>The Board of Trustees will meet in the Main Office Board Room.</p></div>
        </main><footer><p>© 2024 Transit Authority</p></footer></div>`,
    );

  it('the page wrapper Drupal calls a dialog is the page; the attachments are files; the hours span gives the time; the ZIP code the zone', () => {
    const html = eventPage(
      'dialog-off-canvas-main-canvas',
      'Tue, Jul 30 2024, 9 - 11am',
      ['2024-07-30Board&amp;CmtPackage.pdf', '2024-07-30Presentations.pdf', '2024-07-30CompensationMinutes.pdf'],
      '<div><strong>1240 West 6th St</strong></div><span><strong>Cleveland, </strong></span><span><strong>OH </strong></span><span><strong>44113</strong></span>',
    );
    const { issues, kind } = extract(html, 'https://www.riderta.com/events/2024/7/30/board-meeting');
    expect(kind).toBe('detail');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.title).toBe('Board Meeting');
    expect(Date.parse(issues[0]!.reportedAt!)).toBe(Date.parse('2024-07-30T09:00:00-04:00'));
    expect(issues[0]?.location.address).toContain('1240 West 6th St');
  });

  it('a second markup: another wrapper name, documents of other kinds, an evening span, a Chicago ZIP code', () => {
    const html = eventPage(
      'page-layer off-canvas-wrapper',
      'Thu, Mar 3 2022, 6 - 8pm',
      ['Agenda-March-3.docx', 'Budget 2022.xlsx', 'Minutes_Feb.pdf'],
      '<p>3525 West Peterson Avenue</p><p>Chicago, IL 60659</p>',
    );
    const { issues, kind } = extract(html, 'https://www.example.org/events/2022/3/3/board-meeting');
    expect(kind).toBe('detail');
    expect(Date.parse(issues[0]!.reportedAt!)).toBe(Date.parse('2022-03-03T18:00:00-06:00'));
    expect(issues[0]?.location.address).toContain('3525 West Peterson Avenue');
  });

  it('an input dialog that is not the page is still no part of the case', () => {
    const html = page(
      '<title>Pothole on Main St</title>',
      `<main><h1>Pothole on Main St</h1><p>A deep pothole in front of number 12, reported by a neighbour.</p>
        <p>Reported 3/2/2024 at 10:15 am.</p><p>The crew filled it the next morning and the lane reopened.</p></main>
        <div class="modal-dialog"><h2>Write to us</h2><label>Your name</label><input type="text" name="n">
        <label>Your message</label><textarea name="m"></textarea></div>`,
    );
    const { issues } = extract(html, 'https://www.example.org/reports/17');
    expect(JSON.stringify(issues)).not.toContain('Write to us');
    expect(JSON.stringify(issues)).not.toContain('Your message');
  });
});
