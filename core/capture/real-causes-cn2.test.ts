import { describe, expect, it } from 'vitest';
import { isAnswererName } from './answerers';
import { extractIssues } from './extract';
import { headingText } from './heading-badges';
import { matchLabel } from './labels';
import { parseHtml } from './node';
import { mapStatus } from './status';

/**
 * Causes found on the first real 人民网 领导留言板 message pages (issue 18, batch b6-cn), each in the smallest page
 * that shows it, laid out as the saved pages are (test/fixtures/real/cn-people-liuyan-*).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

const rowTemplate = `<script id="threads_content_tpl" type="text/x-tmpl"><li><h2><b><a href="/threads/content?tid={%=o.tid%}">{%#o.subject%}</a></b></h2></li></script>`;

/** A message page as liuyan.people.com.cn serves it: the heading holds badges, the reply list sits below. */
const messagePage = (o: { title: string; status: string; statusClass: string; tags: string[]; replies: string }) => `
<html><head><title>
        ${o.title} - 国家体育总局局长、党组书记苟仲文 - 领导留言板 - 人民网
    </title></head><body>
<div class="path_2j w1200 grey2">当前位置 ：<a href="/">领导留言板</a> &gt; 部委领导 &gt; <i>国家体育总局局长、党组书记苟仲文</i></div>
<div class="liuyan_box03 w1200 clearfix">
    <h2>
        <b>
            <span class="context-title-text">${o.title}</span>
            ${'\n                \n'.repeat(12)}
                        <em class="${o.statusClass}">${o.status}</em>
            ${o.tags.map((t) => `<em class="domainType">${t}</em>`).join('\n')}
        </b>
        <div class="size"><b><img src="icon20.gif"></b><ul>
            <li class="t01"><a href="javascript:doZoom(20)">超大</a></li><li class="t02"><a href="javascript:doZoom(18)">大</a></li>
            <li class="t03"><a href="javascript:doZoom(16)">标准</a></li><li class="t04"><a href="javascript:doZoom(14)">小</a></li>
        </ul></div>
    </h2>
    <div class="fav"></div>
    <h3 class="fl grey2 clearfix"><span>
\t\t\tA***
\t\t\t&nbsp;&nbsp;&nbsp;&nbsp;
\t\t\t2020-01-15 10:11
\t\t\t&nbsp;&nbsp;&nbsp;&nbsp;
\t\t</span></h3>
    <p class="zoom content">全民健身打造15分钟，健身权非常好，受欢迎可是很多地方都没有达到。</p>
</div>
<div class="clearfix liuyan_box04 w1200"><ul>
</ul></div>
<div class="clearfix liuyan_box05 w1200"><ul>${o.replies}</ul></div>
${rowTemplate}
<div class="bottom_copyright1"><h2>一块帮老百姓办事的留言板</h2><p>邮箱：leader@people.cn</p></div>
</body></html>`;

const REPLY = `
<li class="reply">
    <span class="title">回复</span>
    <h3><i class="red">国家体育总局局长苟仲文</i></h3>
    <p class="zoom">　　近年来，体育总局积极会同有关部门支持地方构建“15分钟健身圈”。<br/>　　感谢网民朋友们对体育事业的关心和支持。</p>
    <h3><em class="grey2">回复时间：2020-08-06 08:33</em></h3>
</li>
<li class="comments">
    <span class="title">评价</span>
    <h4><span class="grey2"><div class="sec-score"><span class="sec-score_firstspan">很满意</span></div>
        <span class="wrapSpan">解决程度:<span class="red back_info">5分</span></span>
        <span class="wrapSpan">办理态度:<span class="red back_info">5分</span></span>
        <span class="wrapSpan">办理速度:<span class="red back_info">5分</span></span></span></h4>
    <p class="zoom">好评!</p>
    <h4><em class="grey2">评价时间：2020-08-07 23:18</em></h4>
</li>`;
const URL = 'http://liuyan.people.com.cn/threads/content?tid=6835141';
// The answered message of cn-people-liuyan-sport-message-6835141, as most of these tests read it.
const sportMessage = (title = '全民健身发展不平衡') =>
  messagePage({ title, status: '已办理', statusClass: 'green', tags: ['建言'], replies: REPLY });

describe('人民网 领导留言板 message pages (b6-cn)', () => {
  it('reads the heading without its status badge, kind tag and font-size switcher, and takes the badges as status and category (cn-people-liuyan-sport-message-6835141)', () => {
    const html = sportMessage('全民健身发展不平衡，打造好15分钟健身圈');
    const [issue] = extract(html, URL).issues;
    expect(issue?.title).toBe('全民健身发展不平衡，打造好15分钟健身圈');
    expect(issue?.status).toBe('resolved');
    expect(issue?.category).toBe('建言');
  });

  it('takes the masked author and time line under the heading as the reporter and date, not as words of the message (cn-people-liuyan-sport-message-6835141)', () => {
    const html = sportMessage();
    const [issue] = extract(html, URL).issues;
    expect(issue?.reporter.name).toBe('A***');
    expect(issue?.reportedAt).toBe('2020-01-15T10:11:00+08:00');
    expect(issue?.description.startsWith('全民健身打造15分钟')).toBe(true);
  });

  it('reads a reply whose label is followed by the answering leader as one update by that leader, and the leader as the department (cn-people-liuyan-sport-message-6835141)', () => {
    const html = sportMessage();
    const [issue] = extract(html, URL).issues;
    expect(issue?.department).toBe('国家体育总局局长苟仲文');
    expect(issue?.updates).toHaveLength(1);
    expect(issue?.updates[0]?.by).toBe('国家体育总局局长苟仲文');
    expect(issue?.updates[0]?.at).toBe('2020-08-06T08:33:00+08:00');
    expect(issue?.updates[0]?.text).toContain('体育总局积极会同有关部门');
    expect(issue?.updates[0]?.text).not.toContain('回复时间');
  });

  it('does not count the writer’s rating as a reply nor its time as the case’s date (cn-people-liuyan-sport-message-6835141)', () => {
    const html = sportMessage();
    const [issue] = extract(html, URL).issues;
    expect(JSON.stringify(issue)).not.toContain('评价时间');
    expect(JSON.stringify(issue)).not.toContain('好评');
    expect(issue?.reportedAt).not.toBe('2020-08-07T23:18:00+08:00');
    expect(matchLabel('评价时间')?.field).toBe('ignore');
    expect(matchLabel('解决程度')?.field).toBe('ignore');
  });

  it('keeps a message awaiting its reply as a case, though its reply list is empty and row templates sit beside it (cn-people-liuyan-mps-message-9233844)', () => {
    const html = messagePage({
      title: '简化机动车交易过程手续',
      status: '待回复',
      statusClass: 'red',
      tags: ['建言'],
      replies: '\n            \n            \n',
    });
    const result = extract(html, 'http://liuyan.people.com.cn/threads/content?tid=9233844');
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue?.title).toBe('简化机动车交易过程手续');
    expect(issue?.status).toBe('new');
    expect(issue?.updates).toHaveLength(0);
    expect(issue?.reportedAt).toBe('2020-01-15T10:11:00+08:00');
  });

  it('still gives no case for the board’s list page saved without its rows: its heading names the leader, with no dated line (issue 18)', () => {
    const html = `<html><head><title>北京市委书记蔡奇 - 北京市 - 领导留言板 - 人民网</title></head><body>
      <div class="path_2j">当前位置 ：<a href="/">领导留言板</a> &gt; 地方领导 &gt; <i>北京市委书记蔡奇</i></div>
      <div class="leader"><h2>北京市委书记蔡奇</h2><p>本栏目收到的留言</p></div>
      <div class="liuyan_box02"><ul class="clearfix title"><li>全部</li><li>待回复</li><li>办理中</li><li>已办理</li></ul>
      <ul class="showMoreNChildren" id="list_content"></ul></div>${rowTemplate}</body></html>`;
    const result = extract(html, 'http://liuyan.people.com.cn/threads/list?fid=539');
    expect(result.issues).toHaveLength(0);
    expect(result.notes.map((n) => n.code)).toContain('rows-loaded-by-script');
  });

  it('names the pieces: heading words through an inline wrapper, a leader by title and name, 待回复 as new (cn-people-liuyan-*)', () => {
    const h = parseHtml(
      '<html><body><h2><b><span>拖欠工资</span><em class="green">已办理</em><em class="domainType">就业</em></b></h2></body></html>',
      URL,
    ).querySelector('h2')!;
    expect(headingText(h)).toBe('拖欠工资');
    expect(isAnswererName('国家体育总局局长苟仲文')).toBe(true);
    expect(isAnswererName('中共凉州区委办公室')).toBe(true);
    expect(isAnswererName('感谢网民朋友们对体育事业的关心和支持')).toBe(false);
    expect(isAnswererName('部长您好')).toBe(false);
    expect(mapStatus('待回复', true)).toBe('new');
    expect(mapStatus('办理中', true)).toBe('in_progress');
  });
});
