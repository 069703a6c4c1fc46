import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * A case page whose own heading is no `<h1>` but a block styled as one, under a heading that names the site or the
 * portal's column (the shape ablation's h1 → styled div; the twelfth session's unseen pages). Markup written apart.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const title = (html: string, url = 'https://www.northfield.example.gov.uk/licensing/item/4471') =>
  extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]?.title;

const body = `<p>The committee considered an application for a premises licence at 14 Quay Street, with the objections
  received from two residents and the police licensing officer, and heard the applicant's agent.</p>
  <p>The committee resolved to grant the licence with the conditions set out in the officer's report.</p>`;

describe('a case heading styled as a block', () => {
  it('under the site-name h1 the page opens with, the styled block is the title', () => {
    const html = `<html><head><title></title></head><body><div><h1>Northfield Borough Council</h1></div>
      <div class="nav-strip"><a href="/">Home</a> <a href="/licensing">Licensing</a></div>
      <div style="font-size:32px;font-weight:bold">Premises licence for 14 Quay Street</div>${body}</body></html>`;
    expect(title(html)).toBe('Premises licence for 14 Quay Street');
  });

  it('where the <title> names the site and the item, the lower of the two headings it confirms', () => {
    const html = `<html><head><title>Northfield Borough Council :: Licensing Sub-Committee hearing</title></head><body>
      <div><h1>Northfield Borough Council</h1></div><p>Agendas, minutes and decisions</p>
      <div class="h1">Licensing Sub-Committee hearing</div>${body}</body></html>`;
    expect(title(html)).toBe('Licensing Sub-Committee hearing');
  });

  it("in the main landmark, over the <title>'s column name", () => {
    const html = `<html><head><title>Licensing decisions</title></head><body>
      <div class="top"><span style="font-size:2em">Licensing decisions</span></div>
      <main><div style="font-size:2em;font-weight:bold">Premises licence for 14 Quay Street</div>${body}</main>
      </body></html>`;
    expect(title(html)).toBe('Premises licence for 14 Quay Street');
  });

  it('while an h1 over smaller section headings stays the title', () => {
    const html = `<html><head><title></title></head><body><h1>Premises licence for 14 Quay Street</h1>
      <h2>Objections received</h2>${body}<h2>Decision of the committee</h2><p>Granted.</p></body></html>`;
    expect(title(html)).toBe('Premises licence for 14 Quay Street');
  });
});
