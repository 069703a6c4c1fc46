import { parseHtml } from '@linli/core/capture/node';
import { collapse } from '@linli/core/capture/text';
import { describe, expect, it } from 'vitest';
import { UNSEEN_LIST_TRANSFORMS } from './twice-transforms';

/** The unseen-list shapes change what a wide screen shows only in markup (and, for the spans, in their order). */
const LIST_PAGE = `<html><head></head><body><h1>Applications</h1>
  <table><tr><th>Number</th><th>Lodged</th><th>Proposal</th></tr>
  <tr><td><a href="/a/1">DA-1</a></td><td>3 May 2024</td><td><p>Garage</p><p>12 Main St</p></td></tr>
  <tr><td><a href="/a/2">DA-2</a></td><td>4 May 2024</td><td>Pool</td></tr>
  <tr><td><a href="/a/3">DA-3</a></td><td>5 May 2024</td><td>Shed</td></tr></table>
  <ul><li><a href="/n/1">Notice one</a><span>1 May 2024</span></li><li><a href="/n/2">Notice two</a><span>2 May 2024</span></li>
  <li><a href="/n/3">Notice three</a><span>3 May 2024</span></li></ul></body></html>`;

/** Hidden as a 1280 px browser would hide it, for these transforms' ways of hiding (and the page's one CSS rule). */
function hiddenAtWide(el: Element): boolean {
  const cls = ` ${el.getAttribute('class') ?? ''} `;
  return (
    el.hasAttribute('hidden') ||
    /display:\s*none/.test(el.getAttribute('style') ?? '') ||
    / (d-md-none|md:hidden|visible-xs|list-narrow|collapse) /.test(cls) ||
    (/ (d-none|hidden) /.test(cls) && !/ (d-md-block|md:block) /.test(cls))
  );
}

/** What a wide screen shows: the words (separators and colons left out) and the links. */
function reading(doc: Document) {
  const words: string[] = [];
  const links: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3)
      words.push(
        ...(n.textContent ?? '')
          .replace(/[|:：]/g, ' ')
          .split(/\s+/)
          .filter(Boolean),
      );
    if (n.nodeType !== 1 && n !== doc.body) return;
    const el = n as Element;
    if (n !== doc.body && (hiddenAtWide(el) || el.tagName === 'STYLE')) return;
    if (el.tagName === 'A') links.push(`${el.getAttribute('href')} ${collapse(el.textContent ?? '')}`);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc.body);
  return { words, links };
}

describe('the unseen list shapes', () => {
  for (const [name, transform] of Object.entries(UNSEEN_LIST_TRANSFORMS))
    for (const site of ['Example Council', 'City of Springfield', 'A', 'Board of Works', 'Kent'])
      it(`${name} (${site}) rewrites the list and keeps what a wide screen shows`, () => {
        const doc = parseHtml(LIST_PAGE);
        const before = reading(doc);
        const html = doc.body.innerHTML;
        expect(transform(doc, site)).toBeGreaterThan(0);
        expect(doc.body.innerHTML).not.toBe(html);
        const after = reading(doc);
        expect(after.links).toEqual(before.links);
        if (name === 'row-fields-as-shuffled-spans' || name === 'list-twice-table-hidden') {
          // The head row's labels are gone (the cards and spans carry none); the spans' order turns.
          const heads = ['Number', 'Lodged', 'Proposal'];
          expect([...after.words].sort()).toEqual(before.words.filter((w) => !heads.includes(w)).sort());
        } else expect(after.words).toEqual(before.words);
      });
});
