import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * List rows laid out in ways the corpus rarely had (s13-lists): rows written as one line of their cells apart by
 * separators under a head line of column names (block-grids.ts), a table whose head spans two rows
 * (header-tables.ts), records cut apart by rules whose text opens with the record's number and date
 * (record-read.ts). The markup is written apart from the pages that showed each cause.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (lang: string, body: string) =>
  `<html lang="${lang}"><head><title>Register</title></head><body>${body}</body></html>`;

describe('rows written as one line of cells apart by separators', () => {
  const line = (cells: string[]) => `<p>${cells.map((c) => `<span>${c}</span>`).join(' | ')}</p>`;

  it('reads each line by the column its part stands under, the head line first', () => {
    const { issues, kind } = extract(
      page(
        'zh-CN',
        `<h2>工单列表</h2><div class="rows">
          ${line(['工单编号', '诉求标题', '受理时间', '办理状态', '承办单位'])}
          ${line(['GD2026050101', '<a href="/gd/1">东湖路路灯不亮</a>', '2026-05-01', '已办结', '市政管理处'])}
          ${line(['GD2026050214', '<a href="/gd/2">南门菜场噪音扰民</a>', '2026-05-02', '办理中', '城管执法局'])}
          ${line(['GD2026050377', '<a href="/gd/3">西河桥头积水</a>', '2026-05-03', '已受理', '排水公司'])}</div>`,
      ),
      'https://12345.example.gov.cn/gd/list',
    );
    expect(kind).toBe('list');
    expect(issues.map((i) => [i.source.caseNumber, i.title, i.reportedAt?.slice(0, 10), i.department])).toEqual([
      ['GD2026050101', '东湖路路灯不亮', '2026-05-01', '市政管理处'],
      ['GD2026050214', '南门菜场噪音扰民', '2026-05-02', '城管执法局'],
      ['GD2026050377', '西河桥头积水', '2026-05-03', '排水公司'],
    ]);
  });

  it('keeps a line that leaves out its last empty part, and no line that prints its template unfilled', () => {
    const { issues } = extract(
      page(
        'en-GB',
        `<h2>Requests</h2><div>
          ${line(['Reference', 'Subject', 'Date received', 'Status', 'Department'])}
          ${line(['{{ref}}', '{{subject}}', '{{date}}', '{{status}}', '{{dept}}'])}
          ${line(['FOI-311', '<a href="/r/311">Street lighting contracts</a>', '3 March 2025', 'Closed', 'Highways'])}
          ${line(['FOI-312', '<a href="/r/312">Parking permit revenue</a>', '4 March 2025', 'Open'])}
          ${line(['FOI-318', '<a href="/r/318">Library hours review</a>', '10 March 2025', 'Closed', 'Libraries'])}</div>`,
      ),
      'https://council.example.gov.uk/foi',
    );
    expect(issues.map((i) => [i.source.caseNumber, i.title, i.department])).toEqual([
      ['FOI-311', 'Street lighting contracts', 'Highways'],
      ['FOI-312', 'Parking permit revenue', undefined],
      ['FOI-318', 'Library hours review', 'Libraries'],
    ]);
  });
});

describe('a table whose head spans two rows', () => {
  it('reads no case from the subheads under a head cell that spans columns', () => {
    const row = (n: number, lower: string, upper: string, title: string, stage: string) =>
      `<tr><td>${n}.</td><td>${lower}</td><td>${upper}</td><td>${title}</td><td>${stage}</td></tr>`;
    const { issues } = extract(
      page(
        'ro',
        `<table><tr><td rowspan=2><b>Nr. crt.</b></td><td colspan=2><b>PL înregistrat la</b></td>
          <td rowspan=2><b>Titlu</b></td><td rowspan=2><b>Stadiu</b></td></tr>
          <tr><td><b>Camera</b></td><td><b>Senat</b></td></tr>
          ${row(1, '&nbsp;', '<a href="/p?id=1">L101/2014</a>', 'Propunere legislativă privind apele minerale', 'la comisii')}
          ${row(2, '<a href="/p?id=2">BP22/2014</a>', '<a href="/p?id=3">L140/2014</a>', 'Propunere legislativă privind pădurile', 'la Senat')}
          ${row(3, '&nbsp;', '<a href="/p?id=4">BP57/2014</a>', 'Propunere legislativă privind drumurile comunale', 'adoptată')}</table>`,
      ),
      'https://parlament.example.ro/propuneri?dep=7',
    );
    expect(issues.map((i) => [i.source.caseNumber, i.title])).toEqual([
      ['L101/2014', 'Propunere legislativă privind apele minerale'],
      ['BP22/2014', 'Propunere legislativă privind pădurile'],
      ['BP57/2014', 'Propunere legislativă privind drumurile comunale'],
    ]);
  });
});

describe('records between rules whose text opens with the number and the date', () => {
  it('dates each record by the day after its number, not by a labelled day below it', () => {
    const rec = (num: string, day: string, text: string, until: string) =>
      `<a href="/notices/${num}"><strong>${num}</strong></a> - <span>${day}: ${text}<br><em>Comment deadline: ${until}</em></span>
       <div><a href="/docs/${num}.pdf">${num}</a></div><hr>`;
    const { issues, kind } = extract(
      page(
        'en-US',
        `<h1>Public Notices</h1><div class="notices"><hr>
          ${rec('2024-00117-ABC', '3/4/2024', 'PUBLIC NOTICE: The county proposes to replace a culvert under Mill Road and place fill in 0.2 acre of wetland.', '4/3/2024')}
          ${rec('2024-00152-DEF', '3/11/2024', 'LETTER OF PERMISSION: A marina proposes to extend an existing dock by forty feet into the lake.', '3/25/2024')}
          ${rec('2024-00160-GHI', '3/18/2024', 'PUBLIC NOTICE: The city proposes to stabilise two hundred feet of eroding river bank with rock.', '4/17/2024')}</div>`,
      ),
      'https://district.example.mil/notices',
    );
    expect(kind).toBe('list');
    expect(issues.map((i) => [i.source.caseNumber, i.reportedAt?.slice(0, 10)])).toEqual([
      ['2024-00117-ABC', '2024-03-04'],
      ['2024-00152-DEF', '2024-03-11'],
      ['2024-00160-GHI', '2024-03-18'],
    ]);
    expect(issues.every((i) => !i.title.startsWith('Comment deadline'))).toBe(true);
    expect(issues[1]!.description).toContain('A marina proposes to extend an existing dock');
  });
});
