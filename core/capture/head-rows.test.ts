import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { findHeaderTables } from './header-tables';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { createScan } from './scan';

/**
 * A data table's head row is no row of label/value pairs, and a notice's own heading beats a `名称：` pair in one of
 * its sections far below (pair-tables.ts `headOverValues`, notice-title.ts). Real pages that showed the cause:
 * cn-ccgp-shenzhen-longhua-school-aircon-award (`名称 | 品牌（如有） | …` titled the notice), cn-jsggzy-nanjing-metro-
 * tender-notice (`条款号 | 条款内容 | 编列内容` described it); the markup here is written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const URL = 'https://notices.example.org/award/2026/0417.html';
const doc = (body: string, title = '') =>
  parseHtml(`<html lang="zh-CN"><head><title>${title}</title></head><body>${body}</body></html>`, URL);
const pairsOf = (body: string) => {
  const d = doc(body);
  const scan = createScan(d, d.body!);
  return collectPairs(scan, findHeaderTables(scan)).map((p) => `${p.label}=${p.value}`);
};
const table = (...rows: string[]) => `<table border="1"><tbody>${rows.join('')}</tbody></table>`;
const row = (cells: string[], tag = 'td', attrs = '') =>
  `<tr>${cells.map((c) => `<${tag}${attrs}>${c}</${tag}>`).join('')}</tr>`;

describe('a head row over value rows', () => {
  it('names columns: none of its cells is the value of the one before it', () => {
    const pairs = pairsOf(
      table(
        row(['名称', '生产厂家', '型号', '数量', '单价（元）']),
        row(['除湿机', '海尔', 'DH-58B', '6', '3200.00']),
        row(['新风机', '格力', 'XF-300', '2', '9800.00']),
      ),
    );
    expect(pairs.filter((p) => p.startsWith('名称'))).toEqual([]);
  });

  it('of three bold cells over clause rows (widths differ cell by cell)', () => {
    const bold = (w: number) => ` style="width:${w}%;font-weight:bold"`;
    const pairs = pairsOf(
      table(
        `<tr><td${bold(20)}>序号</td><td${bold(30)}>条款内容</td><td${bold(50)}>具体规定</td></tr>`,
        row(['1.1', '投标有效期', '自投标截止之日起九十日历天。']),
      ),
    );
    expect(pairs.filter((p) => p.startsWith('条款内容'))).toEqual([]);
  });

  it('is still pairs when its four cells alternate label and value drawn unlike (`<th>` then `<td>`)', () => {
    const pairs = pairsOf(
      table(
        '<tr><th>来信人</th><td>王**</td><th>来信方式</th><td>网上来信</td></tr>',
        '<tr><th>来信目的</th><td>求决</td><th>所属区域</th><td>河西区</td></tr>',
      ),
    );
    expect(pairs).toContain('来信人=王**');
  });

  it('of four cells drawn alike over rows drawn alike is pairs too: nothing tells it from a head', () => {
    const pairs = pairsOf(
      table(row(['来信人', '王**', '来信方式', '网上来信']), row(['来信目的', '求决', '所属区域', '河西区'])),
    );
    expect(pairs).toContain('来信人=王**');
  });
});

describe("a notice's own heading", () => {
  const notice = (sections: string) =>
    doc(
      `<div class="main"><h2>滨江区第二实验小学课桌椅采购项目中标结果公告</h2><p>发布时间：2026年03月02日</p>
<p>一、项目编号：BJ2026-0113</p><p>二、项目名称：滨江区第二实验小学课桌椅采购</p>
<p>三、中标信息：供应商名称：杭州明德教学设备有限公司，供应商地址：杭州市滨江区长河街道江南大道3850号，中标金额：1286400.00元。本项目评审委员会由五人组成，评审结果已经采购人确认，现予公告，公告期限为一个工作日。</p>
<p>四、评审专家名单：李明、王芳、陈刚、赵磊、周婷。</p>
<p>五、主要标的信息：学生课桌椅一千二百套，教师讲台六十张，交货期为合同签订后三十日内，质保期三年，供应商负责送货上门、安装调试及旧桌椅回收，验收合格后支付合同金额的百分之九十五，余款在质保期满后无息付清。</p>${sections}</div>`,
      '滨江区第二实验小学课桌椅采购项目中标结果公告',
    );

  it('titles it over a `名称：` pair far below, in the purchaser’s section', () => {
    const d = notice('<p>六、采购人信息</p><p>名称：滨江区第二实验小学</p><p>地址：滨江区江虹路1200号</p>');
    expect(extractIssues(d, { url: URL, now: NOW }).issues[0]!.title).toBe(
      '滨江区第二实验小学课桌椅采购项目中标结果公告',
    );
  });

  it('yields to a title pair right under it (the case’s own head)', () => {
    const d = doc(
      '<h2>滨江区第二实验小学课桌椅采购项目中标结果公告</h2><p>标题：课桌椅采购项目更正后的中标结果</p><p>发布时间：2026年03月02日</p>',
      '滨江区第二实验小学课桌椅采购项目中标结果公告',
    );
    expect(extractIssues(d, { url: URL, now: NOW }).issues[0]!.title).toBe('课桌椅采购项目更正后的中标结果');
  });
});

describe('a data table under a head row', () => {
  it("is no notice's text, however long its cells (the notice's own paragraph describes it)", () => {
    const clause = (n: string, name: string, rule: string) => row([n, name, rule]);
    const d = doc(
      `<h2>城北污水处理厂提标改造工程施工招标公告</h2>
<p>1. 招标条件</p><p>本招标项目城北污水处理厂提标改造工程已由市发展和改革委员会批准建设，招标人为市排水有限公司，现对该项目施工进行公开招标。</p>
${table(
  row(['条款号', '条款名称', '编列内容'], 'td', ' style="font-weight:bold"'),
  clause(
    '3.1',
    '评标办法',
    '综合评估法：投标报价占六十分，施工组织设计占二十五分，项目管理机构占十分，企业信誉占五分。报价得分按评标基准价计算，偏差率每高于基准价一个百分点扣一分，每低于基准价一个百分点扣零点五分，扣完为止。',
  ),
  clause(
    '3.2',
    '投标有效期',
    '自投标截止之日起九十日历天，有效期内投标人不得撤回投标文件，否则没收其投标保证金并记入信用档案。',
  ),
)}`,
      '城北污水处理厂提标改造工程施工招标公告',
    );
    expect(extractIssues(d, { url: URL, now: NOW }).issues[0]!.description).toContain('本招标项目城北污水处理厂');
  });
});
