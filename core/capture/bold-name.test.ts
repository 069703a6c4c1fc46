import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * The case's own name when no heading by tag or size shows it (bold-name.ts). Each page is written apart from the
 * page that showed the shape: a national assembly's bill page whose <title> names the page's kind (pl Sejm, ro
 * Chamber), a legislature's label over a bold value (New Mexico), a council's Word-exported decision (Espoo).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const titleOf = (html: string, url = 'https://parlament.example.eu/bill?id=48') =>
  extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]?.title;

const FIELDS = `<table><tr><td>Registered:</td><td>12-03-2021</td></tr><tr><td>Stage:</td><td>committee</td></tr>
  <tr><td>Initiator:</td><td><a href="/m/4">Government</a></td></tr></table>
  <p>${'The bill amends the act on the registration of foreign trade. '.repeat(4)}</p>`;

describe('the case named by weight and place', () => {
  it('takes the bold cell over the fields when the <title> names the page kind and the page never shows it', () => {
    const html = `<html><head><title>Course of the legislative procedure</title></head><body>
      <table width="100%"><tr><td width="40"><img src="/dot.gif"></td>
      <td><font size="3"><b>Government bill on the registration of foreign trade</b></font><br><font size="3">(paper no 15)</font></td></tr></table>
      ${FIELDS}</body></html>`;
    expect(titleOf(html)).toBe('Government bill on the registration of foreign trade');
  });

  it('takes a bold value under a label line over the page’s section headings', () => {
    const html = `<html><head><title>Bill 73</title></head><body><div class="panel">
      <span class="label">Number</span><br><span><b>HB 73</b></span><br>
      <span class="label">Name</span><br><span><b>Exempt the state from daylight saving time</b></span><br>
      <span class="label">Sponsor</span><br><a href="/m/9"><b>Roberta J. Gonzales</b></a></div>
      <h3>Key events</h3>${FIELDS}</body></html>`;
    expect(titleOf(html)).toBe('Exempt the state from daylight saving time');
  });

  it('takes a Word paragraph in bold under the city’s two-word bold name', () => {
    const html = `<html><head><title>Dynasty</title></head><body><div class="WordSection1">
      <p class="MsoNormal"><b>Vantaan kaupunki</b></p><p class="MsoNormal">Kaupunginhallitus</p>
      <p class="MsoNormal"><strong><span>Valtuustoaloite pyöräteiden talvikunnossapidosta (Kv-asia)</span></strong></p>
      <h4>Päätösehdotus</h4>${FIELDS}</div></body></html>`;
    expect(titleOf(html)).toBe('Valtuustoaloite pyöräteiden talvikunnossapidosta (Kv-asia)');
  });

  it('leaves an agenda’s first bold item, a bold notice sentence and a bold link alone', () => {
    const agenda = `<html><head><title>Meeting</title></head><body>
      <div><span style="font-size:26pt">Planning Commission</span></div>
      <table><tr><td>1.</td><td><strong>WELCOME AND ROLL CALL</strong></td></tr></table></body></html>`;
    expect(titleOf(agenda)).not.toBe('WELCOME AND ROLL CALL');
    const notice = `<html><head><title>Course of the legislative procedure</title></head><body>
      <p><b>Meetings of the committee have reopened to the public in person since October.</b></p>
      <p><a href="/m/4"><b>Members of the standing committee on finance</b></a></p>${FIELDS}</body></html>`;
    const title = titleOf(notice);
    expect(title).not.toContain('reopened');
    expect(title).not.toContain('Members of the standing');
  });
});
