import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * A case's fields laid out in ways the corpus rarely had: a label in a small span on its own line above its value
 * (not beside it), and the answer to an initiative under a bold paragraph naming it, in a word-processor document
 * pasted into the page. Markup written apart from the pages that showed it (New Mexico bills: held-out-23; an Espoo
 * council initiative: held-out-22).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;

describe('labels stacked over their values', () => {
  it('pairs each label span with the line under it: the title and the sponsor are read', () => {
    const html = `<html><head><title>Bill</title></head><body>
      <nav><a href="/">Home</a> / <a href="/bills">Bills</a></nav>
      <h1>2021 Session - SB 12</h1>
      <table><tr><td>
        <span class="label label-default">ID</span><br><span><b>SB 12</b></span><br><br>
        <span class="label label-default">Title</span><br><span><b>RURAL BROADBAND GRANT FUND</b></span><br><br>
        <span class="label label-default">Sponsor</span><br><a href="/members/x"><b>Maria T. Lopez</b></a><br><br>
        <span class="label label-default">Current Location</span><br><a href="/c/sfc"><b>SENATE FINANCE COMMITTEE</b></a>
      </td></tr></table>
      <p>Text of the bill and its amendments are linked below.</p></body></html>`;
    const issue = extract(html, 'https://legis.example.gov/bill?legno=12')[0]!;
    expect(issue.title).toBe('RURAL BROADBAND GRANT FUND');
    expect(issue.reporter.name).toBe('Maria T. Lopez');
  });

  it('takes no value from a label whose next line is another label', () => {
    const html = `<html><head><title>Record</title></head><body><h1>Record 7</h1>
      <div><span class="label">Title</span><br><span class="label">Sponsor</span><br><b>Ann Lee</b></div>
      <p>Body text of the record, long enough to be read as its description.</p></body></html>`;
    const issue = extract(html, 'https://records.example.org/7')[0]!;
    expect(issue.title).not.toBe('Sponsor');
    expect(issue.reporter.name).toBe('Ann Lee');
  });
});

describe('a paper’s link named by a date label with its day in a badge', () => {
  it('dates the case by the badge’s short US day', () => {
    const html = `<html><head><title>Bill</title></head><body><h1>2021 Session - HB 9</h1>
      <div><span class="label">Title</span><br><span><b>WATER RIGHTS ADJUDICATION</b></span></div>
      <div><a class="btn" href="/bills/HB0009.pdf"><span>Introduced (PDF)</span> &nbsp; <span class="badge"><font size="2">01/12/21</font></span></a>
      <a class="btn" href="/bills/HB0009.html"><span>Introduced (HTML)</span> <span class="badge">01/12/21</span></a></div>
      <p>Amendments in context are linked from the committee reports.</p></body></html>`;
    const issue = extract(html, 'https://legis.example.gov/bill?legno=9')[0]!;
    expect(issue.reportedAt).toBe('2021-01-12T00:00:00-05:00');
  });
});

describe('a decision headed by its register number and year alone on a line', () => {
  it('numbers the case by it and names it by the first line of words under it, not by the site’s <title>', () => {
    const html = `<html><head><title>Esityslistat</title></head><body>
      <table><tr><td>Kaupunki</td></tr></table><hr>
      <p>2211-2019 (10)</p><p class="ots">Keskustan pysäköintiratkaisu</p>
      <p>Lautakunnalle esitetään keskustan pysäköintiratkaisun hyväksymistä jatkosuunnittelun pohjaksi.</p>
      </body></html>`;
    const issue = extract(html, 'https://paatokset.example.fi/2019/2211.htm')[0]!;
    expect(issue.source.caseNumber).toBe('2211-2019');
    expect(issue.title).toBe('Keskustan pysäköintiratkaisu');
  });
});

describe('a labelled number carrying its day of registration', () => {
  it('is the case’s number as the page cites it (code and year), the day its reported date', () => {
    const html = `<html><head><title>Procesul legislativ</title></head><body>
      <div class="cale">Proces legislativ &gt; PL77/2014</div>
      <table><tr><td>Reference:</td><td><b>PL77/11.03.2014</b></td></tr>
      <tr><td>Stadiu:</td><td>la Senat</td></tr></table>
      <table><tr><td>Data</td><td>Actiunea</td></tr>
      <tr><td>12.03.2014</td><td>prezentare în Biroul Permanent</td></tr>
      <tr><td>20.03.2014</td><td>înaintat la Senat</td></tr></table></body></html>`;
    const issue = extract(html, 'https://parlament.example.ro/proiecte/pl77.html')[0]!;
    expect(issue.source.caseNumber).toBe('PL77/2014');
    expect(issue.reportedAt).toBe('2014-03-11T00:00:00+02:00');
  });
});

describe('an answer under a bold paragraph naming it', () => {
  it('is the case’s reply, its paragraphs up to the next bold heading, and no part of the description', () => {
    const html = `<html><head><title>Kaupunki</title></head><body><div class="WordSection1">
      <p><strong>Valtuustoaloite pyöräteiden talvikunnossapidosta</strong></p>
      <p><b>Selostus</b></p>
      <p>Valtuutettu Anna Virtanen on jättänyt valtuustoaloitteen, jossa esitetään pyöräteiden parempaa talvikunnossapitoa.</p>
      <p><b>Vastaus valtuustoaloitteeseen</b></p>
      <p>&nbsp;</p>
      <p>Pyöräteiden talvikunnossapidon laatuvaatimukset on tarkistettu syksyllä.</p>
      <p>Pääreitit aurataan jatkossa ennen kello seitsemää.</p>
      <p><b>Tiedoksi</b></p><table><tr><td>Kaupunkitekniikka</td></tr></table>
      </div></body></html>`;
    const issue = extract(html, 'https://kokous.example.fi/2021-4.HTM')[0]!;
    expect(issue.updates).toHaveLength(1);
    expect(issue.updates[0]!.text).toContain('laatuvaatimukset on tarkistettu');
    expect(issue.updates[0]!.text).toContain('ennen kello seitsemää');
    expect(issue.updates[0]!.text).not.toContain('Tiedoksi');
    expect(issue.description).toContain('on jättänyt valtuustoaloitteen');
    expect(issue.description).not.toContain('laatuvaatimukset');
  });
});
