import { describe, expect, it } from 'vitest';
import { splitCitation } from './courts';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { pageDateContext } from './zones';

/** Causes found on the held-out-5 court pages once they had been scored (citations, territories, dockets). */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const rows = (out: ReturnType<typeof extract>) => out.issues.map((i) => [i.title, i.source.caseNumber, i.reportedAt]);

describe('real causes: held-out-5 court pages', () => {
  it('a neutral citation after a caption is the case number (us-sd-supreme-opinions-2021)', () => {
    const row = (date: string, name: string, n: string) =>
      `<tr><td>${date}</td><td><strong><a href="/m/${n}.pdf">${name}, 2021 S.D. ${n}<span class="file-icon"></span></a></strong></td><td>${n}</td></tr>`;
    const html = page(
      'Opinions',
      `<h1>Supreme Court Opinions</h1><table><thead><tr><th>Date</th><th>Title</th><th>Number</th></tr></thead><tbody>
      ${row('12/22/2021', 'KOENIG v. LONDON', '69')}${row('12/15/2021', 'STATE v. GUZIAK', '68')}
      ${row('10/13/2021', 'BATCHELDER v. BATCHELDER', '60')}</tbody></table>`,
    );
    expect(rows(extract(html, 'https://ujs.sd.gov/supreme-court/opinions/?year=2021'))).toEqual([
      ['KOENIG v. LONDON', '2021 S.D. 69', '2021-12-22T00:00:00-06:00'],
      ['STATE v. GUZIAK', '2021 S.D. 68', '2021-12-15T00:00:00-06:00'],
      ['BATCHELDER v. BATCHELDER', '2021 S.D. 60', '2021-10-13T00:00:00-05:00'],
    ]);
  });

  it('other courts’ citations in a list of paragraphs, and what is no citation', () => {
    const p = (name: string, date: string) => `<li><a href="/o.pdf">${name}</a> — decided ${date}</li>`;
    const html = page(
      'Opinions 2014',
      `<h1>Opinions 2014</h1><ul>${p('State v. Fox 2014 ME 74', 'May 20, 2014')}
      ${p('Doe v. Roe, 2019 UT 12', 'March 1, 2019')}${p('In re Kaipat, 2022 MP 9', 'June 2, 2022')}</ul>`,
    );
    expect(rows(extract(html, 'https://www.courts.example.org/opinions')).map((r) => r.slice(0, 2))).toEqual([
      ['State v. Fox', '2014 ME 74'],
      ['Doe v. Roe', '2019 UT 12'],
      ['In re Kaipat', '2022 MP 9'],
    ]);
    // A title that is no caption and has no comma before the figures keeps them; an old year is no citation.
    expect(splitCitation('Budget hearing 2021 FY 3')).toBeUndefined();
    expect(splitCitation('Smith v. Jones, 1880 US 5')).toBeUndefined();
  });

  it('a hyphenated citation is a case number and a CNMI page is on Saipan time (us-cnmi-supreme-slip-opinions-2022)', () => {
    const row = (name: string, n: string, date: string) =>
      `<tr><td>${name}</td><td>${n}</td><td>${date}</td><td>Castro, Manglona</td><td><a href="/pdf/${n}.pdf"><img src="a.gif"></a></td></tr>`;
    const html = page(
      'CNMILRC | Home',
      `<table><thead><tr><th>Case Name:</th><th>Case File:</th><th>Case Date:</th><th>Justice:</th><th>Download:</th></tr></thead>
      <tbody>${row('Commonwealth v. Kaipat', '2022-MP-09', '2022-12-31')}${row('Castro v. Telesource', '2022-MP-07', '2022-11-29')}
      ${row('Takasi v. Yoshizawa', '2022-MP-01', '2022-02-12')}</tbody></table>`,
    );
    expect(rows(extract(html, 'https://www.cnmilaw.org/spm2022.php'))).toEqual([
      ['Commonwealth v. Kaipat', '2022-MP-09', '2022-12-31T00:00:00+10:00'],
      ['Castro v. Telesource', '2022-MP-07', '2022-11-29T00:00:00+10:00'],
      ['Takasi v. Yoshizawa', '2022-MP-01', '2022-02-12T00:00:00+10:00'],
    ]);
  });

  it('the other US territories: by domain, by country code, by the address a page prints', () => {
    const zone = (url: string, text = '') => pageDateContext({ url, text, lang: 'en' }).zone;
    expect(zone('https://www.guamcourts.org/opinions')).toEqual({ iana: 'Pacific/Guam' });
    expect(zone('https://www.justice.gov.mp/opinions')).toEqual({ iana: 'Pacific/Saipan' });
    expect(zone('https://www.courts.example.com/', 'Supreme Court, St. Thomas, VI 00802')).toEqual({
      iana: 'America/St_Thomas',
    });
    expect(zone('https://www.hc.example.org/', 'Pago Pago, AS 96799')).toEqual({ iana: 'Pacific/Pago_Pago' });
    // A state's letters and ZIP code are an address too (since b8: us-gcrta-board-meeting-2024-07-30); a state
    // named in passing, with no ZIP code, is not, and the old default stands.
    expect(zone('https://www.example.org/', 'Springfield, IL 62701')).toEqual({ iana: 'America/Chicago' });
    expect(zone('https://www.example.org/', 'a visitor from Springfield, Illinois')).toEqual({ offset: 0 });
  });

  it('a docket: `No.` and its number, a caption over lines, the proceedings table as updates (us-scotus-docket-17-5574)', () => {
    const entry = (d: string, t: string) =>
      `<tr><td width="200">${d}</td><td>${t}</td></tr><tr><td class="borderbttm"></td><td class="borderbttm"></td></tr>`;
    const html = page(
      'Search Results',
      `<table id="docketinfo"><tr><td colspan="2"><span class="DocketInfoTitle">No. 17-5574 <br></span></td></tr>
      <tr><td><span>Title:</span></td><td><span class="title">Samuel Allen Taylor, Petitioner<br> v. <br>North Carolina</span></td></tr>
      <tr><td><span>Docketed:</span></td><td><span>August 14, 2017</span></td></tr>
      <tr><td><span>Lower Ct:</span></td><td><span>Court of Appeals of North Carolina</span></td></tr>
      <tr><td><span>Decision Date:</span></td><td><span>January 17, 2017</span></td></tr></table>
      <table id="proceedings"><tr><td><span>Date</span></td><td><span>Proceedings and Orders</span></td></tr>
      ${entry('Jul 30 2017', 'Petition for a writ of certiorari filed.')}${entry('Aug 24 2017', 'Waiver of right of respondent to respond filed.')}
      ${entry('Sep 07 2017', 'DISTRIBUTED for Conference of 9/25/2017.')}${entry('Oct 02 2017', 'Petition DENIED.')}</table>`,
    );
    const [issue] = extract(html, 'https://www.supremecourt.gov/search.aspx?filename=/docket/17-5574.html').issues;
    expect([issue!.title, issue!.source.caseNumber, issue!.reportedAt]).toEqual([
      'Samuel Allen Taylor, Petitioner v. North Carolina',
      '17-5574',
      '2017-08-14T00:00:00-04:00',
    ]);
    // The lower court's `Decision Date:` is no entry of the docket.
    expect(issue!.updates.map((u) => [u.at?.slice(0, 10), u.text])).toEqual([
      ['2017-07-30', 'Petition for a writ of certiorari filed.'],
      ['2017-08-24', 'Waiver of right of respondent to respond filed.'],
      ['2017-09-07', 'DISTRIBUTED for Conference of 9/25/2017.'],
      ['2017-10-02', 'Petition DENIED.'],
    ]);
  });

  it('the same facts in a definition list with an application number and rules as rows of their own', () => {
    const entry = (d: string, t: string) => `<tr><td>${d}</td><td>${t}</td></tr><tr><td><hr></td><td></td></tr>`;
    const html = page(
      'Docket',
      `<div><p><b>No. 22A7</b></p><dl><dt>Title:</dt><dd>In re Smith,<br>Applicant</dd><dt>Docketed:</dt><dd>March 3, 2022</dd></dl>
      <table><tr><th>Date</th><th>Proceedings and Orders</th></tr>${entry('Mar 03 2022', 'Application filed.')}
      ${entry('Mar 10 2022', 'Response requested.')}${entry('Apr 01 2022', 'Application DENIED.')}</table></div>`,
    );
    const [issue] = extract(html, 'https://www.supremecourt.gov/docket/22a7.html').issues;
    expect([issue!.title, issue!.source.caseNumber]).toEqual(['In re Smith, Applicant', '22A7']);
    expect(issue!.updates.map((u) => u.text)).toEqual([
      'Application filed.',
      'Response requested.',
      'Application DENIED.',
    ]);
  });
});
