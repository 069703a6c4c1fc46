import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { cutRuns } from './record-runs';

/**
 * Causes on the STARWeb parliament documentation pages of held-out-9 (Bremen's PARiS, Lower Saxony's NILAS) and the
 * rules meant for sites never seen that fix them: every test names the page that showed the cause and also runs a
 * second markup of the same shape written apart. Markup is written with the `<tbody>` a browser's parser puts into
 * every table, so Node reads here the tree Chromium reads on the live page.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string, lang: string) =>
  `<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

describe('real causes (held-out-9, STARWeb): records cut by tables that hold only a rule', () => {
  it('NILAS full view: each proceeding is two tables, then a table whose one cell is an <hr> (de-niedersachsen-nilas-grosse-anfragen-vollanzeige)', () => {
    const rule = '<table width="98%" class="tabcol"><tbody><tr><td colspan="3"><hr></td></tr></tbody></table>';
    const record = (id: number, title: string, no: string, date: string) => `
      <table class="tabcol"><tbody><tr><td><input type="checkbox" name="SelectedItems" value="ID=${id}"></td><td>
        <div class="gross4"><b>Große Anfrage mit Antwort ${date} Drucksache <a href="/Drucksachen/${id}.pdf">${no}</a> (12 S.)</b></div>
        Zugang: öffentlich</td></tr></tbody></table>
      <table class="tabcol"><tbody>
        <tr><td></td><td>${title}</td></tr>
        <tr><td></td><td>- Fragen zu Bestand, Kosten und Planung im Land seit dem Jahr 2000 -</td></tr>
      </tbody></table>
      ${rule}`;
    const html = page(
      '<title>Niedersächsisches Landtagsdokumentationssystem - Kurzübersicht</title>',
      `<table><tbody><tr><td><center><h2>Vollanzeige</h2></center><div>3 Nachweise in 3 Vorgängen.</div></td></tr>
      <tr><td><table class="tabcol"><tbody><tr><td> </td></tr></tbody></table>
      ${record(373821, 'Zukunft des ländlichen Raums in Niedersachsen', '17/2430', '02.12.2014')}
      ${record(370778, 'Salafismus in Niedersachsen', '17/1931', '09.09.2014')}
      ${record(369172, 'Hochwasserschutz in Niedersachsen', '17/1730', '15.07.2014')}
      </td></tr></tbody></table>`,
      'de',
    );
    const r = extract(html, 'http://www.nilas.niedersachsen.de/starweb/NILAS/servlet.starweb?path=NILAS/lissh.web');
    expect(r.kind).toBe('list');
    // Each proceeding its own record, dated by its own heading.
    expect(r.issues.map((i) => i.reportedAt?.slice(0, 10))).toEqual(['2014-12-02', '2014-09-09', '2014-07-15']);
  });

  it('a second markup: an English register whose entries are tables divided by a one-cell table holding a rule', () => {
    const rule = '<table><tbody><tr><td><hr></td></tr></tbody></table>';
    const entry = (title: string, no: string, date: string) => `
      <table class="entry"><tbody>
        <tr><th>Question</th><td><a href="/questions/${no.replace('/', '-')}">${title}</a></td></tr>
        <tr><th>Reference</th><td>${no}</td></tr>
        <tr><th>Tabled</th><td>${date}</td></tr>
      </tbody></table>${rule}`;
    const html = page(
      '<title>Written questions — Council</title>',
      `<main><h1>Written questions</h1><div id="register">${rule}
        ${entry('Bus shelter repairs on Mill Road', 'WQ/118', '4 March 2024')}
        ${entry('Street lighting in the old town', 'WQ/117', '1 March 2024')}
        ${entry('Flooding on Riverside Walk', 'WQ/112', '27 February 2024')}
      </div></main>`,
      'en-GB',
    );
    const r = extract(html, 'https://papers.example.gov.uk/questions');
    expect(r.kind).toBe('list');
    expect(r.issues.map((i) => [i.title, i.source.caseNumber])).toEqual([
      ['Bus shelter repairs on Mill Road', 'WQ/118'],
      ['Street lighting in the old town', 'WQ/117'],
      ['Flooding on Riverside Walk', 'WQ/112'],
    ]);
  });
});

describe('real causes (held-out-9, STARWeb): a rule in a table is a rule with or without its <tbody>', () => {
  // Chromium puts a <tbody> into every table, linkedom does not: with the row group counted as a level, the rule table
  // was a rule in Node and none in Chromium (8 fields right there, 13 in Node).
  const runsOf = (html: string) => {
    const doc = parseHtml(`<html><body><div id="p">${html}</div></body></html>`);
    return cutRuns(doc.getElementById('p')!).map((runs) => runs.length);
  };
  it('NILAS: `<table><tbody><tr><td colspan="3"><hr></td></tr></tbody></table>` after each proceeding (de-niedersachsen-nilas-grosse-anfragen-vollanzeige)', () => {
    const rule = '<table class="tabcol"><tbody><tr><td colspan="3"><hr></td></tr></tbody></table>';
    const rec = (n: number) =>
      `<table><tbody><tr><td><b>Große Anfrage mit Antwort 0${n}.12.2014 Drucksache 17/243${n}</b></td></tr></tbody></table><table><tbody><tr><td>Titel ${n}</td></tr></tbody></table>${rule}`;
    expect(runsOf(rec(1) + rec(2) + rec(3))).toContain(3);
  });
  it('a second markup: a `<thead>` holding the rule between results', () => {
    const rule = '<table><thead><tr><th><hr></th></tr></thead></table>';
    expect(runsOf(`<p>One <a href="/1">result</a></p>${rule}<p>Two</p>${rule}<p>Three</p>`)).toContain(3);
  });
});

describe('real causes (held-out-9, STARWeb): a result page’s heading and a term’s heading are no titles', () => {
  it('PARiS: `<h1>Ergebnisanzeige</h1>` and `<h2>19. Wahlperiode</h2>` over the proceeding’s `<h2>` (de-bremen-paris-grosse-anfrage-19-30-kinderschutz)', () => {
    const html = page(
      '<title>Ergebnisanzeige &ndash; PARiS Bremische B&uuml;rgerschaft</title>',
      `<div id="Inhalt"><h1>Ergebnisanzeige</h1>
      <div id="container_searchtext"><p>Für die Suche nach</p><div>Dokument-Nummer: 96</div> wurden 1 Dokumente in 1 Vorgängen gefunden.</div>
      <b>Vorgänge</b><br><table class="liste"><tbody>
        <tr><td colspan="3"><h2 class="name">19. Wahlperiode</h2></td></tr>
        <tr><td class="head"></td><td colspan="2"><h2>Kann Bremen seinen Verpflichtungen im Bereich Kinderschutz noch ausreichend nachkommen?</h2></td></tr>
        <tr><td class="head"></td><td colspan="2">Fragen zur Personalausstattung, -auslastung und -bedarf sowie dem Krankenstand im Bereich des Kinder- und Jugendfürsorge</td></tr>
        <tr><td colspan="3"><hr></td></tr>
      </tbody></table></div>`,
      'de',
    );
    const r = extract(
      html,
      'https://paris.bremische-buergerschaft.de/starweb/paris/servlet.starweb?path=paris/LISSH.web',
    );
    expect(r.issues[0]!.title).toBe(
      'Kann Bremen seinen Verpflichtungen im Bereich Kinderschutz noch ausreichend nachkommen?',
    );
  });

  it('a second markup: `<h1>Suchergebnisse</h1>`, a `Session 2023` heading, then the motion’s own heading', () => {
    const html = page(
      '<title>Suchergebnisse | Ratsinformation</title>',
      `<section><h1>Suchergebnisse</h1><p>1 Treffer</p>
      <article><h3>Session 2023</h3><h3>Antrag zur Sanierung der Stadtbibliothek am Marktplatz</h3>
      <p>Der Rat möge beschließen, die Stadtbibliothek bis 2026 zu sanieren und barrierefrei umzubauen.</p></article></section>`,
      'de',
    );
    const r = extract(html, 'https://rat.example.de/suche?q=bibliothek');
    expect(r.issues[0]!.title).toBe('Antrag zur Sanierung der Stadtbibliothek am Marktplatz');
  });
});
