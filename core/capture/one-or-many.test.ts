import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { pageSections } from './page-sections';
import type { Candidate } from './record-groups';
import { pageDateContext } from './zones';

/**
 * One case or a list: the decision that costs a page most when it goes wrong (a bill's page read as nine cases, a
 * member's drafts read as one). Markup written apart from the pages that showed it (held-out-24: a parliament's bill
 * page laid out in named blocks, a member's table of numbered drafts).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;

describe('blocks of one page, each named by a class of its own', () => {
  // A bill's page: its number and name, then its data, its events, its committee's papers, its votes, each block a
  // table under a head row of its own, each block's class its own word.
  const block = (cls: string, head: string, rows: string) =>
    `<div class="${cls}"><table><tr><th colspan="3">${head}</th></tr>${rows}</table></div>`;
  const html = `<html><head><title>Lovdata — forslag</title></head><body><h1>Forslag 2021–2022</h1>
    <div class="sak">
      <div class="sak-navn"><table><tr><td><a href="/forslag/L-118">L-118</a></td>
        <td>Lov om endringer i skatteloven (skattefradrag for gaver)</td></tr></table></div>
      ${block(
        'sak-data',
        'Forslagets data',
        '<tr><td>Type</td><td>lovforslag</td></tr><tr><td>Fremmet</td><td>2021.10.04.</td></tr>' +
          '<tr><td>Status</td><td>kunngjort</td></tr><tr><td>Behandling</td><td>ordinær</td></tr>' +
          '<tr><td>Fremmet av</td><td>regjeringen (finansministeren)</td></tr>' +
          '<tr><td>Tekst</td><td><a href="/tekst/L-118.htm">HTML</a></td></tr>' +
          '<tr><td>Merknad</td><td>Behandlet sammen med statsbudsjettet.</td></tr>',
      )}
      ${block(
        'sak-hendelser',
        'Hendelser',
        '<tr><td>2021.10.07.</td><td>sendt til komité</td><td><a href="/komite/fin">Finanskomiteen</a></td></tr>' +
          '<tr><td>2021.11.18.</td><td>innstilling avgitt</td><td><a href="/komite/fin">Finanskomiteen</a></td></tr>',
      )}
      ${block(
        'komite-papirer',
        'Komiteens papirer',
        '<tr><td><a href="/papir/L-118-4">L-118/4</a></td><td>2021.11.18.</td><td>innstilling</td></tr>' +
          '<tr><td><a href="/papir/L-118-7">L-118/7</a></td><td>2021.11.30.</td><td>rettelse</td></tr>',
      )}
      ${block(
        'voteringer',
        'Voteringer',
        '<tr><td>2021.12.02.</td><td><a href="/votering/5512">vedtatt</a></td><td>88 – 12</td></tr>' +
          '<tr><td>2021.12.09.</td><td><a href="/votering/5540">vedtatt</a></td><td>90 – 9</td></tr>',
      )}
      ${block(
        'kunngjoring',
        'Kunngjøring',
        '<tr><td>2021.12.17.</td><td><a href="/lovtidend/2021-12-17-3781">Lovtidend 2021 nr. 3781</a></td></tr>',
      )}
    </div><footer><p>Stortinget, 0026 Oslo</p></footer></body></html>`;

  it('reads them as the sections of one case, not as five cases', () => {
    const issues = extract(html, 'https://lovdata.example.no/forslag/L-118');
    expect(issues).toHaveLength(1);
  });
});

describe('a table of dated rows, each naming a paper of its own by its number', () => {
  // A member's drafts: row number, date, the draft's name over the link to its text (its number and date), and the
  // act adopted from it where there is one.
  const row = (n: number, day: string, name: string, code: string, adopted = '') =>
    `<tr><td>${n}</td><td>${day}</td><td>${name} EELNÕU<br><a href="/dok/${code}">${code}&nbsp;${day}</a></td>` +
    `<td>${adopted ? `<a href="/dok/${adopted}">Vastu võetud ${adopted}</a>` : ''}</td></tr>`;
  const html = `<html><head><title>Riigikogu liikme eelnõud</title></head><body><h4>Mari Maasikas</h4>
    <table><tr><th>Nr.</th><th>Kuupäev</th><th>Dokument</th><th>Staatus</th></tr>
    ${row(1, '2019-05-14', 'Perioodi "Rahvuslike rõivaste aasta" väljakuulutamise', 'XIVE-112', 'XIV-230')}
    ${row(2, '2019-04-02', 'Looduskaitseseaduse § 4 muutmise seaduse', 'XIVE-87')}
    ${row(3, '2019-03-21', 'Liiklusseaduse § 12 ja § 19 muutmise seaduse', 'XIVE-71', 'XIV-198')}
    ${row(4, '2019-02-07', 'Kalapüügiseaduse § 6 täiendamise seaduse', 'XIVE-40')}
    </table></body></html>`;

  it('reads each row as a case, named by its words and numbered by its link, not as one case’s history', () => {
    const issues = extract(html, 'https://www.riigikogu.example.ee/liige/eelnoud?id=77');
    expect(issues).toHaveLength(4);
    expect(issues[0]!.title).toContain('Rahvuslike rõivaste aasta');
    expect(issues[0]!.source.caseNumber).toBe('XIVE-112');
    expect(issues[2]!.title).toContain('Liiklusseaduse');
  });
});

describe('two blocks that name one paper by one number', () => {
  // A paper shown with the portal's header (the paper's number and day) over its text (the same number, its name).
  const html = `<html><head><title>Dokumendid</title></head><body>
    <p><a href="https://riigikogu.example.ee"><b>Riigikogu</b></a></p>
    <table><tr><td>Dokumendi nr.</td><td>XIVE-3120</td></tr><tr><td>Kuupäev</td><td>2019-11-12</td></tr></table>
    <hr>
    <table><tr><td><p><b>KOMISJONI ARVAMUS</b></p><p>Riigikogu otsuse "Eesti keele aasta väljakuulutamise" eelnõule</p>
      <p>2019-10-03 Nr. XIVE-3120</p><p>Tallinn</p>
      <p>Kultuurikomisjon arutas eelnõu oma istungil ja otsustas toetada selle vastuvõtmist muudatusteta. Komisjon
      tegi ettepaneku võtta eelnõu täiskogu päevakorda ning viia lõpphääletus läbi järgmisel istungil.</p>
      <p><a href="/dok/XIVE-3120.docx">Word dokument</a></p></td></tr></table>
    </body></html>`;

  it('reads them as one case', () => {
    const issues = extract(html, 'https://www.riigikogu.example.ee/dok?id=55120');
    expect(issues).toHaveLength(1);
  });
});

describe('a list drawn as div rows under a head row of divs, over a footer of office hours', () => {
  // The head row's column names read as a label and its value (`主題` → `紀錄`), the footer's phone and office hours
  // as labelled fields: none of them the page's own case.
  const row = (n: number, day: string) =>
    `<div><div><span><a href="/News_Content.aspx?s=${4400 + n}">第${n}次都市計畫委員會會議 會議紀錄</a></span></div>` +
    `<div><span><a class="ic-download" href="/Download.ashx?u=${n}" title="會議紀錄"></a></span></div>` +
    `<div><span>${day}</span></div></div>`;
  const html = `<html><head><title>會議紀錄-都市發展局</title></head><body><h2>會議紀錄</h2>
    <div class="area-table"><div>
      <div><div><div><span>主題</span></div><div><span>紀錄</span></div><div><span>開會日期</span></div></div></div>
      <div>${row(9, '113/04/18')}${row(8, '113/03/07')}${row(7, '112/12/28')}${row(6, '112/11/02')}</div>
    </div></div>
    <div class="address"><p>資料維護：都市發展局</p>
      <p>永華市政中心 : 708201 臺南市安平區永華路二段6號9F 電話: (06)299-1111 轉1422(代表號)</p>
      <p>服務時間：週一至週五 上午08:00~12:00 下午01:30~05:30</p></div>
    </body></html>`;

  it('reads each row as a case', () => {
    const issues = extract(html, 'https://udweb.example.gov.tw/News_Meeting.aspx?n=1712');
    expect(issues).toHaveLength(4);
    expect(issues[0]!.title).toContain('第9次都市計畫委員會會議');
  });
});

describe("papers under a proceeding's dated step lines", () => {
  // A bill's proceeding (pt-parlamento-proposta-de-lei-33-xv-1, written apart): each step a line of its day and its
  // name, over the step's gazette reference and a note; the records a structure finder takes are those papers.
  const step = (day: string, name: string, ref: number, note: string) => `
    <div><span class="d">${day}</span> | <span class="n">${name}</span></div>
    <div class="paper"><a href="/diario/${ref}">[Diário n.º ${ref}, ${day}, pág. 1-3]</a><span>${note}</span></div>`;
  const page = (steps: string) =>
    parseHtml(`<html lang="pt"><body><h1>Proposta de Lei 12/IV/2</h1><div class="fases">${steps}</div></body></html>`);
  const papers = (doc: Document): Candidate[] =>
    Array.from(doc.querySelectorAll('.paper')).map((el) => ({ el, items: [el], chars: el.textContent!.length }));
  const ctx = pageDateContext({ lang: 'pt', url: 'https://parlamento.example.pt/ini?id=12', text: '' });

  it("are one case's steps when each line names another step", () => {
    const doc = page(
      step('2023-01-10', 'Entrada', 101, 'Autor: Governo') +
        step('2023-01-12', 'Admissão', 102, 'Despacho do Presidente') +
        step('2023-01-20', 'Baixa à comissão', 103, 'Comissão de Cultura') +
        step('2023-02-03', 'Votação na generalidade', 104, 'Aprovado') +
        step('2023-03-01', 'Publicação', 105, 'Lei n.º 9/2023'),
    );
    expect(pageSections(papers(doc), ctx)).toBe(true);
  });

  it('are a list when every line repeats one name (a schedule of like meetings)', () => {
    const doc = page(
      ['2023-01-10', '2023-02-14', '2023-03-14', '2023-04-11']
        .map((day, i) => step(day, 'Reunião ordinária', 200 + i, 'Ordem do dia'))
        .join(''),
    );
    expect(pageSections(papers(doc), ctx)).toBe(false);
  });
});
