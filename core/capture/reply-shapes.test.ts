import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';

/**
 * A reply block whose heading word no table knows (reply-shapes.ts): who answers, the answer, its dated line.
 * Page: cn-people-liuyan-forestry-message-7251461, its labels made unknown as detail-ablation.ts does.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string) =>
  extractIssues(parseHtml(html, 'http://liuyan.people.com.cn/threads/content?tid=7251461'), {
    url: 'http://liuyan.people.com.cn/threads/content?tid=7251461',
    now: NOW,
  }).issues;
const page = (reply: string) => `<html><head><title>保护矿山上的天然林 - 领导留言板</title></head><body>
<div class="liuyan_box03"><h1>保护矿山上的天然林以及私人承包山上的天然林</h1>
<p class="zoom">我们村的山上有大片天然林，近年来有企业以开采石灰石为名大量采伐天然林，希望有关部门加强监管，保护天然林资源。</p></div>
<div class="liuyan_box05"><ul>${reply}</ul></div></body></html>`;

describe('a reply block read by its shape', () => {
  it('its heading word and date label are unknown to the dictionary (else this test would prove nothing)', () => {
    for (const w of ['丙癸', '甲乙癸：']) expect(matchLabel(w), w).toBeNull();
  });

  it('who answers, the answer and its dated line make one update; the answerer is the department', () => {
    const issue = extract(
      page(`<li class="reply"><span class="title">丙癸</span><h3><i class="red">国家林业和草原局局长、党组书记关志鸥</i></h3>
<p class="zoom">　　关于“石灰石等矿产资源开釆会采伐大量天然林”的问题，在现行《森林法》第三十七条规定，矿藏勘查、开采以及其他各类工程建设应当不占或者少占林地。</p>
<h3><em class="grey2">甲乙癸：2020-07-21 15:37</em></h3></li>`),
    )[0]!;
    expect(issue.updates).toHaveLength(1);
    expect(issue.updates[0]!.by).toBe('国家林业和草原局局长、党组书记关志鸥');
    expect(issue.updates[0]!.at).toBe('2020-07-21T15:37:00+08:00');
    expect(issue.updates[0]!.text).toContain('在现行《森林法》第三十七条规定');
    expect(issue.department).toBe('国家林业和草原局局长、党组书记关志鸥');
    expect(issue.description).toContain('我们村的山上有大片天然林');
  });

  it('a block without a line naming who answers is no reply', () => {
    const issue = extract(
      page(`<li><span class="title">丙癸</span><h3>相关留言</h3>
<p>关于“石灰石等矿产资源开釆会采伐大量天然林”的问题，欢迎网友继续留言，我们将及时转交有关部门办理。</p>
<h3><em>甲乙癸：2020-07-21 15:37</em></h3></li>`),
    )[0]!;
    expect(issue.updates).toHaveLength(0);
  });
});
