import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { findHeaderTables } from './header-tables';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { structureRecords } from './records';
import { createScan } from './scan';
import { pageDateContext } from './zones';

/**
 * Lists found by their repeated structure alone (records.ts): markup shaped as real portal pages write it, none of
 * it in the words the vocabulary finders know.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const rows = (out: ReturnType<typeof extract>) =>
  out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt?.slice(0, 10)]);

/** The structure finder on its own (no vocabulary finder before it): what it segments. */
function structureOnly(html: string, url: string) {
  const doc = parseHtml(html, url);
  const scan = createScan(doc, doc.body!);
  const ctx = pageDateContext({ url, text: doc.body?.textContent ?? '' });
  return structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, url);
}

// A court's hand-down list (us-mississippi-supreme-handdown-list's layout): records are runs of inline content
// between `<hr>`s, the page's head before the first; the number is a bold link, the title bold text, the date only
// in `Order entered 11/12/25.`
const handDown = (n: string, title: string, text: string) =>
  `<br>EN BANC<br><b>&nbsp;&nbsp;<a href="/pdf?f=${n}">${n}</a></b><br><br><ul><b>${title}</b>; Disposition: ${text}</ul><br><hr>`;

describe('records found by structure', () => {
  it('runs divided by <hr> are records, the page head before the first one is not', () => {
    const html = page(
      'Hand Down List',
      `<center><font size=+1><strong>Supreme Court of Mississippi<p></font>Hand Down List<br>November 20, 2025<br>
      </strong></center><p><a href="/zips/SC20251120.ZIP">11/20/2025 - Hand Down in WordPerfect/ZIP format</a><p>
      ${handDown('89-R-99001-SCT', 'In Re: The Rules of Civil Procedure', 'The Rules are amended. Order entered 11/12/25.')}
      ${handDown('2023-CT-00173-SCT', 'Carlos Roncali v. State of Mississippi', 'Ruling Date: 01/20/2023; Petition granted. Order entered 11/13/25.')}
      ${handDown('2024-SA-00253-SCT', 'Hattiesburg Medical Park v. Mississippi Division of Medicaid', 'Reversed and Rendered.')}`,
    );
    const out = extract(html, 'https://courts.ms.gov/appellatecourts/docket/getHanddown.php');
    expect(out.kind).toBe('list');
    expect(rows(out)).toEqual([
      ['In Re: The Rules of Civil Procedure', '89-R-99001-SCT', '2025-11-12'],
      // The lower court's `Ruling Date` is not the order's date: `Order entered` says when the court acted.
      ['Carlos Roncali v. State of Mississippi', '2023-CT-00173-SCT', '2025-11-13'],
      ['Hattiesburg Medical Park v. Mississippi Division of Medicaid', '2024-SA-00253-SCT', undefined],
    ]);
    expect(out.issues[2]!.description).toContain('Reversed and Rendered.');
    expect(out.issues[0]!.source.url).toBe('https://courts.ms.gov/pdf?f=89-R-99001-SCT');
    expect(JSON.stringify(out.issues)).not.toContain('WordPerfect');
  });

  it('records divided only by blank lines of <br> in one paragraph are records', () => {
    const rec = (title: string, n: string, date: string) =>
      `<a href="/doc/${n}">${title}</a><br>Docket ${n}<br>Filed ${date}<br><br>`;
    const html = page(
      'Published opinions',
      `<h1>Published opinions</h1><p>${rec('Garza v. Harris County Appraisal District', '01-13-00123-CV', 'May 2, 2024')}
      ${rec('Estate of Maria Lopez', '01-13-00456-CV', 'May 9, 2024')}
      ${rec('Port of Houston Authority v. Aguilar', '01-13-00789-CV', 'May 16, 2024')}</p>`,
    );
    const found = structureOnly(html, 'https://search.txcourts.gov/opinions');
    expect(found?.drafts.map((d) => [d.title, d.caseNumber, d.reportedAt?.slice(0, 10)])).toEqual([
      ['Garza v. Harris County Appraisal District', '01-13-00123-CV', '2024-05-02'],
      ['Estate of Maria Lopez', '01-13-00456-CV', '2024-05-09'],
      ['Port of Houston Authority v. Aguilar', '01-13-00789-CV', '2024-05-16'],
    ]);
    expect(found?.drafts[1]?.url).toBe('https://search.txcourts.gov/doc/01-13-00456-CV');
  });

  it('rows under date headings take the heading’s date', () => {
    const li = (title: string, n: string) => `<li><a href="/op/${n}.pdf">${title}</a> (${n})</li>`;
    const html = page(
      'Opinions',
      `<div id="content"><h2>Opinions released</h2>
      <h3>June 5, 2014</h3><ul>${li('Appeal of the Town Planning Board', 'BCD-13-501')}${li('Smith Farms and Dairy Cooperative', 'KEN-13-322')}</ul>
      <h3>June 3, 2014</h3><ul>${li('Petition of the Harbour Commission', 'CUM-13-611')}</ul></div>`,
    );
    const out = extract(html, 'https://www.courts.maine.gov/opinions');
    expect(rows(out)).toEqual([
      ['Appeal of the Town Planning Board', 'BCD-13-501', '2014-06-05'],
      ['Smith Farms and Dairy Cooperative', 'KEN-13-322', '2014-06-05'],
      ['Petition of the Harbour Commission', 'CUM-13-611', '2014-06-03'],
    ]);
  });

  it('a meetings list (a title link, a date line and paper links per meeting) is a list of meetings', () => {
    const meeting = (title: string, date: string, slug: string) =>
      `<div class="views-row"><h4><a href="/meetings/${slug}">${title}</a></h4><p>${date}</p>
      <p><a href="/files/${slug}-agenda.pdf">Agenda</a> <a href="/files/${slug}-minutes.pdf">Minutes</a></p></div>`;
    const html = page(
      'Meetings | Village of Oak Park',
      `<main><h1>Meetings</h1><div class="view-content">
      ${meeting('Board of Trustees Regular Meeting', 'Tuesday, March 3, 2020 - 7:30pm', 'bot-2020-03-03')}
      ${meeting('Plan Commission Public Hearing', 'Thursday, March 5, 2020 - 7:00pm', 'pc-2020-03-05')}
      ${meeting('Historic Preservation Commission', 'Thursday, March 12, 2020 - 7:00pm', 'hpc-2020-03-12')}
      </div></main>`,
    );
    const found = structureOnly(html, 'https://www.villageboard.illinois.gov/meetings');
    expect(found?.drafts.map((d) => [d.title, d.reportedAt])).toEqual([
      ['Board of Trustees Regular Meeting', '2020-03-03T19:30:00-06:00'],
      ['Plan Commission Public Hearing', '2020-03-05T19:00:00-06:00'],
      ['Historic Preservation Commission', '2020-03-12T19:00:00-05:00'],
    ]);
    expect(found?.drafts[0]?.url).toBe('https://www.villageboard.illinois.gov/meetings/bot-2020-03-03');
    const out = extract(html, 'https://www.villageboard.illinois.gov/meetings');
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => i.title)).toEqual([
      'Board of Trustees Regular Meeting',
      'Plan Commission Public Hearing',
      'Historic Preservation Commission',
    ]);
  });

  it('a column of dated notices with no article of its own is a list (Chinese)', () => {
    const li = (t: string, d: string) => `<div class="item"><a href="/n/${d}.html">${t}</a><em>${d}</em></div>`;
    const html = page(
      '通知公告',
      `<div class="main"><div class="lm">通知公告</div>${li('关于开展老旧小区改造意见征集的通知', '2024-05-08')}
      ${li('关于做好防汛工作的公告', '2024-05-06')}${li('社区卫生服务中心搬迁公告', '2024-04-29')}</div>`,
    );
    const out = extract(html, 'https://www.example.gov.cn/tzgg/');
    expect(out.kind).toBe('list');
    expect(rows(out)).toEqual([
      ['关于开展老旧小区改造意见征集的通知', undefined, '2024-05-08'],
      ['关于做好防汛工作的公告', undefined, '2024-05-06'],
      ['社区卫生服务中心搬迁公告', undefined, '2024-04-29'],
    ]);
  });
});

describe('a list of opinions cited by date and number, their summaries wrapped (us-mn-ag-opinions-by-date)', () => {
  const opinion = (file: string, date: string, cite: string, lines: string[]) =>
    `<p><a href="${file}.pdf"><b>${date}</b> &mdash; Op. Att'y Gen. ${cite}</a><br>${lines.join('<br>\n')}</p>`;

  it('numbers each by the citation in its link and describes it by its whole wrapped summary', () => {
    const out = extract(
      page(
        'Opinions',
        `<h1>Opinions of the Attorney General</h1><div>
        ${opinion('a', 'March 3, 2020', '59a-12', ['ELECTIONS: ABSENTEE BALLOTS: County auditors may count', 'absentee ballots received before the close of polls on election day.'])}
        ${opinion('b', 'June 9, 2018', '471k', ['TOWNS: ROADS: A town board may not vacate a cartway without', 'notice to each owner of land that the cartway serves.'])}
        ${opinion('c', 'April 1, 2016', '852b-3', ['COUNTIES: FEES: Recorders may charge for copies made by', 'electronic means at the rate set for paper copies.'])}
        </div>`,
      ),
      'https://ag.example.gov/opinions/by-date.html',
    );
    expect(out.issues.map((i) => [i.source.caseNumber, i.reportedAt?.slice(0, 10)])).toEqual([
      ['59a-12', '2020-03-03'],
      ['471k', '2018-06-09'],
      ['852b-3', '2016-04-01'],
    ]);
    expect(out.issues[1]!.description).toContain('A town board may not vacate a cartway without notice to each owner');
  });
});

describe('what structure alone must not take for a list', () => {
  it('a navigation bar of section links is no list', () => {
    const html = page(
      'Opinions',
      `<div class="links"><a href="/">Home</a><br><a href="/opinions">Opinions</a><br><a href="/calendar">Calendar</a><br>
      <a href="/rules">Rules</a><br></div><h1>Opinion 2024-0012</h1><p>Decided May 2, 2024.</p>`,
    );
    expect(structureOnly(html, 'https://courts.example.gov/op/2024-0012')).toBeNull();
    expect(extract(html, 'https://courts.example.gov/op/2024-0012').kind).toBe('detail');
  });

  it('an article with a list of related dated links beside it stays a detail page', () => {
    const rel = (t: string, d: string) => `<li><a href="/news/${d}">${t}</a> <span>${d}</span></li>`;
    const html = page(
      'Council approves the new bus route',
      `<h1>Council approves the new bus route</h1><p class="date">2024-05-08</p>
      <div class="content"><p>The council voted on Tuesday to approve the new bus route through the north district.
      The route will run every fifteen minutes. Residents asked for it for three years. Work starts in June, and the
      first buses are expected in September, once the new stops are built along Elm Street.</p></div>
      <ul class="more">${rel('Library opening hours change for the summer', '2024-05-06')}
      ${rel('Road works on Elm Street from Monday', '2024-05-03')}${rel('New recycling bins delivered to homes', '2024-04-29')}
      ${rel('Park clean-up day draws two hundred volunteers', '2024-04-22')}</ul>`,
    );
    expect(structureOnly(html, 'https://www.example.gov/news/bus-route')).toBeNull();
    const out = extract(html, 'https://www.example.gov/news/bus-route');
    expect(out.kind).toBe('detail');
    expect(out.issues[0]!.title).toBe('Council approves the new bus route');
  });

  it('sections of a detail page, each under its heading, are no records', () => {
    const html = page(
      'Allocations Meeting',
      `<h1>Allocations Meeting</h1><div class="cc-block"><h3>When</h3><span>October 4, 2018 from 10:00 AM</span>
      <a href="/cal">Add to Calendar</a></div><div class="cc-block"><h3>Where</h3><a href="/map">121 N LaSalle, Room 1006</a>
      <span>Chicago, IL 60602</span></div><div class="cc-block"><h3>Contact</h3><a href="/c">Housing Trust Fund</a>
      <span>312-744-0675</span></div>`,
    );
    expect(structureOnly(html, 'https://events.example.com/e/1')).toBeNull();
    expect(extract(html, 'https://events.example.com/e/1').kind).toBe('detail');
  });
});
