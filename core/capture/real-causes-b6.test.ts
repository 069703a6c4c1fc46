import { describe, expect, it } from 'vitest';
import { addressFromText } from './address';
import { emptyDraft } from './draft';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes found on the pages of batch b6 (issue 18): an appellate CM/ECF case summary, a state commission's meeting
 * page and council search pages. Each test names the page that showed the cause; the snippets are written here in
 * the pages' markup, not copied from them.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

// A CM/ECF appellate case summary: a stub table (number by its label, the caption on a line of its own, the day the
// case was docketed), then the entries: a date cell, a cell holding only a document icon's link, the entry's text.
const entry = (day: string, text: string, icon = true) =>
  `<tr><td valign="top">${day}</td><td valign="top" nowrap="">${
    icon ? '<a href="/docs1/0120" title="Open Document"><img src="document.gif" alt="Open Document"></a>' : '&nbsp;'
  }</td><td width="90%" valign="top">${text}</td></tr>`;
const summary = (caption: string) => `<html><head><title>23-1234 Summary</title></head><body>
<div class="noprint"><table><tr><td><a href="CaseSearch.jsp">Case Search</a></td><td><a href="/">Home</a></td></tr></table></div>
<table width="100%"><tr><td align="center"><b>General Docket<br>United States Court of Appeals for Veterans Claims</b></td></tr></table>
<table width="100%" border="1"><tr><td><table width="100%">
<tr><td><b>Case Number:</b>23-1234</td><td align="right" rowspan="2"><b>Docketed:</b> 03/02/2023</td></tr>
<tr><td>${caption}</td></tr>
<tr><td><b>Appeal From:</b> Department of Veterans Affairs</td></tr>
</table></td></tr></table>
<table width="100%" border="1"><tr><td><table border="0" cellpadding="4">
${entry('03/02/2023', 'Notice of Appeal (JC)')}
${entry('03/06/2023', 'Notice of Docketing (JC)')}
${entry('03/09/2023', 'Assigned case to Judge Allen (PTD)', false)}
${entry('04/11/2023', 'RECEIVED: Record before the agency--[Edited 04/12/2023 by SL] (JC)')}
</table></td></tr></table></body></html>`;
const CAVC_URL =
  'https://efiling.uscourts.example.gov/cmecf/servlet/TransportRoom?servlet=CaseSummary.jsp&caseNum=23-1234';

describe('real causes: case summaries, meeting pages and search pages (b6)', () => {
  it("a docket stub's caption line beside its labelled number is the title; `Docketed:` dates the case", () => {
    // us-pacer-cavc-case-summary-18-3815: the title had been the last entry's text, the date an `[Edited …]` note.
    const [issue] = extract(summary('Jane Q. Public v. Denis McDonough'), CAVC_URL).issues;
    expect(issue?.title).toBe('Jane Q. Public v. Denis McDonough');
    expect(issue?.source.caseNumber).toBe('23-1234');
    expect(issue?.reportedAt).toBe('2023-03-02T00:00:00-05:00');
  });

  it('a line of the stub that is no caption is not taken for the title', () => {
    const [issue] = extract(summary('Petition for extraordinary relief'), CAVC_URL).issues;
    expect(issue?.title).not.toBe('Department of Veterans Affairs');
    expect(issue?.title).not.toContain('Case Number');
  });

  it('an entry table with a column of document icons between date and text is the case history', () => {
    // us-pacer-cavc-case-summary-18-3815: three cells a row (date, icon link, text) had given no updates at all.
    const [issue] = extract(summary('Jane Q. Public v. Denis McDonough'), CAVC_URL).issues;
    expect(issue?.updates.map((u) => u.text)).toEqual([
      'Notice of Appeal (JC)',
      'Notice of Docketing (JC)',
      'Assigned case to Judge Allen (PTD)',
      'RECEIVED: Record before the agency--[Edited 04/12/2023 by SL] (JC)',
    ]);
    expect(issue?.updates[0]?.at).toBe('2023-03-02T00:00:00-05:00');
    expect(issue?.updates[3]?.at).toBe('2023-04-11T00:00:00-04:00');
  });

  // A state commission's meeting page: a short h1 naming the kind of meeting, the commission and the meeting's own
  // name in the h2 below, the day and hour in an h3, the venue's name over its street lines.
  const meeting = (h2: string, venue: string) => `<html><head><title>Open Meeting</title></head><body>
<header><nav><ul><li><a href="/consumer/">Consumers</a></li><li><a href="/about">About</a></li></ul></nav></header>
<div class="page-header"><ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/meetings/">Event Calendar</a></li></ol>
<h1>Open Meeting</h1></div>
<div class="container"><h2>${h2}</h2>
<h3 class="mt-4">June 9, 2021<span class="d-block">10:00 AM</span></h3>
<div class="row"><div class="col-12"><h4>Commission Offices</h4><p>${venue}</p></div></div>
<div class="row"><h3>Documents</h3><ul><li><a href="/agenda.pdf">Agenda</a></li><li><a href="/notice.pdf">Notice</a></li></ul></div>
</div><footer><a href="/privacy">Privacy</a></footer></body></html>`;
  const MEETING_URL = 'https://www.example.illinois.gov/meetings/open-meeting/meeting/1234';

  it("a short h1 naming the kind of meeting yields to the next heading's more specific name", () => {
    // us-il-commerce-policy-session-2020-05-27: the title had been `Policy Session`, the meeting `Summer Preparedness
    // Policy Session`.
    const h2 =
      'State Commerce Board <span class="d-block">Open Meeting</span> <span class="d-block">Budget Hearing Open Meeting</span>';
    const [issue] = extract(meeting(h2, '527 East Capitol Avenue<br/>Springfield, Illinois 62701'), MEETING_URL).issues;
    expect(issue?.title).toBe('Budget Hearing Open Meeting');
    // The day and hour in the heading under it date the meeting.
    expect(issue?.reportedAt).toBe('2021-06-09T10:00:00-05:00');
  });

  it('a next heading that does not repeat the h1 leaves the h1 the title', () => {
    const [issue] = extract(meeting('Documents and notices', '527 East Capitol Avenue'), MEETING_URL).issues;
    expect(issue?.title).toBe('Open Meeting');
  });

  it("a venue's name over its street lines gives the address, whole when it ends with a postcode", () => {
    // us-il-commerce-policy-session-2020-05-27: no address came out of `<h4>venue</h4><p>street<br>floor<br>city ZIP</p>`,
    // the meeting's whole text.
    const venue = (text: string) => {
      const d = { ...emptyDraft(), title: 'Open Meeting', description: text };
      addressFromText(d);
      return d.address;
    };
    expect(venue('Commission Offices\n160 North LaSalle Street\nEighth Floor\nChicago, Illinois 60601')).toBe(
      '160 North LaSalle Street, Eighth Floor, Chicago, Illinois 60601',
    );
    expect(venue('Commission Offices\n160 North LaSalle Street\nEighth Floor')).toBe('160 North LaSalle Street');
    // A first line that is no name (it has figures), a second that is no street, or a long text: no venue.
    expect(venue('Room 9-040\n160 North LaSalle Street')).toBeUndefined();
    expect(venue('Commission Offices\nEighth Floor\nChicago, Illinois 60601')).toBeUndefined();
    expect(venue(['Minutes', '160 North LaSalle Street', 'a', 'b', 'c', 'd'].join('\n'))).toBeUndefined();
  });

  // A council's application tracker search page: menus of saved searches, a heading that asks to find, one box.
  const searchPage = (heading: string, more = '') => `<html><head><title>Find an Application</title></head><body>
<form method="post" action="./SearchApplication.aspx"><input type="hidden" name="__VIEWSTATE" value="abc" />
<div class="menu"><div class="LinksTitle">Applications Lodged</div><a href="?d=thisweek">This Week</a>
<a href="?d=lastweek">Last Week</a><a href="?d=thismonth">This Month</a></div>
<div id="main"><h2>${heading}</h2><div>Enter an application number, then select from the list of available
applications displayed.</div><input name="txtSearch" type="text" class="application" />
<input type="submit" name="btnSearch" value="Search" /></div></form>${more}
<div class="footer"><p>This page has been produced by <a href="#">Tracker Software</a>.</p></div></body></html>`;
  const SEARCH_URL = 'https://eplanning.example.nsw.gov.au/Pages/XC.Track/SearchApplication.aspx';

  it('a search page with a box and no case gives no case, and says why', () => {
    // au-bluemountains-icon-find-application, au-centralcoast-icon-find-application: one case made of the menus.
    const r = extract(searchPage('Application Search'), SEARCH_URL);
    expect(r.issues).toEqual([]);
    expect(r.notes.map((n) => n.code)).toContain('search-page');
    expect(r.notes.find((n) => n.code === 'search-page')?.messageZh).toContain('查询');
  });

  it('a page that shows a case beside a search box is still a case', () => {
    // Labelled fields of a case under the search box: the result shown, not the search.
    const labelled = searchPage(
      'Application Search',
      '<table><tr><th>Application No.</th><td>DA/123/2021</td></tr><tr><th>Description</th><td>Two storey dwelling</td></tr><tr><th>Lodged</th><td>02/03/2021</td></tr></table>',
    );
    expect(extract(labelled, SEARCH_URL).issues).toHaveLength(1);
    // Neither the heading nor the <title> asks to find anything: not a search page.
    const plain = searchPage('Development Applications').replace('Find an Application', 'Development Applications');
    expect(extract(plain, SEARCH_URL).issues).toHaveLength(1);
  });

  it("a record's labelled caption is its title, not the cell that holds it", () => {
    // us-ca2-decisions-search-results: each row's title had been its whole right cell (`Date Posted: … Caption: …
    // Type: …`), the last row's the docket cell.
    const row = (docket: string, day: string, caption: string) =>
      `<tr><td class="left"><b>Docket #: </b><a href="/decisions/${docket}_opn.pdf">${docket}</a> </td>
<td class="right"><b>Date Posted: </b>${day}<br><b>Caption: </b>${caption}<br><b>Type: </b>/decisions/OPN<br></td></tr>`;
    const rows = [
      ['25-101', '4/23/2026', 'Alvarez v. Harbor Freight Tools, Inc.'],
      ['24-2202', '4/22/2026', 'United States v. Okafor'],
      ['23-3303', '4/21/2026', 'In re: Marlowe'],
      ['22-4404', '4/20/2026', 'Nguyen v. Board of Elections'],
      ['21-505-cv (L)', '4/17/2026', 'Smith v. Acme Corp.'],
    ];
    const html = `<html><head><title></title></head><body><div id="ResultsDiv"><p><b>Results 1 - 5 of 5</b></p></div>
<div id="ResultsTableDiv"><table class="ResultsTable">${rows.map((r) => row(r[0]!, r[1]!, r[2]!)).join('')}</table></div></body></html>`;
    const { issues } = extract(html, 'https://ww3.example.uscourts.gov/dtSearch/dtisapi6.dll');
    expect(issues.map((i) => i.title)).toEqual(rows.map((r) => r[2]));
    expect(issues[0]?.source.caseNumber).toBe('25-101');
  });
});
