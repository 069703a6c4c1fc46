import { describe, expect, it } from 'vitest';
import { addressFromText, looksLikeAddress } from './address';
import { emptyDraft } from './draft';
import { extractIssues } from './extract';
import { parseHtml } from './node';

const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('looksLikeAddress', () => {
  it.each([
    '2 Anthony Street SOUTH PERTH  WA  6151',
    'Unit 2 14 Ednah Street COMO  WA  6152',
    '7A Pepler Avenue SALTER POINT  WA  6152',
    '46 Lowan Loop KARAWARA  WA  6152',
    '4 Kenzey StreetNORTH MACKAY  QLD  4740',
    '12-14 High St, Springfield',
    '3/21 Mill Point Road',
    '1600 Pennsylvania Ave NW',
    'Lot 5 103 Wollar Road',
    '107 1ST AVE S , SEATTLE, 98104',
    '1033 NE 65th St',
  ])('%s is an address', (line) => {
    expect(looksLikeAddress(line)).toBe(true);
  });

  it.each([
    'Abstinence Education Reallocation Act of 2013',
    '2 Storey Dwelling and Swimming Pool',
    '12 Days of Christmas',
    '8 Storey Multiple Dwellings with Basement Parking',
    '中华人民共和国监察法',
    '2019年3月20日 道路维修',
    '10 Streetlights out',
  ])('%s is not', (line) => {
    expect(looksLikeAddress(line)).toBe(false);
  });
});

describe('addressFromText', () => {
  it('takes a title that is an address, and keeps it as the title', () => {
    const d = { ...emptyDraft(), title: '52 Downey Drive MANNING WA 6152', description: 'Dividing fence' };
    addressFromText(d);
    expect(d.address).toBe('52 Downey Drive MANNING WA 6152');
    expect(d.title).toBe('52 Downey Drive MANNING WA 6152');
  });

  it("splits a description whose first line is the address from the description's text", () => {
    const d = { ...emptyDraft(), description: '4 Kenzey StreetNORTH MACKAY QLD 4740\nReconfiguration of a Lot' };
    addressFromText(d);
    expect(d.address).toBe('4 Kenzey StreetNORTH MACKAY QLD 4740');
    expect(d.description).toBe('Reconfiguration of a Lot');
  });

  it('never overrides a labelled address, nor takes a one-line description', () => {
    const labelled = { ...emptyDraft(), title: '2 Anthony Street', address: 'Lot 9 Elsewhere Road' };
    addressFromText(labelled);
    expect(labelled.address).toBe('Lot 9 Elsewhere Road');
    const oneLine = { ...emptyDraft(), description: '4 Kenzey Street NORTH MACKAY' };
    addressFromText(oneLine);
    expect(oneLine.address).toBeUndefined();
  });
});

describe('addresses on council registers', () => {
  // au-southperth-civica-advertised-applications: each application headed by its address, no address label.
  it('a card headed by its address gives the case its address', () => {
    const card = (addr: string, no: string) =>
      `<h2><a class="plain_header" href="/eservice/daEnquiryDetails.do?index=${no}">${addr}</a></h2><div>
<p class="rowDataOnly"><span class="key">Development Description</span><span class="inputField">Additions to Single House</span></p>
<p class="rowDataOnly"><span class="key">Application No.</span><span class="inputField">${no}/2020</span></p>
<p class="rowDataOnly"><span class="key">Date Lodged</span><span class="inputField">10/07/2020</span></p>
<a class="comment" href="/feedback?p=${no}">Make a Comment?</a></div>`;
    const html = `<html><head><title>Advertised applications</title></head><body><div>
${card('2 Anthony Street SOUTH PERTH  WA  6151', '79')}${card('52 Downey Drive MANNING  WA  6152', '213')}
${card('Unit 2 14 Ednah Street COMO  WA  6152', '216')}</div></body></html>`;
    const { issues } = extract(html, 'https://eservices.example.wa.gov.au/eservice/daEnquiry/currentlyAdvertised.do');
    expect(issues).toHaveLength(3);
    expect(issues[0]!.location.address).toBe('2 Anthony Street SOUTH PERTH WA 6151');
    expect(issues[2]!.location.address).toBe('Unit 2 14 Ednah Street COMO WA 6152');
    expect(issues[1]!.source.caseNumber).toBe('213/2020');
  });

  // au-mackay-masterview-submitted-this-week: one `Details` cell holds the address, a <br>, then the proposal.
  it('a details cell that opens with the address gives address and description apart', () => {
    const row = (n: string, d: string, details: string) =>
      `<tr class="rgRow"><td><a href="default.aspx?key=${n}"><img alt="Click here to view full details" src="show.png"></a></td><td>${n}</td><td>${d}</td><td>${details}</td></tr>`;
    const html = `<html><head><title>Application Enquiry</title></head><body>
<table class="rgMasterTable"><thead><tr><th>Show</th><th>Number</th><th>Submitted</th><th>Details</th></tr></thead><tbody>
${row('ROLC-69/2019', '11/06/2019', '4 Kenzey StreetNORTH MACKAY  QLD  4740<br/>Reconfiguration of a Lot - 1 Lot into 2 Lots')}
${row('MCU-12/2019', '12/06/2019', '19 Sydney Street MACKAY  QLD  4740<br/>Material Change of Use - Shop')}
</tbody></table></body></html>`;
    const { issues } = extract(html, 'https://planning.example.qld.gov.au/masterview/default.aspx?page=found');
    expect(issues).toHaveLength(2);
    expect(issues[0]!.location.address).toContain('4 Kenzey Street');
    expect(issues[0]!.description).toBe('Reconfiguration of a Lot - 1 Lot into 2 Lots');
    expect(issues[1]!.location.address).toContain('19 Sydney Street');
  });
});
