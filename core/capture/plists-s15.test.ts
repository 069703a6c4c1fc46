import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * List pages of the fifteenth session's scoring, each cause written again on markup of another site of the same kind
 * (the real page is named; the markup here is not taken from it).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('a cell opened inside a cell (pe-congreso-proyectos-de-ley-por-numero)', () => {
  // A Notes view of a county board's resolutions: every column's cell written inside a wrapper cell.
  const cell = (inner: string) => `<td align="left"><font size="2"><td>${inner}</td></font></td>`;
  const row = (no: string, stage: string, date: string, title: string) =>
    `<tr valign="top"><td><font size="2"><a href="/res.nsf/${no.replace('/', '-')}?OpenDocument">${no}</a></font></td>` +
    `${cell(stage)}${cell(date)}${cell(`<div><font size="1">${title}</font></div>`)}</tr>`;
  const html =
    '<html><head><title>Resoluciones por número</title></head><body><table>' +
    '<tr><th><b><font size="2"><td>Número</td></font></b></th><th><font size="2"><td>Estado</td></font></th>' +
    '<th><font size="2"><td>Fecha</td></font></th><th><font size="2"><td>Asunto</td></font></th></tr>' +
    row(
      '0412/2019-CM',
      'Aprobado',
      '14/03/2019',
      'RESOLUCIÓN QUE APRUEBA EL PLAN DE DESARROLLO URBANO DEL DISTRITO. . .',
    ) +
    row(
      '0411/2019-CM',
      'En comisión',
      '12/03/2019',
      'RESOLUCIÓN QUE DECLARA DE INTERÉS LA RECUPERACIÓN DEL MERCADO CENTRAL. . .',
    ) +
    row(
      '0410/2019-CM',
      'Archivado',
      '02/03/2019',
      'RESOLUCIÓN QUE AUTORIZA EL VIAJE DEL ALCALDE A LA CIUDAD DE QUITO. . .',
    ) +
    row(
      '0409/2019-CM',
      'Aprobado',
      '27/02/2019',
      'RESOLUCIÓN QUE FIJA EL HORARIO DE ATENCIÓN DE LAS OFICINAS MUNICIPALES. . .',
    ) +
    row(
      '0408/2019-CM',
      'En comisión',
      '20/02/2019',
      'RESOLUCIÓN QUE CREA LA COMISIÓN ESPECIAL DE SEGURIDAD CIUDADANA. . .',
    ) +
    row(
      '0407/2019-CM',
      'Aprobado',
      '19/02/2019',
      'RESOLUCIÓN QUE APRUEBA EL PRESUPUESTO PARTICIPATIVO DEL AÑO FISCAL 2020. . .',
    ) +
    row(
      '0406/2019-CM',
      'En comisión',
      '11/02/2019',
      'RESOLUCIÓN QUE DISPONE LA LIMPIEZA DE LOS CANALES DE RIEGO DEL VALLE. . .',
    ) +
    '</table></body></html>';

  it('the parser closes the open cell as a browser does: the row has its cells side by side', () => {
    const doc = parseHtml(html, 'http://muni.example.pe/res.nsf/PorNumero?OpenView');
    const cells = Array.from(doc.querySelectorAll('tr')[1]!.children).map((c) => (c.textContent ?? '').trim());
    expect(cells).toEqual([
      '0412/2019-CM',
      '',
      'Aprobado',
      '',
      '14/03/2019',
      '',
      expect.stringContaining('PLAN DE DESARROLLO'),
    ]);
  });

  it('each row is one case: its title from the subject column, the number link as its number, the date', () => {
    const r = extract(html, 'http://muni.example.pe/res.nsf/PorNumero?OpenView');
    expect(r.issues.map((i) => [i.title.slice(0, 41), i.source.caseNumber, i.reportedAt?.slice(0, 10)])).toEqual([
      ['RESOLUCIÓN QUE APRUEBA EL PLAN DE DESARRO', '0412/2019-CM', '2019-03-14'],
      ['RESOLUCIÓN QUE DECLARA DE INTERÉS LA RECU', '0411/2019-CM', '2019-03-12'],
      ['RESOLUCIÓN QUE AUTORIZA EL VIAJE DEL ALCA', '0410/2019-CM', '2019-03-02'],
      ['RESOLUCIÓN QUE FIJA EL HORARIO DE ATENCIÓ', '0409/2019-CM', '2019-02-27'],
      ['RESOLUCIÓN QUE CREA LA COMISIÓN ESPECIAL ', '0408/2019-CM', '2019-02-20'],
      ['RESOLUCIÓN QUE APRUEBA EL PRESUPUESTO PAR', '0407/2019-CM', '2019-02-19'],
      ['RESOLUCIÓN QUE DISPONE LA LIMPIEZA DE LOS', '0406/2019-CM', '2019-02-11'],
    ]);
  });
});
