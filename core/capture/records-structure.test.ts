import { describe, expect, it } from 'vitest';
import { findHeaderTables } from './header-tables';
import { identifierOf } from './identifiers';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { lineParts } from './record-title';
import { structureRecords } from './records';
import { createScan } from './scan';
import { pageDateContext } from './zones';

/**
 * Generic causes of the structure finder (records.ts, record-read.ts), each on markup written for the test in no
 * corpus page's layout or words: what structure alone segments and reads, every vocabulary finder left out.
 */
const page = (body: string) => `<html><head><title>Register</title></head><body>${body}</body></html>`;
const URL = 'https://register.example.org/decisions';

function structureOnly(body: string) {
  const doc = parseHtml(page(body), URL);
  const scan = createScan(doc, doc.body!);
  const ctx = pageDateContext({ url: URL, text: doc.body?.textContent ?? '' });
  return structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, URL);
}
const read = (body: string) =>
  structureOnly(body)?.drafts.map((d) => [d.title, d.caseNumber, d.reportedAt?.slice(0, 10)]) ?? [];
const ctx = pageDateContext({ url: URL, text: '' });

const longNotice =
  'Decisions listed here may be corrected before they are printed in the bound volume. Please tell the registry ' +
  'of any error you find in them. The registry keeps the signed originals at its office. ';

describe('records without a title element', () => {
  it('a caption in a plain block beside the number’s link names the record when a date and a number show', () => {
    const item = (n: string, caption: string, date: string) =>
      `<li><span class="c1"><a href="/files/${n}.pdf">${n}</a></span><div class="c2">${caption}</div><small>${date}</small></li>`;
    expect(
      read(`<h1>Recent decisions</h1><ul class="results">
        ${item('A-21-0042', 'Harbour Trust v. Lee', '4 March 2021')}
        ${item('A-21-0040', 'Mills v. Lakeside Borough', '1 March 2021')}
        ${item('A-20-0391', 'In re Estate of Partridge', '19 February 2021')}</ul>`),
    ).toEqual([
      ['Harbour Trust v. Lee', 'A-21-0042', '2021-03-04'],
      ['Mills v. Lakeside Borough', 'A-21-0040', '2021-03-01'],
      ['In re Estate of Partridge', 'A-20-0391', '2021-02-19'],
    ]);
  });

  it('dated lines of text with no number and no link stay a history, not a list', () => {
    const entry = (date: string, text: string) => `<div class="e"><div>${date}</div><div>${text}</div></div>`;
    expect(
      structureOnly(
        `<div class="log">${entry('2 May 2021', 'Notice of appeal received')}${entry(
          '9 May 2021',
          'Respondent asked for more time',
        )}${entry('30 May 2021', 'Hearing date fixed by the registrar')}</div>`,
      ),
    ).toBeNull();
  });
});

describe('a line that strings the number, the date and the title', () => {
  it('reads each comma- or semicolon-separated part by its kind', () => {
    expect(lineParts('R-2019-117; 2019-04-02; Appeal of the Lakeside Residents Association', ctx)).toEqual({
      title: 'Appeal of the Lakeside Residents Association',
      caseNumber: 'R-2019-117',
      reportedAt: expect.stringMatching(/^2019-04-02/),
    });
    expect(lineParts('Greene v. Marsh, Docket No. 20190042, Decided March 3, 2020, 2020 NV 12', ctx)).toMatchObject({
      title: 'Greene v. Marsh',
      caseNumber: '20190042',
      reportedAt: expect.stringMatching(/^2020-03-03/),
    });
    // Commas in a title with no number or date among its parts: the title is left whole.
    expect(lineParts('Smith, Jones and Partners, a firm', ctx)).toBeUndefined();
  });

  it('segments links whose whole text is such a line', () => {
    const p = (id: number, line: string) => `<p class="doc"><a href="/d?id=${id}">${line}</a></p>`;
    expect(
      read(`<div class="col"><h2>Advisory opinions, 2019</h2>
        ${p(1, 'R-2019-117; 2019-04-02; Appeal of the Lakeside Residents Association')}
        ${p(2, 'R-2019-118; 2019-04-09; Request of the County Treasurer on pooled funds')}
        ${p(3, 'R-2019-121; 2019-05-14; Question of the Harbour Board on mooring fees')}</div>`),
    ).toEqual([
      ['Appeal of the Lakeside Residents Association', 'R-2019-117', '2019-04-02'],
      ['Request of the County Treasurer on pooled funds', 'R-2019-118', '2019-04-09'],
      ['Question of the Harbour Board on mooring fees', 'R-2019-121', '2019-05-14'],
    ]);
  });
});

describe('identifiers by their shape', () => {
  it('reads neutral citations and Chinese case and document numbers, not dates or phone numbers', () => {
    expect(identifierOf('2021 S.D. 69', ctx)).toBe('2021 S.D. 69');
    expect(identifierOf('2019 NV 12', ctx)).toBe('2019 NV 12');
    expect(identifierOf('（2023）京01民终123号', ctx)).toBe('（2023）京01民终123号');
    expect(identifierOf('沪信访〔2024〕12号', ctx)).toBe('沪信访〔2024〕12号');
    expect(identifierOf('DA/2019/486', ctx)).toBe('DA/2019/486');
    expect(identifierOf('321A24', ctx)).toBe('321A24');
    expect(identifierOf('2021-03-04', ctx)).toBeUndefined();
    expect(identifierOf('(020) 8356 1234', ctx)).toBeUndefined();
    expect(identifierOf('June 2021 and 12', ctx)).toBeUndefined();
  });
});

describe('rows of several tables', () => {
  // A year's decisions in one table per quarter, each with a header row of <th>, under a table of links to other
  // years built with the same class.
  const quarter = (name: string, rows: string[][]) =>
    `<table class="grid"><caption>${name}</caption><tr><th>Ref.</th><th>Matter</th><th>Decided</th></tr>${rows
      .map(([n, t, d]) => `<tr><td>${n}</td><td><a href="/m/${n}">${t}</a></td><td>${d}</td></tr>`)
      .join('')}</table>`;
  const body = `<div class="main"><table class="grid"><tr><td><a href="/y/2020">2020</a></td><td><a href="/y/2019">2019</a></td><td><a href="/y/2018">2018</a></td></tr><tr><td><a href="/y/2017">2017</a></td><td><a href="/y/2016">2016</a></td><td></td></tr></table><hr>
    ${quarter('Second quarter', [
      ['C-21/117', 'Port Authority v. Mersey Freight Ltd', '12 May 2021'],
      ['C-21/118', 'Green Valley Farms v. Water Board', '20 May 2021'],
    ])}<hr>${quarter('First quarter', [
      ['C-21/031', 'Alder v. Alder', '8 February 2021'],
      ['C-21/040', 'Town of Westmere v. Ridge Quarries', '22 February 2021'],
      ['C-21/052', 'Okafor v. City Transit', '3 March 2021'],
    ])}</div>`;

  it('are the records: not the tables, not the header rows, not the table of years', () => {
    expect(read(body)).toEqual([
      ['Port Authority v. Mersey Freight Ltd', 'C-21/117', '2021-05-12'],
      ['Green Valley Farms v. Water Board', 'C-21/118', '2021-05-20'],
      ['Alder v. Alder', 'C-21/031', '2021-02-08'],
      ['Town of Westmere v. Ridge Quarries', 'C-21/040', '2021-02-22'],
      ['Okafor v. City Transit', 'C-21/052', '2021-03-03'],
    ]);
  });
});

describe('what a list must cover', () => {
  const row = (d: string, n: string, t: string) =>
    `<tr><td>${d}</td><td>${n}</td><td>${t}</td><td><a href="/pdf/${n}">PDF</a></td></tr>`;
  const results = `<table class="res"><tbody>${row('Jul 05, 2024', '2024XY000164', 'Harbour Trust v. Lee')}${row(
    'Jul 02, 2024',
    '2023XY002020',
    'Mills v. Lakeside Borough',
  )}${row('Jun 28, 2024', '2023XY000533', 'Partridge v. Partridge')}</tbody></table>`;

  it('a short list of dated, numbered results under a long search form is the page’s list', () => {
    const criteria = Array.from(
      { length: 12 },
      (_, k) => `<div class="crit"><label>Criterion ${k}: match words in the text of the document</label></div>`,
    ).join('');
    expect(read(`<div class="panel">${criteria}</div>${results}`)).toHaveLength(3);
  });

  it('a notice shorter than the list above it is no article beside the list', () => {
    const titles = ['Harbour Trust v. Lee', 'Mills v. Lakeside Borough', 'Partridge v. Partridge', 'Okafor v. Transit'];
    const more = titles.flatMap((t, k) => [
      row(`Jun ${10 + k}, 2024`, `2023XY0010${k}0`, `${t} (first appeal)`),
      row(`May ${10 + k}, 2024`, `2023XY0020${k}0`, `${t} (second appeal)`),
    ]);
    const notice = `${longNotice}Copies are sent on request.`;
    expect(notice.length).toBeGreaterThan(200);
    expect(
      read(`<div class="intro"><p>${notice}</p></div><table><tbody>${more.join('')}</tbody></table>`),
    ).toHaveLength(8);
  });

  it('an article longer than the list beside it still wins over the list', () => {
    const article = `<article><p>${longNotice.repeat(4)}</p></article>`;
    expect(structureOnly(`${article}<div class="also">${results}</div>`)).toBeNull();
  });
});

describe('records named by their date', () => {
  it('a date over each meeting’s document links names the meeting; a cancelled one without documents still counts', () => {
    const meeting = (date: string, docs: string[]) =>
      `<div class="when"><span>${date}</span></div><div class="docs">${docs
        .map((d) => `<p><a href="/files/${encodeURIComponent(date + d)}.pdf">${d}</a></p>`)
        .join('')}</div>`;
    const out = read(`<h2>Trustees’ meetings</h2><section>
      ${meeting('Tuesday, 9 March 2021', ['Agenda', 'Minutes', 'Audio'])}
      ${meeting('Tuesday, 13 April 2021 (postponed)', [])}
      ${meeting('Tuesday, 11 May 2021', ['Agenda', 'Minutes'])}
      ${meeting('Tuesday, 8 June 2021', ['Agenda', 'Minutes', 'Slides'])}
      ${meeting('Tuesday, 13 July 2021', ['Agenda'])}</section>`);
    expect(out.map(([title, , at]) => [title, at])).toEqual([
      ['Tuesday, 9 March 2021', '2021-03-09'],
      ['Tuesday, 13 April 2021 (postponed)', '2021-04-13'],
      ['Tuesday, 11 May 2021', '2021-05-11'],
      ['Tuesday, 8 June 2021', '2021-06-08'],
      ['Tuesday, 13 July 2021', '2021-07-13'],
    ]);
  });

  it('dated entries that say what happened, short or not, stay a history', () => {
    const entry = (date: string, text: string) =>
      `<div class="when"><span>${date}</span></div><div class="what"><p>${text}</p></div>`;
    expect(
      structureOnly(
        `<section>${entry('9 March 2021', 'Claim lodged.')}${entry('13 April 2021', 'Defence filed.')}${entry(
          '11 May 2021',
          'Hearing listed.',
        )}${entry('8 June 2021', 'Judgment given.')}</section>`,
      ),
    ).toBeNull();
  });

  it('entries whose only links count 1, 2, 3 are a docket’s numbered entries, not cases', () => {
    const entry = (n: number, date: string, text: string) =>
      `<li><span class="d">${date}</span> <a href="/entry/${n}">${n}</a> <span>${text}</span></li>`;
    expect(
      structureOnly(
        `<ol class="entries">${entry(1, '9 March 2021', 'Claim lodged by the applicant')}${entry(
          2,
          '13 April 2021',
          'Defence filed by the respondent',
        )}${entry(3, '11 May 2021', 'Hearing listed before the registrar')}</ol>`,
      ),
    ).toBeNull();
  });
});

describe('a number strung after the title', () => {
  it('`<a>Title</a>, Ref. No. …, Decided …` gives the number', () => {
    const p = (t: string, n: string, d: string) => `<p><a href="/d/${n}.pdf">${t}</a>, Ref. No. ${n}, Decided ${d}</p>`;
    expect(
      read(
        `<div class="col">${p('Greene v. Marsh', '20190042', 'March 3, 2020')}${p(
          'Alder v. Alder',
          '20190107',
          'March 10, 2020',
        )}${p('Town of Westmere v. Ridge Quarries', '20180991', 'April 2, 2020')}</div>`,
      ),
    ).toEqual([
      ['Greene v. Marsh', '20190042', '2020-03-03'],
      ['Alder v. Alder', '20190107', '2020-03-10'],
      ['Town of Westmere v. Ridge Quarries', '20180991', '2020-04-02'],
    ]);
  });
});
