import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

const now = new Date('2026-06-02T08:00:00Z');
const url = 'https://liuyan.example.gov.cn/threads/list?fid=539';
const extract = (html: string) => extractIssues(parseHtml(html), { url, now });

// The chrome every saved copy keeps: title, navigation, a font-size control, a pager with nothing in it.
const chrome = (
  list: string,
  script: string,
) => `<!DOCTYPE html><html><head><title>留言列表_领导留言板</title></head><body>
  <div class="nav"><a href="/">首页</a><a href="/threads/list">留言</a></div>
  <h2>某市委书记 留言列表</h2>
  <div class="fontSize">字号：<a>超大</a><a>大</a><a>标准</a><a>小</a></div>
  <p>网友可以在这里给领导留言，反映问题，提出建议。</p>
  ${list}
  <div id="pages" class="page"></div>
  <div class="footer">版权所有 人民网</div>
  ${script}
</body></html>`;

describe('a list page saved without the rows its script loads', () => {
  it('an empty <ul> that an ajax call fills gives no case, and says so in both languages', () => {
    const res = extract(
      chrome(
        '<div class="replyList"><ul class="replyListBox" id="replyList"></ul></div>',
        `<script>$.ajax({url: '/threads/queryThreadsList', data: {fid: 539}, success: function (d) { $('#replyList').html(render(d)); }});</script>`,
      ),
    );
    expect(res.issues).toEqual([]);
    expect(res.notes).toEqual([
      {
        code: 'rows-loaded-by-script',
        message: 'rows are loaded by script: clip from the live page',
        messageZh: '列表的行由网页脚本加载，保存的页面里没有：请在打开的网页上直接剪藏',
      },
    ]);
  });

  it('a table with its header over an empty body, filled by layui', () => {
    const res = extract(
      chrome(
        '<table id="letters"><thead><tr><th>标题</th><th>提交时间</th><th>状态</th></tr></thead><tbody></tbody></table>',
        `<script>layui.table.render({elem: '#letters', url: '/api/letters'});</script>`,
      ),
    );
    expect(res.issues).toEqual([]);
    expect(res.notes.map((n) => n.code)).toEqual(['rows-loaded-by-script']);
  });

  it('a list that still shows "加载中…" under a row template', () => {
    const res = extract(
      chrome('<div class="msg-list">加载中…</div><script type="text/html" id="tpl"><li>{{d.title}}</li></script>', ''),
    );
    expect(res.issues).toEqual([]);
    expect(res.notes.map((n) => n.code)).toEqual(['rows-loaded-by-script']);
  });

  it('the same page saved after its rows arrived gives one case per row', () => {
    const rows = [1, 2, 3]
      .map(
        (n) =>
          `<li><a href="/threads/content?tid=${n}">小区${n}号楼电梯停运</a><span>2026-05-2${n}</span><span class="state">已回复</span></li>`,
      )
      .join('');
    const res = extract(
      chrome(
        `<div class="replyList"><ul class="replyListBox" id="replyList">${rows}</ul></div>`,
        `<script>$.ajax({url: '/threads/queryThreadsList'});</script>`,
      ),
    );
    expect(res.issues.map((i) => i.title)).toEqual(['小区1号楼电梯停运', '小区2号楼电梯停运', '小区3号楼电梯停运']);
    expect(res.notes).toEqual([]);
  });

  it('a detail page with labelled fields is read even when a side list on it is still empty', () => {
    const res = extract(
      chrome(
        `<table><tr><td>留言标题：</td><td>楼道灯不亮</td></tr><tr><td>留言时间：</td><td>2026-05-20 10:00</td></tr>
         <tr><td>留言内容：</td><td>3号楼楼道灯坏了一个月。</td></tr></table><ul id="relatedList"></ul>`,
        `<script>$.get('/threads/related', function () {});</script>`,
      ),
    );
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]!.title).toBe('楼道灯不亮');
    expect(res.notes).toEqual([]);
  });

  // The shape of many government article pages (山西省人民政府's `t20190918_693227.shtml`, GeneralNewsExtractor's
  // tests/shanxi): an inline $.ajax filling an empty `相关链接` list beside a full article, its date unlabelled.
  it('an article with a clear main text is read, not taken for a list saved without its rows', () => {
    const article = `<div class="detail-article-title"><h2>山西品牌丝路行（南美站）正式启动</h2></div>
      <div class="detail-article-infos">2019-09-18 06:23　山西日报</div>
      <div class="article-body"><div class="TRS_Editor">
        <p>跨越千山万水，行程近两万公里，山西品牌丝路行首次登陆巴西，刷新“走出去”的最远纪录。当地时间9月16日下午，活动在圣保罗正式启动。</p>
        <p>举办山西品牌丝路行（南美站）活动，是我省积极主动融入“一带一路”建设、加快构建内陆地区对外开放新高地的具体举措。当地工商界人士对山西代表团的到来表示欢迎。</p>
        <p>中国驻圣保罗总领馆副总领事在致辞中说，圣保罗是巴西乃至南美最大的经济、贸易、商业、金融、物流和交通中心，希望山西和圣保罗加强合作。</p>
        <p>山西品牌丝路行主题为“走丝绸之路，促合作共赢”。南美站活动将先后在巴西、乌拉圭、阿根廷举行。</p>
      </div></div>
      <div class="xglj"><h3>相关链接</h3><ul class="xglist" id="relatedList"></ul></div>`;
    const html = chrome(
      article,
      `<script>$.ajax({url: '/api/related', data: {id: 693227}, success: function (d) { fill('#relatedList', d); }});</script>`,
    ).replace(
      '<title>留言列表_领导留言板</title>',
      '<title>山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站</title>',
    );
    const res = extract(html);
    expect(res.notes).toEqual([]);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]!.title).toBe('山西品牌丝路行（南美站）正式启动');
    expect(res.issues[0]!.description).toContain('山西品牌丝路行首次登陆巴西');
  });

  it('a list page whose only prose is a short intro still gives no case', () => {
    const res = extract(
      chrome(
        '<p>请文明留言，留言内容须真实。我们将在五个工作日内转交有关部门办理。</p><ul class="msgList" id="replyList"></ul>',
        `<script>fetch('/threads/list?fid=539').then((r) => r.json()).then((rows) => render('#replyList', rows));</script>`,
      ),
    );
    expect(res.issues).toEqual([]);
    expect(res.notes.map((n) => n.code)).toEqual(['rows-loaded-by-script']);
  });
});

describe('a page whose scripts fill something else', () => {
  it('a notice page with an ajax visit counter and an empty decorative list keeps its case', () => {
    const res = extract(`<!DOCTYPE html><html><head><title>关于小区停水的通知_街道办事处</title></head><body>
      <h1>关于小区停水的通知</h1>
      <div class="content"><p>因市政管网维修，和平里小区3号楼至8号楼将于5月28日9时至17时停水，请居民提前储水。</p></div>
      <div class="news-list"></div>
      <span id="visits"></span>
      <script>$.get('/api/visits?id=88', function (n) { $('#visits').text(n); });</script>
    </body></html>`);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]!.title).toBe('关于小区停水的通知');
    expect(res.notes).toEqual([]);
  });
});
