import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes of the fields still wrong on corpus pages after held-out-3 and held-out-4 were tuned on: each test names the
 * page that showed it, and its markup variants show the rule is not that page's.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string, head = '') =>
  `<html><head><title>${title}</title>${head}</head><body>${body}</body></html>`;
const one = (html: string, url: string) => {
  const out = extract(html, url);
  expect(out.issues).toHaveLength(1);
  return out.issues[0]!;
};

describe('real causes: a register entry (uk-charity-commission-youth-arts-festival)', () => {
  const charityUrl =
    'http://www.charitycommission.gov.uk/showcharity/registerofcharities/charitywithoutpartb.aspx?RegisteredCharityNumber=1132314&SubsidiaryNumber=0';
  const body = (line: string) =>
    `<div id="LeftCol"><ul><li><a href="/home">Register of Charities home</a></li></ul></div>
    <div class="CentrePanelContent"><div class="StatusTextContainer">${line}
    <div class="Legend">NEWLY REGISTERED</div></div>
    <div class="holder"><span class="widelabel"><label>Activities</label></span>
    <span><textarea readonly>NO INFORMATION RECORDED</textarea></span></div></div>`;

  it('the number the address names, shown with a name on one line, is the case number and the name its title', () => {
    const html = page(
      'Charity overview',
      body(`<div class="Charity"><div><div class="StatusCharityNo">1132314&nbsp;-&nbsp;</div>
      <div class="StatusCharityName"> YOUTH ARTS FESTIVAL ${' '.repeat(130)}</div></div></div>`),
      '<meta name="DC.Title" content=" About Charities">',
    );
    const issue = one(html, charityUrl);
    // Before: `About Charities` (the site's section, from DC.Title) and no number.
    expect(issue.title).toBe('YOUTH ARTS FESTIVAL');
    expect(issue.source.caseNumber).toBe('1132314');
  });

  it('holds for a name before its number in brackets and for a `caseNo` parameter', () => {
    const html = page(
      'Company overview - Register',
      `<div class="entry"><p><span>ACME HOUSING TRUST LIMITED</span> (<span>04567890</span>)</p>
      <p>Registered office: 1 High Street, Leeds</p></div>`,
    );
    const issue = one(html, 'https://register.example.gov.uk/entry.aspx?companyNo=04567890');
    expect(issue.title).toBe('ACME HOUSING TRUST LIMITED');
    expect(issue.source.caseNumber).toBe('04567890');
  });

  it('a number the page shows only as a link, or a parameter that numbers rows, gives nothing', () => {
    const linked = page(
      'Charity overview',
      `<h1>Register of Charities</h1><p>Charities registered this week are listed below with links to their entries.</p>
      <ul><li><a href="?RegisteredCharityNumber=1132314">1132314 - YOUTH ARTS FESTIVAL</a></li>
      <li><a href="?RegisteredCharityNumber=1132315">1132315 - KINGSTON CHOIR</a></li></ul>`,
    );
    expect(
      one(linked, 'https://register.example.gov.uk/x.aspx?RegisteredCharityNumber=1132314').source.caseNumber,
    ).toBeUndefined();
    const rowId = page('Charity overview', '<div><div>1132314 - </div><div>YOUTH ARTS FESTIVAL</div></div>');
    const issue = one(rowId, 'https://register.example.gov.uk/x.aspx?id=1132314');
    expect(issue.source.caseNumber).toBeUndefined();
    expect(issue.title).not.toBe('YOUTH ARTS FESTIVAL');
  });

  it('a notice of what the browser needs (Flash, JavaScript) is never the description', () => {
    const notices = [
      'This screen uses the Adobe Flash Player to display charts of this data. If you cannot see these charts you can get the Adobe Flash Player by clicking the logo on the right.',
      'Your browser does not support the features this page needs. Please upgrade your browser to see the charts of income and spending.',
      '为了获得更好的浏览体验，请升级您的浏览器，或在浏览器设置中启用JavaScript后刷新本页面，谢谢合作。',
    ];
    for (const notice of notices) {
      const html = page(
        'Charity overview',
        body(`<div><div>1132314 - </div><div>YOUTH ARTS FESTIVAL</div></div>`) +
          `<div class="ChartsFullWidthContainer"><div class="GetFlashPlayerText">${notice}</div></div>`,
      );
      expect(one(html, charityUrl).description ?? '').not.toContain(notice.slice(0, 30));
    }
  });
});

describe('real causes: a Civica application (au-lanecove-civica-application-details, au-burwood-…)', () => {
  const row = (key: string, value: string) =>
    `<p class="rowDataOnly"><span class="key">${key}</span><span class="inputField">${value}</span></p>`;
  const details = (rows: string) =>
    page('Lane Cove Council - Application Enquiry', `<h2>Application Information</h2>${rows}`);
  const url = 'http://ecouncil.lanecove.nsw.gov.au/eservice/dialog/daEnquiryDetails.do?index=0';

  it('`Property Details` is the site; the applicant’s address is not', () => {
    const issue = one(
      details(
        row('Property Details', '85 Austin Street LANE COVE  NSW  2066') +
          row('Type of Work', 's4.55 Modification of consent - Various amendments') +
          row('Application No.', '164/2017') +
          row('Applicant', 'Dieppe Design Pty Ltd') +
          row('Applicant Address', '7 Armstrong Street WILLOUGHBY  NSW  2068'),
      ),
      url,
    );
    expect(issue.location.address).toContain('85 Austin Street LANE COVE');
  });

  it('a party’s address is never the location, in English or Chinese, whatever the order', () => {
    for (const [label, site] of [
      ['Postal Address', 'Site Address'],
      ['Owner Address', 'Property Address'],
      ['联系地址', '问题地址'],
      ['通讯地址', '发生地点'],
    ] as const) {
      const issue = one(
        details(
          row(label, '7 Armstrong Street WILLOUGHBY NSW 2068') +
            row(site, '85 Austin Street LANE COVE NSW 2066') +
            row('Application No.', '164/2017'),
        ),
        url,
      );
      expect(issue.location.address, label).toContain('85 Austin Street');
    }
    // Alone, the applicant's address still says nothing of the site.
    const only = one(details(row('Applicant Address', '7 Armstrong Street') + row('Application No.', '164/2017')), url);
    expect(only.location.address).toBeUndefined();
  });
});

describe('real causes: a meeting body’s page (us-chicago-plan-commission-meetings)', () => {
  const lead =
    'The Chicago Plan Commission is responsible for the review of proposals that involve Planned Developments (PDs), the Lakefront Protection Ordinance and Planned Manufacturing Districts. It also reviews proposed sales and acquisitions of public land.';
  const members = ['Rahm Emanuel, Mayor', 'Edward Burke, Alderman', 'Walter Burnett, Jr., Alderman'];
  const names = [...members, ...members, ...members, ...members].map((m) => `<li>${m}</li>`).join('');
  const dots = '<p><span class="white">......................................................</span></p>';
  const docs = ['Intake Submission Checklist', 'Planned Development Statements', 'M/WBE Local Hiring Affidavit']
    .map((d) => `<p>${d} <a href="/${d.length}.pdf">(PDF)</a></p>${dots}`)
    .join('');

  it('the lead paragraph is the description, not a list of members nor a panel of documents cut by dotted rules', () => {
    const html = page(
      'City of Chicago :: Chicago Plan Commission',
      `<h1 class="page-heading">Chicago Plan Commission</h1>
      <div class="page-full-description-above"><p>Contact: 312.744.4182</p><p>${lead}</p>
      <h3>Members</h3><table><tr><td>Ex-Officio<ul class="bodytext">${names}</ul></td></tr></table></div>
      <div class="panel-body"><p><strong>See Also:</strong></p>${docs}${docs}</div>`,
    );
    expect(
      one(html, 'https://chicago.gov/city/en/depts/dcd/supp_info/chicago_plan_commission.html').description,
    ).toContain('is responsible for the review of proposals');
  });

  it('a department given as a body over its division is the body', () => {
    const facts = (tag: string) =>
      `<${tag} class="white">Department:</${tag}><ul><li class="thefacts-levelone"><a href="/dcd">Planning and Development</a></li>
      <li class="thefacts-leveltwo"><a href="/dcd/lupp">Land Use Planning and Policy</a></li></ul>`;
    for (const tag of ['h4', 'strong', 'label']) {
      const html = page(
        'City of Chicago :: Chicago Plan Commission',
        `<h1>Chicago Plan Commission</h1><div class="main"><p>${lead}</p></div><div class="thefacts"><div>${facts(tag)}</div></div>`,
      );
      const issue = one(html, 'https://chicago.gov/city/en/depts/dcd/supp_info/chicago_plan_commission.html');
      expect(issue.department, tag).toBe('Planning and Development');
    }
  });
});

describe('real causes: a court list row (us-virginia-cav-opinions-2013)', () => {
  it('a summary longer than a caption, under the last row, is still the row’s description', () => {
    const long =
      'Trial court did not err in revoking appellant’s suspended sentence and probation where trial court had authority to consider entire period of time from original suspension of appellant’s sentence in 2007 through the revocation hearing in 2012 and was not limited to reconsidering the terms of the 2011 suspension';
    const p = (n: string, name: string, summary: string) =>
      `<p><a href="opinions/${n}.pdf">${n}</a> <b>${name}</b> 09/24/2013\n<br>${summary}\n`;
    const html = page(
      'Court of Appeals of Virginia Unpublished Opinions',
      `<h1>Court of Appeals of Virginia Unpublished Opinions</h1><div>
      ${p('1350122', 'Damon Jamel Bradshaw v. Commonwealth of Virginia', 'Trial court did not err in denying the motion')}
      ${p('1452122', 'Lee Alden Mooney v. Commonwealth of Virginia', long)}
      <br><!------ END OF CONTENT ------><br></div>`,
    );
    const out = extract(html, 'http://www.courts.state.va.us/wpcap.htm');
    expect(out.issues.map((i) => i.description)).toEqual(['Trial court did not err in denying the motion', long]);
  });
});

describe('real causes: a district docket report (us-pacer-nysd-docket-441170)', () => {
  const docket = (title: string, header: string, numbers: [string, string], extra = '') =>
    page(
      title,
      `<div class="noprint"><div id="topmenu"><ul><li><a href="/q">Query</a></li><li><a href="/r">Reports</a></li></ul></div></div>
      <div id="cmecfMainContent"><table><tr><td align=right><span>CLOSED</span></td></tr></table>
      <h3 align=center>U.S. District Court<br>Southern District of New York (Foley Square)<br>
      CIVIL DOCKET FOR CASE #: 1:15-mc-00105-P1</h3>
      <table><tr><td><br>In the Matter of Closed-Circuit Audio Feed of Court Proceedings<br>Assigned to: Judge Part One</td>
      <td><br>Date Filed: 04/20/2015<br>${extra}</td></tr></table>
      <table border=1><tr><td style="font-weight:bold">Date Filed</td><th>${header}</th><td style="font-weight:bold">Docket Text</td></tr>
      <tr><td>04/20/2015</td><td><a href="/doc1/1">${numbers[0]}</a>&nbsp;</td><td>STANDING ORDER M10-468 Closed Circuit Audio and Video Feed (Entered: 04/20/2015)</td></tr>
      <tr><td>03/15/2018</td><td>${numbers[1]}&nbsp;</td><td><b>***DELETED DOCUMENT. Deleted document number [ORDER] 2.</b> (Entered: 04/09/2018)</td></tr>
      </table></div>`,
    );
  const url = 'https://ecf.nysd.uscourts.gov/cgi-bin/DktRpt.pl?441170';

  it('the caption on its own line is the title, not the <title> naming the court’s system and its version', () => {
    for (const title of ['SDNY CM/ECF Version 6.2.1', 'CM/ECF - District Version 1.8', 'ECF v6.3.2']) {
      const issue = one(docket(title, '#', ['1', '']), url);
      expect(issue.title, title).toBe('In the Matter of Closed-Circuit Audio Feed of Court Proceedings');
      expect(issue.source.caseNumber).toBe('1:15-mc-00105-P1');
    }
  });

  it('a caption line names a page only when a docket number numbers it', () => {
    const news = page(
      'Court hears appeal - City News',
      `<h1>Court hears appeal</h1><p>Smith v. Jones Corporation and others</p>
      <p>The court heard the appeal on Monday. Lawyers for both sides argued for two hours, and a decision is expected soon.</p>`,
    );
    expect(one(news, 'https://news.example.com/court-hears-appeal').title).toBe('Court hears appeal');
  });

  it('a `#` column of entry numbers with a blank (a deleted entry) numbers the entries: they are the updates', () => {
    for (const header of ['#', 'No.']) {
      const issue = one(docket('SDNY CM/ECF Version 6.2.1', header, ['1', '']), url);
      expect(
        issue.updates.map((u) => [u.at, u.text.slice(0, 20)]),
        header,
      ).toEqual([
        ['2015-04-20T00:00:00-04:00', 'STANDING ORDER M10-4'],
        ['2018-03-15T00:00:00-04:00', '***DELETED DOCUMENT.'],
      ]);
    }
  });

  it('a docket that shows the day it ended is closed', () => {
    expect(one(docket('SDNY CM/ECF Version 6.2.1', '#', ['1', '']), url).status).not.toBe('closed');
    for (const ended of ['Date Terminated: 04/20/2015', 'Date Closed: 04/20/2015', 'Termination Date: 04/20/2015']) {
      const issue = one(docket('SDNY CM/ECF Version 6.2.1', '#', ['1', ''], ended), url);
      expect(issue.status, ended).toBe('closed');
    }
  });
});
