import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';
import { pageDateContext } from './zones';

/**
 * Causes of the thirteenth session's one scoring (held-out-cn14; tuned on since, not unseen) on administrative-penalty
 * disclosure tables (行政处罚 双公示): every test names the page that showed the cause, and its markup is written apart
 * from it, as another body's table of the same national format.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('real causes (s13-pcn): a 行政处罚 disclosure table read as one case', () => {
  // cn-nfra-xzcf-zongju-2024-36-penalty: a label column; here a city market regulator's 双公示 entry.
  const url = 'https://scjgj.example.gov.cn/xzcf/2023/art_118.html';
  const labelColumn = `<html lang="zh-CN"><head><title>某市市场监督管理局</title>
<meta name="SiteName" content="某市市场监督管理局">
<meta name="ArticleTitle" content="某市市场监督管理局行政处罚信息公示表(某市监处罚〔2023〕118号)">
<meta name="PubDate" content="2023-09-14 10:20"></head><body>
<div class="top"><div class="logo">某市市场监督管理局</div></div>
<div class="article"><div class="ng-hide"><div class="header-title">某市市场监督管理局</div></div>
<div class="article-title">某市市场监督管理局行政处罚信息公示表</div>
<div class="info"><span>发布时间：2023-09-14</span><span>来源：执法稽查局</span></div>
<table class="MsoNormalTable">
<tr><td>行政处罚决定书文号</td><td>某市监处罚〔2023〕118号</td></tr>
<tr><td>被处罚当事人</td><td>某某食品贸易有限公司</td></tr>
<tr><td>主要违法违规事实</td><td><p><span style="font-family:仿宋_GB2312;mso-font-kerning:0pt">销售</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312">超过保质期</span><span style="font-family:仿宋_GB2312;mso-font-kerning:0pt">的食品</span></p></td></tr>
<tr><td>行政处罚依据</td><td>《中华人民共和国食品安全法》第一百二十四条</td></tr>
<tr><td>行政处罚决定</td><td>没收违法所得并罚款5万元</td></tr>
<tr><td>作出处罚决定的机关名称</td><td>某市市场监督管理局</td></tr>
<tr><td>作出处罚决定的日期</td><td>2023年9月8日</td></tr>
</table></div></body></html>`;

  it('numbers the case by the decision, describes it by the facts found and names the deciding body', () => {
    const [issue] = extract(labelColumn, url).issues;
    expect(issue?.source.caseNumber).toBe('某市监处罚〔2023〕118号');
    expect(issue?.description).toContain('销售超过保质期的食品');
    expect(issue?.department).toBe('某市市场监督管理局');
    expect(issue?.reporter.name).toBeUndefined();
  });

  it('titles it by the table heading, not by a <title> that is only the site name', () => {
    const [issue] = extract(labelColumn, url).issues;
    expect(issue?.title).toBe('某市市场监督管理局行政处罚信息公示表');
  });

  // cn-nfra-xzcf-zhejiang-2024-52-penalty: a header row over the parties of one decision, whose number, facts and
  // deciding body span both rows; here a provincial ecology department's entry.
  const headerRow = `<html lang="zh-CN"><head><title>某省生态环境厅行政处罚公示</title></head><body>
<div class="article"><h1>某省生态环境厅行政处罚信息公开表（某环罚〔2022〕7号）</h1>
<div class="info">发布时间：2022-05-10 来源：执法监督处</div>
<table>
<tr><td>序号</td><td>当事人名称</td><td>行政处罚决定书文号</td><td>违法行为类型</td><td>行政处罚内容</td><td>作出决定机关</td></tr>
<tr><td>1</td><td>某某化工有限公司</td><td rowspan="2">某环罚〔2022〕7号</td><td rowspan="2">未按规定运行大气污染防治设施</td><td>罚款20万元</td><td rowspan="2">某省生态环境厅</td></tr>
<tr><td>2</td><td>张某某（时任某某化工有限公司厂长）</td><td>罚款2万元</td></tr>
</table></div></body></html>`;
  const headerUrl = 'https://sthjt.example.gov.cn/xxgk/xzcf/202205/t20220510_7.html';

  it('reads the parties of one decision as one case, not a list of two', () => {
    const issues = extract(headerRow, headerUrl).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.source.caseNumber).toBe('某环罚〔2022〕7号');
    expect(issues[0]?.description).toContain('未按规定运行大气污染防治设施');
    expect(issues[0]?.department).toBe('某省生态环境厅');
  });

  it('still lists decisions of different numbers as separate cases', () => {
    const two = headerRow
      .replace('<td rowspan="2">某环罚〔2022〕7号</td>', '<td>某环罚〔2022〕7号</td>')
      .replace('<td rowspan="2">未按规定运行大气污染防治设施</td>', '<td>未按规定运行大气污染防治设施</td>')
      .replace('<td rowspan="2">某省生态环境厅</td>', '<td>某省生态环境厅</td>')
      .replace(
        '<td>张某某（时任某某化工有限公司厂长）</td><td>罚款2万元</td>',
        '<td>某某建材有限公司</td><td>某环罚〔2022〕8号</td><td>超标排放大气污染物</td><td>罚款10万元</td><td>某省生态环境厅</td>',
      );
    const issues = extract(two, headerUrl).issues;
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['某环罚〔2022〕7号', '某环罚〔2022〕8号']);
  });

  it('knows the 双公示 labels of a licensing table too', () => {
    expect(matchLabel('行政许可决定书文号')?.field).toBe('caseNumber');
    expect(matchLabel('许可机关')?.field).toBe('department');
    expect(matchLabel('法定代表人')?.field).toBe('ignore');
  });
});

describe('real causes (s13-pcn): a page takes its zone from its country domain', () => {
  // pt-parlamento-proposta-de-lei-33-xv-1 (Lisbon) and co-congresovisible-proyecto-12558-reforma-tributaria (Bogotá)
  // were read as UTC: their countries were missing from the table. Here other hosts of the same countries and more.
  const at = (url: string, when: string) => parseDate(when, pageDateContext({ url }));

  it('keeps the summer time of the country the domain names', () => {
    expect(at('https://www.dre.example.pt/diario/2022', '2022-09-05 10:00')).toBe('2022-09-05T10:00:00+01:00');
    expect(at('https://www.dre.example.pt/diario/2022', '2022-01-05 10:00')).toBe('2022-01-05T10:00:00+00:00');
    expect(at('https://www.boe.example.es/dias/2023', '2023-07-01 09:00')).toBe('2023-07-01T09:00:00+02:00');
    expect(at('https://www.gob.mx/example/2023', '2023-07-01 09:00')).toBe('2023-07-01T09:00:00-06:00');
  });

  it('reads a domain sold worldwide for its letters as its country only under the country’s own second level', () => {
    expect(at('https://www.minhacienda.gov.co/normativa', '2022-08-08 09:00')).toBe('2022-08-08T09:00:00-05:00');
    expect(at('https://congreso.example.edu.co/proyecto/1', '2022-08-08 09:00')).toBe('2022-08-08T09:00:00-05:00');
    expect(at('https://startup.example.co/blog', '2022-08-08 09:00')).toBe('2022-08-08T09:00:00+00:00');
  });
});
