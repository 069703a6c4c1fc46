import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Finnish council portals (held-out-22, tuned on after its one scoring): a meeting's minutes headed by a styled block
 * rather than an h1 (Documenta's `<label class="h3">`, KTweb's `<td class="Header">`), its body a Finnish compound
 * (kaupunginhallitus, lautakunta), its hour after `klo`/`kello`; and KTweb's grid of meetings (`Kokouspvm |
 * Toimielin`), one meeting a row. Markup written apart from the pages.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;
const helsinki = { zone: { iana: 'Europe/Helsinki' }, numericOrder: 'dmy' as const, roc: false };
const points = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<tr><td>${i + 1}</td><td><a href="/asia/${i}">Asia numero ${i + 1} kaavasta</a></td></tr>`,
  ).join('');

describe('a Finnish meeting page headed by a styled block', () => {
  it('is one meeting titled by its body, dated by the klo hour, from a label styled as a heading', () => {
    const html = `<html><head><title>Kunnan sivut</title></head><body>
      <div><a href="/elimet">Toimielimet</a> | <a href="/lautakunta">Ympäristölautakunta</a></div>
      <table><tr><td><label class="h3">Ympäristölautakunta<br>Pöytäkirja 14.09.2021 klo 17:30 / Tarkastettu</label></td></tr></table>
      <table>${points(8)}</table></body></html>`;
    const issues = extract(html, 'https://kunta.example.fi/kokous/123.HTM');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toContain('Ympäristölautakunta');
    expect(issues[0]!.reportedAt).toBe('2021-09-14T17:30:00+03:00');
  });

  it('reads a header cell heading the table of points, its lines parted by <br>', () => {
    const html = `<html><head><title>Kokouksen asiakirjat</title></head><body>
      <table class="list"><tr class="header"><td class="Header" colspan="2">Kunnanhallitus: Kunnanhallitus<br>6.2.2023 18:00<br>Pöytäkirja</td></tr>
      ${points(8)}</table></body></html>`;
    const issues = extract(html, 'https://kunta.example.fi/ktweb/pk_asil.htm?bid=1');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toContain('Kunnanhallitus');
    expect(issues[0]!.reportedAt).toBe('2023-02-06T18:00:00+02:00');
  });

  it('reads the spelled-out kello as a clock', () => {
    expect(parseDate('ma 8.5.2017 kello 15.30', helsinki)).toBe('2017-05-08T15:30:00+03:00');
  });
});

describe("KTweb's grid of meetings", () => {
  it('is one meeting a row, titled by the body column, dated with the hour after the one-digit day', () => {
    const rows = [
      ['27.3.2023 15:00', 'Kunnanhallitus: 5/2023'],
      ['20.3.2023 15:00', 'Kunnanhallitus: 4/2023'],
      ['6.3.2023 15:00', 'Kunnanhallitus: 4/2023'],
      ['13.2.2023 15:00', 'Kunnanhallitus: 3/2023'],
      ['30.1.2023 15:00', 'Kunnanhallitus: 2/2023'],
      ['9.1.2023 15:00', 'Kunnanhallitus: 1/2023'],
    ];
    const html = `<html><head><title>Pöytäkirjat - Kunta</title></head><body><h1>Pöytäkirjat</h1>
      <table class="list"><tr class="colheader"><td>Kokouspvm</td><td>Toimielin</td></tr>
      ${rows.map(([d, b], i) => `<tr><td><a href="/pk?bid=${i}">${d}</a></td><td>${b}</td></tr>`).join('')}
      </table></body></html>`;
    const issues = extract(html, 'https://kunta.example.fi/ktweb/pk_kokl.htm');
    expect(issues).toHaveLength(6);
    expect(issues[0]!.title).toBe('Kunnanhallitus: 5/2023');
    expect(issues[0]!.reportedAt).toBe('2023-03-27T15:00:00+03:00');
    // The site's repeated number (4/2023 twice) is still the meeting's title alone.
    expect(issues[2]!.title).toBe('Kunnanhallitus: 4/2023');
    expect(issues[2]!.reportedAt).toBe('2023-03-06T15:00:00+02:00');
  });
});
