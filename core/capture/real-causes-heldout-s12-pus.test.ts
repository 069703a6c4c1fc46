import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { writtenText } from './script-lines';

/**
 * Causes of the twelfth session's one scoring (held-out-23, -cn13; tuned on since, not unseen) on permit notices and
 * a script-printed byline: every test names the page that showed the cause, and its markup is written apart from it.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (lang: string, title: string, body: string) =>
  `<html lang="${lang}"><head><title>${title}</title></head><body>${body}</body></html>`;

describe('real causes (s12-pus): a permit notice titled by its file number', () => {
  // us-usace-nap-2013-510-public-notice, us-usace-mvn-2013-1386-cu-public-notice: a DNN article whose title is the
  // file number, repeated as a bold self-link over its posting date, with capitalised run-in labels.
  const url = 'https://www.example-district.gov/Regulatory/Notices/Article/204/swg-2021-00417.aspx';
  const html = page(
    'en',
    'SWG-2021-00417 &gt; Galveston District &gt; Regulatory Notices',
    `<div class="article"><p><strong><a href="${url}">SWG-2021-00417</a></strong></p>
<p><em>Posted: 3/4/2021</em></p><em>Expiration date: 4/3/2021</em>
<div class="body">
<p><b><span>NAME OF APPLICANT</span></b><span>: Bayou Marine Holdings, 12 Dock Road, Kemah, Texas 77565</span></p>
<p><b><span>LOCATION OF WORK</span></b><span>: Along the west bank of Clear Creek, 0.4 mile upstream of Highway 146, in Kemah, Galveston County, Texas.</span></p>
<p><b><span>CHARACTER OF WORK</span></b><span>: Dredge 2,400 cubic yards of material to restore navigable depths at an existing marina and place it in an upland confined disposal area.</span></p>
</div></div>`,
  );

  it('reads the bare file number as the case number, the location line as the place and the work as the text', () => {
    const [issue] = extract(html, url).issues;
    expect(issue?.source.caseNumber).toBe('SWG-2021-00417');
    expect(issue?.location.address).toContain('Along the west bank of Clear Creek');
    expect(issue?.description).toContain('Dredge 2,400 cubic yards');
  });

  it('takes no number from a <title> whose first part the page never prints alone', () => {
    const other = html.replace(/<strong>.*?<\/strong>/, '<strong>Notice</strong>');
    expect(extract(other, url).issues[0]?.source.caseNumber).toBeUndefined();
  });
});

describe('real causes (s12-pus): lines a page prints by script', () => {
  // cn-guiyang-gjj-gggs-loan-policy-consultation-notice: the date to the second and the source are written by inline
  // scripts under the heading; the <meta> gives the minute only.
  const script = (code: string) => `<span><script type="text/javascript">${code}</script></span>`;
  const html = `<html lang="zh-CN"><head><title>关于公开征求停车收费调整意见的公告_某市发展和改革委员会</title>
<meta name="PubDate" content="2025-06-03 09:12"></head><body><div class="main"><div class="article">
<h1>关于公开征求停车收费调整意见的公告</h1><div class="info">
${script("var pt = '2025-06-03 09:12:37'; if (pt != '') { document.write('发布时间：' + pt + '&emsp;'); }")}
${script("var src = '某市发展和改革委员会'; if (src == '--') { src = ''; } document.write('来源：' + src + '&emsp;');")}
</div><div class="content"><p>为规范停车收费管理，我委起草了调整方案，现向社会公开征求意见。意见请于2025年7月3日前反馈。感谢支持。</p></div>
</div></div></body></html>`;
  const url = 'https://fgw.example.gov.cn/tzgg/202506/t20250603_1.html';

  it('reads the printed source as the department and the printed time to the second', () => {
    const [issue] = extract(html, url).issues;
    expect(issue?.department).toBe('某市发展和改革委员会');
    expect(issue?.reportedAt).toBe('2025-06-03T09:12:37+08:00');
  });

  it('runs nothing: a write of anything but quoted strings and string variables prints nothing', () => {
    expect(writtenText("var a = 'x'; document.write('来源：' + a.substring(1))")).toBe('');
    expect(writtenText('document.write(unescape("%3Cspan%3E"))')).toBe('');
    expect(writtenText("var a = '某局'; document.write('来源：' + a + '&emsp;')")).toBe('来源：某局');
  });
});

describe('real causes (s12-pus): a page saved without the text its scripts load', () => {
  // cn-foshan-hdjlpt-yjzj-answer-js-shell, no-sauda-acos-politiske-moter-js-shell: empty title and text blocks that
  // the site's scripts fill, a form and hidden templates around them.
  const url = 'https://www.example-city.gov.cn/hdjlpt/yjzj/answer/1201';
  const shell = (
    text: string,
  ) => `<html lang="zh-CN"><head><title>某市关于征求《停车管理办法》意见的公告 某市人民政府门户网站</title>
<script src="/js/answer.js"></script></head><body><div class="frame"><div class="article" id="article-container">
<div class="row title" id="article-title"></div><div class="row abstract" id="article-summary"></div>
<div class="content" id="article-content">${text}</div></div>
<form action="/hdjlpt/yjzj/answers" method="post"><label>昵称：</label><input name="nickname"><label>发表意见：</label>
<textarea name="content"></textarea><div class="button">当前征集已结束，无法提交评论</div></form></div>
<footer>主办单位：某市人民政府办公室</footer></body></html>`;

  it('gives no case and says the text is loaded by script', () => {
    const out = extract(shell(''), url);
    expect(out.issues).toEqual([]);
    expect(out.notes.map((n) => n.code)).toContain('content-loaded-by-script');
  });

  it('still reads the page once its text is there', () => {
    const text =
      '<p>为加强停车管理，我市起草了《停车管理办法（征求意见稿）》。现向社会公开征求意见。请于2025年7月3日前提出意见。</p>'.repeat(
        2,
      );
    expect(extract(shell(text), url).issues).toHaveLength(1);
  });
});
