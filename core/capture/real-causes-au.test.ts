import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { mapStatus } from './status';
import { pageDateContext } from './zones';

/** Causes found on the Australian council planning registers of issue 18 (batch held-out-en2). */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

// au-kuringgai-t1-submitted-this-week, au-wangaratta-t1-submitted-last-28-days: a TechnologyOne eProperty result
// grid — sort links as headers, the application number as a `__doPostBack` link, a pager row closing the grid.
const post = (n: string) => `javascript:__doPostBack('ctl00$Content$grid$${n}','')`;
const head = (labels: string[]) =>
  `<tr class="headerRow">${labels.map((l) => `<th scope="col"><a href="${post(`Sort$${l}`)}">${l}</a></th>`).join('')}</tr>`;
const t1Grid = (
  labels: string[],
  rows: string[][],
) => `<html><head><title>eProperty - Application Search Results</title></head>
<body><div id="menu"><a href="/request">Request a Service</a><a href="/chat">Chat with us online</a></div>
<h1>Applications submitted in the last 28 days</h1>
<table class="grid" cellspacing="0">${head(labels)}
${rows
  .map(
    (r, i) =>
      `<tr class="${i % 2 ? 'alternateRow' : 'normalRow'}"><td><a href="${post(`ctl0${i}`)}">${r[0]}</a></td>${r
        .slice(1)
        .map((c) => `<td>${c}</td>`)
        .join('')}</tr>`,
  )
  .join('\n')}
<tr class="pagerRow"><td colspan="${labels.length}"><table border="0"><tr><td><span>1</span></td><td><a href="${post('Page$2')}">2</a></td></tr></table></td></tr>
</table></body></html>`;
const T1_URL = 'https://eservices.example.nsw.gov.au/T1/eTrack/eTrackApplicationSearchResults.aspx?Field=S&Period=L28';

describe('real causes: Australian council planning registers (held-out-en2)', () => {
  it('a TechnologyOne grid is one case per application, day-first dates, no case from its pager row', () => {
    const html = t1Grid(
      [
        'Application Link',
        'Lodgement Date',
        'Description',
        'Group Description',
        'Formatted Address',
        'Applicant Names',
      ],
      [
        [
          'DA0241/19',
          '24/06/2019',
          'Minor external alterations',
          'Development Applications',
          '18 Northcote Avenue KILLARA NSW 2071',
          'A Builder Pty Ltd',
        ],
        [
          'MOD0117/19',
          '4/07/2019',
          'Alterations and additions',
          'Section 4.55 Application',
          '1 Moore Street ROSEVILLE NSW 2069',
          'B Owner',
        ],
        [
          'DA0240/19',
          '12/06/2019',
          'Replacing a retaining wall',
          'Development Applications',
          '37 Crana Avenue EAST LINDFIELD NSW 2070',
          'C Owner',
        ],
      ],
    );
    const { issues } = extract(html, T1_URL);
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['DA0241/19', 'MOD0117/19', 'DA0240/19']);
    expect(issues.map((i) => i.reportedAt)).toEqual([
      '2019-06-24T00:00:00+10:00',
      '2019-07-04T00:00:00+10:00',
      '2019-06-12T00:00:00+10:00',
    ]);
    expect(issues[0]!.description).toBe('Minor external alterations');
    expect(issues[0]!.location?.address).toBe('18 Northcote Avenue KILLARA NSW 2071');
    // The applicant asks for a permit; they are not reporting a problem.
    expect(JSON.stringify(issues)).not.toContain('A Builder');
  });

  it('`Permit No.` / `Lodged` / `Proposal` / `Status` columns, and the register stages as statuses', () => {
    const html = t1Grid(
      ['Permit No.', 'Lodged', 'Applicant Details', 'Proposal', 'Property Address', 'Status'],
      [
        [
          'PlnApp19/128',
          '19/07/2019',
          'Oxley &amp; Company',
          'Development of a Replacement Dwelling',
          '557 Robinson Road BOORHAMAN NORTH VIC 3685',
          'Application Lodged',
        ],
        [
          'PlnApp19/138',
          '18/07/2019',
          'R Farm Services',
          'Demolition of a Building',
          '1 Main Road WANGARATTA VIC 3677',
          'Permit Granted',
        ],
        [
          'PlnApp19/122',
          '4/07/2019',
          'J Morrow',
          'Development of a Dwelling',
          '435 Shanley Street WANGARATTA SOUTH VIC 3678',
          'More Information Required',
        ],
      ],
    );
    const { issues } = extract(
      html,
      'https://eservices.wangaratta.vic.gov.au/eTrack/eTrackApplicationSearchResults.aspx',
    );
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['PlnApp19/128', 'PlnApp19/138', 'PlnApp19/122']);
    expect(issues.map((i) => i.description)).toEqual([
      'Development of a Replacement Dwelling',
      'Demolition of a Building',
      'Development of a Dwelling',
    ]);
    expect(issues.map((i) => i.status)).toEqual(['new', 'resolved', 'in_progress']);
  });

  it('Civica e-Services: each application titled by its `<h2>` address, not its `Make a Comment?` link', () => {
    // au-southperth-civica-advertised-applications: `<h2>` address, then `<span class="key">` / `inputField` pairs.
    const app = (i: number, address: string, no: string, lodged: string, decision: string) =>
      `<h2><a class="plain_header" href="/eservice/daEnquiryDetails.do?index=${i}">${address}</a></h2><div>
<p class="rowDataOnly"><span class="key">Development Description</span><span class="inputField">Additions to Single House</span></p>
<p class="rowDataOnly"><span class="key">Applicant</span><span class="inputField">Some Designs</span></p>
<p class="rowDataOnly"><span class="key">Application No.</span><span class="inputField">${no}</span></p>
<p class="rowDataOnly"><span class="key">Date Lodged</span><span class="inputField">${lodged}</span></p>
${decision ? `<p class="rowDataOnly"><span class="key">Determination Details</span><span class="inputField">${decision}</span></p>` : ''}
<a class="comment" href="/eservice/dialog/feedback/display_fms.jsp?param=${no}">Make a Comment?</a></div><p class="rowDataOnly"> </p>`;
    const html = `<html lang="en-US"><head><title>Currently Advertised</title></head><body><h1>Advertised applications</h1>
<div>${app(0, '2 Anthony Street SOUTH PERTH WA 6151', '79/2020', '13/03/2020', 'Approved under delegated authority')}
${app(1, '52 Downey Drive MANNING WA 6152', '213/2020', '20/07/2020', '')}
${app(2, '23 Vista Street KENSINGTON WA 6151', '140/2020', '08/05/2020', 'Approved under delegated authority')}</div></body></html>`;
    const { issues } = extract(html, 'https://awpe.southperth.wa.gov.au/eservice/daEnquiry/currentlyAdvertised.do');
    expect(issues.map((i) => i.title)).toEqual([
      '2 Anthony Street SOUTH PERTH WA 6151',
      '52 Downey Drive MANNING WA 6152',
      '23 Vista Street KENSINGTON WA 6151',
    ]);
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['79/2020', '213/2020', '140/2020']);
    expect(issues[2]!.reportedAt).toBe('2020-05-08T00:00:00+08:00');
    expect(issues.map((i) => i.status)).toEqual(['resolved', 'new', 'resolved']);
    expect(JSON.stringify(issues)).not.toContain('Make a Comment?');
  });

  it('a MasterView grid with one application is still a list of one case', () => {
    // au-mackay-masterview-submitted-this-week: sortable `Show | Number | Submitted | Details`, one row, empty footer.
    const sort = (l: string) =>
      `<th class="rgHeader"><a title="Click here to sort" href="javascript:__doPostBack('grid$${l}','')">${l}</a></th>`;
    const html = `<html><head><title>MasterView - Applications found</title></head><body><h1>DAs Determined</h1>
<table class="rgMasterTable"><thead><tr><th class="rgHeader">Show</th>${sort('Number')}${sort('Submitted')}${sort('Details')}</tr></thead>
<tfoot><tr class="rgFooter"><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr></tfoot>
<tbody><tr class="rgRow"><td><a href="default.aspx?page=wrapper&key=570969"><img src="show.png" alt="Click here to view full details"></a></td>
<td> ROLC-69/2019 </td><td> 11/06/2019 </td><td> 4 Kenzey Street NORTH MACKAY QLD 4740<br/>Reconfiguration of a Lot into 2 Lots </td></tr></tbody>
</table></body></html>`;
    const { issues } = extract(
      html,
      'https://planning.mackay.qld.gov.au/masterview/Modules/Applicationmaster/default.aspx',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.source.caseNumber).toBe('ROLC-69/2019');
    expect(issues[0]!.reportedAt).toBe('2019-06-11T00:00:00+10:00');
    expect(issues[0]!.description).toContain('Reconfiguration of a Lot into 2 Lots');
  });

  it('planning register stages map to statuses (au-wangaratta, au-southperth)', () => {
    expect(mapStatus('Application Lodged')).toBe('new');
    expect(mapStatus('More Information Required')).toBe('in_progress');
    expect(mapStatus('Referred & Advertised')).toBe('in_progress');
    expect(mapStatus('Permit Granted')).toBe('resolved');
    expect(mapStatus('Approved under delegated authority')).toBe('resolved');
  });

  it('an Australian state domain gives the state zone, and outweighs `lang="en-US"` for day-first dates', () => {
    // au-southperth-civica-advertised-applications: Perth keeps +08:00 all year; `08/05/2020` is 8 May.
    const perth = pageDateContext({ lang: 'en-US', url: 'https://awpe.southperth.wa.gov.au/eservice/daEnquiry.do' });
    expect(parseDate('08/05/2020', perth)).toBe('2020-05-08T00:00:00+08:00');
    expect(parseDate('13/03/2020', perth)).toBe('2020-03-13T00:00:00+08:00');
    // au-mackay-masterview-submitted-this-week: Queensland has no summer time, Sydney has.
    const mackay = pageDateContext({ url: 'https://planning.mackay.qld.gov.au/masterview/default.aspx' });
    expect(parseDate('11/01/2019', mackay)).toBe('2019-01-11T00:00:00+10:00');
    const sydney = pageDateContext({ url: T1_URL });
    expect(parseDate('11/01/2019', sydney)).toBe('2019-01-11T00:00:00+11:00');
  });
});
