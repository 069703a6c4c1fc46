import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { addressZone, PAGE_ADDRESS_FORMS } from './state-zones';
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

describe('the place an address names gives its zone', () => {
  it('a US address line names its state by name or by its letters and ZIP code', () => {
    expect(addressZone('Fieldhouse, 1700 S. Wentworth Avenue, Chicago, Illinois')).toEqual({ iana: 'America/Chicago' });
    expect(addressZone('City Hall, 1 Dr. Carlton B. Goodlett Place, San Francisco, CA 94102')).toEqual({
      iana: 'America/Los_Angeles',
    });
    // A city is no state, and two letters without a ZIP code are no address.
    expect(addressZone('Fieldhouse, Chicago')).toBeUndefined();
    expect(addressZone('Room 5, IL')).toBeUndefined();
  });
  it('a US territory is read by its letters and one of its own ZIP codes, even in a whole page', () => {
    expect(addressZone('Guma’ Hustisia, Susupe, Saipan, MP 96950')).toEqual({ iana: 'Pacific/Saipan' });
    const ctx = pageDateContext({ url: 'https://www.example.org/opinions', text: 'Susupe, Saipan, MP 96950' });
    expect(parseDate('2022-03-01 09:00', ctx)).toBe('2022-03-01T09:00:00+10:00');
  });
  it('an Australian address ends with its state and postcode, even run on into the next cell', () => {
    expect(addressZone('264 Coolangatta Road, BILINGA QLD 4225StatusPublic')).toEqual({ iana: 'Australia/Brisbane' });
    expect(addressZone('12 Hay Street, PERTH WA 6000')).toEqual({ iana: 'Australia/Perth' });
    const ctx = pageDateContext({ url: 'https://cogc.cloud.example.com/ePathway', text: 'BILINGA QLD 4225' });
    // Brisbane keeps no summer time: +10:00 in January, where Sydney is at +11:00.
    expect(parseDate('2019-01-15 10:00', ctx)).toBe('2019-01-15T10:00:00+10:00');
  });
  it('a whole page is read only for addresses a postal code ties to their place', () => {
    const text = 'A visitor from Austin, Texas wrote to us.';
    expect(addressZone(text)).toEqual({ iana: 'America/Chicago' });
    expect(addressZone(text, PAGE_ADDRESS_FORMS)).toBeUndefined();
    expect(pageDateContext({ url: 'https://news.example.com/', text }).zone).toEqual({ offset: 0 });
  });
});

describe('a domain or host that names the page’s place', () => {
  it('a single-zone country’s domain gives its zone, with summer time', () => {
    const at = (url: string, date: string) => parseDate(date, pageDateContext({ url }));
    expect(at('https://comune.example.it/albo', '21-06-2013')).toBe('2013-06-21T00:00:00+02:00');
    expect(at('https://dagsordener.example.dk/', '2025-01-08 15:45')).toBe('2025-01-08T15:45:00+01:00');
    expect(at('http://www.parliament.example.gov.za/live/', '2013-09-20')).toBe('2013-09-20T00:00:00+02:00');
    expect(at('https://www.example.is/mal/', '2024-06-01')).toBe('2024-06-01T00:00:00+00:00');
  });
  it('a portal on a bare IP address that names its domain in its title takes that domain’s zone', () => {
    const ctx = pageDateContext({
      url: 'http://10.1.2.3/program/index.php',
      title: 'Register - http://www.comune.example.me.it/',
    });
    expect(parseDate('21-06-2013', ctx)).toBe('2013-06-21T00:00:00+02:00');
    expect(pageDateContext({ url: 'http://10.1.2.3/', title: 'Register' }).zone).toEqual({ offset: 0 });
  });
  it('a vendor’s host naming a US city with its state’s letters places the page there', () => {
    const ctx = pageDateContext({ url: 'https://pub-detroitmi.meetings.example.com/Meetings.aspx', lang: 'en' });
    expect(parseDate('Sep 29 2020 10:00AM', ctx)).toBe('2020-09-29T10:00:00-04:00');
    // Two letters that are no state's leave the host unread.
    expect(pageDateContext({ url: 'https://pub-detroitxq.example.com/', lang: 'en' }).zone).toEqual({ offset: 0 });
  });
});
