import { describe, expect, it } from 'vitest';
import { decodeHtml, decodePage, savedPageUrl, sniffCharset } from './decode';

const gbkBytes = (s: string) => {
  // "你好" in GBK, wrapped in ASCII markup.
  const head = new TextEncoder().encode(s);
  return new Uint8Array([...head, 0xc4, 0xe3, 0xba, 0xc3]);
};

describe('decodeHtml', () => {
  it('honours a UTF-8 BOM', () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>工单</p>')]))).toBe(
      '<p>工单</p>',
    );
  });
  it('reads <meta charset> and <meta http-equiv> (GBK / GB2312)', () => {
    expect(decodeHtml(gbkBytes('<meta charset="gbk"><p>'))).toContain('你好');
    expect(decodeHtml(gbkBytes('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>'))).toContain(
      '你好',
    );
  });
  it('reads Big5', () => {
    // "臺北" in Big5.
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset=big5>'), 0xbb, 0x4f, 0xa5, 0x5f]);
    expect(decodeHtml(bytes)).toContain('臺北');
  });
  it('falls back to GB18030 for undeclared non-UTF-8 bytes', () => {
    expect(decodeHtml(gbkBytes('<p>'))).toContain('你好');
  });
  it('sniffs the declared charset', () => {
    expect(sniffCharset(new TextEncoder().encode('<meta charset="GB18030">'))).toBe('gb18030');
  });
});

describe('when the declared charset and the bytes disagree, the bytes win', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it('a UTF-8 page that still declares GBK in its meta reads as UTF-8, not mojibake', () => {
    const page = decodePage(utf8('<meta charset="gbk"><title>光明网</title><p>居民反映楼道灯不亮</p>'));
    expect(page.text).toContain('居民反映楼道灯不亮');
    expect(page).toMatchObject({ charset: 'utf-8', declared: 'gbk' });
  });
  it('likewise for gb2312 in http-equiv and for Big5', () => {
    const gb = utf8('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>南京东路街道</p>');
    expect(decodeHtml(gb)).toContain('南京东路街道');
    expect(decodeHtml(utf8('<meta charset="big5"><p>臺北市政府</p>'))).toContain('臺北市政府');
  });
  it('a GBK page that declares UTF-8 reads as GB18030', () => {
    expect(decodePage(gbkBytes('<meta charset="utf-8"><p>'))).toMatchObject({ charset: 'gb18030', declared: 'utf-8' });
    expect(decodeHtml(gbkBytes('<meta charset="utf-8"><p>'))).toContain('你好');
  });
  it('a GBK page that declares GBK stays GBK', () => {
    expect(decodePage(gbkBytes('<meta charset="gbk"><p>'))).toMatchObject({
      charset: 'gb18030',
      text: expect.stringContaining('你好'),
    });
  });
  it('an ASCII page that claims UTF-16 in its meta is read as UTF-8, as browsers do', () => {
    expect(decodeHtml(utf8('<meta charset="utf-16"><p>hello</p>'))).toBe('<meta charset="utf-16"><p>hello</p>');
  });
});

describe('savedPageUrl', () => {
  it('reads the saved-from comment, then canonical, then og:url', () => {
    expect(savedPageUrl('<!-- saved from url=(0027)https://a.example.gov.cn/x -->')).toBe('https://a.example.gov.cn/x');
    expect(savedPageUrl('<link rel="canonical" href="https://b.example/y">')).toBe('https://b.example/y');
    expect(savedPageUrl('<meta property="og:url" content="https://c.example/z">')).toBe('https://c.example/z');
    expect(savedPageUrl('<p>nothing</p>')).toBeUndefined();
  });
});
