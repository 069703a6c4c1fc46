import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseDateNear, parseDateParts, stripDates, withShownOrder } from './dates';
import { CHINA_ZONE, type DateContext } from './zones';

const cn: DateContext = { zone: CHINA_ZONE, numericOrder: 'dmy', roc: false };
const uk: DateContext = { zone: { iana: 'Europe/London' }, numericOrder: 'dmy', roc: false };
const us: DateContext = { zone: { iana: 'America/New_York' }, numericOrder: 'mdy', roc: false };
const tw: DateContext = { zone: { iana: 'Asia/Taipei' }, numericOrder: 'dmy', roc: true };

describe('parseDate', () => {
  it.each<[string, DateContext, string]>([
    ['2026年5月28日 14时30分', cn, '2026-05-28T14:30:00+08:00'],
    ['2026年5月28日\u00a014时30分', cn, '2026-05-28T14:30:00+08:00'],
    ['2026年05月21日', cn, '2026-05-21T00:00:00+08:00'],
    ['2026/05/28 14:30', cn, '2026-05-28T14:30:00+08:00'],
    ['2026-05-28 14:30:00', cn, '2026-05-28T14:30:00+08:00'],
    ['2026-5-25 9:05', cn, '2026-05-25T09:05:00+08:00'],
    ['2026.05.28', cn, '2026-05-28T00:00:00+08:00'],
    ['09 2026-05', cn, '2026-05-09T00:00:00+08:00'],
    ['标题\n2026-05 09\n已办结', cn, '2026-05-09T00:00:00+08:00'],
    ['2026-05-19 09:12:47', cn, '2026-05-19T09:12:47+08:00'],
    ['2026年5月18日 下午3点半', cn, '2026-05-18T15:30:00+08:00'],
    ['2026年5月18日 上午10:20', cn, '2026-05-18T10:20:00+08:00'],
    ['2026-05-28T14:30:00+08:00', cn, '2026-05-28T14:30:00+08:00'],
    ['2026-03-03T10:02:00Z', cn, '2026-03-03T10:02:00+00:00'],
    ['2026-05-28 14:30 UTC+8', uk, '2026-05-28T14:30:00+08:00'],
    ['10:02, Tue 3 March 2026', uk, '2026-03-03T10:02:00+00:00'],
    ['Tue 3 March 2026', uk, '2026-03-03T00:00:00+00:00'],
    ['3 March 2026 10:02', uk, '2026-03-03T10:02:00+00:00'],
    ['18:40, Sat 12 April 2026', uk, '2026-04-12T18:40:00+01:00'],
    ['March 3, 2026', uk, '2026-03-03T00:00:00+00:00'],
    ['3/3/2026', uk, '2026-03-03T00:00:00+00:00'],
    ['4/3/2026', uk, '2026-03-04T00:00:00+00:00'],
    ['4/3/2026', us, '2026-04-03T00:00:00-04:00'],
    ['03/05/2026 2:15 PM', us, '2026-03-05T14:15:00-05:00'],
    ['25/3/2026', us, '2026-03-25T00:00:00-04:00'],
    ['民國115年5月26日', tw, '2026-05-26T00:00:00+08:00'],
    ['115年05月20日 下午3時05分', tw, '2026-05-20T15:05:00+08:00'],
    ['115/05/21 09:30', tw, '2026-05-21T09:30:00+08:00'],
    // A 民國 year of two digits (before 民國 100, 2011) in a list row's date cell.
    ['91/11/29', tw, '2002-11-29T00:00:00+08:00'],
    ['98.09.10', tw, '2009-09-10T00:00:00+08:00'],
    ['2026/05/26 10:45:12', tw, '2026-05-26T10:45:12+08:00'],
  ])('%s', (input, ctx, want) => {
    expect(parseDate(input, ctx)).toBe(want);
  });

  it.each(['5个工作日', 'XH2605280137', 'LY2026051900873', '2026-13-45', '2026年2月30日', '', 'hello'])(
    'no date in %s',
    (input) => {
      expect(parseDate(input, cn)).toBeUndefined();
    },
  );

  it('reads a two-digit year as a 民國 year only on a Taiwanese page, and not before 民國 60', () => {
    expect(parseDate('91/11/29', cn)).toBeUndefined();
    expect(parseDate('v1.2.3 12.03.05', tw)).toBeUndefined();
  });

  it('completes a time or a month-day from a nearby date', () => {
    const ref = parseDateParts('2026-05-28', cn);
    expect(parseDateNear('10:02', ref, cn)).toBe('2026-05-28T10:02:00+08:00');
    expect(parseDateNear('5月29日上午', ref, cn)).toBe('2026-05-29T00:00:00+08:00');
  });

  it('strips dates, times and weekdays from a meta line', () => {
    expect(stripDates('Posted by Council at 09:15, Wed 4 March 2026')).toBe('Posted by Council at ,');
    expect(stripDates('2026/05/27 14:20 臺北市政府工務局')).toBe('臺北市政府工務局');
  });
});

describe('date round trip (property)', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthNames = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const styles: Array<(y: number, m: number, d: number, h: number, mi: number) => string> = [
    (y, m, d, h, mi) => `${y}年${m}月${d}日 ${h}时${mi}分`,
    (y, m, d, h, mi) => `${y}/${pad(m)}/${pad(d)} ${pad(h)}:${pad(mi)}`,
    (y, m, d, h, mi) => `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}:00`,
    (y, m, d, h, mi) => `${y}.${m}.${d} ${h}:${pad(mi)}`,
    (y, m, d, h, mi) => `${pad(h)}:${pad(mi)}, ${d} ${monthNames[m - 1]} ${y}`,
    (y, m, d, h, mi) => `${monthNames[m - 1]} ${d}, ${y} ${h}:${pad(mi)}`,
    (y, m, d, h, mi) => `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:00+08:00`,
  ];
  it('formats in several styles and parses back to the same instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: styles.length - 1 }),
        (y, m, d0, h, mi, style) => {
          const d = Math.min(d0, new Date(Date.UTC(y, m, 0)).getUTCDate());
          const text = styles[style]!(y, m, d, h, mi);
          const iso = parseDate(text, cn);
          expect(iso, text).toBeDefined();
          expect(Date.parse(iso!)).toBe(Date.UTC(y, m - 1, d, h, mi) - 8 * 3600_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('registers and dockets: day, month name and year joined by hyphens or slashes', () => {
  it.each<[string, string]>([
    ['13-Mar-2020', '2020-03-13T00:00:00+00:00'],
    ['13-MAR-2020', '2020-03-13T00:00:00+00:00'],
    ['13/Mar/2020', '2020-03-13T00:00:00+00:00'],
    ['Fri 13 Mar 2020', '2020-03-13T00:00:00+00:00'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text, uk)).toBe(iso);
  });

  it('the stripped text keeps no part of such a date', () => {
    expect(stripDates('Lodged 13-Mar-2020 by Ann')).toBe('Lodged by Ann');
  });
});

describe("a page's slash dates show their order", () => {
  const co: DateContext = { zone: { iana: 'America/Bogota' }, numericOrder: 'dmy', roc: false };
  const read = (page: string, date: string) => parseDate(date, withShownOrder(co, page));

  it('reads them month first when one has a second number over 12 and none a first', () => {
    const page = 'Radicado 8/8/2022 · Aprobado en primer debate 12/13/2022 · Proyecto 118/22';
    expect(read(page, '8/9/2022')).toBe('2022-08-09T00:00:00-05:00');
    expect(read(page, '12/13/2022')).toBe('2022-12-13T00:00:00-05:00');
  });

  it('keeps a day-first country day first when a date cannot be month first, or none tells', () => {
    expect(read('Radicado 8/9/2022 · Aprobado 25/10/2022 · Sanción 3/14/2022', '8/9/2022')).toBe(
      '2022-09-08T00:00:00-05:00',
    );
    expect(read('Radicado 8/9/2022 · Aprobado 1/10/2022', '8/9/2022')).toBe('2022-09-08T00:00:00-05:00');
  });

  it('takes no part of a longer number or path for a date', () => {
    expect(read('Expediente 2022/12/13/5 · Ley 1/14/2022/3 · 8/9/2022', '8/9/2022')).toBe('2022-09-08T00:00:00-05:00');
  });
});
