import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';

/**
 * A case's number read by its form when the page's labels are words no table knows (value-shapes.ts `guessByShape`,
 * `closingDocumentNumber`). Each rule names the real page whose label-blind copy showed the cause
 * (test/capture/detail-ablation.ts); the markup here is written apart, with labels no table knows (checked first).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const read = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;
const page = (title: string, body: string, lang: string) =>
  `<html lang="${lang}"><head><title>${title}</title></head><body>${body}</body></html>`;

const UNKNOWN = [
  'Tunnus',
  'Päiväys',
  'Käsittelijä',
  '甲乙癸',
  '丙丁癸',
  '戊己癸',
  'Dãy số',
  'Ngày nhận',
  'Người xử lý',
];

describe('labels no table knows', () => {
  it('are unknown to the dictionary (else these tests would prove nothing)', () => {
    for (const w of UNKNOWN) expect(matchLabel(w), w).toBeNull();
  });
});

describe('a case number by its form, under a label no table knows', () => {
  it('a Chinese document number beats the catalogue index code shown before it (cn-dazhou, label-blind)', () => {
    const html = page(
      '某市人民政府',
      `<h1>某市人民政府关于加强河道管理的通知</h1>
      <div class="info"><span>甲乙癸：</span><span>11330000002482-2024-0031</span></div>
      <div class="info"><span>丙丁癸：</span><span>某市人民政府办公室</span></div>
      <div class="info"><span>戊己癸：</span><span>某政办发〔2024〕7号</span></div>
      <div class="text"><p>各县（市、区）人民政府，市政府直属各单位：为加强河道管理，保障防洪安全，现将有关事项通知如下。一、严格河道巡查，发现问题及时处置。</p></div>`,
      'zh-CN',
    );
    expect(read(html, 'https://www.example.gov.cn/art/2024/3/1/art_1_2.html')[0]!.source.caseNumber).toBe(
      '某政办发〔2024〕7号',
    );
  });

  it('a code closed by its copy in brackets is one number (lt-lrs-komiteto-isvada-xip-4714, label-blind)', () => {
    const html = page(
      'Kaupunginhallitus',
      `<h1>Lausunto liikennesuunnitelmasta</h1>
      <table><tr><td>Tunnus</td><td>KH-2231(3)</td></tr><tr><td>Päiväys</td><td>2021-03-04</td></tr>
      <tr><td>Käsittelijä</td><td>Liisa Virtanen</td></tr></table>
      <p>Kaupunginhallitus antaa lausunnon liikennesuunnitelmasta ja pyytää lisäselvitystä pysäköinnistä ennen päätöstä.</p>`,
      'fi',
    );
    expect(read(html, 'https://paatokset.example.fi/asia/2231')[0]!.source.caseNumber).toBe('KH-2231(3)');
  });

  it("a digit, a dot and six digits is a register's code, not a quantity (vn-dichvucong procedure, label-blind)", () => {
    const html = page(
      'Cổng thông tin',
      `<h1>Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ</h1>
      <div class="row"><label>Dãy số</label><div>2.002286</div></div>
      <div class="row"><label>Ngày nhận</label><div>12/03/2024</div></div>
      <div class="row"><label>Người xử lý</label><div>Nguyễn Văn An</div></div>
      <p>Hồ sơ gồm đơn đề nghị cấp giấy phép xây dựng, bản sao giấy tờ về quyền sử dụng đất và hai bộ bản vẽ thiết kế.</p>`,
      'vi',
    );
    expect(read(html, 'https://dichvucong.example.vn/thu-tuc/abc')[0]!.source.caseNumber).toBe('2.002286');
  });

  it('a Chinese document number in brackets closing the title (cn-nfra-xzcf-zhejiang-2024-52-penalty)', () => {
    const html = page(
      '行政处罚信息公开表',
      `<h1>某某监管局行政处罚信息公开表（某金罚决字〔2024〕9号）</h1>
      <div><span>甲乙癸</span> 2024-05-06</div>
      <table><tr><td>戊己癸</td><td>对某保险公司罚款二十万元，对相关责任人警告并罚款二万元。</td></tr></table>`,
      'zh-CN',
    );
    expect(read(html, 'https://www.example.gov.cn/view/ItemDetail.html?docId=9')[0]!.source.caseNumber).toBe(
      '某金罚决字〔2024〕9号',
    );
  });
});

describe('a number after any number sign', () => {
  it("a list card's number span after `Nr.`, as after `№` (ua-petition-president-list-collecting)", () => {
    const card = (
      n: number,
      title: string,
    ) => `<div class="item"><div class="top"><span class="item-no">Nr. 2024/01${n}3</span>
      <span class="sep">|</span><span class="tag">#Verkehr</span></div>
      <div class="title"><a href="/eingabe/${n}">${title}</a></div><div class="date">0${n}.03.2024</div></div>`;
    const html = `<html lang="de"><head><title>Eingaben</title></head><body><h1>Eingaben</h1><div class="list">
      ${card(1, 'Ampel an der Schulstraße')}${card(2, 'Radweg nach Neudorf')}${card(3, 'Parkplätze am Bahnhof')}
      ${card(4, 'Busverbindung am Sonntag')}${card(5, 'Beleuchtung im Stadtpark')}</div></body></html>`;
    const issues = read(html, 'https://buergerportal.example.de/eingaben');
    expect(issues).toHaveLength(5);
    expect(issues.map((i) => i.source.caseNumber)).toEqual(
      [1, 2, 3, 4, 5].map((n) => expect.stringContaining(`2024/01${n}3`)),
    );
  });

  it("a case page's lone line after `N°`, `No.` or `№` is its number", () => {
    for (const sign of ['N°', 'No.', '№']) {
      const html = page(
        'Portail',
        `<h1>Demande de subvention pour le club de football</h1><div class="ref">${sign} SUB-2024/77</div>
        <p>Le club demande une subvention pour renouveler les filets et les ballons de la saison prochaine.</p>`,
        'fr',
      );
      expect(read(html, 'https://portail.example.fr/demandes/77')[0]!.source.caseNumber, sign).toBe('SUB-2024/77');
    }
  });
});

describe('the body a case is with, by its name alone', () => {
  const html = (mentions: number) =>
    page(
      'Alþingi',
      `<h1>Fjáraukalög 2023</h1><dl>
      <dt>Lagt fram af</dt><dd>Fjármálaráðuneytið</dd><dt>Vísað til</dt><dd>Fjárlaganefnd</dd>
      <dt>Dagsetning</dt><dd>2023-04-17</dd>
      ${Array.from({ length: mentions }, (_, i) => `<dt>Skjal</dt><dd>Fjárlaganefnd Nefndarálit 153/${i + 12}</dd>`).join('')}
      </dl><p>Frumvarpið felur í sér breytingar á fjárheimildum ársins vegna nýrra verkefna ríkisins og hækkunar launa.</p>`,
      'is',
    );
  it('are unknown to the dictionary', () => {
    for (const w of ['Lagt fram af', 'Vísað til', 'Dagsetning', 'Skjal']) expect(matchLabel(w), w).toBeNull();
  });
  it("is the name a value gives that opens the case's later papers (se-riksdagen-proposition-2022-23-99, label-blind)", () => {
    expect(read(html(3), 'https://www.example.is/mal/153/900')[0]!.department).toBe('Fjárlaganefnd');
  });
  it('is not read from a name given once', () => {
    expect(read(html(1), 'https://www.example.is/mal/153/900')[0]!.department).toBeUndefined();
  });
});

describe("a person's name in any cased script", () => {
  for (const [lang, name, labels] of [
    ['uk', 'Коваленко Олена Петрівна', ['Ініціювала', 'Оприлюднено']],
    ['vi', 'Nguyễn Thị Hồng Nhung', ['Người gửi', 'Ngày gửi']],
  ] as const) {
    it(`reads ${name} beside the case's day as its author (ua-petition-president-22-256946-bibik, label-blind)`, () => {
      for (const w of labels) expect(matchLabel(w), w).toBeNull();
      const html = page(
        'Portal',
        `<h1>${lang === 'uk' ? 'Відремонтувати дорогу до лікарні в селищі' : 'Sửa chữa đường vào bệnh viện huyện'}</h1>
        <div class="meta"><div><span>${labels[0]}:</span> <span>${name}</span></div>
        <div><span>${labels[1]}:</span> <span>2025-03-04</span></div></div>
        <p>${lang === 'uk' ? 'Дорога до лікарні розбита вже третій рік, швидка допомога їде повільно, просимо відремонтувати її цього року.' : 'Con đường vào bệnh viện đã xuống cấp nhiều năm, xe cấp cứu đi rất chậm, đề nghị sửa chữa trong năm nay.'}</p>`,
        lang,
      );
      expect(read(html, `https://portal.example.${lang === 'uk' ? 'ua' : 'vn'}/case/1`)[0]!.reporter?.name).toBe(name);
    });
  }
});

describe('a table of two label–value pairs a row, under labels no table knows', () => {
  const row = (cells: string[], labelStyle: string) =>
    `<tr>${cells.map((c, i) => (i % 2 === 0 ? `<td style="${labelStyle}">${c}</td>` : `<td>${c}</td>`)).join('')}</tr>`;
  const html = (labelStyle: string) =>
    page(
      '某市人民政府',
      `<table class="meta">${row(['甲乙癸', '113300000000000000/2024-00017', '丙丁癸', '某政发〔2024〕3号'], labelStyle)}
      ${row(['戊己癸', '市政府文件', '庚辛癸', '某市人民政府'], labelStyle)}</table>
      <h1>某市人民政府关于做好春季森林防火工作的通知</h1>
      <div class="text"><p>各县（市、区）人民政府：当前已进入春季森林防火关键期，为切实做好森林防火工作，现就有关事项通知如下。</p></div>`,
      'zh-CN',
    );
  it('reads the pairs when the label cells are set apart (cn-lishui-xxgk-veteran-placement-notice, label-blind)', () => {
    const issue = read(html('background:#f6f6f6'), 'https://www.example.gov.cn/art/2024/3/1/art_9.html')[0]!;
    expect(issue.source.caseNumber).toBe('某政发〔2024〕3号');
    expect(issue.department).toBe('某市人民政府');
  });
  it('leaves a table whose cells all look alike to be data', () => {
    const issue = read(html(''), 'https://www.example.gov.cn/art/2024/3/1/art_9.html')[0]!;
    expect(issue.source.caseNumber).not.toBe('某政发〔2024〕3号');
  });
});
