import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes the eleventh session's one scoring showed on a parliament's page of one paper (a motion under its bill) and on
 * Chinese consultation notices; the markup here is written apart from the real pages.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('a parliament paper under its dossier (nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen)', () => {
  // Another house's amendment page: the <title> is the bill's, the header names the paper's kind, its fields and its
  // own heading; the vote's outcome follows.
  const html = `<html lang="en"><head><title>Water Resources (Abstraction Licensing) Bill | House of Keys</title></head>
    <body><div id="wrapper"><div id="logo"><a href="/"><img src="/logo.gif" alt="House of Keys"></a></div>
    <div id="nav"><a href="/">Home</a><ul><li><a href="/bills">Bills</a></li></ul></div>
    <div id="header"><div class="crumbs"><a href="/">Home</a> › <a href="/papers">Papers</a></div>
      <div class="paper-head"><h1>Amendment</h1><dl>
        <dt>Number</dt><dd>2871-4</dd>
        <dt>Submitted by</dt><dd><a href="/members/quayle">Ann Quayle</a>, Member for Ramsey</dd>
        <dt>Date of tabling</dt><dd>3 March 2022</dd></dl></div>
      <p class="paper-title">Amendment by Ms Quayle to exempt farm ponds from licensing</p></div>
    <div id="content"><h2>Vote</h2><div class="vote"><p class="result">Decision: <span>Negatived.</span></p>
      <table class="statistics"><thead><tr><th>Group</th><th>Seats</th><th>For</th><th>Against</th></tr></thead>
        <tbody><tr><td>Liberal Vannin</td><td>3</td><td>3</td><td></td></tr>
        <tr><td>Independents</td><td>18</td><td>2</td><td>16</td></tr>
        <tr><td>Labour</td><td>3</td><td></td><td>3</td></tr></tbody></table></div>
      </div>
    <div id="push"></div></div><div id="footer"><a href="/privacy">Privacy</a></div></body></html>`;

  it('reads the paper from its header: its own heading, number, mover and day', () => {
    const [issue] = extract(html, 'https://www.example-keys.im/papers/2871-4').issues;
    expect(issue!.title).toBe('Amendment by Ms Quayle to exempt farm ponds from licensing');
    expect(issue!.source.caseNumber).toBe('2871-4');
    expect(issue!.reporter.name).toContain('Ann Quayle');
    expect(issue!.reportedAt).toBe('2022-03-03T00:00:00+00:00');
  });

  it('reads the vote words of a house as the paper’s status', () => {
    expect(extract(html, 'https://www.example-keys.im/papers/2871-4').issues[0]!.status).toBe('rejected');
    const dutch = html.replace('Negatived.', 'Verworpen.');
    expect(extract(dutch, 'https://www.example-keys.im/papers/2871-4').issues[0]!.status).toBe('rejected');
    const carried = html.replace('Negatived.', 'Aangenomen.');
    expect(extract(carried, 'https://www.example-keys.im/papers/2871-4').issues[0]!.status).toBe('resolved');
  });

  it('reads a Dutch paper’s submitter and day', () => {
    const nl = html
      .replace('Submitted by', 'Indiener')
      .replace('Date of tabling', 'Publicatiedatum')
      .replace('3 March 2022', '17 maart 2022');
    const [issue] = extract(nl, 'https://www.example-kamer.nl/stukken/2871-4').issues;
    expect(issue!.reporter.name).toContain('Ann Quayle');
    expect(issue!.reportedAt?.slice(0, 10)).toBe('2022-03-17');
  });
});

describe('a paper’s steps under `Proceedings` (nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen)', () => {
  const html = `<html lang="en"><head><title>Written question Q-2022-118 | House of Keys</title></head><body><main>
    <h1>Question</h1><dl><dt>Number</dt><dd>Q-2022-118</dd><dt>Date of tabling</dt><dd>3 March 2022</dd></dl>
    <p class="paper-title">Question by Mr Kerr on the ferry timetable over the winter months</p>
    <p>Asked of the Minister for Infrastructure: what winter timetable the ferry will keep, and why two sailings a week
      were cut last winter without notice to the island's hauliers.</p>
    <h2>Proceedings</h2><div class="steps">
      <div class="step"><p>Answer given</p><p>18:05</p><p>10-03-2022</p></div>
      <div class="step"><p>Question tabled</p><p>14:30</p><p>03-03-2022</p></div></div></main></body></html>`;

  it('reads each step with the hour beside its day; that hour dates the step, not the paper', () => {
    const [issue] = extract(html, 'https://www.example-keys.im/questions/q-2022-118').issues;
    expect(issue!.updates.map((u) => u.at)).toEqual(['2022-03-10T18:05:00+00:00', '2022-03-03T14:30:00+00:00']);
    expect(issue!.reportedAt).toBe('2022-03-03T00:00:00+00:00');
  });
});

describe('a consultation notice’s source line (cn-hainan-gjj-solicitation-loan-policy-consultation)', () => {
  const html = `<html lang="zh-CN"><head><title>关于公开征求《城市供水管理办法（征求意见稿）》意见的公告</title></head><body>
    <div class="wrap"><div class="tt">关于公开征求《城市供水管理办法（征求意见稿）》意见的公告</div>
    <div class="sj"><dt class="lf">来源：<span>市水务局</span></dt><dd class="rg">发布日期：2025-04-02 09:30</dd></div>
    <div class="xq"><p>为规范城市供水管理，我局起草了《城市供水管理办法（征求意见稿）》，现向社会公开征求意见。</p></div>
    </div></body></html>`;

  it('reads a public body named in a dt’s own `来源：` as the department', () => {
    const [issue] = extract(html, 'https://sw.example.gov.cn/zj/1.html').issues;
    expect(issue!.department).toBe('市水务局');
    expect(issue!.reportedAt).toBe('2025-04-02T09:30:00+08:00');
  });
});

describe('a notice over a footer naming the website’s host units (cn-ezhou-cjw-gsgg-housing-count-notice)', () => {
  const html = `<html lang="zh-CN"><head><title>关于调整公共租赁住房租金标准的通知</title></head><body>
    <div class="article"><h2>关于调整公共租赁住房租金标准的通知</h2>
      <div><span>信息来源：市保障性住房工作领导小组办公室</span> <span>日期：2024-08-15</span></div>
      <div class="text"><p>为做好公共租赁住房管理，现就调整租金标准有关事项通知如下。</p></div></div>
    <div id="f_bottom_in"><table><tr><td>网站标识码：4200000001 鄂ICP备01234567号
      主办单位：市住房保障局 承办单位：市住房保障局信息中心<br>地址：人民路1号</td></tr></table></div>
    </body></html>`;

  it('reads the body behind the notice from its source line, not the footer’s host units', () => {
    const [issue] = extract(html, 'https://zj.example.gov.cn/tzgg/2.html').issues;
    expect(issue!.department).toBe('市保障性住房工作领导小组办公室');
  });
});

describe('a header box holding the case’s heading and source (cn-beijing-hudong-gfxwjzj-presale-contract-consultation)', () => {
  const html = `<html lang="zh-CN"><head><title>关于征集《物业服务合同示范文本》意见的公告_征集信息_政务门户</title></head><body>
    <div class="headerBox"><a href="/">首页</a> <a href="/hd">互动</a>
      <h1>关于征集《物业服务合同示范文本》意见的公告</h1><p>来源：市住房和城乡建设委员会</p></div>
    <div class="content"><p>为进一步规范物业服务活动，现就《物业服务合同示范文本》公开征求意见，时间为2024年6月1日至6月30日。</p></div>
    </body></html>`;

  it('keeps the box and reads the public body named as its source as the department', () => {
    const [issue] = extract(html, 'https://hd.example.gov.cn/zj/3.html').issues;
    expect(issue!.title).toBe('关于征集《物业服务合同示范文本》意见的公告');
    expect(issue!.department).toBe('市住房和城乡建设委员会');
  });
});
