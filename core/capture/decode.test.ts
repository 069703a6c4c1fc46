import { describe, expect, it } from 'vitest';
import { decodeHtml, savedPageUrl, sniffCharset } from './decode';

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

describe('savedPageUrl', () => {
  it('reads the saved-from comment, then canonical, then og:url', () => {
    expect(savedPageUrl('<!-- saved from url=(0027)https://a.example.gov.cn/x -->')).toBe('https://a.example.gov.cn/x');
    expect(savedPageUrl('<link rel="canonical" href="https://b.example/y">')).toBe('https://b.example/y');
    expect(savedPageUrl('<meta property="og:url" content="https://c.example/z">')).toBe('https://c.example/z');
    expect(savedPageUrl('<p>nothing</p>')).toBeUndefined();
  });
});
