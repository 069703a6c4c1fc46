import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes left on tuned real pages (held-out-8, held-out-9, held-out-6, b8) after the seventh session, fixed by the
 * eighth (s8-fixus): every test names the page that showed the cause and also runs a second markup of the same idea,
 * written apart (another site's way of writing it).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string, lang = 'en-US') =>
  `<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
const one = (html: string, url: string) => {
  const r = extract(html, url);
  expect(r.kind).toBe('detail');
  return r.issues[0]!;
};

describe('s8-fixus: a date badge whose day and year sit in blocks of their own', () => {
  it('`4.4` over `2019` above the title, the hours under it (us-pittsburgh-ura-housing-opportunity-fund-meeting-2019-04-04)', () => {
    const html = page(
      '<title>Housing Opportunity Fund Advisory Board Meeting | URA</title>',
      `<main><div class="event-detail"><a href="/events">Back to Calendar</a><div class="event"><div class="day"><div class="day__date">4.4</div><div class="day__year">2019</div></div><h2 class="event__title">Housing Opportunity Fund Advisory Board Meeting</h2><div class="event__details"><div class="event__times"> 9:00 AM - 11:00 AM</div><div class="event__venue">City Council Chambers</div><div class="event__venue">414 Grant Street
Pittsburgh, PA 15219</div></div></div>
<div class="copy"><p>The Housing Opportunity Fund (HOF) was created by the City of Pittsburgh to help support the development and preservation of affordable housing in the city.</p></div></div></main>`,
    );
    expect(one(html, 'https://www.ura.org/events/hof-meeting').reportedAt).toBe('2019-04-04T09:00:00-04:00');
  });

  it('a second markup: month, day and year in three spans of a calendar tile, a `7 p.m.` line under the heading', () => {
    const html = page(
      '<title>Library Board</title>',
      `<article><div class="cal-tile"><span class="m">Oct</span><span class="d">15</span><span class="y">2025</span></div><h1>Library Board Regular Meeting</h1><p class="when">7 p.m.</p>
<p>The board meets in the Community Room of the Main Library, 200 Elm Street, Springfield, IL 62701, and the public is welcome to attend.</p></article>`,
    );
    expect(one(html, 'https://library.example.org/events/board-oct').reportedAt).toBe('2025-10-15T19:00:00-05:00');
  });
});

describe('s8-fixus: what a bill page prints beside its number', () => {
  it('the block after `HB 45` is the title; the site notice is no description (us-missouri-house-hb45-bill-summary)', () => {
    const html = page(
      '<title>Missouri House of Representatives</title>',
      `<div id="BillSummary"><div><span><a href="http://house.mo.gov">House Home Page</a> :: HB45</span></div>
<div id="BillDetails"><span class="hslice"><div class="BillHeader"><span class="entry-title">HB 45</span></div>
<div class="BillDescription">Changes the laws regarding the Big Government Get Off My Back Act which provides an income tax deduction for certain small businesses</div>
<table><tr><th>Sponsor:</th><td><a href="/member.aspx?district=121">Hoskins, Denny (121)</a></td></tr>
<tr><th>LR Number:</th><td>145S.06T</td></tr>
<tr><th>Governor Action:</th><td>7/08/2011 - Approved by Governor (G)</td></tr>
<tr><th>Last Action:</th><td>7/08/2011 - Delivered to Secretary of State (G)</td></tr></table></span></div>
<div id="PageNotice">The Missouri House of Representatives is constantly working to improve our website. We welcome your suggestions and comments to the <a href="mailto:webmaster@example.gov">Webmaster</a> email account.<br><br>Messages of any nature other than the operation of our website, including those relative to specific legislation, should be directed to individual Members.</div></div>`,
    );
    const issue = one(html, 'http://house.mo.gov/BillSummaryPrn.aspx?bill=HB45&year=2011');
    expect(issue.title).toContain('Big Government Get Off My Back Act');
    expect(issue.source.caseNumber).toBe('HB 45');
    expect(issue.status).toBe('resolved');
    expect(issue.description ?? '').not.toContain('improve our website');
  });

  it('`Title: CCS SS SCS SB 70` is the version string; the cell beside the number is the title (us-missouri-senate-sb70-bill-summary)', () => {
    const html = page(
      '<title>SB70 - Modifies provisions relating to the Missouri Family Trust</title>',
      `<table><tr><td><span id="lblBillNum"><b><font size="5">SB 70</font></b></span></td><td><span id="lblBriefDesc"><font size="5">Modifies provisions relating to the Missouri Family Trust</font></span></td></tr></table>
<table><tr><td><strong>Sponsor:</strong></td><td><a href="/mem19.htm">Schaefer</a></td></tr>
<tr><td><strong>LR Number:</strong></td><td>0089S.07T</td></tr>
<tr><td><strong>Last Action:</strong></td><td>7/5/2011 - Signed by Governor</td></tr>
<tr><td><strong>Title:</strong></td><td><span id="lblBillTitle">CCS SS SCS SB 70</span></td></tr></table>
<p>CCS/SS/SCS/SB 70 - This act revises the provisions establishing the Missouri Family Trust and its Board of Trustees, a non-profit organization.</p>`,
    );
    const issue = one(html, 'http://www.senate.mo.gov/11info/BTS_Web/Bill.aspx?BillID=4068821');
    expect(issue.title).toBe('Modifies provisions relating to the Missouri Family Trust');
    expect(issue.source.caseNumber).toBe('SB 70');
  });

  it('`S 0494 General Bill, By Cleary, …` then the long title, dated by its history (us-sc-legislature-s494-bill-history)', () => {
    const row = (date: string, chamber: string, action: string) =>
      `<tr><td>${date}</td><td>${chamber}</td><td> ${action}</td></tr>`;
    const html = page(
      '<title>Bill Information - South Carolina Legislature Online</title>',
      `<table><tr><td><div>Session 119 - (2011-2012)</div><div><a name="0494"><b><font class="number">S 0494</font> General Bill, By Cleary, Bryant, Cromer and Ford<br></b>
 A BILL TO AMEND SECTION 40-15-110, AS AMENDED, CODE OF LAWS OF SOUTH CAROLINA, 1976, RELATING TO EXEMPTIONS FROM CHAPTER 15 OF TITLE 40 REGULATING DENTISTS AND DENTAL HYGIENISTS, SO AS TO FURTHER SPECIFY THE SCOPE OF ACTIVITIES OF INTERNS AND RESIDENTS WHO ARE EXEMPT FROM LICENSURE.<br></a><a href="/bills/494.htm">View full text</a><br>
<table>${row('02/02/11', 'Senate', 'Introduced and read first time')}${row('02/02/11', 'Senate', 'Referred to Committee on Medical Affairs')}${row('04/20/11', 'Senate', 'Committee report: Favorable Medical Affairs')}${row('04/28/11', 'House', 'Introduced and read first time')}</table></div></td></tr></table>`,
    );
    const issue = one(html, 'http://www.scstatehouse.gov/cgi-bin/web_bh10.php');
    expect(issue.source.caseNumber).toBe('S 0494');
    expect(issue.reporter.name).toBe('Cleary, Bryant, Cromer and Ford');
    expect(issue.description).toMatch(/^A BILL TO AMEND SECTION 40-15-110/);
    expect(issue.reportedAt).toBe('2011-02-02T00:00:00-05:00');
  });

  it('a second markup: an assembly bill card, number then title in a <p>, sponsors on the number line, a dated action list', () => {
    const html = page(
      '<title>Bill Tracker | State Assembly</title>',
      `<div class="bill-card"><p class="bill-no"><strong>AB 1203</strong> Assembly Bill, by Ramirez and Chu</p>
<p class="bill-what">Relates to the licensing of community solar installers</p>
<table class="bill-status"><tr><th>Final Action:</th><td>Vetoed by Governor</td></tr><tr><th>Version:</th><td>AA AB 1203</td></tr></table>
<table><tr><td>1/14/2025</td><td>Assembly</td><td>Read first time</td></tr><tr><td>1/14/2025</td><td>Assembly</td><td>Referred to Committee on Utilities</td></tr><tr><td>2/20/2025</td><td>Committee</td><td>Do pass as amended</td></tr><tr><td>3/02/2025</td><td>Assembly</td><td>Read third time and passed</td></tr></table></div>`,
    );
    const issue = one(html, 'https://assembly.example.gov/bills/ab1203');
    expect(issue.title).toBe('Relates to the licensing of community solar installers');
    expect(issue.reporter.name).toBe('Ramirez and Chu');
    expect(issue.status).toBe('rejected');
    expect(issue.reportedAt).toBe('2025-01-14T00:00:00-05:00');
  });

  it('a cookie notice about the website is no description either', () => {
    const html = page(
      '<title>Pothole on Mill Lane | Fix It</title>',
      `<h1>Pothole on Mill Lane</h1><p>Reference: FX-20931</p>
<div class="notice">This website uses cookies to remember your settings and to count visits. By browsing on you agree to their use; see the privacy page for details of what is kept and for how long.</div>`,
    );
    const issue = one(html, 'https://fixit.example.org/report/20931');
    expect(issue.description ?? '').not.toContain('cookies');
  });
});

describe('s8-fixus: a public body named alone by the title is the department', () => {
  it('the panel in a <p> under the <h1> (au-nsw-planning-portal-planning-panel-ppssth-638)', () => {
    const html = page(
      '<title>Residential Flat Building (Affordable Housing) | Planning Portal</title>',
      `<div class="content-heading"><p class="content-heading__sub">CIV &gt; $5M - Crown Development</p><div class="tag tag--red">Under assessment</div><h1><span>Residential Flat Building (Affordable Housing)</span></h1><p>
  Southern Regional Planning Panel
</p></div>
<div class="field"><p>Twenty Seven (27) Apartments - Carparking, Vegetation Removal &amp; Lot Consolidation</p></div>`,
      'en-AU',
    );
    const issue = one(html, 'https://www.planningportal.nsw.gov.au/planning-panel/residential-flat-building-4');
    expect(issue.department).toBe('Southern Regional Planning Panel');
  });

  it('the board as the event tag beside its date, under a page-header h1 (us-detroit-board-of-ethics-meeting-2021-04-21)', () => {
    const html = page(
      '<title>Detroit Board of Ethics General Meeting April 21, 2021 | City of Detroit</title>',
      `<section><h1 class="page-header"><span>Detroit Board of Ethics General Meeting April 21, 2021</span></h1>
<div class="event-node"><section class="event-preview-top"><article class="date"><time datetime="2021-04-21T12:00:00Z">Apr 21</time></article>
<article class="tags"><a href="/government/boards/board-ethics">Board of Ethics</a></article><article class="time"><time datetime="2021-04-21T18:00:00Z">2:00 PM</time></article></section>
<section><article class="description"><p>Meeting information will be provided at a later date.</p></article></section></div></section>`,
    );
    const issue = one(html, 'https://detroitmi.gov/events/detroit-board-ethics-general-meeting-april-21-2021');
    expect(issue.department).toBe('Board of Ethics');
  });

  it('a second markup: `Committee on Finance` on the line above an <h2> notice title', () => {
    const html = page(
      '<title>Notice of Public Hearing - Town of Westbrook</title>',
      `<div class="notice"><div class="by">Committee on Finance</div><h2>Notice of Public Hearing</h2><div class="body"><p>The committee will hear comment on the proposed capital budget for the coming fiscal year in the Town Hall auditorium.</p></div></div>`,
    );
    const issue = one(html, 'https://westbrook.example.gov/notices/hearing');
    expect(issue.department).toBe('Committee on Finance');
  });
});

describe('s8-fixus: the event a page is about, not the page around it', () => {
  const ld = (nodes: unknown) => `<script type="application/ld+json">${JSON.stringify(nodes)}</script>`;
  it('Yoast`s WebPage node yields to the Event node; `Date:` without its hour to the event`s start (us-95th-street-ssa4-business-association-meeting-2018-09-25)', () => {
    const html = page(
      `<title>95th Street Business Association Meeting - 95th St Business Association</title>${ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: '95th St Business Association' },
          { '@type': 'WebPage', name: '95th Street Business Association Meeting - 95th St Business Association' },
        ],
      })}${ld([
        {
          '@context': 'http://schema.org',
          '@type': 'Event',
          name: '95th Street Business Association Meeting',
          startDate: '2018-09-25T08:00:00-05:00',
          location: {
            '@type': 'Place',
            name: 'Original Pancake House',
            address: { streetAddress: '10437 S. Western Ave.', addressLocality: 'Chicago', addressRegion: 'IL' },
          },
        },
      ])}`,
      `<div id="tribe-events-content"><h1 class="tribe-events-single-event-title">95th Street Business Association Meeting</h1>
<div class="tribe-events-schedule"><h2><span>September 25, 2018 @ 8:00 am</span> - <span>9:00 am</span></h2></div>
<p>All business association members are invited to attend monthly Board Meetings on the fourth Tuesday of the month.</p>
<dl><dt>Date:</dt><dd><abbr title="2018-09-25"> September 25, 2018 </abbr></dd><dt>Time:</dt><dd>8:00 am - 9:00 am</dd></dl></div>`,
    );
    const issue = one(html, 'https://95thstreetba.org/events/95th-street-business-association-meeting-4/');
    expect(issue.title).toBe('95th Street Business Association Meeting');
    expect(issue.reportedAt).toBe('2018-09-25T08:00:00-05:00');
  });

  it('a second markup: a WebPage node before an EducationEvent, a labelled `When:` day', () => {
    const html = page(
      `<title>Budget Workshop | Riverside Library</title>${ld([
        { '@type': 'WebPage', name: 'Budget Workshop | Riverside Library' },
        { '@type': 'EducationEvent', name: 'Household Budget Workshop', startDate: '2024-03-12T18:30:00-07:00' },
      ])}`,
      `<h1>Household Budget Workshop</h1><p><b>When:</b> March 12, 2024</p><p>A free evening class on planning a household budget, open to every resident with a library card.</p>`,
    );
    const issue = one(html, 'https://library.example.org/events/budget-workshop');
    expect(issue.title).toBe('Household Budget Workshop');
    expect(issue.reportedAt).toBe('2024-03-12T18:30:00-07:00');
  });
});

describe('s8-fixus: two bodies` schedules, a list per year under year headings, the hours in a side note', () => {
  const years = (y: number, day: (m: number) => number, extra = '') =>
    `<h4>${y} Meetings</h4><ul>${[1, 2, 3, 4, 5]
      .map(
        (m) =>
          `<li>${['January', 'February', 'March', 'April', 'May'][m - 1]} ${day(m)}, ${y} - <a href="/a${y}${m}.pdf">Agenda</a> | Minutes${m === 3 ? extra : ''}</li>`,
      )
      .join('')}</ul>`;
  it('`from 8 to 9 a.m.` and `from 11:30 to 1 p.m.` in each board`s aside, CANCELLED closed (us-sedgwick-county-corrections-advisory-boards-meetings)', () => {
    const html = page(
      '<title>Corrections Advisory Boards - Sedgwick County, Kansas</title>',
      `<article><h2 id="PageTitle">Corrections Advisory Boards</h2><h3>Community Corrections Advisory Board</h3><p>This board takes part in planning corrections services.</p>
<aside class="info">The Community Corrections Advisory Board meets from 8 to 9 a.m. on the second Thursday of each month at <strong>Adult Field Services</strong> 905 N. Main, Wichita, Kansas.</aside>
${years(2024, (m) => 8 + m, ' - CANCELLED')}${years(2023, (m) => 9 + m)}
<div><h3>Team Justice - Juvenile Corrections Advisory Board</h3><p>The 17-member Board meets monthly.</p>
<aside class="info">The Juvenile Corrections Advisory Board meets from 11:30 to 1 p.m. on the first Friday of each month at 271 W. 3rd St. N., Wichita, Kansas 67202.</aside>
${years(2024, (m) => m)}<p><span>*Scheduled meeting falls on the week of a holiday.</span></p><h4>2023 Work Group Meetings</h4><ul><li>February 8, 2023 - <a href="/w1.pdf">Minutes</a></li><li>*March 1, 2023 - <a href="/w2.pdf">Minutes</a></li></ul>
<p>Join Zoom Meeting</p><p>Passcode: 751298</p>${years(2022, (m) => m + 1)}</div></article>`,
    );
    const r = extract(html, 'https://www.sedgwickcounty.org/corrections/corrections-advisory-boards/');
    expect(r.kind).toBe('list');
    expect(r.issues).toHaveLength(22);
    expect(r.issues[0]!.reportedAt).toBe('2024-01-09T08:00:00-06:00');
    expect(r.issues[2]!.status).toBe('closed');
    expect(r.issues[10]!.reportedAt).toBe('2024-01-01T11:30:00-06:00');
    expect(r.issues[16]!.reportedAt).toBe('2023-03-01T11:30:00-06:00');
    expect(r.issues[21]!.reportedAt).toBe('2022-05-06T11:30:00-05:00');
  });

  it('a second markup: a library`s two boards in <section>s, `<h3>2025 Meetings</h3>` over <ol>, `6 - 7 pm` in a note', () => {
    const list = (y: number) =>
      `<h3>${y} Meetings</h3><ol>${['March 4', 'April 1', 'May 6', 'June 3'].map((d) => `<li>${d}, ${y} — minutes</li>`).join('')}</ol>`;
    const html = page(
      '<title>Boards | Springfield Public Library</title>',
      `<main><h1>Library Boards</h1><section><h2>Board of Trustees</h2><p class="note">Trustees meet 6 - 7 pm in the Main Library, 200 Elm Street, Springfield, IL 62701.</p>${list(2025)}${list(2024)}</section>
<section><h2>Friends of the Library</h2><p class="note">The Friends meet from 10 to 11 a.m. in the Study Room.</p>${list(2025)}</section></main>`,
    );
    const r = extract(html, 'https://library.example.org/boards');
    expect(r.issues).toHaveLength(12);
    expect(r.issues[0]!.reportedAt).toBe('2025-03-04T18:00:00-06:00');
    expect(r.issues[8]!.reportedAt).toBe('2025-03-04T10:00:00-06:00');
  });
});
