import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/** Causes found on real pages (issue 18), each in the smallest page that shows it. */
const URL = 'https://portal.example.cn/threads/content?tid=1';
const run = (html: string) =>
  extractIssues(parseHtml(html, URL), { url: URL, now: new Date('2026-06-02T00:00:00Z') }).issues[0]!;

const messagePage = (column: string) => `<html><head><title>关于小区停车难的问题_领导留言板</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/list">留言列表</a></div>
${column}
<h1 class="tit">关于小区停车难的问题 <span class="state">已办理</span> <span class="type">建言</span>
<span class="fontsize"><a>超大</a> <a>大</a> <a>标准</a> <a>小</a></span></h1>
<div class="content"><p>网友：张** 2021-05-01 10:00:12</p><p>我们小区共有住户八百余户，车位只有二百个，每天晚上车辆停满消防通道，存在严重安全隐患，希望有关部门协调解决。</p></div>
<div class="reply"><h3>XX区住房和城乡建设局回复</h3><p>您好，经核实，我局已协调街道在小区周边新增临时停车位一百二十个。</p><p>2021-05-20 16:30</p></div>
${column ? '</div>' : ''}</body></html>`;

describe('real-page causes', () => {
  it('a main column named like a sidebar (`#side`) is still read', () => {
    const issue = run(messagePage('<div id="side">'));
    expect(issue.description).toContain('车位只有二百个');
  });

  it('a heading keeps its own words, not its status badge, kind tag or font-size switcher', () => {
    const issue = run(messagePage(''));
    expect(issue.title).toBe('关于小区停车难的问题');
    expect(issue.status).toBe('resolved');
  });

  it('the unit named in a reply header answers the case', () => {
    const issue = run(messagePage(''));
    expect(issue.department).toBe('XX区住房和城乡建设局');
    expect(issue.updates[0]?.by).toBe('XX区住房和城乡建设局');
    expect(issue.updates[0]?.text).not.toContain('回复');
  });

  it('a breadcrumb heading is no title; a <title> naming the column yields to the heading above the text', () => {
    const issue = run(`<html><head><title>新闻动态--某学会官网</title></head><body>
      <div class="se_nav"><h3>首页 - 新闻动态</h3></div>
      <div class="news"><h5>2019年人文地理学术年会在重庆成功举行</h5><div class="ly">发布时间：2019-05-18</div>
      <div class="detailCon"><p>5月10日至12日，2019年人文地理学术年会在重庆举行，来自一百二十余所高校的六百余名专家参加。</p></div></div>
      <div class="side"><h4>新闻排行榜</h4><a href="/1">某学会学术年会</a></div></body></html>`);
    expect(issue.title).toBe('2019年人文地理学术年会在重庆成功举行');
    expect(JSON.stringify(issue)).not.toContain('首页 - 新闻动态');
  });

  it("the page's title element wins over a <title> that adds the site after two spaces; a breadcrumb is no address", () => {
    const issue = run(`<html><head><title>我院举办2019年药学技能大赛  某省某医院</title></head><body>
      <table><tr><td>位置：<a href="/">首页</a> &gt; <a href="/news">新闻动态</a></td></tr></table>
      <div id="t"><div class="title">我院举办2019年药学技能大赛</div><div class="title_blow">时间：2019年10月31日 23:00</div></div>
      <div class="article"><p>本站讯 10月30日，我院医技药剂党支部联合药剂科举办了2019年中药、药学理论知识与专业技能大赛，全体人员参赛。</p></div>
      </body></html>`);
    expect(issue.title).toBe('我院举办2019年药学技能大赛');
    expect(issue.location.address).toBeUndefined();
  });

  // cn-people-culture-article (b2): the meta says the day, the page says the day and the minute.
  it('a meta date without a time yields to the same day shown with its time under the title', () => {
    const issue = run(`<html><head><title>女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网</title>
      <meta name="publishdate" content="2019-06-15"></head><body>
      <div class="text_title"><h3 class="pre"></h3><h1>女儿出嫁，郑板桥画了几笔兰花当嫁妆</h1><h4 class="sub"></h4>
      <p class="author"></p><div class="box01">2019年06月15日08:18&nbsp;&nbsp;来源：人民网-文化频道</div></div>
      <div class="box_con"><p>父亲的教诲像一盏灯，为我们照亮前行的路；父亲的关爱像一把伞，为我们遮蔽人世间的风风雨雨。</p></div>
      </body></html>`);
    expect(issue.reportedAt).toBe('2019-06-15T08:18:00+08:00');
  });

  it('a meta date without a time stays when the page shows another day', () => {
    const issue = run(`<html><head><title>通知</title><meta name="publishdate" content="2019-06-15"></head><body>
      <h1>关于停水的通知</h1><div class="info">2019年06月14日08:18</div>
      <div class="content"><p>因管网维修，明日上午八时至十二时，幸福小区一至六号楼停水，请居民提前储水。</p></div></body></html>`);
    expect(issue.reportedAt).toBe('2019-06-15T00:00:00+08:00');
  });

  // de-partei-luebeck-petition-post (b2): a German date with the month spelt out, above the heading.
  it("a German date above the heading (`Donnerstag, 31. Mai 2012`) is the date, in the page's zone", () => {
    const html = `<!DOCTYPE html><html lang="de-DE"><head><title>Das Ministerium für Club-Kultur informiert… | Die PARTEI Lübeck</title></head>
      <body><div id="main"><h1>Neuigkeiten</h1><div class="newsentry"><p class="newsdatum"><a href="/p/219">Donnerstag, 31. Mai 2012</a></p>
      <h2 class="newsheading">Das Ministerium für Club-Kultur informiert…</h2><div class="newstext"><p>Die GEMA dreht völlig am
      Zeiger! Durch die geplanten Tariferhöhungen 2013 stehen viele Clubbesitzer vor dem Aus. Unterschreibt bitte alle diese
      Petition.</p></div></div></div></body></html>`;
    const url = 'https://die-partei.net/luebeck/2012/05/31/das-ministerium-fur-club-kultur-informiert/';
    const issue = extractIssues(parseHtml(html, url), { url, now: new Date('2026-06-02T00:00:00Z') }).issues[0]!;
    expect(issue.title).toBe('Das Ministerium für Club-Kultur informiert…');
    expect(issue.reportedAt).toBe('2012-05-31T00:00:00+02:00');
  });
});
