import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes on held-out-11's German parliament case pages (tuned on after their one scoring, not unseen) and the rules
 * meant for sites never seen that fix them: every test names the page that showed the cause and also runs a second
 * markup of the same shape written apart. Tables are written with the `<tbody>` a browser's parser adds.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string, lang: string) =>
  `<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
const facts = (html: string, url: string) => {
  const [i] = extract(html, url).issues;
  return {
    title: i!.title,
    number: i!.source.caseNumber,
    by: i!.reporter.name,
    department: i!.department,
    at: i!.reportedAt?.slice(0, 10),
    status: i!.status,
    updates: i!.updates.map((u) => [u.at?.slice(0, 10), u.by]),
  };
};

describe('real causes (held-out-11 cases): a proceeding’s papers one an item, not one a line', () => {
  it('PADOKA: each paper is a list item (de-sachsen-anhalt-padoka-grosse-anfrage-6-3591-vorgang)', () => {
    const paper = (line: string, pdf: string) =>
      `<li><div class="report-list--wrapper"><div class="report-list--content"><p>${line}</p></div><div class="report-list--doc"><p><a href="/files/${pdf}.pdf" class="download">PDF</a></p></div></div></li>`;
    const html = page(
      '<title>Dokumentation Landtag | Landtag Sachsen-Anhalt</title>',
      `<div class="document-container"><h1>6. Wahlperiode</h1><h1>Wirtschaftliche Entwicklung Sachsen-Anhalts</h1>
      <div class="abstract">- Strukturbedeutsame Branchen; Entwicklung von Umsatz/Zahl der Beschäftigten im verarbeitenden Gewerbe -</div>
      <div class="report-list"><ul>${paper('Große Anfrage    SPD  07.11.2014 Drucksache 6/3591   (9 S.)', 'd3591')}${paper('Antwort   Landesregierung  09.02.2015 Drucksache 6/3801   (79 S.)', 'd3801')}</ul></div></div>`,
      'de',
    );
    const f = facts(html, 'https://padoka.example.de/starweb/PADOKA/servlet.starweb');
    expect([f.by, f.department, f.at, f.status]).toEqual(['SPD', 'Landesregierung', '2014-11-07', 'resolved']);
    expect(f.updates).toEqual([
      ['2014-11-07', 'SPD'],
      ['2015-02-09', 'Landesregierung'],
    ]);
  });

  it('DIP: each paper is a fieldset, its author labelled before its date (de-bundestag-dip-vorgang-18-83903-kleine-anfrage-neonazis-quellen)', () => {
    const position = (head: string, found: string, people = '') =>
      `<fieldset class="field"><dl class="vorgangsablaufTitel"><dt>BT - </dt><dd class="ddBreit">${head}</dd></dl>
      <dl class="vorgangsablauf"><dt class="dtNone">&nbsp;</dt><dd><a class="linkDokument" href="/btd/x.pdf">${found}</a>
      <dl><dt></dt><dd class="normal">${people}</dd></dl></dd></dl></fieldset>`;
    const html = page(
      '<title>DIP21 Extrakt</title>',
      `<fieldset class="field"><h1>Vorgangsablauf</h1><div>
      ${position('Kleine Anfrage, <i>Urheber</i>: Fraktion DIE LINKE', '13.09.2017 - BT-Drucksache 18/13575', 'Martina Renner, MdB, DIE LINKE, Kleine Anfrage<br>Dr. André Hahn, MdB, DIE LINKE, Kleine Anfrage')}
      ${position('Antwort, <i>Urheber</i>: Bundesregierung, Bundesministerium des Innern (federführend)', '29.09.2017 - BT-Drucksache 18/13660')}
      </div></fieldset>`,
      'de',
    );
    const f = facts(html, 'https://dip.example.de/extrakt/ba/WP18/839/83903.html');
    expect([f.by, f.department, f.at, f.status]).toEqual([
      'Fraktion DIE LINKE',
      'Bundesregierung, Bundesministerium des Innern (federführend)',
      '2017-09-13',
      'resolved',
    ]);
    expect(f.updates.map((u) => u[0])).toEqual(['2017-09-13', '2017-09-29']);
  });

  it('a second markup: an English assembly’s question with its papers as table rows', () => {
    const html = page(
      '<title>Written question — Assembly papers</title>',
      `<main><h1>Bus services in rural areas</h1><p>Questions on routes withdrawn since 2020 and the subsidy per route.</p>
      <table><tbody><tr><td>Written question by Green Group</td><td>03/02/2024</td><td>Paper 6/412</td></tr>
      <tr><td>Answer by Department for Transport</td><td>01/03/2024</td><td>Paper 6/455</td></tr></tbody></table></main>`,
      'en-GB',
    );
    const f = facts(html, 'https://assembly.example.gov.uk/papers/6-412');
    expect([f.department, f.status, f.at]).toEqual(['Department for Transport', 'resolved', '2024-02-03']);
    expect(f.updates.length).toBe(2);
  });
});

describe('real causes (held-out-11 cases): what the lines above a paper say', () => {
  it('PARDOK: author and answer on the lines above, one paper printed twice is one update (de-berlin-pardok-kleine-anfrage-17-13104-vollanzeige)', () => {
    const html = page(
      '<title>Abgeordnetenhaus Berlin - PARDOK</title>',
      `<table class="tabcol"><tbody><tr><td></td><th class="gross2">17. Wahlperiode</th><td></td></tr>
      <tr><td></td><td><b>Jugendberufsagentur und Arbeit</b></td><td></td></tr>
      <tr><td></td><td>Kleine Anfrage Nr. 17/13104</td><td></td></tr>
      <tr><td></td><td><!--XX-->Elke Breitenbach (Die Linke)<br><a href="/ka17-13104.pdf">Drucksache 17/13104</a> vom 10.03.2014
      <br><br><u>Folge  1</u><br>Antwort <!--XX--><br>SenBildJugWiss<br><a href="/ka17-13104.pdf">Drucksache 17/13104</a> vom 10.03.2014
      </td><td></td></tr></tbody></table>`,
      'de',
    );
    const f = facts(html, 'https://pardok.example.de/starweb/AHAB/servlet.starweb');
    expect([f.number, f.by, f.department, f.at, f.status]).toEqual([
      '17/13104',
      'Elke Breitenbach (Die Linke)',
      'SenBildJugWiss',
      '2014-03-10',
      'resolved',
    ]);
    expect(f.updates).toEqual([['2014-03-10', 'SenBildJugWiss']]);
  });

  it('a second markup: a French assembly’s question, its author and answer on lines of their own', () => {
    const html = page(
      '<title>Question écrite</title>',
      `<main><h1>Transports scolaires en zone rurale</h1><div class="papiers">Mme Claire Martin (Groupe écologiste)<br>
      Question écrite n° 15/2210 du 04/03/2021<br>Réponse<br>Ministère de l'Éducation nationale<br>Document 15/2290 du 20/04/2021</div></main>`,
      'fr',
    );
    const f = facts(html, 'https://assemblee.example.fr/questions/15-2210');
    expect([f.number, f.by, f.department, f.at, f.status]).toEqual([
      '15/2210',
      'Mme Claire Martin (Groupe écologiste)',
      "Ministère de l'Éducation nationale",
      '2021-03-04',
      'resolved',
    ]);
  });
});
