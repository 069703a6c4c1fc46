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
});
