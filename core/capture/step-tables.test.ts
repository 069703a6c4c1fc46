import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * A case's handling steps in a table of their own: dated rows (date | body | number, or date | action) under a
 * caption and column heads, perhaps with a lone mark beside them (the chamber the steps took place in), and the
 * minutes of each step headed by its paragraph number further down. Markup written apart from the pages that showed
 * it (a Finnish planning decision, a Romanian bill's steps: held-out-22).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;

describe('a table of handling steps above each step’s minutes', () => {
  const html = `<html><head><title>Päätökset</title></head><body>
    <table><tr><td><b>Kaupunki</b></td><td>§</td><td>Kokouspvm</td><td>Asia</td><td>1</td></tr>
    <tr><td>Ympäristölautakunta</td><td>41</td><td>02.02.2021</td><td colspan="2">5</td></tr>
    <tr><td>Ympäristölautakunta</td><td>57</td><td>16.02.2021</td><td colspan="2">2</td></tr>
    <tr><td>Kaupunginhallitus</td><td>88</td><td>01.03.2021</td><td colspan="2">7</td></tr></table>
    <hr><p>1200-2020 (611)</p><p class="ots">Rantakaavan muutos</p>
    <p class="ing">Tiivistelmä:</p><p class="ing">Lautakunnalle esitetään rantakaavan muutoksen hyväksymistä nähtäville.</p>
    <p>Ylk § 41</p><div><p>Kaavoittaja Liisa Laine 20.1.2021:</p><p>Kaavaluonnos on valmis ja sitä on esitelty asukkaille.</p></div>
    <div><p><span class="ehdotuspaatos">Päätös</span>Asia jätettiin pöydälle yksimielisesti.</p></div>
    <p>Ylk § 57</p><div><p>Pöydältä 2.2.2021 § 41.</p></div>
    <div><p><span class="ehdotuspaatos">Päätös</span>Lautakunta hyväksyi ehdotuksen äänin 7-2.</p></div>
    <p>Kh § 88</p><div><p>Kaupunginjohtaja esittää kaavan hyväksymistä.</p></div>
    <div><p><span class="ehdotuspaatos">Päätös</span>Kaupunginhallitus hyväksyi kaavamuutoksen.</p></div>
    <div></div><hr><p><strong>Liitteet:</strong></p><p><a href="/liite1.pdf">Kaavakartta</a></p>
    </body></html>`;

  it('gives one dated update per row, its words the decision closing that step’s minutes, by the body that met', () => {
    const issues = extract(html, 'https://paatokset.example.fi/kh/2021/88.htm');
    expect(issues).toHaveLength(1);
    const updates = issues[0]!.updates;
    expect(updates.map((u) => u.at)).toEqual([
      '2021-02-02T00:00:00+02:00',
      '2021-02-16T00:00:00+02:00',
      '2021-03-01T00:00:00+02:00',
    ]);
    expect(updates[0]!.text).toContain('Asia jätettiin pöydälle yksimielisesti.');
    expect(updates[2]!.text).toContain('Kaupunginhallitus hyväksyi kaavamuutoksen.');
    expect(updates[0]!.by).toBe('Ympäristölautakunta');
  });

  it('leaves the steps’ minutes out of the description, which opens with what comes before them', () => {
    const issue = extract(html, 'https://paatokset.example.fi/kh/2021/88.htm')[0]!;
    expect(issue.description).toContain('esitetään rantakaavan muutoksen hyväksymistä');
    expect(issue.description).not.toContain('Kaavaluonnos on valmis');
  });
});

describe('a bill’s steps table with a caption and the chamber marked beside its steps', () => {
  it('reads each dated row as a step of the case, not the caption nor the chamber marks', () => {
    const html = `<html><head><title>Procesul legislativ</title></head><body>
      <h1>PL-x 12/2015 Proiect de lege privind apele minerale</h1>
      <table><tr><td>Inițiator:</td><td>Guvernul</td></tr><tr><td>Tip inițiativă:</td><td>Proiect de lege</td></tr></table>
      <table>
      <tr><td colspan="3"><b>Derularea procedurii</b></td></tr>
      <tr><td><b>Data</b></td><td>&nbsp;</td><td colspan="2"><b>Acțiunea</b></td></tr>
      <tr><td><img src="/s.gif"></td><td colspan="2"><img src="/s.gif"></td><td rowspan="2">CD</td></tr>
      <tr valign="top"><td>10.02.2015</td><td>&nbsp;</td><td colspan="2">prezentare în Biroul Permanent <table><tr><td><a href="/a.pdf"><img src="/pdf.gif"></a></td><td>Adresa</td></tr></table></td></tr>
      <tr><td><img src="/s.gif"></td><td colspan="2"><img src="/s.gif"></td><td rowspan="2">SE</td></tr>
      <tr valign="top"><td>03.03.2015</td><td>&nbsp;</td><td colspan="2">adoptat de Senat</td></tr>
      </table></body></html>`;
    const issues = extract(html, 'https://parlament.example.ro/proiecte/pl12.html');
    expect(issues).toHaveLength(1);
    const updates = issues[0]!.updates;
    expect(updates).toHaveLength(2);
    expect(updates[0]!.at).toBe('2015-02-10T00:00:00+02:00');
    expect(updates[0]!.text).toContain('prezentare în Biroul Permanent');
    expect(updates[1]!.text).toContain('adoptat de Senat');
  });
});
