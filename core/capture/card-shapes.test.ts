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
