import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * A case page's status and description told by where its text stands, not by labels: a short paragraph saying the
 * body closed the case (detail-status.ts `closingSentence`), a summary block set just before the main text
 * (readable.ts `summaryBefore`). Markup written apart from the page that showed each cause
 * (is-umbodsmadur-althingis-f143-2023-hpv-case).
 */
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
