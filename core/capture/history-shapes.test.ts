import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';

/**
 * A case's history read by its shape when its column heads are words no table knows (history-shapes.ts). Each rule
 * names the real page whose label-blind copy showed the cause (test/capture/detail-ablation.ts) and runs a second
 * markup written apart, in Dutch, whose heads the test first checks no table knows; and a list of cases shaped
 * alike is not taken for a history.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (body: string, lang = 'en-AU') =>
  `<html lang="${lang}"><head><title>Application</title></head><body>${body}</body></html>`;

const DUTCH_HEADS = ['Stap', 'Begonnen', 'Afgerond', 'Wanneer', 'Gebeurtenis', 'Stukken'];

describe('column heads no table knows', () => {
  it('are unknown to the dictionary (else these tests would prove nothing)', () => {
    for (const w of [...DUTCH_HEADS, 'Xqkwxxxxxxx', 'Xqjzxxxxxxxxx']) expect(matchLabel(w), w).toBeNull();
  });
});

describe('a history table read by its shape', () => {
  it('`step | started | completed` rows (au-forbes-masterview-da-10-2019-46-details, label-blind)', () => {
    const row = (step: string, a: string, b: string) => `<tr><td>${step}</td><td>\n${a}   </td><td>\n${b}   </td></tr>`;
    const html = page(
      `<h1>Development Application (10-2019-46-1)</h1><h3 id="tracking"><a href="#">Tracking</a></h3><div>
<table class="table table-striped"><thead><tr><th>Xqkwxxxxxxx</th><th>Xqjzxxxxxxxxx</th><th>Xqkvxxxxxxxxx</th></tr></thead><tbody>
${row('Lodgement Application Review', '09/05/2019', '15/05/2019')}${row('Assessment', '20/05/2019', '11/06/2019')}
${row('Public Exhibition', '20/05/2019', '20/05/2019')}${row('Determination Posted', '20/06/2019', '20/08/2019')}
</tbody></table></div>`,
    );
    const issue = extract(
      html,
      'http://planning.forbes.nsw.gov.au/Application/ApplicationDetails/010.2019.00000046.001',
    ).issues[0]!;
    expect(issue.updates.map((u) => u.text)).toEqual([
      'Lodgement Application Review',
      'Assessment',
      'Public Exhibition',
      'Determination Posted',
    ]);
    expect(issue.updates[0]!.at).toBe('2019-05-09T00:00:00+10:00');
  });

  it('one step alone under a heading row of as many columns (au-gunnedah-masterview-da-2019-36-details)', () => {
    const html = page(
      `<h1>Development Application (10.2019.36.1)</h1><table><thead><tr><th>Xqwxxxxxxxx</th><th>Xqkzxxxxxxxxx</th>
<th>Xqwzxxx</th><th>Xqzzxxxxxxxxx</th></tr></thead><tbody><tr><td>External Referral</td><td>02/07/2019</td>
<td>23/07/2019</td><td>23/07/2019</td></tr></tbody></table>`,
    );
    const issue = extract(html, 'http://datracking.gunnedah.nsw.gov.au/Application/ApplicationDetails/1').issues[0]!;
    expect(issue.updates).toEqual([{ at: '2019-07-02T00:00:00+10:00', text: 'External Referral' }]);
  });

  it('a planned-day column out of order beside a done-day column in order (au-goldcoast-epathway-mcu-2018-1167-details)', () => {
    const row = (s: string, a: string, b = '') =>
      `<tr><td><div>${s}</div></td><td><span>${a}</span></td><td><span>${b}</span></td></tr>`;
    const html = page(
      `<h1>MCU/2018/1167</h1><table><tr><th>Xqkzxxxxxxxxxx</th><th>Xqwzxxx</th><th>Xqzzxxxxxxxxxx</th></tr>
${row('Pre-Assessment', '15/11/2018', '9/11/2018')}${row('Information Request', '7/12/2018', '6/12/2018')}
${row('Public Notification (Notice of Commencement)', '31/05/2019', '11/05/2019')}${row('Notice of Compliance', '28/05/2019')}
${row('Xqvzxxxx', '24/08/2018')}</table>`,
    );
    const issue = extract(html, 'https://cogc.cloud.infor.com/ePathway/Production/Web/details.aspx').issues[0]!;
    expect(issue.updates.map((u) => u.text)).toEqual([
      'Pre-Assessment',
      'Information Request',
      'Public Notification (Notice of Commencement)',
      'Notice of Compliance',
      'Xqvzxxxx',
    ]);
  });

  it('`# | Filed: date | entry` docket rows, the date under a label of its own (us-pacer-nysd-docket-history-485885)', () => {
    const row = (n: number, d: string, what: string) =>
      `<tr valign="top"><td><a href="https://ecf.nysd.uscourts.gov/doc1/12712158${n}">${n}</a></td><td><table><tr><td><i>Xqwwx &amp; Xqzwxxx: &#160;</i></td><td align="right">${d}</td></tr></table></td><td><a href="javascript:DktText('1')"><img src="/graphics/silverball.gif" alt="Xqvwxxxxxx"></a>\n${what}</td></tr>`;
    const html = page(
      `<h3>1:17-cv-10089-VSB Gonzalez v. Trump</h3><table border="1"><tr><th>Xqzx<br>Xqvx</th><th>Xqjxx</th><th>Xqkwxxxxxxx</th></tr>
${row(1, '12/26/2017', 'Complaint')}${row(2, '12/26/2017', 'Civil Cover Sheet')}${row(4, '12/27/2017', 'Summons Issued')}</table>`,
      'en-US',
    );
    const issue = extract(html, 'https://ecf.nysd.uscourts.gov/cgi-bin/HistDocQry.pl?485885').issues[0]!;
    expect(issue.updates.map((u) => [u.at, u.text])).toEqual([
      ['2017-12-26T00:00:00-05:00', 'Complaint'],
      ['2017-12-26T00:00:00-05:00', 'Civil Cover Sheet'],
      ['2017-12-27T00:00:00-05:00', 'Summons Issued'],
    ]);
  });

  it('an event with its papers linked after it (eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen)', () => {
    const row = (d: string, what: string, ref: string) =>
      `<tr><td>${d}</td><td>${what}</td><td>${ref}</td><td><a href="/oeil/en/document-summary?id=1"><button>Summary</button></a></td></tr>`;
    const html = page(
      `<h1>2022/2852(RSP) Resolution on the accession of Romania and Bulgaria to the Schengen area</h1>
<h2>Key events</h2><table><thead><tr><th>Date</th><th>Event</th><th>Reference</th><th>Summary</th></tr></thead><tbody>
${row('05/10/2022', 'Debate in Parliament', '<a href="https://www.europarl.europa.eu/doceo/CRE-9"><svg></svg></a>')}
${row('18/10/2022', 'Decision by Parliament', '<a href="https://www.europarl.europa.eu/doceo/TA-9">T9-0364/2022</a>')}
</tbody></table>`,
      'en',
    );
    const issue = extract(
      html,
      'https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2022/2852(RSP)',
    ).issues[0]!;
    expect(issue.updates.map((u) => u.text)).toEqual(['Debate in Parliament', 'Decision by Parliament']);
    expect(issue.updates[1]!.at?.slice(0, 10)).toBe('2022-10-18');
  });

  it('a history written apart: Dutch heads, the newest step first, a number column', () => {
    const html = page(
      `<main><h1>Omgevingsvergunning: kap van een eik, Kerkstraat 12</h1><p>Zaak OLO-2024/0917</p>
<table class="verloop"><tr><th>Nr</th><th>Wanneer</th><th>Gebeurtenis</th></tr>
<tr><td>3</td><td>12-06-2024</td><td>Besluit verzonden aan aanvrager</td></tr>
<tr><td>2</td><td>20-05-2024</td><td>Zienswijzetermijn gesloten</td></tr>
<tr><td>1</td><td>03-04-2024</td><td>Aanvraag ontvangen</td></tr></table></main>`,
      'nl-NL',
    );
    const issue = extract(html, 'https://loket.example.nl/zaak/917').issues[0]!;
    expect(issue.updates.map((u) => [u.at?.slice(0, 10), u.text])).toEqual([
      ['2024-06-12', 'Besluit verzonden aan aanvrager'],
      ['2024-05-20', 'Zienswijzetermijn gesloten'],
      ['2024-04-03', 'Aanvraag ontvangen'],
    ]);
  });
});

describe('not a history', () => {
  it('related cases: each row a record linked to its own page, or a reference code beside its text', () => {
    const html = page(
      `<main><h1>Kap van een eik, Kerkstraat 12</h1><p>Ingediend 03-04-2024.</p><table>
<tr><th>Stap</th><th>Begonnen</th></tr>
<tr><td><a href="/zaak/801">Kap van twee linden, Kerkstraat 10</a></td><td>01-02-2024</td></tr>
<tr><td><a href="/zaak/855">Dakkapel, Kerkstraat 14</a></td><td>15-03-2024</td></tr></table>
<table><tr><td>OLO-2023/0412</td><td>Uitbouw achterzijde</td><td>02-05-2023</td></tr>
<tr><td>OLO-2023/0977</td><td>Schuur in achtertuin</td><td>10-11-2023</td></tr></table></main>`,
      'nl-NL',
    );
    const issue = extract(html, 'https://loket.example.nl/zaak/917').issues[0]!;
    expect(issue.updates).toEqual([]);
  });

  it('rows whose dates jump back and forth in every column', () => {
    const html = page(
      `<main><h1>Kap van een eik</h1><table><tr><td>Stap een</td><td>03-04-2024</td></tr>
<tr><td>Stap twee</td><td>01-01-2020</td></tr><tr><td>Stap drie</td><td>05-05-2024</td></tr></table></main>`,
      'nl-NL',
    );
    expect(extract(html, 'https://loket.example.nl/zaak/917').issues[0]!.updates).toEqual([]);
  });
});
