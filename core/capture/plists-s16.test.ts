import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * List pages of the sixteenth session's scoring, each cause written again on markup of another site of the same kind
 * (the real page is named; the markup here is not taken from it).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('a long list of questions under a short table of papers (au-aph-senate-estimates-communications-qon)', () => {
  // A state upper house's estimates page: two papers handed up at the hearing, then the questions taken on notice.
  const question = (n: number, senator: string, topic: string) =>
    `<tr><td>${n}</td><td>Health</td><td>${senator}</td><td>${topic}</td><td>12<br>03/06/2019</td>` +
    `<td><a href="/qon/${n}.pdf">PDF 40KB</a></td><td>21/07/2019</td></tr>`;
  const html =
    '<html><head><title>Health portfolio</title></head><body><h1>Health portfolio</h1>' +
    '<h3>Tabled documents</h3><table><tr><th>Tabled by:</th><th>Topic</th><th>View</th></tr>' +
    '<tr><td>1. Senator Rowe</td><td>Hospital waiting times chart</td><td><a href="/t1.pdf">PDF</a></td></tr>' +
    '<tr><td>2. Senator Pike</td><td>Ambulance ramping letter</td><td><a href="/t2.pdf">PDF</a></td></tr></table>' +
    '<h3>Answers to Questions on Notice</h3><table><tr><th>QoN No.</th><th>Division</th><th>Senator</th>' +
    '<th>Broad Topic</th><th>Hansard Page or Written</th><th>View</th><th>Date Received</th></tr>' +
    question(1, 'Harland', 'Rural bulk billing') +
    question(2, 'Harland', 'Rural bulk billing') +
    question(3, 'Okafor', 'Mental health beds') +
    question(4, 'Okafor', 'Dental waiting lists') +
    question(5, 'Brennan', 'Vaccine cold chain') +
    question(6, 'Brennan', 'Aged care staffing') +
    '</table></body></html>';

  it('reads the questions, not the papers tabled above them: number, topic and the senator who asked', () => {
    const { issues, kind } = extract(html, 'https://parliament.example.gov.au/estimates/health');
    expect(kind).toBe('list');
    expect(issues.map((i) => i.title)).toEqual([
      'Rural bulk billing',
      'Rural bulk billing',
      'Mental health beds',
      'Dental waiting lists',
      'Vaccine cold chain',
      'Aged care staffing',
    ]);
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(issues[2]!.reporter.name).toBe('Okafor');
  });
});

describe('a column of kinds under an unknown head (us-seattle-fire-realtime-911, tw-judicial-fjud-ipc list)', () => {
  // A city police log: heads in the outer table, the rows in a table nested in a cell below them; `Call kind` is
  // a head no dictionary holds.
  const kinds = ['Noise Complaint', 'Traffic Collision', 'Noise Complaint', 'Welfare Check', 'Noise Complaint'];
  const row = (k: number) =>
    `<tr><td>5/${k + 1}/2024 10:0${k}:00 PM</td><td>P24-00${k}1</td><td>Car ${k + 3}</td>` +
    `<td>${100 + k} Oak Street</td><td>${kinds[k]}</td></tr>`;
  const html =
    '<html><head><title>Police calls</title></head><body><table>' +
    '<tr><td>Date/Time</td><td>Call #</td><td>Unit</td><td>Where</td><td>Call kind</td></tr>' +
    `<tr><td colspan="5"><table>${kinds.map((_, k) => row(k)).join('')}</table></td></tr>` +
    '</table></body></html>';

  it("takes the column of repeated short words as each row's category", () => {
    const { issues } = extract(html, 'https://police.example.gov/calls');
    expect(issues).toHaveLength(5);
    expect(issues.map((i) => i.category)).toEqual(kinds);
  });

  it('leaves a column of words that never repeat (a row per street) as no category', () => {
    const streets = ['Oak Street Park', 'Elm Avenue Lot', 'Pine Road Bridge', 'Birch Lane Corner', 'Cedar Way Yard'];
    const plain = html.replace(/<td>(Noise Complaint|Traffic Collision|Welfare Check)<\/td>/g, () => {
      return `<td>${streets.shift()}</td>`;
    });
    const { issues } = extract(plain, 'https://police.example.gov/calls');
    expect(issues).toHaveLength(5);
    expect(issues.every((i) => i.category === undefined)).toBe(true);
  });
});

describe("a row's title cell holding its link and then a summary (sg-pdpc-data-protection-enforcement-cases)", () => {
  // An ombudsman's published findings as rows of blocks under `Date | Topic`.
  const item = (date: string, title: string, summary: string) =>
    `<div class="finding"><div class="finding__date"><p>${date}</p></div><div class="finding__body"><div>` +
    `<p><a href="/findings/${date.replace(/ /g, '-')}.pdf">${title}</a></p>${summary}</div></div></div>`;
  const html =
    '<html><head><title>Findings</title></head><body><h1>Published findings</h1><div class="findings">' +
    '<div class="findings-head"><div><h3>Date</h3></div><div><h3>Topic</h3></div></div>' +
    item(
      '04 Mar 2021',
      'Complaint about Riverside Water Board',
      'The Ombudsman found that the board failed to answer a resident about a disputed bill for nine months.',
    ) +
    item(
      '18 Feb 2021',
      'Complaint about Northgate Housing Office',
      'The office was asked to apologise for repairs left undone in a flat where a child has asthma.',
    ) +
    item(
      '02 Feb 2021',
      'Complaint about Eastfield Council Licensing',
      'The council agreed to refund a licence fee charged twice and to change how it checks payments.',
    ) +
    '</div></body></html>';

  it("takes the link's words as the title and what follows as the description", () => {
    const { issues } = extract(html, 'https://ombudsman.example.org/findings');
    expect(issues.map((i) => i.title)).toEqual([
      'Complaint about Riverside Water Board',
      'Complaint about Northgate Housing Office',
      'Complaint about Eastfield Council Licensing',
    ]);
    expect(issues[0]!.description).toMatch(/^The Ombudsman found that the board failed/);
  });
});
