import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Label words of languages and registers the dictionary lacked (label-words.ts: INDONESIAN_LABELS,
 * SPANISH_PROCUREMENT_LABELS, JUDGMENT_PERMIT_LABELS). Hand-written snippets in the markup of each kind of page, not
 * copies of one: each fails if its words stop being read.
 */
const NOW = new Date('2026-06-20T00:00:00Z');
const row = (label: string, value: string) => `<tr><td class="lbl">${label}</td><td>${value}</td></tr>`;
const run = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;

describe('label words of procurement records, judgments and permits', () => {
  it('an Indonesian e-procurement package: code, name, work unit; the ceiling value and budget source are neither', () => {
    const html = `<html><head><title>Informasi Paket</title></head><body><div class="content"><h4>Informasi Paket</h4>
      <table>${row('Kode Paket', '5551234000')}${row('Nama Paket', 'Pemeliharaan Gedung Kantor Kecamatan Sukamaju Tahun 2026')}
      ${row('Tanggal Pembuatan', '3 Mei 2026')}${row('K/L/PD/Instansi Lainnya', 'Kabupaten Contoh')}
      ${row('Satuan Kerja', 'Dinas Perumahan dan Kawasan Permukiman')}${row('Tahun Anggaran', 'APBD 2026')}
      ${row('Nilai Pagu Paket', 'Rp. 150.000.000,00')}</table></div></body></html>`;
    const [issue] = run(html, 'https://spse.example.go.id/eproc4/lelang/5551234000/pengumumanlelang');
    expect(issue?.title).toBe('Pemeliharaan Gedung Kantor Kecamatan Sukamaju Tahun 2026');
    expect(issue?.source.caseNumber).toBe('5551234000');
    expect(issue?.department).toContain('Dinas Perumahan dan Kawasan Permukiman');
  });

  it('a Spanish procurement process: the number after `Número:`, the object as description, the creation milestone', () => {
    const html = `<html><head><title>Detalle del proceso: SA 014-26</title></head><body><div id="contenido">
      <table><tr><td>Detalle del Proceso Número: SA 014-26</td></tr></table>
      <table>${row('Tipo de Proceso', 'Selección Abreviada')}${row('Estado del Proceso', 'Convocado')}
      ${row('Detalle y Cantidad del Objeto a Contratar', '<textarea readonly>SUMINISTRO DE INSUMOS DE PAPELERÍA Y ÚTILES ESCOLARES PARA LAS SEDES EDUCATIVAS OFICIALES DEL MUNICIPIO, SEGÚN LAS ESPECIFICACIONES TÉCNICAS DEL ANEXO 1.</textarea>')}
      ${row('Cuantía a Contratar', '$ 12,500,000')}</table>
      <table><tr><td>Descripcion del Hito</td><td>Fecha y Hora de Ocurrencia</td></tr>
      ${row('Creación de Proceso', '04 de March de 2026 09:15 A.M.')}${row('Convocatoria', '05 de March de 2026 10:00 A.M.')}</table>
      </div></body></html>`;
    const [issue] = run(html, 'https://www.contratos.example.co/consultas/detalleProceso.do?numConstancia=26-11-1');
    expect(issue?.source.caseNumber).toBe('SA 014-26');
    expect(issue?.description).toContain('SUMINISTRO DE INSUMOS DE PAPELERÍA');
    expect(issue?.reportedAt?.slice(0, 16)).toBe('2026-03-04T09:15');
  });

  it('a court judgment’s cause of action is its category; a permit stub’s number and issue date', () => {
    const judgment = `<html><head><title>裁判書查詢</title></head><body><div id="jud">
      <div class="row"><div class="col-th">裁判字號：</div><div class="col-td">臺北地方法院 112 年度訴字第 5 號民事判決</div></div>
      <div class="row"><div class="col-th">裁判日期：</div><div class="col-td">民國 112 年 08 月 01 日</div></div>
      <div class="row"><div class="col-th">裁判案由：</div><div class="col-td">請求返還借款</div></div>
      <div class="row"><div class="col-td"><pre>原告之訴駁回。訴訟費用由原告負擔。本件事實及理由如下，兩造所陳均經審酌。</pre></div></div>
      </div></body></html>`;
    expect(run(judgment, 'https://judgment.example.gov.tw/FJUD/data.aspx?id=1')[0]?.category).toBe('請求返還借款');
    const permit = `<html><head><title>執照存根查詢</title></head><body><h1>建築執照存根查詢系統</h1>
      <table>${row('建造執照號碼', '113府建字第00123號')}${row('設計人', '王大明')}${row('地址', '臺南市東區')}
      ${row('發照日期', '113年05月06日')}</table></body></html>`;
    const [issue] = run(permit, 'https://permits.example.gov.tw/queryInfoAction.do?INDEX_KEY=1');
    expect(issue?.source.caseNumber).toBe('113府建字第00123號');
    expect(issue?.reportedAt?.slice(0, 10)).toBe('2024-05-06');
  });
});
