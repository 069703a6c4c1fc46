import { describe, expect, it } from 'vitest';
import { writtenInZone } from './country-zones';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { oneMeeting } from './one-meeting';
import { createScan } from './scan';

/**
 * A page about one meeting (one-meeting.ts): one case titled and dated by the heading that names the body and its
 * day, its agenda's points no cases; Dutch and Spanish dates with their hour; Dutch text dated in CET.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;
const points = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<li><div><h3 class="title">Punt ${i + 1}: reglement ${i + 1}</h3></div></li>`,
  ).join('');

describe('a page about one meeting', () => {
  it('is one case with the heading as title, the line under it as start and place', () => {
    const html = `<html><head><title>Openbare agenda's en verslagen Dorp - Open Data - Agenda</title></head><body>
      <div><h1 class="return-header">Agenda gemeenteraad</h1>
      <div class="info"><span class="date">di 19/03/2024 - 20:05</span><span class="where">Raadzaal Kerkplein 3</span></div>
      <ul>${points(8)}</ul></div></body></html>`;
    const issues = extract(html, 'https://dorp.example.be/zittingen/1/agenda');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('Agenda gemeenteraad');
    expect(issues[0]!.reportedAt).toBe('2024-03-19T20:05:00+01:00');
    expect(issues[0]!.location.address).toContain('Raadzaal Kerkplein 3');
  });

  it('reads a title element kept in the page header, the date in its own words', () => {
    const html = `<html><head><title>Vergaderingen</title></head><body><form>
      <div id="header"><span id="lblTitel">Agenda Gemeenteraad 22 april 2024 20:00</span></div>
      <ol>${Array.from({ length: 8 }, (_, i) => `<li><a href="/p/${i}">Aankoop perceel ${i + 1} aan de Dorpsstraat</a></li>`).join('')}</ol>
      </form></body></html>`;
    const issues = extract(html, 'https://dorp.example.be/gr/1/agenda');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('Agenda Gemeenteraad');
    expect(issues[0]!.reportedAt).toBe('2024-04-22T20:00:00+02:00');
  });

  it('is not found on a schedule of meetings on different days', () => {
    const rows = ['12 maart 2024', '9 april 2024', '14 mei 2024', '11 juni 2024']
      .map((d) => `<h2>Gemeenteraad ${d} 20:00</h2><p>Agenda en notulen van de zitting.</p>`)
      .join('');
    const doc = parseHtml(`<html><body><h1>Kalender</h1>${rows}</body></html>`, 'https://dorp.example.be/');
    const ctx = { zone: { iana: 'Europe/Brussels' }, numericOrder: 'dmy', roc: false } as const;
    expect(oneMeeting(createScan(doc, doc.body!), ctx, doc.body!.textContent ?? '')).toBeUndefined();
    const one = parseHtml(`<html><body><h1>Kalender</h1>${rows.split('</p>')[0]}</p></body></html>`, 'https://x.be/');
    expect(oneMeeting(createScan(one, one.body!), ctx, one.body!.textContent ?? '')?.title).toBe('Gemeenteraad');
  });
});

describe('a dialog the page opens on a click', () => {
  it("is no part of the case (Meeting.burger's disclaimer overlay)", () => {
    const html = `<html><head><title>Vergaderingen</title></head><body>
      <h1>Besluit over de aankoop van het perceel aan de Dorpsstraat</h1>
      <p>De gemeenteraad keurt de aankoop van het perceel goed voor de aanleg van een speelplein in de wijk.</p>
      <div id="overlaymenuDisclaimer" class="overlaymenu"><div class="overlaymenuInner"><p>De applicatie helpt lokale
      besturen bij het publiceren van agenda's, besluiten en notulen volgens het principe van gelinkte open data en
      bewaart een bundel van elk document met een unieke identificatie van de gebruiker.</p></div></div></body></html>`;
    const [issue] = extract(html, 'https://dorp.example.be/besluit/1');
    expect(JSON.stringify(issue)).not.toContain('unieke identificatie');
  });
});

describe('dates in Dutch and Spanish words', () => {
  const ctx = { zone: { iana: 'Europe/Brussels' }, numericOrder: 'dmy', roc: false } as const;
  it('reads the month names and the Flemish clock', () => {
    expect(parseDate('dinsdag 9 april 2024 om 19u30', ctx)).toBe('2024-04-09T19:30:00+02:00');
    expect(parseDate('woensdag 13 maart 2024 om 20:00', ctx)).toBe('2024-03-13T20:00:00+01:00');
    expect(parseDate('2 mei 2024, 19.30 uur', ctx)).toBe('2024-05-02T19:30:00+02:00');
    expect(parseDate('12 augustus 2024', ctx)).toBe('2024-08-12T00:00:00+02:00');
    expect(parseDate('9 de abril de 2024 a las 18:00', ctx)).toBe('2024-04-09T18:00:00+02:00');
  });
});

describe('a page written in Dutch', () => {
  it('is read in CET when nothing else names its zone; English is not', () => {
    const dutch =
      'De gemeenteraad wordt uitgenodigd. Het verslag is niet goedgekeurd en wordt voor de volgende zitting bij de ' +
      'agenda gevoegd. Een punt kan worden toegevoegd. Het college is er niet bij. Dit zijn de punten voor een ' +
      'zitting die niet openbaar is. Het is een besluit.';
    expect(writtenInZone(dutch)).toEqual({ iana: 'Europe/Brussels' });
    expect(writtenInZone('The council will meet on the date below. It is not open to the public. '.repeat(5))).toBe(
      undefined,
    );
  });
});
