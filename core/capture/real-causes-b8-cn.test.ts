import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { titleWithoutSite } from './page-title';
import { withoutMarkup } from './text';

/**
 * Causes b8-cn showed at first sight (two TRS government portals never seen: 巴彦淖尔市人民政府, 内蒙古自治区政府门户网站),
 * each fixed by a rule meant for sites never seen: every test names the page that showed the cause and also runs a
 * second markup of the same idea, in other tags and words.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string) =>
  `<html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const BODY_TEXT =
  '新征程催人奋进，新使命激荡人心。今天，政协第五届委员会第一次会议隆重开幕，我们对大会的召开表示热烈祝贺！本次大会是在全市上下深入贯彻落实各项目标任务的关键时刻召开的一次重要会议，具有重要意义。';

describe('real causes (b8-cn): a subtitle after the Chinese dash `——` is part of the title, not a site name', () => {
  it('the <title> keeps `——subtitle` when a site name follows another separator (cn-bynr-zwdt-cppcc-session-greeting)', () => {
    expect(
      titleWithoutSite('为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网'),
    ).toBe('为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕');
    expect(titleWithoutSite('守护一江清水——记全市河长制工作三年 | 某某县融媒体中心')).toBe(
      '守护一江清水——记全市河长制工作三年',
    );
  });

  it('a site name after `——` is still cut (its words end like a site name, or they are the page’s SiteName)', () => {
    expect(titleWithoutSite('全县秋粮收购工作有序推进——中国某某网')).toBe('全县秋粮收购工作有序推进');
    expect(titleWithoutSite('全县秋粮收购工作有序推进——某某发布', '某某发布')).toBe('全县秋粮收购工作有序推进');
  });

  it('a TRS heading `<p>title<div>——subtitle</div></p>` (the parser lifts the <div> out) gives the whole title (cn-bynr-zwdt-cppcc-session-greeting)', () => {
    const html = page(
      '<meta name="SiteName" content="巴彦淖尔市人民政府"><meta name="ArticleTitle" content="为现代化巴彦淖尔建设凝聚强大智慧和力量<div>——热烈祝贺市政协五届一次会议开幕</div>"><title>为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网</title>',
      `<div class="mm_current"><a href="../../../">首页</a>&gt;<a href="../">政务动态</a></div>
       <div class="mm_all_cont_body"><p class="mm_all_p">为现代化巴彦淖尔建设凝聚强大智慧和力量<div>——热烈祝贺市政协五届一次会议开幕</div></p>
       <ul><li class="aa">巴彦淖尔市政府门户网站</li><li class="bb">2022-02-11 09:52</li></ul>
       <div class="mm_all_article"><div class="TRS_Editor"><div>　　${BODY_TEXT}</div></div></div></div>`,
    );
    const { issues } = extract(html, 'https://www.bynr.gov.cn/');
    expect(issues[0]?.title).toBe('为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕');
  });

  it('the same idea in other tags and words: `<td class="biaoti">…<br>——…</td>`, the subtitle only in the <title>', () => {
    const html = page(
      '<title>守护一江清水——记全市河长制工作三年 | 某某县人民政府门户网站</title>',
      `<table><tr><td class="biaoti">守护一江清水</td></tr><tr><td><span>——记全市河长制工作三年</span></td></tr>
       <tr><td>发布时间：2021-06-05 10:20</td></tr><tr><td class="zw"><p>${BODY_TEXT}</p></td></tr></table>`,
    );
    const { issues } = extract(html, 'http://www.example.gov.cn/art/2021/6/5/art_1.html');
    expect(issues[0]?.title).toBe('守护一江清水——记全市河长制工作三年');
  });
});

describe('real causes (b8-cn): markup written into a title meta joins Chinese text without a space', () => {
  it('`ArticleTitle` with the heading’s `<div>` (cn-bynr-zwdt-cppcc-session-greeting)', () => {
    expect(withoutMarkup('为现代化巴彦淖尔建设凝聚强大智慧和力量<div>——热烈祝贺市政协五届一次会议开幕</div>')).toBe(
      '为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕',
    );
    expect(withoutMarkup('内蒙古延续部分到期税收优惠政策助企纾困<div>预计4年为纳税人减负180亿元</div>')).toBe(
      '内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元',
    );
  });

  it('between Latin words a tag still leaves a space', () => {
    expect(withoutMarkup('Slip Opinions<br>2025')).toBe('Slip Opinions 2025');
  });
});
