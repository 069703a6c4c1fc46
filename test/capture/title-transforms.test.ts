import { parseHtml } from '@linli/core/capture/node';
import { collapse } from '@linli/core/capture/text';
import { describe, expect, it } from 'vitest';
import { TITLE_TRANSFORMS } from './title-transforms';

const PAGE = `<body><div class="header"><a href="/">Example Council</a></div><div><p><a href="/">Home</a> &gt; Bills</p>
  <h1 class="page-title">Garage at 12 <a href="/st">Main St</a></h1><table><tr><th>Reference</th><td>DA-1</td></tr></table>
  <p>${'A garage for two cars. '.repeat(12)}</p></div></body>`;

const words = (doc: Document) => collapse(doc.body.textContent ?? '');

/** Each title rewrite of shape-ablation.ts leaves the title's words, place and links, and no heading holding them. */
describe('the title transforms', () => {
  for (const [name, transform] of Object.entries(TITLE_TRANSFORMS))
    it(`${name} turns the title's heading into bold text that no tag or style marks a heading`, () => {
      const doc = parseHtml(PAGE);
      const before = words(doc);
      expect(transform(doc, 'Example Council', 'Garage at 12 Main St')).toBe(1);
      expect(doc.querySelector('h1, h2, h3, h4, h5, h6, [class*="title"]')).toBeNull();
      expect(collapse(doc.querySelector('b')?.textContent ?? '')).toBe('Garage at 12 Main St');
      expect(doc.querySelector('b a')?.getAttribute('href')).toBe('/st');
      // The label line adds its one word before the name (a line break apart); nothing else a reader reads changes.
      expect(words(doc)).toBe(name.includes('label') ? before.replace('Garage', 'TitleGarage') : before);
    });

  it('leaves a page whose title is in no heading as it was', () => {
    const doc = parseHtml(PAGE);
    for (const transform of Object.values(TITLE_TRANSFORMS)) expect(transform(doc, '', 'Two cars on a lot')).toBe(0);
  });
});
