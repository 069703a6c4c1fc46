import { describe, expect, it } from 'vitest';
import { Issue } from '../models/issue';
import { extractIssues } from './extract';
import { parseHtml } from './node';

const now = new Date('2026-06-02T08:00:00Z');
const url = 'https://12345.example.gov.cn/order/view?id=88231';
const one = (html: string, opts: Parameters<typeof extractIssues>[1] = {}) => {
  const res = extractIssues(parseHtml(html), { url, now, ...opts });
  expect(res.issues).toHaveLength(1);
  return res.issues[0]!;
};

describe('label–value layouts', () => {
  it('two-column tables with several pairs per row', () => {
    const i = one(`<table>
      <tr><td>工单编号：</td><td>XH2605280137</td><td>受理时间：</td><td>2026年5月28日 14时30分</td></tr>
      <tr><td>诉求标题：</td><td colspan="3">小区门口井盖破损</td></tr>
      <tr><td>联 系 人：</td><td>王女士</td><td>联系电话：</td><td>13812345678</td></tr></table>`);
    expect(i.source.caseNumber).toBe('XH2605280137');
    expect(i.reportedAt).toBe('2026-05-28T14:30:00+08:00');
    expect(i.title).toBe('小区门口井盖破损');
    expect(i.reporter).toMatchObject({ name: '王女士', phone: '138****5678' });
  });

  it('vertical tables with <th>', () => {
    const i = one(
      `<table><tr><th>Subject</th><td>Blocked drain</td></tr><tr><th>Status</th><td>In progress</td></tr></table>`,
    );
    expect(i.title).toBe('Blocked drain');
    expect(i.status).toBe('in_progress');
  });

  it('<dl>', () => {
    const i = one(`<dl><dt>案件标题</dt><dd>路灯不亮</dd><dt>发生地址</dt><dd>某路1号</dd></dl>`);
    expect(i.title).toBe('路灯不亮');
    expect(i.location.address).toBe('某路1号');
  });

  it('label：value runs in one element, and label + sibling value elements', () => {
    const i =
      one(`<div class="info"><span>留言人：钱女士</span> <span>分类：城市建设</span> <span>留言时间：2026.05.27</span></div>
      <div class="row"><span class="lbl">留言标题：</span><span class="val">地砖松动</span></div>
      <div><div class="hd">留言内容</div><div class="bd"><p>第一段。</p><p>第二段。</p></div></div>`);
    expect(i.reporter.name).toBe('钱女士');
    expect(i.category).toBe('城市建设');
    expect(i.reportedAt).toBe('2026-05-27T00:00:00+08:00');
    expect(i.title).toBe('地砖松动');
    expect(i.description).toBe('第一段。\n第二段。');
  });

  it('read-only form fields: input, textarea, selected option, <label for> and wrapping <label>', () => {
    const i = one(`<form method="post">
      <label for="t">*事项标题：</label><input id="t" value="屋面漏水" readonly>
      <label for="c">问题类别：</label><select id="c" disabled><option value="">--请选择--</option><option value="3" selected>房屋修缮</option></select>
      <label>反映内容：<textarea readonly>顶楼天花板渗水。</textarea></label>
      <label for="s">处理状态：</label><select id="s"><option value="0">待处理</option><option value="1" selected="selected">已转办</option></select>
      <label for="p">身份证号：</label><input id="p" value="31010419580312168X" readonly>
    </form>`);
    expect(i.title).toBe('屋面漏水');
    expect(i.category).toBe('房屋修缮');
    expect(i.description).toBe('顶楼天花板渗水。');
    expect(i.status).toBe('accepted');
    expect(JSON.stringify(i)).not.toContain('31010419580312168X');
  });

  it('a search form is not part of the case', () => {
    const i =
      one(`<form class="search"><label>标题：<input name="kw" value="查询词"></label><button>查询</button></form>
      <table><tr><td>诉求标题：</td><td>真正的标题</td></tr></table>`);
    expect(i.title).toBe('真正的标题');
  });
});

describe('updates', () => {
  it('reply blocks become updates in page order with by/at', () => {
    const i = one(`<table><tr><td>诉求标题</td><td>油烟扰民</td></tr></table>
      <div class="reply"><div class="item"><p>回复单位：甲局</p><p>回复时间：2026-05-23 16:40</p><p>回复内容：已责令整改。</p></div>
      <div class="item"><p>回复单位：乙局</p><p>回复时间：2026-05-30 10:05</p><p>回复内容：已复查合格。</p></div></div>`);
    expect(i.updates).toEqual([
      { at: '2026-05-23T16:40:00+08:00', by: '甲局', text: '已责令整改。' },
      { at: '2026-05-30T10:05:00+08:00', by: '乙局', text: '已复查合格。' },
    ]);
  });

  it('progress tables (办理过程) with time / department / text columns', () => {
    const i = one(`<p>诉求标题：噪声</p><table><tr><th>处理时间</th><th>处理部门</th><th>处理意见</th></tr>
      <tr><td>2026/05/27 08:52</td><td>网格中心</td><td>予以立案。</td></tr>
      <tr><td>2026/05/27 09:20</td><td>城管中队</td><td>已到场处置。</td></tr></table>`);
    expect(i.updates.map((u) => [u.at, u.by, u.text])).toEqual([
      ['2026-05-27T08:52:00+08:00', '网格中心', '予以立案。'],
      ['2026-05-27T09:20:00+08:00', '城管中队', '已到场处置。'],
    ]);
  });

  it('timelines under a heading, with the last state as the issue status when none is labelled', () => {
    const i = one(
      `<h1>Pothole on Mill Lane</h1><div class="body"><p>A deep pothole in the northbound lane, very dangerous for cyclists.</p></div>
      <section class="updates"><h2>Updates</h2>
      <div class="update"><p>Posted by <strong>Council</strong> at 09:15, Wed 4 March 2026</p><p>State changed to: Investigating</p><p>We will inspect it.</p></div>
      <div class="update"><p>Posted by <strong>Council</strong> at 14:40, Mon 9 March 2026</p><p>State changed to: Fixed</p><p>Patched today.</p></div></section>`,
      { url: 'https://report.x.example.gov.uk/report/1' },
    );
    expect(i.updates).toEqual([
      { at: '2026-03-04T09:15:00+00:00', by: 'Council', status: 'in_progress', text: 'We will inspect it.' },
      { at: '2026-03-09T14:40:00+00:00', by: 'Council', status: 'resolved', text: 'Patched today.' },
    ]);
    expect(i.status).toBe('resolved');
    expect(i.description).toContain('northbound lane');
  });
});

describe('readable fallback', () => {
  it('no labels: title from a heading confirmed by <title>, description from the densest block', () => {
    const i = one(`<html><head><title>居民反映充电隐患 街道建成充电棚_街镇动态_上海闵行</title></head><body>
      <div class="nav"><a href="/">首页</a><a href="/a">信息公开</a></div>
      <h1>居民反映充电隐患　街道建成充电棚</h1>
      <div class="content"><p>5月中旬，居民给居委会打来电话，说楼道里每天晚上都停着电动自行车，还有人拉电线充电。</p>
      <p>街道随即召集物业、业委会和居民代表开了一次协调会，决定建设一处集中充电棚。</p></div>
      <div class="footer">主办：某区政府 联系电话：021-64128500</div></body></html>`);
    expect(i.title).toBe('居民反映充电隐患 街道建成充电棚');
    expect(i.description).toContain('决定建设一处集中充电棚');
    expect(i.reporter.phone).toBeUndefined();
  });

  it('title minus the site suffix when no heading matches', () => {
    const i = one(
      `<html><head><title>Broken bench in Elm Park – Report a problem – Eastbrook</title></head><body><p>x</p></body></html>`,
    );
    expect(i.title).toBe('Broken bench in Elm Park');
  });
});

describe('selection', () => {
  const page = `<div id="a"><table><tr><td>诉求标题：</td><td>甲问题</td></tr><tr><td>联系电话：</td><td>13800001111</td></tr></table></div>
    <div id="b"><table><tr><td>诉求标题：</td><td>乙问题</td></tr><tr><td>联系电话：</td><td>13911112222</td></tr></table></div>`;

  it('an Element limits extraction to it', () => {
    const doc = parseHtml(page);
    const res = extractIssues(doc, { url, now, selection: doc.getElementById('b')! });
    expect(res.kind).toBe('selection');
    expect(res.issues[0]!.title).toBe('乙问题');
    expect(JSON.stringify(res)).not.toContain('甲问题');
  });

  it('a Range limits extraction to its common ancestor', () => {
    const doc = parseHtml(page);
    const cell = doc.querySelector('#a td:last-child')!;
    const range = { commonAncestorContainer: doc.getElementById('a')!, toString: () => '' } as unknown as Range;
    const res = extractIssues(doc, { url, now, selection: range });
    expect(res.issues[0]!.title).toBe('甲问题');
    expect(cell).toBeTruthy();
  });

  it('a string selection: labelled lines, or a first line as title', () => {
    const a = extractIssues(parseHtml('<p></p>'), {
      url,
      now,
      selection: '诉求标题：楼道堆物\n联系电话：13812345678\n诉求内容：消防通道被堵',
    }).issues[0]!;
    expect(a).toMatchObject({ title: '楼道堆物', description: '消防通道被堵', reporter: { phone: '138****5678' } });
    const b = extractIssues(parseHtml('<p></p>'), { url, now, selection: '路灯不亮\n整条巷子晚上一片漆黑，请尽快修。' })
      .issues[0]!;
    expect(b.title).toBe('路灯不亮');
    expect(b.description).toBe('整条巷子晚上一片漆黑，请尽快修。');
  });
});

describe('issues', () => {
  const html = `<html><head><base href="https://cdn.example.gov.cn/files/"></head><body><table>
    <tr><td>诉求标题：</td><td>井盖破损 13812345678</td></tr>
    <tr><td>诉求内容：</td><td>身份证310101199001011234，卡号6222021234567890123，电话021-64871325。<img src="p/1.jpg" alt=""></td></tr>
    <tr><td>联系电话：</td><td>021-64871325</td></tr></table></body></html>`;

  it('are valid, masked everywhere, stamped with now, and have absolute attachment URLs', () => {
    const res = extractIssues(parseHtml(html), { url, now });
    const i = res.issues[0]!;
    expect(Issue.parse(i)).toEqual(i);
    const json = JSON.stringify(res);
    for (const secret of ['13812345678', '310101199001011234', '6222021234567890123', '64871325']) {
      expect(json).not.toContain(secret);
    }
    expect(i.createdAt).toBe(now.toISOString());
    expect(i.source.capturedAt).toBe(now.toISOString());
    expect(i.attachments).toEqual([{ url: 'https://cdn.example.gov.cn/files/p/1.jpg', kind: 'image' }]);
  });

  it('get the same id when the same page is clipped again', () => {
    const a = extractIssues(parseHtml(html), { url, now }).issues[0]!;
    const b = extractIssues(parseHtml(html), { url, now: new Date() }).issues[0]!;
    expect(a.id).toBe(b.id);
    const c = extractIssues(parseHtml(html), { url: `${url}&x=1`, now }).issues[0]!;
    expect(c.id).not.toBe(a.id);
  });

  it('idFactory overrides the id', () => {
    const res = extractIssues(parseHtml(html), { url, now, idFactory: ({ index }) => `x-${index}` });
    expect(res.issues[0]!.id).toBe('x-0');
  });
});

describe('partial Range selection', () => {
  it('uses the selected text, not the whole block around it', () => {
    const doc = parseHtml(`<div id="art"><h2>街道新闻</h2><p>第一段无关内容，介绍街道概况和近期工作安排，篇幅较长。</p>
      <p id="sel">居民反映：小区北门路灯不亮已有两周，夜间出行不便。</p><p>第三段无关内容，讲述其他社区活动，同样篇幅较长。</p></div>`);
    const p = doc.getElementById('sel')!;
    const range = {
      commonAncestorContainer: doc.getElementById('art')!,
      toString: () => p.textContent ?? '',
    } as unknown as Range;
    const i = extractIssues(doc, { url, now, selection: range }).issues[0]!;
    expect(i.description).toBe('居民反映：小区北门路灯不亮已有两周，夜间出行不便。');
    expect(i.description).not.toContain('第三段');
  });
});

describe('more layouts', () => {
  it('a label row over a value row', () => {
    const i = one(`<table><tr><td>诉求标题：</td><td>路灯坏了</td></tr><tr><td colspan="2">诉求内容</td></tr>
      <tr><td colspan="2">小区门口的路灯坏了一个月了，晚上很黑。</td></tr></table>`);
    expect(i.description).toBe('小区门口的路灯坏了一个月了，晚上很黑。');
  });

  it('a bold label alone on its line takes the following lines', () => {
    const i = one(
      `<p><strong>诉求标题：</strong>路灯坏了</p><p><strong>诉求内容：</strong><br>第一段。<br>第二段。</p><p><strong>联系人：</strong>张三</p>`,
    );
    expect(i.description).toBe('第一段。\n第二段。');
    expect(i.reporter.name).toBe('张三');
  });

  it('a reply marked only by 答复单位 / 答复时间 is an update', () => {
    const i =
      one(`<div class="q"><h2>关于小区停车收费的咨询</h2><p>网友：李女士　时间：2026-04-02 09:10</p><p>请问地面停车位收费标准是多少，由谁定价？</p></div>
      <div class="a"><p>答复单位：区房管局　答复时间：2026-04-08</p><p>住宅小区停车收费实行市场调节价。</p></div>`);
    expect(i.title).toBe('关于小区停车收费的咨询');
    expect(i.updates).toEqual([
      { at: '2026-04-08T00:00:00+08:00', by: '区房管局', text: '住宅小区停车收费实行市场调节价。' },
    ]);
  });
});
