import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { CHINA_ZONE, formatOffset, offsetMinutes, pageDateContext, parseOffset } from './zones';

describe('offsets', () => {
  it('reads a sign, hours and minutes the same way wherever the page prints them', () => {
    expect(parseOffset('+08:00')).toBe(480);
    expect(parseOffset('+0530')).toBe(330);
    expect(parseOffset('−05:00')).toBe(-300);
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('noon')).toBeUndefined();
    expect(offsetMinutes('-', 3, 30)).toBe(-210);
    expect(formatOffset(-210)).toBe('-03:30');
    expect(formatOffset(480)).toBe('+08:00');
  });
});

describe('pageDateContext', () => {
  it('Chinese pages default to +08:00', () => {
    expect(pageDateContext({ lang: 'zh-CN', url: 'https://a.example.gov.cn/' }).zone).toEqual(CHINA_ZONE);
    expect(pageDateContext({ text: '工单详情' }).zone).toEqual(CHINA_ZONE);
  });
  it('UK pages use London time (GMT in winter, BST in summer)', () => {
    const ctx = pageDateContext({ lang: 'en-gb', url: 'https://report.x.example.gov.uk/report/1' });
    expect(parseDate('3 March 2026 10:02', ctx)).toBe('2026-03-03T10:02:00+00:00');
    expect(parseDate('3 June 2026 10:02', ctx)).toBe('2026-06-03T10:02:00+01:00');
  });
  it('a page that states its zone keeps it', () => {
    expect(pageDateContext({ text: 'All times are shown in UTC.', url: 'https://x.example.org/' }).zone).toEqual({
      offset: 0,
    });
    expect(pageDateContext({ text: 'Times are given in GMT+5:30', url: 'https://x.example.org/' }).zone).toEqual({
      offset: 330,
    });
  });
  it('Taiwan pages read ROC years', () => {
    expect(pageDateContext({ lang: 'zh-Hant-TW' }).roc).toBe(true);
    expect(pageDateContext({ url: 'https://1999.taipei.example.gov.tw/' }).roc).toBe(true);
  });
});

describe('zones named on the page', () => {
  it('a zone stated after "times" applies to every date (CDT is US Central summer time)', () => {
    const ctx = pageDateContext({ text: 'All dates and times are shown in Central Time (CDT, UTC−05:00).' });
    expect(ctx.zone).toEqual({ offset: -300 });
    expect(parseDate('2026-05-28 14:30', ctx)).toBe('2026-05-28T14:30:00-05:00');
  });
  it('CST is China Standard Time on a Chinese page and US Central on a .gov page', () => {
    expect(parseDate('2026-05-28 14:30 CST', pageDateContext({ lang: 'zh-CN' }))).toBe('2026-05-28T14:30:00+08:00');
    expect(parseDate('05/28/2026 14:30 CST', pageDateContext({ url: 'https://x.example.gov/' }))).toBe(
      '2026-05-28T14:30:00-06:00',
    );
  });
});
