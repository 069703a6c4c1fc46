import { describe, expect, it } from 'vitest';
import { parseHtml } from './node';
import { isBreadcrumb, joinWrappedTitle, lastCrumb } from './text';

describe('page furniture seen on real pages', () => {
  it('knows a breadcrumb trail and its last step, and nothing else as one', () => {
    expect(isBreadcrumb('首页 - 新闻动态')).toBe(true);
    expect(lastCrumb('位置：首页 > 新闻动态')).toBe('新闻动态');
    expect(isBreadcrumb('Home › Reports › Potholes')).toBe(true);
    expect(isBreadcrumb('首页大街12号')).toBe(false);
    expect(isBreadcrumb('朝阳区望京街道南湖西园二区212号楼')).toBe(false);
  });

  it('joins a Chinese heading wrapped over lines, keeping the spaces inside a line', () => {
    expect(joinWrappedTitle('常务委员会\n关于批准财政部\n调整2007年末')).toBe('常务委员会关于批准财政部调整2007年末');
    expect(joinWrappedTitle('【不忘初心 牢记使命】我院')).toBe('【不忘初心 牢记使命】我院');
    expect(joinWrappedTitle('居民反映充电隐患　街道建成充电棚')).toBe('居民反映充电隐患 街道建成充电棚');
    expect(joinWrappedTitle('Pothole on\nMill Lane')).toBe('Pothole on Mill Lane');
  });

  it('puts what follows a stray </html> into <body>, as a browser does', () => {
    const doc = parseHtml(
      '<html><body><div id="top">header</div></html><div id="main"><p>正文</p></div></body></html>',
    );
    expect(doc.body.querySelector('#main p')?.textContent).toBe('正文');
    expect(doc.body.lastElementChild?.id).toBe('main');
  });
});
