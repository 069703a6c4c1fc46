import { describe, expect, it } from 'vitest';
import { docketNumberIn, docketNumberOf, isCaseCaption, isDocketNumber, leadingDocketNumber } from './courts';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';
import { pageDateContext } from './zones';

/** Causes found on court lists of decided cases and a docket history (issue 18, batch b5-courts). */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;

describe('real causes: court case lists and dockets (b5-courts)', () => {
  it('court column words name the case, its docket number and its date (us-ca11-published-opinions-by-name)', () => {
    const row = (name: string, appeal: string, district: string, date: string) =>
      `<tr><td><a href="files/${appeal}.pdf">${name}</a></td><td>${appeal}</td><td>${district}</td><td>NEW</td><td>${date}</td>`;
    const html = page(
      'United States Court of Appeals, Eleventh Circuit',
      `<p><b>Published Opinions Listed by Case Name (Newest First)</b></p>
      <table class="gridtable"><tr><th><b>Case Name</b></th><th><b>Appeal Case #</b></th>
      <th><b>District Court Docket #</b></th><th><b>Type</b></th><th><b>Date of Issuance</b></th></tr>
      ${row('Entela Ruga v. U.S. Attorney General', '13-14377', 'A095-969-131', '07-02-2014')}
      ${row('USA v. Lazaro Ramirez-Flores', '12-15602', '8:12-cr-00169-EAK-MAP-1', '06-27-2014')}
      ${row('David Johnson v. Keybank National Association', '13-14244', '1:09-md-02036-JLK', '06-18-2014')}</table>`,
    );
    const out = extract(html, 'http://media.ca11.uscourts.gov/opinions/pub/logname.php');
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt])).toEqual([
      ['Entela Ruga v. U.S. Attorney General', '13-14377', '2014-07-02T00:00:00-04:00'],
      ['USA v. Lazaro Ramirez-Flores', '12-15602', '2014-06-27T00:00:00-04:00'],
      ['David Johnson v. Keybank National Association', '13-14244', '2014-06-18T00:00:00-04:00'],
    ]);
    // The lower court's number describes where the case came from, not the case.
    expect(matchLabel('District Court Docket #')?.field).toBe('ignore');
  });

  it('a header row of plain cells naming Style and Judgement Date heads a docket list (us-gaappeals-docket-date-results)', () => {
    const cell = (t: string) => `<td style="background-color:#8E988B">${t}</td>`;
    const row = (n: string, style: string, ruling: string) =>
      `<tr>${cell(n)}${cell(style)}${cell('July 17, 2014')}${cell(ruling)}${cell('<a href="/d?n=1">View</a>')}${cell('<a href="/o?n=1">View</a>')}</tr>`;
    const head = ['Case Number', 'Style', 'Judgement Date', 'COA Judgement/Ruling', 'Web Docket', 'Opinion/Order']
      .map((h) => `<td style="background-color:#FFFFFF"><font color="black">${h}</font></td>`)
      .join('');
    const html = page(
      'Court of Appeals of Georgia',
      `<h1>Inquiry System: Results</h1><table><tbody><tr>${head}</tr>
      ${row('A14D0427', 'COURTNEY HARRIS ET AL. v. MINNESOTA LAWYERS MUTUAL INSURANCE COMPANY ET AL.', 'DISCRETIONARY APPLICATION GRANTED')}
      ${row('A14A1345', 'CECIL LAMAR SUMMERVILLE v. THE STATE', 'DISMISSED')}</tbody></table>
      <p><a href="/ask">Ask the Clerk</a> | <a href="/privacy">Privacy Statement</a></p>`,
    );
    const out = extract(html, 'http://www.gaappeals.us/docketdate/results_all.php');
    expect(out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt])).toEqual([
      [
        'COURTNEY HARRIS ET AL. v. MINNESOTA LAWYERS MUTUAL INSURANCE COMPANY ET AL.',
        'A14D0427',
        '2014-07-17T00:00:00-04:00',
      ],
      ['CECIL LAMAR SUMMERVILLE v. THE STATE', 'A14A1345', '2014-07-17T00:00:00-04:00'],
    ]);
    expect(JSON.stringify(out.issues)).not.toContain('Ask the Clerk');
  });

  it('a docket cell with links under the number gives the number; California is Pacific (us-cal-courts-supreme-court-slip-opinions)', () => {
    const row = (date: string, n: string, title: string) =>
      `<tr><td><span class="op-date">${date}</span></td><td><span class="op-case">${n}</span><br/>[<a href="/opinions/documents/${n}.PDF">PDF</a>]<br/>[<a href="/opinions/documents/${n}.DOCX">DOC</a>]<br/></td><td><span class="op-title">${title}</span>&nbsp; <a href="https://appellatecases.example/?q=${n}">Case Details</a></td></tr>`;
    const html = page(
      'California Courts - Published Opinions',
      `<p>Published or "citable" opinions of the appellate courts are opinions ordered published in the <em>Official Reports</em>.</p>
      <table summary="Published Opinions" role="presentation"><tr><th>Date Posted<br></th><th>Docket #/<br>File Format<br></th><th>Description<p></th></tr>
      ${row('Apr 29, 2024', 'S275940', 'P. v. McDavid 4/29/24 SC')}
      ${row('Apr 22, 2024', 'S277120A', 'Ruelas v. County of Alameda 4/22/24 SC')}
      ${row('Jan 18, 2024', 'S274340', 'Estrada v. Royalty Carpet Mills, Inc. 1/18/24 SC')}</table>`,
    );
    const out = extract(html, 'https://www.courts.ca.gov/opinions-slip.htm?Courts=S');
    expect(out.issues.map((i) => [i.source.caseNumber, i.reportedAt])).toEqual([
      ['S275940', '2024-04-29T00:00:00-07:00'],
      ['S277120A', '2024-04-22T00:00:00-07:00'],
      ['S274340', '2024-01-18T00:00:00-08:00'],
    ]);
    // The case's name, without the day and court written after it nor the row's `Case Details` link.
    expect(out.issues.map((i) => i.title)).toEqual([
      'P. v. McDavid',
      'Ruelas v. County of Alameda',
      'Estrada v. Royalty Carpet Mills, Inc.',
    ]);
    expect(JSON.stringify(out.issues)).not.toContain('Official Reports');
  });

  it('a list of decisions dated only by the decision takes that date (us-nycourts-slip-decisions-court-of-appeals)', () => {
    const td = (t: string) => `<td nowrap><font face=arial size=2>${t}</font></td>`;
    const row = (name: string, date: string, slip: string, judge: string) =>
      `<tr valign=top>${td(name)}${td(date)}${td('Court of Appeals')}${td('')}${td(`<a href="/reporter/motions/${slip}.htm">2024&nbsp;NYSlipOp&nbsp;${slip}(U)</a>`)}${td(judge)}${td('Motion')}</tr>`;
    const head = ['Party Name', 'Decision Date', 'Court', 'Official Citation', 'Slip Number', 'Judge', 'Opn/Mot']
      .map((h) => `<td><font face=arial size=2><b>${h}</b></font></td>`)
      .join('');
    const html = page(
      'LRB Search Results',
      `<table><tr><td><b>Search Criteria</b></td></tr><tr><td>Decision Start Date :<b>06/01/2024</b></td></tr></table>
      <table><tr bgcolor=#e6e6e6>${head}</tr>${row('People v Amado', '06/03/2024', '97484', 'Halligan, J.')}
      ${row('People v Bacon', '06/06/2024', '97488', 'Rivera, J.')}${row('People v Sapp', '06/03/2024', '97582', 'Halligan, J.')}</table>`,
    );
    const out = extract(html, 'https://iapps.courts.state.ny.us/lawReporting/Search?searchType=opinion');
    expect(out.issues.map((i) => [i.title, i.reportedAt])).toEqual([
      ['People v Amado', '2024-06-03T00:00:00-04:00'],
      ['People v Bacon', '2024-06-06T00:00:00-04:00'],
      ['People v Sapp', '2024-06-03T00:00:00-04:00'],
    ]);
  });

  it('one opinion under case columns is a list of one; a one-row case table over its history stays a detail page (us-wa-courts-appeals-published-opinions-2026)', () => {
    const html = page(
      'Washington State Courts - Opinions - Available Opinions By Year',
      `<div class="grayBox"><p><strong>PLEASE NOTE:</strong> All opinions on this site are slip opinions. A slip opinion is not necessarily the court's final written decision. Slip opinions can be changed by subsequent court orders.</p></div>
      <table border="0" width="100%"><tr><td nowrap><strong>January 2026</strong></td></tr>
      <tr><td class="bg1"><strong>File Date</strong></td><td class="bg1"><strong>Case Info/File</strong></td><td class="bg1"><strong>Div.</strong></td>
      <td class="bg1"><strong>Case Title</strong></td><td class="bg1"><strong>File Contains</strong></td></tr>
      <tr><td>Jan. 05, 2026</td><td><a href="/opinions/?filename=873903MAJ">87390-3</a>&nbsp;&nbsp;<a href="/opinions/pdf/873903.pdf"><img src="/images/iconPDF.gif"></a></td>
      <td>I</td><td>In The Matter Of The Parental Rights To J.h.w., Jr.</td><td>Majority Opinion</td></tr></table>`,
    );
    const out = extract(html, 'https://www.courts.wa.gov/opinions/index.cfm?fa=opinions.byYear&fileYear=2026');
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt])).toEqual([
      ['In The Matter Of The Parental Rights To J.h.w., Jr.', '87390-3', '2026-01-05T00:00:00-08:00'],
    ]);
    expect(JSON.stringify(out.issues)).not.toContain('PLEASE NOTE');

    // The same shape atop a case's own page, with the case's progress below it: the detail page of that case.
    const detail = page(
      'Case 1150526-00387',
      `<table><thead><tr><th>Case Number</th><th>Case Title</th><th>File Date</th></tr></thead>
      <tbody><tr><td>1150526-00387</td><td>Street light out at Songjiang Rd lane 133</td><td>05/26/2026</td></tr></tbody></table>
      <h3>Progress</h3><ul class="timeline"><li><span class="time">05/27/2026 14:20</span>
      <p>Inspected on site; the lamp will be replaced before June 3.</p></li>
      <li><span class="time">05/29/2026 09:00</span><p>Lamp replaced, case closed.</p></li></ul>`,
    );
    const one = extract(detail, 'https://city.example.gov/case/1150526-00387');
    expect(one.kind).toBe('detail');
    expect(one.issues).toHaveLength(1);
    expect(one.issues[0]!.updates.map((u) => u.text)).toEqual([
      'Inspected on site; the lamp will be replaced before June 3.',
      'Lamp replaced, case closed.',
    ]);
  });

  it("a docket opens with its number and caption, and its entries are the case's history (us-pacer-nysd-docket-history-485885)", () => {
    const entry = (n: number, date: string, text: string) =>
      `<tr valign="top"><td align="center"><a href="/doc1/12712158${n}">${n}</a></td>
      <td><table width="100%"><tbody><tr><td><i>Filed &amp; Entered: &nbsp;</i></td><td align="right">${date}</td></tr></tbody></table></td>
      <td><a href="javascript:DktText('1','485885','${n}')"><img src="/graphics/silverball.gif" alt="Docket Text"></a> ${text}</td></tr>`;
    const html = `<head><title>SDNY CM/ECF Version 6.1.1-History/Documents Query</title></head><body>
      <div id="cmecfMainContent"><center><b><font size="+1">1:17-cv-10085-VSB</font></b> Aude v. Kobe Steel, Ltd. et al<br>Vernon S. Broderick, presiding<br>
      <b>Date filed:</b> 12/26/2017<br><b>Date of last filing:</b> 12/27/2017<br></center><br>
      <h2 align="center">Documents</h2><center><table border="1"><tbody><tr><th>Doc.<br>No.</th><th>Dates</th><th>Description</th></tr>
      ${entry(1, '12/26/2017', 'Complaint')}${entry(2, '12/26/2017', 'Civil Cover Sheet')}${entry(4, '12/27/2017', 'Summons Issued')}
      </tbody></table></center></div></body>`;
    const out = extract(html, 'https://ecf.nysd.uscourts.gov/cgi-bin/HistDocQry.pl?485885');
    expect(out.issues).toHaveLength(1);
    const c = out.issues[0]!;
    expect([c.title, c.source.caseNumber, c.reportedAt]).toEqual([
      'Aude v. Kobe Steel, Ltd. et al',
      '1:17-cv-10085-VSB',
      '2017-12-26T00:00:00-05:00',
    ]);
    expect(c.updates.map((u) => [u.at, u.text.trim()])).toEqual([
      ['2017-12-26T00:00:00-05:00', 'Complaint'],
      ['2017-12-26T00:00:00-05:00', 'Civil Cover Sheet'],
      ['2017-12-27T00:00:00-05:00', 'Summons Issued'],
    ]);
  });

  it('rows whose cells show a caption, a docket number and a date are cases, whatever the headings say (us-ca11-published-opinions-by-name, us-gaappeals-docket-date-results)', () => {
    // The Eleventh Circuit's rows under headings no dictionary knows.
    const row = (name: string, appeal: string, date: string) =>
      `<tr><td><a href="files/${appeal}.pdf">${name}</a></td><td>${appeal}</td><td>NEW</td><td>${date}</td></tr>`;
    const html = page(
      'Opinions',
      `<table><tr><th>Names</th><th>Appeal</th><th>Kind</th><th>Released</th></tr>
      ${row('Entela Ruga v. U.S. Attorney General', '13-14377', '07-02-2014')}
      ${row('Jose Fernando Castillo v. U.S. Attorney General', '13-13445', '06-27-2014')}
      ${row('In re Vaquera', '13-10066', '06-20-2014')}</table>`,
    );
    const out = extract(html, 'http://media.ca11.uscourts.gov/opinions/pub/logname.php');
    const files = 'http://media.ca11.uscourts.gov/opinions/pub/files';
    expect(out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt, i.source.url])).toEqual([
      ['Entela Ruga v. U.S. Attorney General', '13-14377', '2014-07-02T00:00:00-04:00', `${files}/13-14377.pdf`],
      [
        'Jose Fernando Castillo v. U.S. Attorney General',
        '13-13445',
        '2014-06-27T00:00:00-04:00',
        `${files}/13-13445.pdf`,
      ],
      ['In re Vaquera', '13-10066', '2014-06-20T00:00:00-04:00', `${files}/13-10066.pdf`],
    ]);

    // Repeated blocks: a caption link over a line with the number and the date.
    const block = (name: string, n: string, date: string) =>
      `<li class="opinion"><a href="/op/${n}">${name}</a><br><span>No. ${n} · Decided ${date}</span></li>`;
    const blocks = page(
      'Court of Appeals of Georgia',
      `<h1>Recent opinions</h1><ul>${block('CECIL LAMAR SUMMERVILLE v. THE STATE', 'A14A1345', 'July 17, 2014')}
      ${block("ROBERT N. SCOTT v. SAPP'S WRECKER SERVICE ET AL.", 'A14A1744', 'July 16, 2014')}</ul>`,
    );
    const two = extract(blocks, 'http://www.gaappeals.us/opinions/');
    expect(two.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt])).toEqual([
      ['CECIL LAMAR SUMMERVILLE v. THE STATE', 'A14A1345', '2014-07-17T00:00:00-04:00'],
      ["ROBERT N. SCOTT v. SAPP'S WRECKER SERVICE ET AL.", 'A14A1744', '2014-07-16T00:00:00-04:00'],
    ]);

    // A header table that names the number but not the case or its date: those columns are read by their cells.
    const partly = page(
      'Decisions',
      `<table><tr><th>Case Number</th><th>Parties Below</th><th>Released</th></tr>
      <tr><td>S275940</td><td>P. v. McDavid</td><td>Apr 29, 2024</td></tr>
      <tr><td>S277120A</td><td>Ruelas v. County of Alameda</td><td>Apr 22, 2024</td></tr></table>`,
    );
    const three = extract(partly, 'https://www.courts.ca.gov/decisions');
    expect(three.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt])).toEqual([
      ['P. v. McDavid', 'S275940', '2024-04-29T00:00:00-07:00'],
      ['Ruelas v. County of Alameda', 'S277120A', '2024-04-22T00:00:00-07:00'],
    ]);
  });

  it("a docket report's numbered entries (`Date Filed | # | Docket Text`) are the case's history, not cases (us-pacer-nysd-docket-history-485885)", () => {
    const entry = (date: string, n: number, text: string) =>
      `<tr><td>${date}</td><td><a href="/doc1/${n}">${n}</a></td><td>${text}</td></tr>`;
    const html = `<html><head><title>CM/ECF LIVE - U.S. District Court</title></head><body>
      <center><b>1:17-cv-10085-VSB</b> Aude v. Kobe Steel, Ltd. et al<br><b>Date filed:</b> 12/26/2017</center>
      <table border="1"><tr><th>Date Filed</th><th>#</th><th>Docket Text</th></tr>
      ${entry('12/26/2017', 1, 'COMPLAINT against Kobe Steel, Ltd. Filed by Aude.')}
      ${entry('12/26/2017', 2, 'CIVIL COVER SHEET filed.')}
      ${entry('12/27/2017', 3, 'SUMMONS ISSUED as to Kobe Steel, Ltd.')}</table></body></html>`;
    const out = extract(html, 'https://ecf.nysd.uscourts.gov/cgi-bin/DktRpt.pl?485885');
    expect(out.kind).toBe('detail');
    expect(out.issues).toHaveLength(1);
    expect([out.issues[0]!.title, out.issues[0]!.source.caseNumber]).toEqual([
      'Aude v. Kobe Steel, Ltd. et al',
      '1:17-cv-10085-VSB',
    ]);
    expect(out.issues[0]!.updates.map((u) => [u.at, u.text])).toEqual([
      ['2017-12-26T00:00:00-05:00', 'COMPLAINT against Kobe Steel, Ltd. Filed by Aude.'],
      ['2017-12-26T00:00:00-05:00', 'CIVIL COVER SHEET filed.'],
      ['2017-12-27T00:00:00-05:00', 'SUMMONS ISSUED as to Kobe Steel, Ltd.'],
    ]);
  });

  it('docket numbers have named forms; dates, bill numbers and phone numbers are none of them', () => {
    for (const n of [
      '1:17-cv-10085-VSB',
      '8:12-cr-00169-EAK-MAP-1',
      '13-14377',
      'S275940',
      'S277120A',
      'A14D0427',
      '87390-3',
      '01-13-00123-CV',
      '2013-CA-01234-SCT',
      '20220123-SC',
      'Ken-13-123',
      '13-P-1234',
      'SJC-12345',
    ])
      expect(isDocketNumber(n), n).toBe(true);
    for (const n of ['07-02-2014', '2024', 'HB 3623', '0121-675', '2026-05-26', 'A095-969-131x', 'PDF'])
      expect(isDocketNumber(n), n).toBe(false);
    expect(leadingDocketNumber('S275940 [PDF] [DOC]')).toBe('S275940');
    expect(leadingDocketNumber('HB 3623')).toBeUndefined();
    expect(docketNumberOf('No. 13-1234')).toBe('13-1234');
    expect(docketNumberOf('Case No. S275940')).toBe('S275940');
    expect(docketNumberOf('No. 5')).toBeUndefined();
    expect(docketNumberIn('No. 13-14377 · Decided July 2, 2014')).toBe('13-14377');
    expect(isCaseCaption('People v Amado')).toBe(true);
    expect(isCaseCaption('In re Vaquera 2/5/24 SC')).toBe(true);
    expect(isCaseCaption('Vernon S. Broderick, presiding')).toBe(false);
  });

  it("a state's own domain, or a district court's, names the state's zone (us-cal-…, us-wa-courts-…)", () => {
    const zone = (url: string) => pageDateContext({ url }).zone;
    expect(zone('https://www.courts.ca.gov/opinions-slip.htm')).toEqual({ iana: 'America/Los_Angeles' });
    expect(zone('https://www.courts.wa.gov/opinions/')).toEqual({ iana: 'America/Los_Angeles' });
    expect(zone('https://iapps.courts.state.ny.us/lawReporting/Search')).toEqual({ iana: 'America/New_York' });
    expect(zone('https://www.ci.denver.co.us/')).toEqual({ iana: 'America/Denver' });
    expect(zone('https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl')).toEqual({ iana: 'America/Los_Angeles' });
    // `ca11` is the Eleventh Circuit (Atlanta), not California; a federal domain keeps the Eastern default.
    expect(zone('http://media.ca11.uscourts.gov/opinions/pub/logname.php')).toEqual({ iana: 'America/New_York' });
    expect(zone('https://www.example.gov/')).toEqual({ iana: 'America/New_York' });
  });
});
