import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { findHeaderTables } from './header-tables';
import { matchLabel } from './labels';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { createScan } from './scan';

/**
 * A case page read by its shape when its labels are words no table knows (pair-shapes.ts, pair-tables.ts'
 * `unknownLabelColumn`, value-shapes.ts). Each rule names the real page whose label-blind copy showed the cause
 * (test/capture/detail-ablation.ts) and runs a second markup written apart, in Dutch: labels the engine has never
 * been taught (checked first, so the test cannot pass on a dictionary word).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (body: string, lang = 'en-AU') =>
  `<html lang="${lang}"><head><title>Application</title></head><body>${body}</body></html>`;

const DUTCH = ['Zaaknummer', 'Ingediend', 'Adres', 'Besluit', 'Aanvrager', 'Omschrijving', 'Behandelaar'];

describe('labels no table knows', () => {
  it('are unknown to the dictionary (else these tests would prove nothing)', () => {
    for (const w of [...DUTCH, 'Kenmerk', 'Lodgement particulars', 'Xqkwx']) expect(matchLabel(w), w).toBeNull();
  });
});

describe('pairs known by their layout', () => {
  it('runs of `<p><span>label</span><span>value</span></p>` (au-burwood-civica-application-details, label-blind)', () => {
    const row = (k: string, v: string) => `<p class="rowDataOnly"><span class="key">${k}</span><span>${v}</span></p>`;
    const html = page(
      `<div><h1>Application details</h1><div><a name="app"> </a></div><h4>Application Information</h4>
${row('Xqkwx', '42-50 Railway Parade BURWOOD NSW 2134')}
${row('Xqzzx', 'Creation of Shop 52 A. Fitout and change of use from a retail store to a dance studio')}
${row('Xqvvx', '41/2019')}${row('Xqjjx', '15/05/2019')}${row('Xqkkx', '$40,000.00')}
${row('Xqwwx', 'Approved by Delegated Authority')}<h4>Fees</h4><p>No fees are owing.</p></div>`,
    );
    const issue = extract(html, 'https://ecouncil.burwood.nsw.gov.au/eservice/daEnquiryDetails.do?index=0').issues[0]!;
    expect(issue.source.caseNumber).toBe('41/2019');
    expect(issue.reportedAt).toBe('2019-05-15T00:00:00+10:00');
    expect(issue.location?.address).toContain('42-50 Railway Parade BURWOOD');
    expect(issue.status).toBe('resolved');
  });

  it('a grid of `<div><div>label</div><div>value</div></div>` blocks, written apart', () => {
    const field = (k: string, v: string) =>
      `<div class="veld"><div class="naam">${k}</div><div class="waarde">${v}</div></div>`;
    const html = page(
      `<main><h1>Kap van een eik</h1><section class="gegevens">
${field('Zaaknummer', 'OLO-2024/0917')}${field('Ingediend', '03-04-2024')}${field('Adres', '12 Kerkstraat')}
${field('Besluit', 'Afgewezen')}${field('Behandelaar', 'Gemeente Utrecht, Afdeling Vergunningen')}</section></main>`,
      'nl-NL',
    );
    const issue = extract(html, 'https://loket.example.nl/zaak/917').issues[0]!;
    expect(issue.source.caseNumber).toBe('OLO-2024/0917');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2024-04-03');
    expect(issue.title).toBe('Kap van een eik');
  });

  it('`<li><div><span>label</span>value</div></li>` rows (uk-liverpool-northgate-16f-2687-application-details, label-blind)', () => {
    const item = (k: string, v: string) => `<li><div><span>${k}</span>${v}&#160;</div></li>`;
    const html = page(
      `<div class="dataview"><h1>Details Page for Planning Application - 16F/2687</h1><h1>Xqwwx</h1><ul class="list">
${item('Xqzwx', '16F/2687')}${item('Xqkxx', 'Hunts Cross Shopping Park')}${item('Xqvwx', 'Full Planning Permission')}
${item('Xqkzx', 'To install new sliding door entrance to the front elevation of the restaurant building')}${item('Xqwzx', 'REGISTERED')}
</ul></div><div class="dataview"><h1>Xqpro</h1><ul class="list">${item('Xqreg', '01-11-2016')}${item('Xqcom', '26-10-2016')}
${item('Xqdat', '')}${item('Xqdec', '')}</ul></div>`,
      'en-GB',
    );
    const issue = extract(html, 'https://northgate.liverpool.gov.uk/PlanningExplorer17/Generic/StdDetails.aspx')
      .issues[0]!;
    expect(issue.source.caseNumber).toBe('16F/2687');
    expect(issue.reportedAt).toBe('2016-11-01T00:00:00+00:00');
    expect(issue.status).toBe('accepted');
  });

  it('`<p><strong>label</strong> value</p>` rows, written apart', () => {
    const p = (k: string, v: string) => `<p><strong>${k}</strong> ${v}</p>`;
    const html = page(
      `<article><h2>Melding openbare ruimte</h2>${p('Kenmerk', 'MOR-2023-00412')}${p('Ingediend', '2023-06-14 09:12')}
${p('Omschrijving', 'Bij de speeltuin aan de Vondelstraat ligt al twee weken een omgevallen boom over het fietspad heen.')}</article>`,
      'nl-NL',
    );
    const issue = extract(html, 'https://meldingen.example.nl/m/412').issues[0]!;
    expect(issue.source.caseNumber).toBe('MOR-2023-00412');
    expect(issue.reportedAt?.slice(0, 16)).toBe('2023-06-14T09:12');
    expect(issue.description).toContain('omgevallen boom');
  });

  it('a table of `<td>label</td><td>value</td>` rows (au-noosa-t1-etrack-rab19-0135-application-details, label-blind)', () => {
    const tr = (k: string, v: string) => `<tr><td class="headerColumn">${k}</td><td>${v}</td></tr>`;
    const html = page(
      `<h1>Application Details</h1><table class="grid">${tr('Xqvxx', 'RAB19/0135')}${tr('Xqjxx', 'Concurrence Agency Referral')}
${tr('Xqwwx', 'Assessment of Demolition Bond')}${tr('Xqzzx', '239 Weyba Rd NOOSAVILLE QLD 4566')}${tr('Xqkkx', '18/04/2019')}</table>`,
    );
    const issue = extract(
      html,
      'https://noosa-eproperty.t1cloud.com/T1PRDefault/WebApps/eProperty/P1/eTrack/eTrackApplicationDetails.aspx',
    ).issues[0]!;
    expect(issue.source.caseNumber).toBe('RAB19/0135');
    expect(issue.location?.address).toContain('239 Weyba Rd NOOSAVILLE');
    expect(issue.reportedAt).toBe('2019-04-18T00:00:00+10:00');
  });

  it('a table of Dutch rows, written apart; one row of two cells alone stays no pair', () => {
    const tr = (k: string, v: string) => `<tr><td>${k}</td><td>${v}</td></tr>`;
    const html = page(
      `<h1>Bezwaar tegen parkeerboete</h1><table>${tr('Zaaknummer', 'BZW-88/2022')}${tr('Ingediend', '21-09-2022')}
${tr('Aanvrager', 'Jan de Vries')}${tr('Besluit', 'In behandeling')}</table>`,
      'nl-NL',
    );
    const issue = extract(html, 'https://bezwaar.example.nl/88').issues[0]!;
    expect(issue.source.caseNumber).toBe('BZW-88/2022');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2022-09-21');
    expect(issue.reporter?.name).toBe('Jan de Vries');
    const lone = extract(
      page(
        `<h1>Bezwaar</h1><p>Een lange toelichting over het bezwaar en de gronden ervan.</p><table>${tr('Zaaknummer', 'BZW-88/2022')}</table>`,
        'nl-NL',
      ),
      'https://bezwaar.example.nl/88',
    ).issues[0]!;
    expect(lone.source.caseNumber).toBeUndefined();
  });
});

describe('fields guessed from the value when the label is unknown', () => {
  const dl = (pairs: Array<[string, string]>) =>
    `<dl>${pairs.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;

  it('the first date, a code, a body, a person beside the first date, a paragraph (cn-pingtan-rdya-proposal-37913, label-blind; markup written apart)', () => {
    const html = page(
      `<h1>Verzoek om een zebrapad</h1>${dl([
        ['Behandelaar', 'Gemeente Utrecht, Afdeling Verkeer'],
        ['Aanvrager', 'Marieke Jansen'],
        ['Ingediend', '2024-02-05'],
        ['Besluit', '2024-03-18'],
        ['Zaaknummer', 'VRK-2024-0031'],
        [
          'Omschrijving',
          'Kinderen steken elke ochtend de drukke Biltstraat over zonder zebrapad, ter hoogte van de basisschool De Regenboog; graag een veilige oversteekplaats.',
        ],
      ])}`,
      'nl-NL',
    );
    const issue = extract(html, 'https://loket.example.nl/zaak/31').issues[0]!;
    expect(issue.reportedAt?.slice(0, 10)).toBe('2024-02-05');
    expect(issue.source.caseNumber).toBe('VRK-2024-0031');
    expect(issue.reporter?.name).toBe('Marieke Jansen');
    expect(issue.description).toContain('zebrapad');
    // Chinese: a unit's name is the department, the person beside the first date the reporter.
    const cn = extract(
      `<html lang="zh-CN"><head><title>建议</title></head><body><h1>关于建设青峰村自来水工程的建议</h1>
<div><span>甲乙：</span>2022-01-31 15:14</div><p><span>丙丁：</span>刘必忠 等 代表</p><p><span>戊己：</span>区农业农村局</p>
<p><span>庚辛：</span>由原区水务公司承建的农村饮水安全工程已于2018年8月14日完工验收，并通过区质检站完工验收核备，目前运行正常。</p></body></html>`,
      'https://www.pingtan.gov.cn/rdya/37913.html',
    ).issues[0]!;
    expect(cn.reporter?.name).toContain('刘必忠');
    expect(cn.department).toBe('区农业农村局');
    expect(cn.reportedAt).toBe('2022-01-31T15:14:00+08:00');
  });

  it('the writer nearest the first date, not a breadcrumb or a button beside it (cn-ahxx-xzxx-letter-162150071, label-blind; markup written apart)', () => {
    const th = (k: string, v: string) => `<tr><th>${k}</th><td>${v}</td></tr>`;
    const cn = extract(
      `<html lang="zh-CN"><head><title>来信详情</title></head><body><div class="weizhi"><span>甲乙：</span>首页</div><h1>拖欠工资</h1>
<table>${th('丙丁', '20250127001')}${th('戊己', '2025-01-27 13:47')}${th('庚辛', '我要投诉')}${th('壬癸', '俞***')}</table></body></html>`,
      'https://www.ahxx.gov.cn/xzxx/162150071.html',
    ).issues[0]!;
    expect(cn.reporter?.name).toBe('俞***');
    expect(cn.source.caseNumber).toBe('20250127001');
    const en = extract(
      page(
        `<h1>A bill to reallocate funds</h1>${dl([
          ['Kenmerk', 'HR-718'],
          ['Ingediend', '02/14/2013'],
          ['Voorsteller', 'Rep Hultgren, Randy'],
        ])}`,
        'en-US',
      ),
      'https://bills.example.gov/hr718',
    ).issues[0]!;
    expect(en.reporter?.name).toBe('Rep Hultgren, Randy');
  });

  it('never over a labelled reading', () => {
    const html = page(
      `<h1>Pothole on Elm Street</h1>${dl([
        ['Date received', '12/03/2024'],
        ['Ingediend', '01/01/2020'],
        ['Reference', 'SR-2024-77'],
        ['Zaaknummer', 'ZZ-1999-01'],
      ])}`,
    );
    const issue = extract(html, 'https://council.example.gov.au/sr/77').issues[0]!;
    expect(issue.reportedAt).toBe('2024-03-12T00:00:00+11:00');
    expect(issue.source.caseNumber).toBe('SR-2024-77');
  });
});

describe('a person named with what they did and when', () => {
  it('`<b>label: </b><a>name</a> [seat] (verb date)` (us-thomas-s54-bill-status, label-blind)', () => {
    const html = page(
      `<div id="content"><b>S.54</b><br><b>Xqkxxxxxxxx:</b> Stop Illegal Trafficking in Firearms Act of 2013<br>
<b>Xqwxxxx: </b><a href="/cgi-bin/bdquery/?&amp;Db=d113&amp;querybd=Leahy">Sen Leahy, Patrick J.</a> [VT] (introduced 1/22/2013)
&#160;&#160;<a href="/cgi-bin/bdquery/z?d113:SN00054:@@@P">Xqzxxxxxxx</a> (2)<br>
<b>Xqvxxxxxxxxxxx: </b>2/12/2013 Senate committee/subcommittee actions. Hearings held.<hr>
<center>Jump to: <a href="#summary">Summary</a>, <a href="#status">All Actions</a></center></div>`,
      'en-US',
    );
    const issue = extract(html, 'http://thomas.loc.gov/cgi-bin/bdquery/z?d113:s.00054:').issues[0]!;
    expect(issue.reporter?.name).toBe('Sen Leahy, Patrick J.');
    expect(issue.reportedAt).toBe('2013-01-22T00:00:00-05:00');
  });

  it('written apart: a Dutch motion and its first signatory', () => {
    const html = page(
      `<main><h1>Motie over de kap van eiken</h1><div class="kop"><strong>Voorsteller: </strong><a href="/leden/12">Jansen, Anna</a>
(ingediend 14-03-2024) <a href="/motie/77/mede">Mede-indieners</a> (3)<br><strong>Kenmerk: </strong>M-2024-77
<ul class="acties"><li><a href="/motie/77.pdf">Motie (pdf)</a></li></ul></div></main>`,
      'nl-NL',
    );
    const issue = extract(html, 'https://raad.example.nl/motie/77').issues[0]!;
    // `Indiener` is now a known label (PARLIAMENT_PAPER_LABELS): a word no table knows keeps this test on shape.
    expect(matchLabel('Voorsteller')).toBeNull();
    expect(issue.reporter?.name).toBe('Jansen, Anna');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2024-03-14');
  });

  it('a line of links only is no value (a menu after an unknown label)', () => {
    const html = page(
      `<main><h1>Kap van een eik</h1><p>Zaak OLO-2024/0917, ingediend 03-04-2024.</p><div><b>Ga naar: </b><a href="#a">Stukken</a> <a href="#b">Besluit</a><br><ul><li>Kerkstraat 12</li></ul></div></main>`,
      'nl-NL',
    );
    const issue = extract(html, 'https://loket.example.nl/zaak/917').issues[0]!;
    expect(issue.reporter?.name).toBeUndefined();
  });
});

describe('`label: value` lines in a run', () => {
  const decision = (rows: string[]) =>
    page(
      `<div id="application"><h1>Kap van een eik (OLO-2024/0917)</h1><h3>Besluit</h3><div><table><tbody>${rows
        .map((r) => `<tr><td>${r}</td></tr>`)
        .join('')}</tbody></table></div></div>`,
      'nl-NL',
    );
  it('two or more one-line cells are pairs whose values are read by their shape (au-gunnedah-masterview, label-blind)', () => {
    const html = decision([
      'Stand van zaken: Determined',
      'Datum besluit: 30-07-2019',
      'Soort besluit: Approved - Delegation',
    ]);
    const issue = extract(html, 'https://loket.example.nl/zaak/917').issues[0]!;
    expect(matchLabel('Stand van zaken')).toBeNull();
    expect(issue.status).toBe('resolved');
  });
  it('one such line alone is not read so (`Opmerking: …` may be prose)', () => {
    const html = decision(['Opmerking: Determined']);
    expect(extract(html, 'https://loket.example.nl/zaak/917').issues[0]!.status).toBe('new');
  });
});

describe('a description told by its shape (value-shapes.ts `isPhrase`)', () => {
  const field = (k: string, v: string) =>
    `<div class="veld"><div class="naam">${k}</div><div class="waarde">${v}</div></div>`;

  it("a page of pairs whose one phrase says what is asked, beside a notice's short lines, written apart", () => {
    // uk-brighton-idox-bh2018-03004-application-summary, au-bogan-masterview-cons-2019-11-details (label-blind): a
    // register's description is a few words (`Fell 1no Eucalyptus`); the block beside it counts documents.
    const html = page(
      `<main><h1>Aanvraag omgevingsvergunning</h1><section class="gegevens">
${field('Zaaknummer', 'OLO-2024/0917')}${field('Ingediend', '03-04-2024')}${field('Adres', '12 Kerkstraat Utrecht')}
${field('Omschrijving', 'Kap van twee eiken')}${field('Besluit', 'Verleend')}${field('Soort', 'Omgeving')}
${field('Bezwaar', 'Nee')}</section><div class="tabs"><p>Er zijn 0 documenten bij deze aanvraag.</p>
<p>Er is 1 adres bij deze aanvraag.</p></div></main>`,
      'nl-NL',
    );
    expect(extract(html, 'https://loket.example.nl/zaak/917').issues[0]!.description).toBe('Kap van twee eiken');
  });

  it('a paragraph of the case stays its description over a phrase among its pairs, written apart', () => {
    const html = page(
      `<main><h1>Wetsvoorstel 36 410</h1><section class="gegevens">
${field('Nummer', '36 410')}${field('Ingediend', '03-04-2024')}${field('Soort', 'Voorstel van wet')}
${field('Indiener', 'Minister van Financiën')}${field('Commissie', 'Vaste commissie voor Financiën')}
${field('Fase', 'Aangenomen')}${field('Stemming', 'Met algemene stemmen')}</section>
<div class="samenvatting"><p>Dit wetsvoorstel regelt de verhoging van de belasting op tabak en de verlaging van de
belasting op arbeid, zodat werken meer loont en roken minder aantrekkelijk wordt voor jongeren en volwassenen.
De opbrengst gaat naar de zorg.</p></div></main>`,
      'nl-NL',
    );
    expect(extract(html, 'https://loket.example.nl/wet/36410').issues[0]!.description).toContain(
      'verhoging van de belasting',
    );
  });

  it('`<p><span class>label</span><span>value</span></p>` rows are pairs, not an article split into runs', () => {
    // au-burwood-civica-application-details (label-blind): its `Type of Work` row was taken for a run of prose.
    const row = (k: string, v: string) => `<p class="rij"><span class="sleutel">${k}</span><span>${v}</span></p>`;
    const html = page(
      `<div><h1>Aanvraag</h1>${row('Adres', '12 Kerkstraat Utrecht')}
${row('Omschrijving', 'Verbouwing van een winkel tot dansschool, met een nieuwe pui en een trap naar de verdieping erboven')}
${row('Zaaknummer', 'OLO-2024/0917')}${row('Ingediend', '03-04-2024')}</div>`,
      'nl-NL',
    );
    expect(extract(html, 'https://loket.example.nl/zaak/917').issues[0]!.description).toContain(
      'Verbouwing van een winkel',
    );
  });
});

describe('a case shown by its values whatever its labels', () => {
  it('a heading label of new words over a paragraph holding only a day is a pair, written apart', () => {
    // cl-chileconvencion-iniciativa-5502-propiedad-privada (label-blind): `<h2>Disponible Desde:</h2><p>9 Dic 2021</p>`.
    const doc = parseHtml(
      page(
        `<main><h1>Verzoek om een nieuw fietspad</h1><div id="auteur"><h2>Ingediend door:</h2><div class="persoon">
<p>Anna de Vries</p></div><h2>Zichtbaar sinds:</h2><p><span>14 december 2021</span><span>14/12/21</span></p>
<h2>Probleem:</h2><p>Er ligt geen veilig fietspad tussen het dorp en de school.</p></div></main>`,
        'nl-NL',
      ),
      'https://voorstellen.example.nl/detail?id=5502',
    );
    expect(matchLabel('Zichtbaar sinds')).toBeNull();
    const scan = createScan(doc, doc.body);
    const pairs = collectPairs(scan, findHeaderTables(scan));
    expect(pairs.find((p) => p.label === 'Zichtbaar sinds')?.value).toBe('14 december 2021 14/12/21');
    // Not a paragraph of text after a label of new words: that stays the page's text.
    expect(pairs.some((p) => p.label === 'Probleem')).toBe(false);
  });

  it('cells of new words beside a day and a court are a case, not a search page, written apart', () => {
    // us-scotus-docket-17-5574 (label-blind): read as a search page with no case once its labels were unknown.
    const row = (k: string, v: string) => `<tr><td>${k}</td><td>${v}</td></tr>`;
    const html = page(
      `<h2>Docket Search</h2><form action="/zoeken"><input name="q"><button>Zoeken</button></form>
<table>${row('Zaak', 'Jansen tegen de Staat der Nederlanden')}${row('Ingeschreven', '14 augustus 2017')}
${row('Vorige instantie', 'Gerechtshof Den Haag')}${row('Uitspraak', '17 januari 2017')}</table>`,
      'nl-NL',
    );
    const out = extract(html, 'https://zaken.example.nl/docket/17-5574');
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]!.reportedAt?.slice(0, 10)).toBe('2017-08-14');
  });

  it('a phrase opening with `New` says what is asked, not that the case is new, written apart', () => {
    // au-bogan-masterview-cons-2019-11-details (label-blind): `New Additions to Dwelling` was taken for a status.
    const cell = (k: string, v: string) => `<tr><td>${k}</td><td>${v}</td></tr>`;
    const html = page(
      `<main><h1>Aanvraag CC-2019/11</h1><table>${cell('Omschrijving', 'New Additions to Dwelling')}
${cell('Ingediend', '02/05/2019')}${cell('Soort', 'Bouwvergunning')}${cell('Behandelaar', 'Jennifer Lane')}
${cell('Fase', 'Afgerond')}${cell('Besluitdatum', '15/05/2019')}${cell('Besluit', 'Approved - Delegation')}</table></main>`,
    );
    const issue = extract(html, 'https://aanvragen.example.com.au/cc-2019-11').issues[0]!;
    expect(issue.description).toBe('New Additions to Dwelling');
    expect(issue.status).toBe('resolved');
  });
});
