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

describe('real causes (held-out-11 cases): a <title> naming the site or its tool is no case title', () => {
  it('DIP: `DIP21 Extrakt` (a code and a tool word); the title is the cell’s one bold line (de-bundestag-dip-vorgang-18-83903-kleine-anfrage-neonazis-quellen)', () => {
    const html = page(
      '<title>DIP21 Extrakt</title>',
      `<div id="wrap"><img src="/logo.jpg" alt="Bildwortmarke: Deutscher Bundestag"><fieldset class="field"><h1>Deutscher Bundestag</h1>
      <p>Diese Seite ist ein Auszug aus DIP.</p><fieldset class="field"><h1>Basisinformationen über den Vorgang</h1>
      <dl><dt class="dtBreit"></dt><dd class="adjustRight"><b>[ID:&nbsp;18-83903]</b></dd></dl>
      <dl><dt class="dtBreit">Vorgangstyp:</dt><dd class="ddBreit">Kleine Anfrage</dd>
      <dt class="dtBreit">&nbsp;</dt><dd class="ddBreit"><b>Neonazis als mögliche Quellen von Nachrichtendiensten</b>&nbsp;</dd></dl></fieldset>
      <fieldset class="field"><h1>Inhalt</h1><dl><dt class="dtNone"></dt><dd class="ddFull">Tätigkeit von sieben Personen als Quellen für einen Nachrichtendienst (insgesamt 1 Einzelfrage)</dd></dl></fieldset></fieldset></div>`,
      'de',
    );
    expect(facts(html, 'https://dip.example.de/extrakt/ba/WP18/839/83903.html').title).toBe(
      'Neonazis als mögliche Quellen von Nachrichtendiensten',
    );
  });

  it('PARDOK: `Abgeordnetenhaus Berlin - PARDOK`, the logo’s alt text (de-berlin-pardok-kleine-anfrage-17-13104-vollanzeige)', () => {
    const html = page(
      '<title>Abgeordnetenhaus Berlin - PARDOK</title>',
      `<table><tbody><tr><td><img src="spacer.gif" alt=""></td><td><img src="logo.jpg" alt="Abgeordnetenhaus Berlin"></td>
      <td><span class="pardok">PARDOK</span></td></tr></tbody></table>
      <center><h2>Vorgänge</h2></center><h4>2 Treffer in folgenden Dokumenten/Vorgängen:</h4>
      <table class="tabcol"><tbody><tr><td></td><th>17. Wahlperiode</th></tr>
      <tr><td></td><td><b>Jugendberufsagentur und Arbeit</b></td></tr><tr><td></td><td>Kleine Anfrage Nr. 17/13104</td></tr>
      <tr><td></td><td>Schlagwort: Jugendarbeitslosigkeit, Ausbildungsplatz</td></tr></tbody></table>`,
      'de',
    );
    expect(facts(html, 'https://pardok.example.de/starweb/AHAB/servlet.starweb').title).toBe(
      'Jugendberufsagentur und Arbeit',
    );
  });

  it('PADOKA: `Dokumentation Landtag | Landtag Sachsen-Anhalt`, its words the site part’s and a table word; the record’s heading (de-sachsen-anhalt-padoka-grosse-anfrage-6-3591-vorgang)', () => {
    const html = page(
      '<title>Dokumentation Landtag | Landtag Sachsen-Anhalt</title>',
      `<div id="header"><h1>Treffer insgesamt: <strong>1</strong> Nachweise</h1><h1>Ihre Suche:</h1>Wahlperiode: 6</div>
      <ul><li><h1>6. Wahlperiode</h1><div class="row"><strong class="descriptor"><a href="#">Wirtschaftspolitik</a></strong>
      <h1>Wirtschaftliche Entwicklung Sachsen-Anhalts</h1><div class="abstract">- Strukturbedeutsame Branchen; Entwicklung von Umsatz -</div></div></li></ul>`,
      'de',
    );
    expect(facts(html, 'https://padoka.example.de/starweb/PADOKA/servlet.starweb').title).toBe(
      'Wirtschaftliche Entwicklung Sachsen-Anhalts',
    );
  });

  it('a second markup: an English register whose <title> is its tool’s code and a site word, the case in a bold cell', () => {
    const html = page(
      '<title>PLANREG2 Documentation</title>',
      `<table><tbody><tr><td><img src="/crest.png" alt="County Borough crest"></td></tr>
      <tr><td><b>Footpath diversion at Mill Lane</b></td></tr><tr><td>Reference 24/0031, received 04/03/2024</td></tr></tbody></table>`,
      'en-GB',
    );
    expect(facts(html, 'https://register.example.gov.uk/show?id=31').title).toBe('Footpath diversion at Mill Lane');
  });

  it('a second markup: a French page whose <title> is its logo’s words; the case heading stands', () => {
    const html = page(
      '<title>Conseil départemental du Gard</title>',
      `<header><img src="/logo.svg" alt="Conseil départemental du Gard"></header>
      <h1>Réfection de la route de Saint-Hippolyte</h1><p>Travaux demandés par les riverains depuis le printemps 2023.</p>`,
      'fr',
    );
    expect(facts(html, 'https://cg.example.fr/demandes/88').title).toBe('Réfection de la route de Saint-Hippolyte');
  });
});

describe('real causes (held-out-11 cases): a record’s own `Titel:` label', () => {
  it('EDAS: `<b>Titel:</b> …` in the record’s cell (de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige)', () => {
    const html = page(
      '<title>Trefferanzeige</title>',
      `<table><tbody><tr><td class="headline">Trefferanzeige</td></tr></tbody></table>
      <table class="EinzeltrefferTable"><tbody><tr><td colspan="2"><table><tbody>
      <tr><td><b>Drs. Typ:</b></td><td><b>Eing.-datum:</b></td><td><b>Ausg.-datum:</b></td><td><b>Urheber:</b></td></tr>
      <tr><td><a href="#">KlAnfr</a></td><td><a href="#">17.05.2015</a></td><td><a href="#">10.06.2015</a></td><td><a href="#">Zais, Petra&nbsp;GRÜNE</a><br></td></tr>
      <tr><td colspan="4"><br><b>Titel:</b> Jahrgangsübergreifender Unterricht an sächsischen Grundschulen</td></tr>
      </tbody></table></td></tr></tbody></table>`,
      'de',
    );
    expect(facts(html, 'https://edas.example.de/treffer.aspx?ID=220598').title).toBe(
      'Jahrgangsübergreifender Unterricht an sächsischen Grundschulen',
    );
  });

  it('a second markup: a council’s record page with `Titel:` before the words in one paragraph', () => {
    const html = page(
      '<title>Ratsinformation</title>',
      `<div class="record"><p><strong>Titel:</strong> Sanierung der Grundschule am Markt</p><p><strong>Art:</strong> Anfrage</p></div>`,
      'de',
    );
    expect(facts(html, 'https://rat.example.de/vorlage/12').title).toBe('Sanierung der Grundschule am Markt');
  });
});

describe('real causes (held-out-11 cases): a record’s tab names its paper, a dated answer answers it', () => {
  const edas = (answered: string) =>
    page(
      '<title>Trefferanzeige</title>',
      `<table><tbody><tr><td class="headline">Trefferanzeige</td></tr></tbody></table>
      <ul class="dxtc-strip"><li class="dxtc-activeTab"><a class="dxtc-link"><span class="dx-vam">Drs 6/1711</span></a></li></ul>
      <table class="EinzeltrefferTable"><tbody><tr><td colspan="2"><br><b>Titel:</b> Jahrgangsübergreifender Unterricht an sächsischen Grundschulen</td></tr>
      <tr><td><span class="subheadline">Staatsregierung</span><br><table><tbody>
      <tr><td nowrap><b>Überweisung:&nbsp;</b></td><td><a href="#">19.05.2015</a></td></tr>
      <tr><td nowrap><b>Eingang Antwort:&nbsp;</b></td><td><a href="#">${answered}</a></td></tr>
      </tbody></table></td></tr></tbody></table>`,
      'de',
    );
  it('EDAS: `Drs 6/1711` alone in the tab, `Eingang Antwort: 10.06.2015` (de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige)', () => {
    const f = facts(edas('10.06.2015'), 'https://edas.example.de/treffer.aspx?ID=220598');
    expect([f.number, f.status]).toEqual(['6/1711', 'resolved']);
    // Not yet answered: the label shows no date.
    expect(facts(edas(''), 'https://edas.example.de/treffer.aspx?ID=220598').status).toBe('new');
  });

  it('a second markup: a city council’s question page, its paper number in a badge and its answer dated by label', () => {
    const html = page(
      '<title>Anfrage</title>',
      `<div class="record"><span class="badge">Drucksache 21/440</span><h1>Radweg an der Hauptstraße</h1>
      <p>Fragen zur Planung des Radwegs zwischen Markt und Bahnhof.</p>
      <dl><dt>Eingegangen:</dt><dd>02.02.2023</dd><dt>Antwort vom:</dt><dd>01.03.2023</dd></dl></div>`,
      'de',
    );
    const f = facts(html, 'https://rat.example.de/anfragen/21-440');
    expect([f.number, f.status]).toEqual(['21/440', 'resolved']);
  });
});

describe('real causes (held-out-11 cases): labels with an abbreviation’s dot head the cells below', () => {
  it('EDAS: `Drs. Typ: | Eing.-datum: | Ausg.-datum: | Urheber:` over one row of values (de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige)', () => {
    const html = page(
      '<title>Trefferanzeige</title>',
      `<table class="EinzeltrefferTable"><tbody><tr><td colspan="2"><table><tbody>
      <tr><td><b>Drs. Typ:</b></td><td><b>Eing.-datum:</b></td><td><b>Ausg.-datum:</b></td><td><b>Urheber:</b></td></tr>
      <tr><td><a href="#">KlAnfr</a></td><td><a href="#">17.05.2015</a></td><td><a href="#">10.06.2015</a></td><td><a href="#">Zais, Petra&nbsp;&nbsp;&nbsp;GRÜNE</a><br></td></tr>
      <tr><td colspan="4"><br><b>Titel:</b> Jahrgangsübergreifender Unterricht an sächsischen Grundschulen</td></tr>
      </tbody></table></td></tr></tbody></table>`,
      'de',
    );
    const f = facts(html, 'https://edas.example.de/treffer.aspx?ID=220598');
    expect([f.by, f.at]).toEqual(['Zais, Petra GRÜNE', '2015-05-17']);
  });

  it('a second markup: an English register’s `Ref. No.: | Rec. date: | Applicant:` row over its values', () => {
    const html = page(
      '<title>Record</title>',
      `<h1>Footpath diversion at Mill Lane</h1><table><tbody>
      <tr><td><b>Ref. No.:</b></td><td><b>Rec. date:</b></td><td><b>Applicant:</b></td></tr>
      <tr><td>24/0031</td><td>04/03/2024</td><td>Mill Lane Residents</td></tr></tbody></table>`,
      'en-GB',
    );
    const f = facts(html, 'https://register.example.gov.uk/show?id=31');
    expect(f.by).toBe('Mill Lane Residents');
  });
});
