import { describe, expect, it } from 'vitest';
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
});
