import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import type { DateContext } from './zones';

const jp: DateContext = { zone: { iana: 'Asia/Tokyo' }, numericOrder: 'dmy', roc: false };
const now = new Date('2026-06-02T00:00:00Z');

describe('Japanese era dates', () => {
  it.each<[string, string]>([
    ['令和　６年１２月２６日議会運営委員会', '2024-12-26T00:00:00+09:00'],
    ['平成３１年４月３０日', '2019-04-30T00:00:00+09:00'],
    ['令和元年５月１日 本会議', '2019-05-01T00:00:00+09:00'],
    ['昭和64年1月7日', '1989-01-07T00:00:00+09:00'],
    // The sitting's name between the era year and the day, a month inside it.
    ['令和　６年第　４回定例会,11月29日-目次', '2024-11-29T00:00:00+09:00'],
    ['令和　６年１２月　民生環境協議会,12月17日-01号', '2024-12-17T00:00:00+09:00'],
    ['令和　６年第２回定例会１２月定例会議,12月05日-01号', '2024-12-05T00:00:00+09:00'],
  ])('%s', (text, iso) => {
    expect(parseDate(text, jp)).toBe(iso);
  });

  it('an era year with no day is no date', () => {
    expect(parseDate('令和　06年', jp)).toBeUndefined();
  });
});

describe('markup written in capitals', () => {
  it('reads HREF and COLSPAN as a browser does', () => {
    const doc = parseHtml(
      '<HTML><BODY><TABLE><TR><TD COLSPAN=3><A HREF="a.exe?ID=1">x</A></TD></TR></TABLE></BODY></HTML>',
    );
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('a.exe?ID=1');
    expect(doc.querySelector('td')!.getAttribute('colspan')).toBe('3');
  });
});

describe('a table of one-cell rows (an icon link, a sitting, its scripted link)', () => {
  const rows = [
    ['令和　５年　３月　１日文教委員会', '03月01日-01号'],
    ['令和　５年第　１回定例会', '03月06日-02号'],
    ['令和　５年　２月１４日総務委員会', '02月14日-01号'],
    ['令和　５年　２月　９日建設委員会', '02月09日-01号'],
  ];
  const html =
    `<HTML><BODY><TABLE><TR><TD COLSPAN=2>4件の日程がヒットしました。<IMG SRC="/img/f.gif">をクリックすると一覧を表示します。</TD></TR>
    <TR><TD>令和　05年 </TD></TR></TABLE><TABLE>` +
    rows
      .map(
        ([text, doc], k) => `<TR><TD NOWRAP COLSPAN=3>
      <A HREF="list.exe?ACT=1&NO=${k}"><IMG BORDER=0 SRC="/img/f.gif"></A>
      ${text},<A HREF="javascript:;" onClick="openWin('list.exe?ACT=2&NO=${k}');">${doc}</A></TD></TR>`,
      )
      .join('') +
    '</TABLE></BODY></HTML>';

  it('is a list, a case per row, dated by its era date, the icon its link', () => {
    const res = extractIssues(parseHtml(html), { url: 'https://gikai.example.jp/cgi/list.exe?ACT=1', now });
    expect(res.kind).toBe('list');
    expect(res.issues.map((i) => [i.title, i.reportedAt?.slice(0, 10), i.source.url])).toEqual([
      [
        expect.stringContaining('文教委員会,03月01日-01号'),
        '2023-03-01',
        'https://gikai.example.jp/cgi/list.exe?ACT=1&NO=0',
      ],
      [
        expect.stringContaining('定例会,03月06日-02号'),
        '2023-03-06',
        'https://gikai.example.jp/cgi/list.exe?ACT=1&NO=1',
      ],
      [
        expect.stringContaining('総務委員会,02月14日-01号'),
        '2023-02-14',
        'https://gikai.example.jp/cgi/list.exe?ACT=1&NO=2',
      ],
      [
        expect.stringContaining('建設委員会,02月09日-01号'),
        '2023-02-09',
        'https://gikai.example.jp/cgi/list.exe?ACT=1&NO=3',
      ],
    ]);
  });
});
