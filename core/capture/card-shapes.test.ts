import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Cards of a list read by their shape (card-lists.ts, card-draft.ts), whatever words a site uses: each test names the
 * real page that showed the cause (its markup cut down) and a second markup of the same shape is written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (lang: string, body: string) =>
  `<html lang="${lang}"><head><title>Results</title></head><body>${body}</body></html>`;

describe('a card whose heading is its link, above a table with headings of its own', () => {
  const motion = (n: string, title: string, who: string) => `
    <li><div class="search-result-content">
      <h3><a href="/kamerstukken/detail?id=${n}">${title}</a></h3>
      <p class="submitter">Indiener: <a href="/kamerleden/${who}">${who}</a></p>
      <p class="result">Besluit: <span>Verworpen.</span></p></div>
      <div class="search-result-properties"><p>${n}</p><p class="date">10 februari 2015</p></div>
      <p class="trigger"><a href="#">bekijk de stemverhoudingen in detail</a></p>
      <div class="vote-result"><table><tbody>
        <tr><td><a href="/fracties/vvd">VVD</a></td><td>41</td><td></td></tr>
        <tr><td><a href="/fracties/klein">Klein</a></td><td>1</td><td><h4>Niet deelgenomen</h4></td></tr>
      </tbody></table></div></li>`;

  it('is titled by its heading and numbered by the identifier alone on its line (nl-tweedekamer-stemmingsuitslagen-…)', () => {
    const { issues } = extract(
      page(
        'nl',
        `<ul class="search-result-list">${motion('33308-13', 'Motie van het lid Helder over de geschillencommissie', 'Lilian Helder')}
         ${motion('33308-17', 'Gewijzigde motie van het lid Verhoeven over belangen van makers', 'Kees Verhoeven')}</ul>`,
      ),
      'https://www.tweedekamer.nl/kamerstukken/stemmingsuitslagen/detail?id=2015P02267',
    );
    expect(issues.map((i) => [i.title, i.source.caseNumber])).toEqual([
      ['Motie van het lid Helder over de geschillencommissie', '33308-13'],
      ['Gewijzigde motie van het lid Verhoeven over belangen van makers', '33308-17'],
    ]);
    expect(issues.map((i) => i.description ?? '').join(' ')).not.toContain('bekijk de stemverhoudingen');
  });

  it('a second markup: article cards, a link heading, a ballot table with a bold heading per cell', () => {
    const card = (n: string, title: string) => `
      <article class="entry"><h2><a href="/petitions/${n}">${title}</a></h2>
        <div>Lodged by: <a href="/people/${n}">A. Resident</a></div>
        <div class="facts"><span>${n}</span><span>3 March 2025</span></div>
        <a href="javascript:void(0)">Show the tally</a>
        <table><tbody><tr><td>Ward 1</td><td><h5>Abstained</h5></td></tr></tbody></table></article>`;
    const { issues } = extract(
      page(
        'en-GB',
        `<section>${card('PE-2025-041', 'Restore the evening bus along Quay Road')}${card('PE-2025-042', 'Light the towpath between the locks')}
         ${card('PE-2025-043', 'Keep the library open on Sundays')}</section>`,
      ),
      'https://council.example.org/petitions',
    );
    expect(issues.map((i) => [i.title, i.source.caseNumber])).toEqual([
      ['Restore the evening bus along Quay Road', 'PE-2025-041'],
      ['Light the towpath between the locks', 'PE-2025-042'],
      ['Keep the library open on Sundays', 'PE-2025-043'],
    ]);
    expect(issues.map((i) => i.description ?? '').join(' ')).not.toContain('Show the tally');
  });
});

describe('cards of one shape in two sections, next and past, each under its own heading', () => {
  const paper = (label: string, name: string) =>
    `<li><div class="field"><div class="field-label show-for-sr">${label}</div><div class="field__item"><a href="/files/${name}.pdf">${name}</a></div></div></li>`;
  const card = (title: string, sentence: string, papers: string) => `
    <div class="views-row"><article class="node node--teaser"><h3 class="node-title"><span>${title}</span></h3>
      <div><div class="body"><p>${sentence}</p></div><ul class="meeting-data">${papers}</ul></div></article></div>`;
  const section = (heading: string, cards: string) => `
    <div class="block block-views"><div><div class="views view-${heading.length}"><div class="view--header"><h2>${heading}</h2></div>
      <div class="views--row-wrapper">${cards}</div></div></div></div>`;

  it('reads both sections in page order, each hour from the sentence naming its day (us-chicago-elections-board-meetings)', () => {
    const { issues } = extract(
      page(
        'en-US',
        `<main><div class="layout__region">${section(
          'Next Board Meeting',
          card(
            'Rescheduled Regular Board Meeting - January 12, 2024',
            'The next Regular Board meeting has been rescheduled to Friday, January 12, 2024 at 10:00 a.m.',
            paper('File', 'Board Meeting Public Notice - January 12, 2024') +
              paper('Document', 'Board Meeting Video - January 12, 2024'),
          ),
        )}${section(
          'Past Meetings',
          card(
            'Chicago Electoral Board Meeting - January 5, 2024',
            'The next Chicago Electoral Board Meeting will be held on Friday, January 5, 2024 at 10:00am.',
            paper('File', 'Electoral Board Meeting Notice - January 5, 2024'),
          ) +
            card(
              'Regular Board Meeting - December 12, 2023',
              'The next Regular Board meeting will be held on Tuesday, December 12, 2023 at 10:00 a.m.',
              paper('File', 'Board Meeting Public Notice - December 12, 2023'),
            ) +
            card(
              'Regular Board Meeting - November 28, 2023',
              'The next Regular Board meeting will be held on November 28, 2023 at 10:00 a.m.',
              paper('Document', 'Board Meeting Video - November 28, 2023'),
            ),
        )}</div></main>`,
      ),
      'https://chicagoelections.gov/about-board/board-meetings',
    );
    expect(issues.map((i) => [i.title, i.reportedAt])).toEqual([
      ['Rescheduled Regular Board Meeting - January 12, 2024', '2024-01-12T10:00:00-06:00'],
      ['Chicago Electoral Board Meeting - January 5, 2024', '2024-01-05T10:00:00-06:00'],
      ['Regular Board Meeting - December 12, 2023', '2023-12-12T10:00:00-06:00'],
      ['Regular Board Meeting - November 28, 2023', '2023-11-28T10:00:00-06:00'],
    ]);
  });

  it('a second markup: upcoming and earlier hearings as sections of cards, labelled reference, a minutes link per card', () => {
    const hearing = (ref: string, title: string, day: string, extra = '') => `
      <div class="hearing"><h4>${title}</h4><p>The panel sits on ${day} at 2:30 p.m. in the council chamber.</p>
        <div><span class="lbl">Reference:</span> <span>${ref}</span></div>${extra}<a href="/minutes/${ref}">Minutes of ${day}</a></div>`;
    const { issues } = extract(
      page(
        'en-GB',
        `<div id="content"><div class="region"><section><div class="inner"><div class="wrap"><h2>Upcoming hearings</h2>
          <div class="cards">${hearing('LIC/2025/014', 'Licensing panel: The Anchor Inn', '14 May 2025')}</div></div></div></section>
         <section><div class="inner"><div class="wrap"><h2>Earlier hearings</h2>
          <div class="cards">${hearing('LIC/2025/009', 'Licensing panel: Quayside Kitchen', '2 April 2025')}${hearing('LIC/2025/006', 'Licensing panel: Harbour Stores', '12 March 2025')}
          <div class="hearing"><h4>Licensing panel: The Old Mill</h4><p>The panel sat on 5 February 2025 at 2:30 p.m. in the council chamber.</p><a href="/minutes/mill">Minutes of 5 February 2025</a></div></div></div></div></section></div></div>`,
      ),
      'https://www.harbourtown.example.gov.uk/licensing/hearings',
    );
    expect(issues.map((i) => [i.title, i.reportedAt])).toEqual([
      ['Licensing panel: The Anchor Inn', '2025-05-14T14:30:00+01:00'],
      ['Licensing panel: Quayside Kitchen', '2025-04-02T14:30:00+01:00'],
      ['Licensing panel: Harbour Stores', '2025-03-12T14:30:00+00:00'],
      ['Licensing panel: The Old Mill', '2025-02-05T14:30:00+00:00'],
    ]);
  });
});

describe('a card whose subject is labelled beside its named link (us-ny-ag-opinions-by-year)', () => {
  const opinion = (n: string, name: string, subject: string, abstract: string) => `
    <li class="opinion">
      <p>Opinion No.: <span>${n}</span></p>
      <p><a href="/advisory/${n}.pdf">${name}</a></p>
      <p><b>Subject Title:</b> <span>${subject}</span></p>
      <p><b>Abstract:</b> <span>${abstract}</span></p>
      <p><a href="/advisory/${n}.pdf">View document</a></p>
    </li>`;

  it('is named by its link and described by its abstract, not by its subject', () => {
    const { issues } = extract(
      page(
        'en',
        `<ul class="opinions">${opinion('19-4', 'Advisory Opinion 19-4 to the Harbor District Board', 'Gifts to board members', 'A board member may not accept tickets to events from a contractor bidding on district work.')}
         ${opinion('19-5', 'Advisory Opinion 19-5 to the City of Fairview', 'Outside employment', 'A city planner may not work for a developer whose applications come before the planning office.')}</ul>`,
      ),
      'https://ethics.example.gov/advisory-opinions',
    );
    expect(issues.map((i) => [i.title, i.source.caseNumber])).toEqual([
      ['Advisory Opinion 19-4 to the Harbor District Board', '19-4'],
      ['Advisory Opinion 19-5 to the City of Fairview', '19-5'],
    ]);
    expect(issues[0]!.description).toContain('may not accept tickets');
  });
});
