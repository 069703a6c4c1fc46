import { parseHtml } from '@linli/core/capture/node';
import { collapse } from '@linli/core/capture/text';
import { describe, expect, it } from 'vitest';
import { CASE_TRANSFORMS, LIST_TRANSFORMS } from './shape-transforms';

/** Each structure rewrite of shape-ablation.ts changes the markup only: a reader reads the same page. */
const LIST_PAGE = `<body><h1>Applications</h1>
  <table><tr><th>Number</th><th>Lodged</th><th>Proposal</th></tr>
  <tr><td><a href="/a/1">DA-1</a></td><td>3 May 2024</td><td><p>Garage</p><p>12 Main St</p></td></tr>
  <tr><td><a href="/a/2">DA-2</a></td><td>4 May 2024</td><td>Pool</td></tr></table>
  <ul><li><a href="/n/1">Notice one</a><span>1 May 2024</span></li><li><a href="/n/2">Notice two</a><span>2 May 2024</span></li>
  <li><a href="/n/3">Notice three</a><span>3 May 2024</span></li></ul></body>`;

const CASE_PAGE = `<body><div><div><h1>Garage at 12 Main St</h1><table><tr><th>Reference</th><td>DA-1</td></tr>
  <tr><th>Lodged</th><td>3 May 2024</td><th>Status</th><td><a href="/s">Approved</a></td></tr></table>
  <dl><dt>Applicant</dt><dd>Kim Lee</dd><dt>Ward</dt><dd>North</dd></dl><p>${'A garage for two cars. '.repeat(12)}</p>
  </div></div></body>`;

/** What a reader reads: the words in order (separators and label colons a layout adds left out), and the links. */
function reading(doc: Document) {
  const texts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) texts.push(n.textContent ?? '');
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc.body);
  const words = texts
    .join(' ')
    .replace(/[|:：]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const links = Array.from(doc.querySelectorAll('a')).map(
    (a) => `${a.getAttribute('href')} ${collapse(a.textContent ?? '')}`,
  );
  return {
    words,
    links,
    headings: Array.from(doc.querySelectorAll('h1, h2, h3')).map((h) => collapse(h.textContent ?? '')),
  };
}

describe('the shape transforms', () => {
  for (const [page, transforms] of [
    [LIST_PAGE, LIST_TRANSFORMS],
    [CASE_PAGE, CASE_TRANSFORMS],
  ] as const)
    for (const [name, transform] of Object.entries(transforms))
      it(`${name} rewrites the markup and keeps the words, their order, the links and the headings`, () => {
        const doc = parseHtml(page);
        const before = reading(doc);
        const html = doc.body.innerHTML;
        expect(transform(doc, 'Example Council')).toBeGreaterThan(0);
        expect(doc.body.innerHTML).not.toBe(html);
        const after = reading(doc);
        if (name.startsWith('h1-')) {
          // The title's heading becomes a styled div; a new heading names the site above it.
          expect(after.words).toEqual(['Example', 'Council', ...before.words]);
          expect(after.headings).toEqual(['Example Council']);
        } else {
          expect(after.words).toEqual(before.words);
          expect(after.headings).toEqual(before.headings);
        }
        expect(after.links).toEqual(before.links);
      });

  it('lays a label/value table out as a description list, bold-label lines or two divs per pair', () => {
    const dl = parseHtml(CASE_PAGE);
    CASE_TRANSFORMS['pair-table-as-dl']!(dl, '');
    expect(Array.from(dl.querySelectorAll('dt')).map((d) => d.textContent)).toEqual([
      'Reference',
      'Lodged',
      'Status',
      'Applicant',
      'Ward',
    ]);
    const lines = parseHtml(CASE_PAGE);
    CASE_TRANSFORMS['pairs-as-bold-label-lines']!(lines, '');
    expect(
      Array.from(lines.querySelectorAll('p'))
        .map((p) => collapse(p.textContent ?? ''))
        .slice(0, 2),
    ).toEqual(['Reference: DA-1', 'Lodged: 3 May 2024']);
    expect(lines.querySelector('table, dl')).toBeNull();
  });

  it('puts a table row in one line, its cells apart by a separator', () => {
    const doc = parseHtml(LIST_PAGE);
    LIST_TRANSFORMS['row-as-one-line']!(doc, '');
    const lines = Array.from(doc.querySelectorAll('p')).map((p) => collapse(p.textContent ?? ''));
    expect(lines).toContain('DA-1 | 3 May 2024 | Garage 12 Main St');
    expect(doc.querySelector('table')).toBeNull();
  });
});
