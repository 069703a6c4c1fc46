import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * A heading every page of a site carries — its name, a breadcrumb's step, a word for the kind of view — over the
 * heading naming the record is no title (viewer-heading.ts). Real pages that showed the cause: DB-Search's `文書閲覧`
 * (jp-sendai-dbsr-dx-suishin-tokubetsu-iinkai-2024-12-26), DIAN's SharePoint library `Páginas`
 * (co-dian-donaciones-ofrecimientos); the markup here is written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const BODY = `<p>${'The applicant proposes a two-storey extension to the rear of the dwelling and a new garage. '.repeat(4)}</p>`;
const titleOf = (body: string, title: string, url = 'https://permits.example.org/view.aspx?id=2211', head = '') => {
  const doc = parseHtml(`<html lang="en"><head><title>${title}</title>${head}</head><body>${body}</body></html>`, url);
  return extractIssues(doc, { url, now: NOW }).issues[0]?.title;
};

describe('a viewer heading over the record heading', () => {
  it('the site name its <title> gives, drawn as the record heading is', () => {
    const body = `<main><h1 class="head">Northfield Borough Council</h1><h1 class="head">Rear extension and garage</h1>${BODY}</main>`;
    expect(titleOf(body, 'Rear extension and garage - Northfield Borough Council')).toBe('Rear extension and garage');
  });

  it('a word naming the view, in Spanish, drawn as the record heading is', () => {
    const body = `<main><h1>Detalle</h1><h1>Ampliación de la vivienda y garaje nuevo</h1>${BODY}</main>`;
    expect(titleOf(body, 'Ampliación de la vivienda y garaje nuevo | Portal de trámites')).toBe(
      'Ampliación de la vivienda y garaje nuevo',
    );
  });

  it('a step of the breadcrumb', () => {
    const body = `<div class="crumbs">Home &gt; Planning &gt; Applications under review</div>
      <main><h1>Applications under review</h1><h3>Two-storey rear extension at 4 Mill Lane</h3>${BODY}</main>`;
    expect(titleOf(body, 'Two-storey rear extension at 4 Mill Lane - Planning')).toBe(
      'Two-storey rear extension at 4 Mill Lane',
    );
  });

  it('but not when the heading under it is a section of the record (a short name the <title> does not give)', () => {
    const body = `<main><h1>Rear extension and garage</h1><h2>Documents</h2>${BODY}</main>`;
    expect(titleOf(body, 'Rear extension and garage - Northfield Borough Council')).toBe('Rear extension and garage');
  });

  it('nor a <title> part alone over a heading the <title> does not name', () => {
    const body = `<main><h1>Rear extension</h1><h2>Comments from neighbours and the parish</h2>${BODY}</main>`;
    expect(titleOf(body, 'Rear extension - Northfield')).toBe('Rear extension');
  });
});

describe("a <title> part and the page's address", () => {
  const url = 'https://www.example.gov/sales/Paginas/Donaciones.aspx';
  it("a part that is a folder of the address names the library; the file's name names the page", () => {
    expect(titleOf(`<h1></h1>${BODY}`, 'Páginas - Donaciones', url)).toBe('Donaciones');
  });
  it('a page named as its folder is left as it is', () => {
    expect(
      titleOf(`<h1></h1>${BODY}`, 'Páginas - Donaciones', 'https://www.example.gov/sales/Donaciones/Paginas.aspx'),
    ).toBe('Páginas');
  });
});
