import { describe, expect, it } from 'vitest';
import { ONE_RESULT } from './card-lists';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes found on the council pages of batch b5-au (issue 18): Civica Authority e-Services enquiry results and
 * MasterView Application Tracker application details. Each test names the page that showed the cause.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

// A Civica e-Services results page: a sort form of radio buttons, then each application an `<h4>` address link over
// `<span class="key">` / `<span class="inputField">` pairs, the rows not wrapped per application.
const sortForm = `<form name="registerEnquirySortForm" method="post" action="/eservice/daEnquirySort.do"><fieldset>
<legend>Sort</legend>${['Received Date', 'Location', 'Application No.', 'Suburb', 'Unit/House Number', 'Street']
  .map(
    (l, i) =>
      `<span><input type="radio" name="sortBy" value="${i + 1}" id="s${i}"${i === 1 ? ' checked' : ''}/><label for="s${i}">${l}</label></span>`,
  )
  .join('\n')}<input type="submit" name="submit" value="Sort" class="button" /></fieldset></form>`;
const key = (k: string, v: string) =>
  `<p class="rowDataOnly"><span class="key">${k}</span><span class="inputField">${v}</span></p>`;
const civicaRow = (i: number, address: string, fields: Array<[string, string]>) =>
  `<h4 class="non_table_headers"><a class="plain_header" href="/eservice/daEnquiryDetails.do?index=${i}">${address}</a></h4><div>${fields
    .map(([k, v]) => key(k, v))
    .join('')}</div><p class="rowDataOnly"> </p>`;
const civicaPage = (title: string, count: string, rows: string) => `<html><head><title>${title}</title></head><body>
<div id="menus-toggle"><a href="#">Hide Menus</a></div>
<h1>Planning Application Enquiry</h1>
<div class="infopanel"><h4 class="entryHeader">Instructions</h4><p>Click on the Planning Application to see further
detail.</p><p><label>${count}</label></p>${sortForm}</div>
<div class="bodypanel"></div><div>${rows}<div class="button-panel"><a href="/eservice/daEnquiryInit.do">New Search</a></div></div>
</body></html>`;
const CIVICA_URL = 'https://eservice.example.vic.gov.au/eservice/daEnquiry.do?dateFrom=15/04/2019&dateTo=15/05/2019';

describe('real causes: council enquiry results and application details (b5-au)', () => {
  it('cards that share their number and date are cards even when only some carry a determination', () => {
    // au-whittlesea-civica-planning-enquiry-results: `Determination Details` / `Date` only under decided rows.
    const decided: Array<[string, string]> = [
      ['Determination Details', 'Completed'],
      ['Determination Date', '27/05/2019'],
    ];
    const rows = [
      ['18 Arte Walk WOLLERT  VIC  3750', 'Secondary consent', '717649/2018', '06/05/2019', true],
      ['11 Constance Court EPPING  VIC  3076', 'Construction of two warehouses', '718492/2019', '01/05/2019', false],
      ['475 Cooper Street EPPING  VIC  3076', 'Industry and Amendment', '711082/2008', '03/05/2019', false],
      ['543 Cooper Street EPPING  VIC  3076', 'Amendment', '717436/2018', '03/05/2019', true],
      ['290 Craigieburn Road WOLLERT  VIC  3750', 'Secondary Consent', '716603/2017', '29/04/2019', false],
    ] as const;
    const html = civicaPage(
      '',
      'Documents Found 5',
      rows
        .map(([address, work, no, lodged, done], i) =>
          civicaRow(i, address, [
            ['Type of Work', work],
            ['Application No.', no],
            ['Date Lodged', lodged],
            ['Cost of Work', '$0.00'],
            ...(done ? decided : []),
          ]),
        )
        .join(''),
    );
    const { issues } = extract(html, CIVICA_URL);
    expect(issues.map((i) => i.source.caseNumber)).toEqual(rows.map((r) => r[2]));
    expect(issues[0]).toMatchObject({
      title: '18 Arte Walk WOLLERT VIC 3750',
      description: 'Secondary consent',
      reportedAt: '2019-05-06T00:00:00+10:00',
      status: 'resolved',
    });
    // `Type of Work` is the proposal (au-orange-civica-da-enquiry-results), `Cost of Work` no part of the case.
    expect(issues[1]!.description).toBe('Construction of two warehouses');
    expect(JSON.stringify(issues)).not.toContain('Cost of Work');
    expect(issues[1]!.status).toBe('new');
  });

  it('a search that found one application gives that card, titled by its address, not the page', () => {
    // au-burwood-civica-da-search-results: `Results: 1`, one card under its `<h4>` link.
    const html = civicaPage(
      'Burwood A6 **live**',
      'Results:&nbsp;1',
      civicaRow(0, '42-50 Railway Parade BURWOOD  NSW  2134', [
        ['Type of Work', 'Creation of Shop 52 A. Fitout and change of use to a dance studio'],
        ['Applicant', 'Dorothy Cowie School of Dancing'],
        ['Application No.', '41/2019'],
        ['Date Lodged', '15/05/2019'],
        ['Determination Details', 'Approved by Delegated Authority'],
      ]),
    );
    const { issues } = extract(html, 'https://ecouncil.example.nsw.gov.au/eservice/daEnquiry.do');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      title: '42-50 Railway Parade BURWOOD NSW 2134',
      source: { caseNumber: '41/2019' },
      reportedAt: '2019-05-15T00:00:00+10:00',
      status: 'resolved',
      location: { address: '42-50 Railway Parade BURWOOD NSW 2134' },
    });
    expect(JSON.stringify(issues)).not.toContain('Hide Menus');
  });

  it('`Results: 1` says one record was found, `Results 1 - 10 of 43` a page of a longer list', () => {
    for (const t of ['Results:\u00a01', 'Documents Found 1', '1 record found', '共 1 条'])
      expect(ONE_RESULT.test(t), t).toBe(true);
    for (const t of ['Results 1 - 10 of 43', 'Results 1 to 10', 'Documents Found 12', 'Results: 1,204']) {
      expect(ONE_RESULT.test(t), t).toBe(false);
    }
  });

  it('a page saying it found one result but showing no card of one stays the page', () => {
    const html = `<html><head><title>Noise complaint at the depot</title></head><body><h1>Noise complaint at the depot</h1>
<p>Results: 1</p><p>Residents near the council depot report trucks idling before 6 am every weekday, with engines
running for an hour. They ask for the start time to be moved back to 7 am.</p></body></html>`;
    const { issues } = extract(html, 'https://www.example.nsw.gov.au/complaints/881');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.description).toContain('Residents near the council depot');
  });

  it('a radio button or a checkbox is a choice: its value code is no field of the case', () => {
    // au-burwood-civica-da-search-results: `Location` (value `2`) and `Unit/House Number` in the sort form.
    const html = `<html><body><h1>Pothole outside the library</h1>
<form action="/apply.do"><label for="loc">Location</label><input type="radio" id="loc" name="by" value="2">
<label for="no">Reference No.</label><input type="checkbox" id="no" name="x" value="9">
<label for="st">Street address</label><input type="text" id="st" value="12 High Street"></form>
<p>A deep pothole has opened on the kerb side of the road outside the library entrance.</p></body></html>`;
    const { issues } = extract(html, 'https://www.example.nsw.gov.au/report/7');
    expect(issues[0]!.location.address).toBe('12 High Street');
    expect(issues[0]!.source.caseNumber).toBeUndefined();
  });
});

// A MasterView Application Tracker detail page: the heading names the record's kind and its number in brackets, the
// accordion panels are small tables under `<h3>` headings, the <title> names the council and the portal.
const masterview = (
  number: string,
  extra = '',
) => `<html><head><title>Forbes Shire Council - Application Tracker</title></head>
<body><div class="t115-logo"><h2><a href="/"><img src="logo.png" alt="Forbes Shire Council"></a></h2></div>
<div class="sidebar"><h3>Get in touch:</h3><p>Email: council@example.nsw.gov.au</p></div>
<div id="page-wrapper"><div class="page-header"><h2>Application: Development Application (${number})</h2></div>
<h4>Detailed information related to the application:</h4><div><a href="javascript:showAll();">Show All</a></div>
<div id="application">
<h3 id="details"><a href="#">Details</a></h3><div><table><tbody>
<tr><td>Description: </td><td>New Single Dwelling - House for Schulz</td></tr>
<tr><td>Submitted Date: </td><td>06/05/2019</td></tr></tbody></table></div>
<h3 id="properties"><a href="#">Properties</a></h3><div><table><tbody>
<tr><td>36 William St, Forbes 2871 NSW  (Lot: 1 DP: 346103)</td><td></td></tr></tbody></table></div>
<h3 id="decision"><a href="#">Decision</a></h3><div><table><tbody><tr><td>Application Status: Determined</td></tr>
<tr><td>Determination Date: 14/06/2019</td></tr></tbody></table></div>
<h3 id="tracking"><a href="#">Tracking</a></h3><div><table class="table"><thead><tr><th>Description</th>
<th>Commenced Date</th><th>Completed Date</th></tr></thead><tbody>
<tr><td>Lodgement Application Review</td><td>09/05/2019</td><td>15/05/2019</td></tr>
<tr><td>Assessment</td><td>20/05/2019</td><td>11/06/2019</td></tr></tbody></table></div>${extra}
<h3 id="notifiedAddresses"><a href="#">Notified Addresses</a></h3><div><b>No data.</b></div></div></div></body></html>`;
const MV_URL = 'http://planning.example.nsw.gov.au/Application/ApplicationDetails/010.2019.00000046.001';

describe('real causes: MasterView application details (b5-au)', () => {
  it('the heading less its `Application:` label is the title, its bracketed code the number', () => {
    // au-forbes-masterview-da-10-2019-46-details: the <title> only names the council and the portal.
    const { issues } = extract(masterview('10-2019-46-1'), MV_URL);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('Development Application (10-2019-46-1)');
    expect(issues[0]!.source.caseNumber).toBe('10-2019-46-1');
    expect(issues[0]!.status).toBe('resolved');
    expect(issues[0]!.reportedAt).toBe('2019-05-06T00:00:00+10:00');
  });

  it('a table of other records does not give the number the heading shows', () => {
    // au-bogan-masterview-cons-2019-11-details (Related Applications), au-maranoa-… (Documents: `Record Number`).
    const related = `<h3 id="relatedApplications"><a href="#">Related Applications</a></h3><div><table class="table">
<thead><tr><th>Application Type</th><th>Application Number</th></tr></thead>
<tbody><tr><td>Development Application</td><td><a href="/Application/ApplicationDetails/010.2019.00000011.001/">DA 2019/11</a></td></tr></tbody></table></div>
<h3 id="documents"><a href="#">Documents</a></h3><div><table class="table"><thead><tr><th>Record Number</th>
<th>Description</th></tr></thead><tbody><tr><td>D19/47175</td><td>Decision Notice</td></tr></tbody></table></div>`;
    const { issues } = extract(masterview('CONS 2019/11', related), MV_URL);
    expect(issues[0]!.title).toBe('Development Application (CONS 2019/11)');
    expect(issues[0]!.source.caseNumber).toBe('CONS 2019/11');
  });

  it('the first line under a `Properties` heading is the address when it is a street address', () => {
    const { issues } = extract(masterview('2019/36/1'), MV_URL);
    expect(issues[0]!.location.address).toContain('36 William St, Forbes 2871 NSW');
    // A year in brackets is no case number.
    expect(extract(masterview('2019'), MV_URL).issues[0]!.source.caseNumber).toBeUndefined();
  });

  it('a tracking step is dated by its Commenced Date, not its Completed Date', () => {
    const { issues } = extract(masterview('10-2019-46-1'), MV_URL);
    expect(issues[0]!.updates.map((u) => [u.at, u.text])).toEqual([
      ['2019-05-09T00:00:00+10:00', 'Lodgement Application Review'],
      ['2019-05-20T00:00:00+10:00', 'Assessment'],
    ]);
  });
});
