import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes held-out-8 and held-out-cn6 showed at their one scoring on planning cards and procurement notices (tuned on
 * since, no longer unseen): each test names the page that showed the cause and also runs a second markup of the same
 * idea, written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string, lang = 'en') =>
  `<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
// What makes a page's scripts outweigh its text: a settings blob after the content, as Drupal writes it.
const bigScript = `<script type="application/json">${JSON.stringify({ settings: 'x'.repeat(6000) })}</script>`;

describe('held-out-8: a "dialog" wrapper that holds the page’s <main> is the page', () => {
  it('Drupal’s dialog-off-canvas-main-canvas with a site search (au-nsw-planning-portal-planning-panel-ppssth-638)', () => {
    const html = page(
      '<title>Residential Flat Building | Planning Portal</title>',
      `<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
      <form><input type="text" name="search" placeholder="Search"></form>
      <main><h1>Residential Flat Building (Affordable Housing)</h1>
      <div class="project__details"><div class="row"><b>Planning panel reference number</b><div>PPSSTH-638</div></div>
      <div class="row"><b>Lodgement date</b><div>04/08/2026</div></div></div></main></div>${bigScript}`,
    );
    const issue = extract(html, 'https://www.planningportal.nsw.gov.au/planning-panel/rfb-4').issues[0]!;
    expect(issue.source.caseNumber).toBe('PPSSTH-638');
    expect(issue.reportedAt).toBe('2026-08-04T00:00:00+10:00');
  });

  it('a second markup: a `page-layer` wrapper with a comment box, around <main> with a dl', () => {
    const html = page(
      '<title>Case 4471</title>',
      `<div id="page-layer"><textarea name="comment"></textarea>
      <main><h1>Streetlight out on Mill Lane</h1><dl><dt>Reference:</dt><dd>SL-4471</dd>
      <dt>Reported:</dt><dd>3 March 2026</dd></dl></main></div>${bigScript}`,
    );
    const issue = extract(html, 'https://reports.example.org/case/4471').issues[0]!;
    expect(issue.source.caseNumber).toBe('SL-4471');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2026-03-03');
  });
});

describe('held-out-8: labels longer than 28 characters, and a panel’s own reference ahead of the council’s DA', () => {
  const row = (label: string, value: string) =>
    `<div class="row row--small"><b>${label}</b><div><div class="field">${value}</div></div></div>`;

  it('NSW planning panel details (au-nsw-planning-portal-planning-panel-ppssth-638)', () => {
    const html = page(
      '<title>Residential Flat Building (Affordable Housing) | Planning Portal</title>',
      `<main><h1>Residential Flat Building (Affordable Housing)</h1><div class="project__details">
      ${row('DA number', '10.2026.42271.1')}${row('Planning panel reference number', 'PPSSTH-638')}
      ${row('Project Address', '157 Alexandra Street East Albury 2640')}${row('Lodgement date', '04/08/2026')}</div></main>`,
    );
    const issue = extract(html, 'https://www.planningportal.nsw.gov.au/planning-panel/rfb-4').issues[0]!;
    expect(issue.source.caseNumber).toBe('PPSSTH-638');
    expect(issue.location.address).toContain('157 Alexandra Street East Albury 2640');
  });

  it('a second markup: `<li><span>label</span><span>value</span></li>` rows, the DA number first', () => {
    const li = (k: string, v: string) => `<li><span class="k">${k}</span> <span class="v">${v}</span></li>`;
    const html = page(
      '<title>Panel matter</title>',
      `<article><h1>Seniors housing, Bega</h1><ul class="facts">
      ${li('DA number', 'DA 2026/118')}${li('Planning panel reference number', 'PPSSTH-701')}
      ${li('Date lodged', '12/05/2026')}</ul></article>`,
    );
    const issue = extract(html, 'https://panels.example.org/matter/701').issues[0]!;
    expect(issue.source.caseNumber).toBe('PPSSTH-701');
  });
});

describe('held-out-8: a pin before a list of several postal addresses', () => {
  const card = (ref: string, title: string, address: string) =>
    `<div class="col"><div class="card"><b>${ref}</b><div class="tag">Under assessment</div>
    <h3 class="card__title"><span>${title}</span></h3>
    <div><span class="icon icon--pin"></span> ${address}</div><a href="/p/${ref}">Read more</a></div></div>`;

  it('a card whose site is three lots stays in the list (au-nsw-planning-portal-planning-panels-under-assessment)', () => {
    const html = page(
      '<title>Planning Panels | Planning Portal</title>',
      `<main><h1>Sydney and Regional Planning Panels</h1><div class="grid">
      ${card('PPSSTH-638', 'Residential Flat Building (Affordable Housing)', '157 ALEXANDRA STREET EAST ALBURY 2640,159 ALEXANDRA STREET EAST ALBURY 2640,163 ALEXANDRA STREET EAST ALBURY 2640')}
      ${card('PPSHCC-428', 'Change of use to resource recovery facility', '17 IVORY CLOSE HEATHERBRAE 2324')}
      ${card('PPSHCC-429', 'Wyee Retail', '1496 HUE HUE ROAD WYEE 2259')}</div></main>`,
    );
    const issues = extract(html, 'https://www.planningportal.nsw.gov.au/planning-panel?page=0').issues;
    expect(issues).toHaveLength(3);
    expect(issues[0]!.title).toBe('Residential Flat Building (Affordable Housing)');
    expect(issues[0]!.location.address).toContain('157 ALEXANDRA STREET EAST ALBURY 2640');
    expect(issues[1]!.title).toBe('Change of use to resource recovery facility');
  });

  it('a second markup: `<li><i class="fa-map-marker">` over UK addresses separated by semicolons; prose stays out', () => {
    const item = (t: string, where: string) =>
      `<li class="result"><a href="/a/${t.length}">${t}</a><p><i class="fa fa-map-marker"></i>${where}</p></li>`;
    const html = page(
      '<title>Applications</title>',
      `<main><h1>Applications this week</h1><ul class="results">
      ${item('Rear extension and loft conversion', '12 Mill Lane, Exeter EX1 2AB; 14 Mill Lane, Exeter EX1 2AB; 16 Mill Lane, Exeter EX1 2AB')}
      ${item('New shopfront', '3 High Street, Exeter EX4 3LS')}</ul></main>`,
    );
    const issues = extract(html, 'https://planning.example.gov.uk/weekly').issues;
    expect(issues).toHaveLength(2);
    expect(issues[0]!.location.address).toContain('16 Mill Lane, Exeter EX1 2AB');
  });
});

describe('held-out-cn6: a notice’s section numbering before its labels, and procurement notices’ own labels', () => {
  it('河北政府采购网 中标公告 (cn-ccgp-hebei-weichang-award-notice-1485252)', () => {
    const html = page(
      '<title>中标公告详细页面</title>',
      `<table><tr><td><span class="txt2">2021年村级信息资源共享支中心电脑采购项目中标公告</span></td></tr>
      <tr><td class="txt7">发布时间： <span>2021-10-11</span></td></tr>
      <tr><td><span class="txt7"><span class="title">一、项目编号：</span><br><span>ZC130800202101632</span><br>
      <span class="title">二、项目名称：</span><br><span>村级信息资源共享支中心电脑项目</span><br>
      <span class="title">三、中标（成交）信息</span><br></span></td></tr></table>`,
      'zh-CN',
    );
    const issue = extract(html, 'http://www.ccgp-hebei.gov.cn/cd/cd_wc/cggg/t20211011_1485252.html').issues[0]!;
    expect(issue.source.caseNumber).toBe('ZC130800202101632');
    expect(issue.description).toContain('村级信息资源共享支中心电脑项目');
  });

  it('a second markup: `（一）采购项目编号：` lines in paragraphs, the buyer as the body acting', () => {
    const html = page(
      '<title>成交结果公告</title>',
      `<div class="article"><h1>某区教育局课桌椅采购项目成交结果公告</h1>
      <p>（一）采购项目编号：QDCG-2023-0415</p><p>（二）采购项目名称：中小学课桌椅更新</p>
      <p>3、采购人：某区教育局</p><p>4、成交供应商：某某家具有限公司</p></div>`,
      'zh-CN',
    );
    const issue = extract(html, 'http://ccgp.example.gov.cn/notice/0415.html').issues[0]!;
    expect(issue.source.caseNumber).toBe('QDCG-2023-0415');
    expect(issue.description).toContain('中小学课桌椅更新');
    expect(issue.department).toBe('某区教育局');
  });
});

describe('held-out-8: a card’s lone reference and the body it names on a line of its own', () => {
  it('NSW planning panel cards (au-nsw-planning-portal-planning-panels-under-assessment)', () => {
    const card = (ref: string, panel: string, title: string, address: string) =>
      `<div class="col"><div class="card"><div class="tag"><small> DA </small></div>
      <div class="row"><b> ${ref} </b><div class="tag tag--red"> Under assessment </div></div>
      <span class="card__sub"> ${panel} </span><h3 class="card__title"><span>${title}</span></h3>
      <div><span class="icon icon--pin"></span> ${address}</div><a href="/p/${ref}">Read more</a></div></div>`;
    const html = page(
      '<title>Planning Panels | Planning Portal</title>',
      `<main><h1>Sydney and Regional Planning Panels</h1><div class="grid">
      ${card('PPSSTH-638', 'Southern Regional Planning Panel', 'Residential Flat Building', '157 ALEXANDRA STREET EAST ALBURY 2640')}
      ${card('PPSHCC-428', 'Hunter &amp; Central Coast Regional Planning Panel', 'Change of use', '17 IVORY CLOSE HEATHERBRAE 2324')}
      </div></main>`,
    );
    const issues = extract(html, 'https://www.planningportal.nsw.gov.au/planning-panel?page=0').issues;
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['PPSSTH-638', 'PPSHCC-428']);
    expect(issues.map((i) => i.department)).toEqual([
      'Southern Regional Planning Panel',
      'Hunter & Central Coast Regional Planning Panel',
    ]);
  });

  it('a second markup: list items with a `<strong>` reference and a committee line; a sentence is no body', () => {
    const item = (ref: string, body: string, title: string) =>
      `<li class="matter"><a href="/m/${ref}">${title}</a><p><strong>${ref}</strong></p><p>${body}</p>
      <p>Location: 2 Quay Street, Exeter EX2 4AN</p></li>`;
    const html = page(
      '<title>Matters before committees</title>',
      `<main><h1>Matters before committees</h1><ul>
      ${item('LIC-20411', 'Licensing Sub-Committee', 'Premises licence for The Anchor')}
      ${item('PLN-20412', 'The matter goes to the Planning Committee', 'Change of use at Quay Street')}</ul></main>`,
    );
    const issues = extract(html, 'https://democracy.example.gov.uk/matters').issues;
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['LIC-20411', 'PLN-20412']);
    expect(issues[0]!.department).toBe('Licensing Sub-Committee');
    expect(issues[1]!.department).toBeUndefined();
  });
});

describe('held-out-8: a register on a vendor’s `.com` host, named by its council; the site before the proposal', () => {
  const grid = (rows: string) =>
    `<main><h1>Submitted This Week</h1><table class="grid"><tr class="headerRow"><th>Application Number</th>
    <th>Submitted Date</th><th>Details</th><th>Stage/Decision</th></tr>${rows}</table></main>`;
  const row = (no: string, date: string, details: string) =>
    `<tr><td><a href="javascript:__doPostBack('x','')">${no}</a></td><td>${date}</td><td>${details}</td><td></td></tr>`;

  it('T1 eTrack signed `Noosa Council` on t1cloud.com (au-noosa-t1-etrack-submitted-this-week)', () => {
    const html = page(
      '<title>Noosa Council - eProperty - Submitted This Week</title>',
      grid(
        row('RAB19/0137', '24/06/2019', '7 Thompson Cres TEWANTIN - Patio Within Side Boundary Setback') +
          row('RAB19/0135', '24/06/2019', '239 Weyba Rd NOOSAVILLE - Demolition Bond Assessment'),
      ),
    );
    const issues = extract(html, 'https://noo-web.t1cloud.com/T1PRDefault/WebApps/eProperty/P1/eTrack/x.aspx').issues;
    expect(issues.map((i) => i.reportedAt)).toEqual(['2019-06-24T00:00:00+10:00', '2019-06-24T00:00:00+10:00']);
    expect(issues[0]!.location.address).toBe('7 Thompson Cres TEWANTIN');
    expect(issues[0]!.description).toContain('Patio Within Side Boundary Setback');
    expect(issues[1]!.location.address).toBe('239 Weyba Rd NOOSAVILLE');
  });

  it('a second markup: `Townsville City Council` in a January title (no summer time); a proposal with a dash keeps it', () => {
    const html = page(
      '<title>Townsville City Council | Applications lodged</title>',
      grid(
        row('MI24/0012', '15/01/2024', '12 Flinders Street TOWNSVILLE CITY – Change of use to cafe') +
          row('MI24/0013', '16/01/2024', 'Reconfiguration of a Lot - 1 Lot into 2 Lots'),
      ),
    );
    const issues = extract(html, 'https://eservices.example.com/etrack/lodged.aspx').issues;
    expect(issues[0]!.reportedAt).toBe('2024-01-15T00:00:00+10:00');
    expect(issues[0]!.location.address).toBe('12 Flinders Street TOWNSVILLE CITY');
    expect(issues[1]!.location.address).toBeUndefined();
    expect(issues[1]!.description).toBe('Reconfiguration of a Lot - 1 Lot into 2 Lots');
  });
});
