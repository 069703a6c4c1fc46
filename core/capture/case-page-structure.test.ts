/**
 * A case page read by where its text stands, not by its labels' words: a short paragraph saying the body closed the
 * case (detail-status.ts `closingSentence`), a summary block set just before the main text (readable.ts
 * `summaryBefore`), a meta line whose empty label must not take the next label's line (lines.ts `cjkLabelShaped`), a
 * breadcrumb trail after a label no table knows (text.ts `isBreadcrumb`). Markup written apart from the pages that
 * showed each cause (is-umbodsmadur-althingis-f143-2023-hpv-case, cn-wanzai-sjkf-2015-statistical-bulletin,
 * cn-dali-gjj-tzgg-fund-policy-notice-2641 label-blind).
 */
import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url = 'https://ombud.example.org/cases/77') =>
  extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]!;
const LETTER = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>In our letter of ${i + 3} March we asked the ministry how the fee had been set, and the ministry answered in full on each point raised.</p>`,
).join('');
const page = (summary: string, closing: string) =>
  `<html lang="en"><head><title>Letter</title></head><body><main><h1>Letter</h1><section>
<h3>Vaccination fees charged to pupils. No further action.</h3><h4>(Case no. F143/2023)</h4>
<div class="s1">${summary}${closing}</div><div class="s2">${LETTER}</div></section></main></body></html>`;
const SUMMARY =
  '<p>The Ombudsman looked into the fees charged for vaccinating pupils on his own initiative. A complaint had prompted it.</p>';

describe('a case closed by a sentence of its own', () => {
  it('`The Ombudsman concluded the case by letter of 17 December 2025.` closes it', () => {
    const issue = extract(page(SUMMARY, '<p>The Ombudsman concluded the case by letter of 17 December 2025.</p>'));
    expect(issue.status).toBe('closed');
  });
  it('without that sentence the case stays open', () => {
    expect(extract(page(SUMMARY, '')).status).toBe('new');
  });
});

describe('a summary block before the main text', () => {
  it('opens the description, the main text after it', () => {
    const issue = extract(page(SUMMARY, ''));
    expect(issue.description).toContain('The Ombudsman looked into the fees charged for vaccinating pupils');
    expect(issue.description).toContain('the ministry answered in full');
  });
  it('a one-line block before the main text is no summary (a byline, a date)', () => {
    const issue = extract(page('<p>Published 17 December 2025 by the Office</p>', ''));
    expect(issue.description).not.toContain('Published 17 December');
  });
});

describe('a meta line whose first label is empty', () => {
  it('`来源：` with no value does not take the next label’s line (`热度：199`, a label no table knows)', () => {
    const html = `<html lang="zh-CN"><head><title>统计公报</title></head><body><div class="content"><h1>某县2015年统计公报</h1>
<div class="attr"><span>来源：<b></b></span>
<span>热度：<b>199</b></span>
<span>发布日期：<b>2017-05-15 10:49:00</b></span></div>
<div class="body"><p>2015年，全县人民在县委、县政府的正确领导下，全面贯彻各项政策措施，国民经济保持平稳增长，民生持续改善，人民生活水平进一步提升。</p></div></div></body></html>`;
    const issue = extract(html, 'https://www.example.gov.cn/tjgb/1.shtml');
    expect(JSON.stringify(issue)).not.toContain('热度');
  });
});

describe('a breadcrumb trail after a label no table knows', () => {
  it('`所在栏目：首页>通知公告` is a trail: the <title>’s column word is no title, the heading is', () => {
    const html = `<html lang="zh-CN"><head><title>通知公告 - 某州住房公积金管理中心</title></head><body>
<div class="dqwz"><div>&nbsp;&nbsp;所在栏目：<a href="/">首页</a>><a href="/tzgg/">通知公告</a></div></div>
<div class="con"><div class="con-title"><h3>某州住房公积金管理中心关于调整部分管理使用政策的通知</h3></div>
<div class="grey">2022-12-02 14:14:43</div><div class="w890"><p>各缴存单位和缴存职工：</p>
<p>为进一步改进住房公积金使用政策，充分发挥住房公积金支持职工解决住房问题的作用，经管理委员会审议通过，现将有关事项通知如下。</p></div></div></body></html>`;
    const issue = extract(html, 'https://www.example.gov.cn/tzgg/2641.jhtml');
    expect(issue.title).toBe('某州住房公积金管理中心关于调整部分管理使用政策的通知');
  });
});
