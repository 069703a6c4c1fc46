import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Case pages laid out as no tuned site laid them out (test/capture/shape-ablation.ts): the same fields in another
 * markup. Each test names the structure and the real page whose rewritten copy showed the cause; the markup here is
 * written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('a case page whose sections are description lists', () => {
  // sz-scjg-complaint's pair tables laid out as `<dl>`s under sub-headings: read as three cases.
  const dl = (pairs: Array<[string, string]>) =>
    `<dl>${pairs.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  const sections = `<div class="case-box"><h2>投诉案件详情</h2>
    ${dl([
      ['案件编号', 'GZ4401062026031'],
      ['投诉主题', '培训机构停课后拒不退还学费'],
      ['登记日期', '2026年03月02日'],
      ['案件类别', '预付式消费'],
      ['案件状态', '已办结'],
    ])}
    <h4>投诉人信息</h4>${dl([
      ['投诉人', '陈小红'],
      ['联系电话', '13500002222'],
      ['证件号码', '440106199001011234'],
    ])}
    <h4>被投诉方信息</h4>${dl([
      ['被投诉方', '广州某某教育咨询有限公司'],
      ['统一社会信用代码', '91440101MA5X0000XX'],
      ['经营地址', '天河区体育西路1号三楼'],
    ])}
    <h4>投诉内容</h4><table class="tb-case"><tr><td>本人于2025年9月为孩子报读课程，支付4800元，上课不到两个月机构即停课，要求退还剩余学费。</td></tr></table>
    <h4>处理结果</h4><div class="result"><p>经调解，该机构同意分两期退还剩余学费。</p>
    <div class="sign">处理机构：天河区市场监管所　办结日期：2026年03月20日</div></div></div>`;
  const page = (body: string) =>
    `<html lang="zh-CN"><head><title>投诉案件详情-投诉举报平台</title></head><body><div class="container"><div class="row-main">${body}</div></div></body></html>`;
  it('is one case: the sections name different fields, where a list repeats its own', () => {
    const out = extract(page(sections), 'https://amr.gz.example.gov.cn/tsjb/ajcx/31');
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]!.title).toBe('培训机构停课后拒不退还学费');
    expect(out.issues[0]!.source.caseNumber).toBe('GZ4401062026031');
  });
  it('while blocks that repeat their labels stay a list', () => {
    const block = (n: number) =>
      `<div class="item">${dl([
        ['案件编号', `GZ44010620260${n}`],
        ['投诉主题', `第${n}件投诉：商家拒不退款`],
        ['登记日期', `2026年03月${n}日`],
      ])}</div>`;
    const out = extract(page([11, 12, 13].map(block).join('')), 'https://amr.gz.example.gov.cn/tsjb/ajcx');
    expect(out.issues).toHaveLength(3);
  });
});

describe("a paper's header of fields laid out as lines or as two divs each", () => {
  // nl-tweedekamer-motie-33308-13's `<dl>` in `.paper-header` laid out as `<p><b>Nummer:</b> …` and as two divs:
  // the header was taken for the site's and its number, submitter and date were lost.
  const header = (fields: string) => `<html lang="nl"><head><title>Motie</title></head><body>
    <div id="top"><a href="/"><img src="/logo.png" alt="Staten"></a></div>
    <div class="doc-header"><h1>Motie</h1>${fields}</div>
    <p>Motie van het lid Jansen over een eerlijke regeling voor huurders in de binnenstad</p>
    <p>${'De Kamer, gehoord de beraadslaging, verzoekt de regering een regeling te treffen. '.repeat(3)}</p></body></html>`;
  const rows: Array<[string, string]> = [
    ['Nummer', '41200-7'],
    ['Publicatiedatum', '3 maart 2026'],
    ['Indiener', '<a href="/leden/jansen">Eva Jansen</a>, Kamerlid <a href="/fracties/x">XP</a>'],
    ['Commissie', 'Wonen'],
  ];
  for (const [name, fields] of [
    ['bold-label lines', rows.map(([k, v]) => `<p><b>${k}:</b> ${v}</p>`).join('')],
    ['two divs each', rows.map(([k, v]) => `<div><div>${k}</div><div>${v}</div></div>`).join('')],
  ] as const)
    it(`reads the number, the submitter and the date from ${name}`, () => {
      const issue = extract(header(fields), 'https://staten.example.nl/stukken/41200-7').issues[0]!;
      expect(issue.source.caseNumber).toBe('41200-7');
      expect(issue.reporter.name).toContain('Eva Jansen');
      expect(issue.reportedAt).toBe('2026-03-03T00:00:00+01:00');
    });
});

describe("a bill's actions laid out as dated lines", () => {
  // us-thomas-s1-111-bill-status's `<dl>` of dated terms laid out as `<p><b>date:</b> action</p>` and as two divs.
  const actions: Array<[string, string]> = [
    ['2/3/2025', 'Introduced in the Senate. Read twice and referred to the Committee on Finance.'],
    ['3/10/2025', 'Committee on Finance. Hearings held.'],
    ['4/2/2025', 'Passed Senate without amendment by Voice Vote.'],
  ];
  const page = (lines: string) => `<html lang="en-US"><head><title>Bill S. 412</title></head><body>
    <h1>S.412</h1><p><b>Title:</b> A bill to extend the rural broadband grants</p>
    <p><b>Sponsor:</b> Sen Doe, Jane</p><hr><b>ALL ACTIONS:</b><div>${lines}</div></body></html>`;
  for (const [name, lines] of [
    ['bold dates', actions.map(([d, a]) => `<p><b>${d}:</b> ${a}</p>`).join('')],
    ['a date div and an action div', actions.map(([d, a]) => `<div><div>${d}</div><div>${a}</div></div>`).join('')],
  ] as const)
    it(`reads each line of ${name} as an action of the bill`, () => {
      const issue = extract(page(lines), 'https://bills.example.gov/s412').issues[0]!;
      expect(issue.updates.map((u) => u.at?.slice(0, 10))).toEqual(['2025-02-03', '2025-03-10', '2025-04-02']);
      expect(issue.updates[2]!.text).toContain('Passed Senate');
    });
  it('but a paragraph that opens with a date among other paragraphs is no action', () => {
    const issue = extract(
      page(`<p><b>2/3/2025:</b> the committee met.</p><p>Some prose.</p><p>More prose about the bill.</p>`),
      'https://bills.example.gov/s412',
    ).issues[0]!;
    expect(issue.updates).toHaveLength(0);
  });
});

describe('a list whose pinned cards are laid out otherwise than its rows', () => {
  // grid-event-cards-pinned with its rows on one line and its two pinned cards left as blocks: the pinned cases were
  // lost once the rows read as a list of their own.
  const card = (ref: string, title: string, cat: string, at: string) =>
    `<div class="featured-item"><div class="meta"><span class="ref">Reference: ${ref}</span><span class="badge">Open</span></div>
      <h3 class="item-title">${title}</h3>
      <p class="line"><span class="key">Category:</span>${cat}</p>
      <p class="line"><span class="key">Reported:</span>${at}</p>
      <p class="line"><span class="key">Ward:</span>Riverside<span class="who">Officer J. Park</span></p></div>`;
  const row = (title: string, cat: string, at: string, status: string) =>
    `<div><span><span class="badge">${status}</span></span> | <span><h3 class="item-title">${title}</h3></span> | <span><span class="line"><span class="key">Category:</span>${cat}</span></span> | <span><span class="line"><span class="key">Reported:</span>${at}</span></span> | <span><span class="line"><span class="key">Ward:</span>Hillside<span class="who">Officer M. Cole</span></span></span></div>`;
  const html = `<html lang="en"><head><title>Reported problems - Northfield Council</title></head><body>
    <div class="main"><h1>Reported problems</h1>
    <div class="pinned"><div class="pinned-head">Pinned by the council</div>
      ${card('NF-2026-0101', 'Collapsed drain cover on Mill Lane', 'Drainage', '12/05/2026 09:18')}
      ${card('NF-2026-0107', 'Fallen tree blocking Station Road', 'Trees', '14/05/2026 16:40')}
    </div>
    <div class="results">
      ${row('Graffiti on the library wall', 'Graffiti', '19/05/2026 21:05', 'Open')}
      ${row('Overflowing bins at Elm Park', 'Waste', '19/05/2026 18:22', 'In progress')}
      ${row('Broken streetlight on Hill Street', 'Street lighting', '19/05/2026 14:57', 'Closed')}
      ${row('Pothole outside number 12 Oak Road', 'Roads', '18/05/2026 10:11', 'Open')}
    </div></div></body></html>`;
  it('reads the pinned cards and the rows as one list, in page order', () => {
    const issues = extract(html, 'https://report.northfield.example.gov.uk/problems').issues;
    expect(issues.map((i) => i.title)).toEqual([
      'Collapsed drain cover on Mill Lane',
      'Fallen tree blocking Station Road',
      'Graffiti on the library wall',
      'Overflowing bins at Elm Park',
      'Broken streetlight on Hill Street',
      'Pothole outside number 12 Oak Road',
    ]);
    expect(issues.map((i) => i.category)).toEqual([
      'Drainage',
      'Trees',
      'Graffiti',
      'Waste',
      'Street lighting',
      'Roads',
    ]);
  });
});
