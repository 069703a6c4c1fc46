import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

const now = new Date('2026-06-02T00:00:00Z');

describe('list detection', () => {
  it('a table with a header row of case columns is a list, in document order', () => {
    const html = `<table><thead><tr><th>编号</th><th>标题</th><th>受理时间</th><th>状态</th></tr></thead><tbody>
      <tr><td>A1</td><td><a href="d?id=A1">一号问题</a></td><td>2026-05-01 08:00</td><td>已受理</td></tr>
      <tr><td>A2</td><td><a href="d?id=A2">二号问题</a></td><td>2026-05-02 09:00</td><td>已办结</td></tr>
      <tr><td>A3</td><td><a href="d?id=A3">三号问题</a></td><td>2026-05-03 10:00</td><td>已退回</td></tr>
    </tbody></table>`;
    const res = extractIssues(parseHtml(html), { url: 'https://x.example.gov.cn/list', now });
    expect(res.kind).toBe('list');
    expect(res.issues.map((i) => [i.source.caseNumber, i.title, i.status])).toEqual([
      ['A1', '一号问题', 'accepted'],
      ['A2', '二号问题', 'resolved'],
      ['A3', '三号问题', 'rejected'],
    ]);
    expect(res.issues[0]!.source.url).toBe('https://x.example.gov.cn/d?id=A1');
  });

  it('a header table with one row is a detail page', () => {
    const html = `<table><tr><th>案件编号</th><th>主旨</th><th>处理状态</th></tr>
      <tr><td>T-1</td><td>路灯不亮</td><td>处理中</td></tr></table>`;
    const res = extractIssues(parseHtml(html), { url: 'https://x.example.gov.tw/c', now });
    expect(res.kind).toBe('detail');
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]!.source.caseNumber).toBe('T-1');
  });

  it('repeated cards with labelled fields are a list', () => {
    const card = (n: number, s: string) =>
      `<li class="card"><a class="title" href="/m/${n}">第${n}条留言的标题</a><p>留言人：张${n} 分类：市政 留言时间：2026.05.2${n}</p><span class="badge">${s}</span></li>`;
    const html = `<ul class="list">${card(1, '已回复')}${card(2, '办理中')}${card(3, '待处理')}</ul>`;
    const res = extractIssues(parseHtml(html), { url: 'https://x.example.gov.cn/l', now });
    expect(res.kind).toBe('list');
    expect(res.issues.map((i) => i.reporter.name)).toEqual(['张1', '张2', '张3']);
    expect(res.issues.map((i) => i.status)).toEqual(['resolved', 'in_progress', 'new']);
    expect(res.issues[2]!.reportedAt).toBe('2026-05-23T00:00:00+08:00');
  });

  it('rows of a detail table (different fields per row) are not cards', () => {
    const html = `<table>
      <tr><td>来电编号：</td><td>SJ1</td><td>来电时间：</td><td>2026-5-25 9:05</td></tr>
      <tr><td>来电人：</td><td>刘先生</td><td>联系电话：</td><td>13524871903</td></tr>
      <tr><td>主题：</td><td colspan="3">候车亭顶棚破损</td></tr></table>`;
    const res = extractIssues(parseHtml(html), { url: 'https://x.example.gov.cn/d', now });
    expect(res.kind).toBe('detail');
    expect(res.issues[0]!.title).toBe('候车亭顶棚破损');
  });

  it('a news list (titles and dates, no status) is not a list of cases', () => {
    const html = `<h1>某某新闻</h1><ul class="news">
      <li><a href="/1">街道召开安全工作会议</a><span>2026-05-01</span></li>
      <li><a href="/2">社区开展垃圾分类宣传</a><span>2026-05-02</span></li></ul>
      <div class="article"><p>这是一篇很长的正文，介绍了街道的工作情况，内容足够长，能被当成正文段落来识别和提取。</p></div>`;
    const res = extractIssues(parseHtml(html), { url: 'https://x.example.gov.cn/n', now });
    expect(res.kind).toBe('detail');
  });
});

describe('pagination', () => {
  it('reads current page, total, next/prev and numbered links', () => {
    const html = `<table><thead><tr><th>编号</th><th>标题</th></tr></thead>
      <tr><td>1</td><td>甲</td></tr><tr><td>2</td><td>乙</td></tr></table>
      <div class="pager">共 47 条 第 1/5 页 <a href="javascript:void(0)">上一页</a><span class="cur">1</span>
      <a href="?page=2">2</a><a href="?page=3">3</a><a href="?page=2">下一页</a></div>`;
    const res = extractIssues(parseHtml(html), { url: 'https://x.example.gov.cn/list?page=1', now });
    expect(res.pagination).toEqual({
      current: 1,
      total: 5,
      totalItems: 47,
      next: 'https://x.example.gov.cn/list?page=2',
      pages: [
        { number: 2, url: 'https://x.example.gov.cn/list?page=2' },
        { number: 3, url: 'https://x.example.gov.cn/list?page=3' },
      ],
    });
  });
});
