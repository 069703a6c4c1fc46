import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { pageDateContext } from './zones';

/**
 * Causes found by the one scoring of held-out-22 and held-out-23 (twelfth session), fixed by s12-pro: bill pages of
 * parliaments and Brazilian gazette lists. Every test names the page that showed the cause; the markup is written
 * apart from it.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string, lang = 'pt-BR') =>
  `<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

describe('s12-pro: Brazilian registers', () => {
  it('a `.br` host reads in Brasília time, a state domain in its state zone (br-cianorte-orgao-oficial-publicacoes)', () => {
    const curitiba = pageDateContext({ url: 'https://www.curitiba.pr.gov.br/diario' });
    expect(parseDate('28/04/2021', curitiba)).toBe('2021-04-28T00:00:00-03:00');
    const manaus = pageDateContext({ url: 'https://www.manaus.am.gov.br/atos' });
    expect(parseDate('05/03/2021', manaus)).toBe('2021-03-05T00:00:00-04:00');
    const rioBranco = pageDateContext({ url: 'https://aleac.ac.leg.br/pautas' });
    expect(parseDate('05/03/2021', rioBranco)).toBe('2021-03-05T00:00:00-05:00');
    const anyBr = pageDateContext({ url: 'https://www.exemplo.com.br/editais' });
    expect(parseDate('05/03/2021', anyBr)).toBe('2021-03-05T00:00:00-03:00');
  });

  it('a gazette list`s `Nº da Publicação` column is each edition`s number (br-cianorte-orgao-oficial-publicacoes)', () => {
    const row = (n: number, day: string) =>
      `<tr><td>${n}</td><td>${day}</td><td><a href="/upload/diario/${n}.pdf">Baixar edição</a></td></tr>`;
    const html = page(
      '<title>Diário Oficial - Prefeitura de Exemplo</title>',
      `<main><h2>Edições do Diário Oficial</h2><table><thead><tr><th>Nº da Publicação</th><th>Data da publicação</th>
<th>Arquivo</th></tr></thead><tbody>${row(812, '14/09/2022')}${row(811, '13/09/2022')}${row(810, '12/09/2022')}
${row(809, '09/09/2022')}</tbody></table></main>`,
    );
    const r = extract(html, 'https://www.exemplo.sp.gov.br/diario-oficial');
    expect(r.issues).toHaveLength(4);
    expect(r.issues[0]!.source?.caseNumber).toBe('812');
    expect(r.issues[3]!.source?.caseNumber).toBe('809');
    expect(r.issues[0]!.reportedAt).toBe('2022-09-14T00:00:00-03:00');
  });
});
