/**
 * A portal's search page: a heading that asks to find or search, a box to type a number or street into, and nothing
 * of a case (no labelled field, no list, no running text). Clipping it gives no case rather than one made of its menus.
 * Pages: au-bluemountains-icon-find-application (`<h1>Find Applications Received</h1>` over an autocomplete box),
 * au-centralcoast-icon-find-application (`<h2>Application Search</h2>`, a box and a Search button beside menus of
 * saved searches), both ICON Software XC.Track.
 */

import { tagOf } from './elements';
import type { Scan } from './scan';
import { hasMainText } from './script-shell';
import { collapse } from './text';

// `Find Applications Received`, `Application Search`, `Search Decisions`, `Case Lookup`, `办件查询`, `信件检索`.
const SEARCH_WORDS =
  /^(?:find|search|look\s?up|lookup|query)\b|\b(?:search|look\s?up|lookup|query|finder)$|查询$|搜索$|检索$|^查询|^搜索/i;
const TYPED = new Set(['', 'text', 'search']);
const MAX_BOXES = 3;

/** Boxes a person types a query into: text inputs that are neither hidden nor read-only. */
function queryBoxes(root: Element): number {
  let n = 0;
  for (const input of Array.from(root.querySelectorAll('input'))) {
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (
      !TYPED.has(type) ||
      input.hasAttribute('readonly') ||
      /display\s*:\s*none/i.test(input.getAttribute('style') ?? '')
    )
      continue;
    n++;
  }
  return n;
}

export function isSearchPage(scan: Scan, root: Element, docTitle: string): boolean {
  const boxes = queryBoxes(root);
  if (boxes === 0 || boxes > MAX_BOXES) return false;
  const headings = scan.all.filter((el) => /^H[1-3]$/.test(tagOf(el))).map((el) => collapse(el.textContent ?? ''));
  const asks = [collapse(docTitle), ...headings].some((t) => t.length > 0 && t.length <= 60 && SEARCH_WORDS.test(t));
  return asks && !hasMainText(scan);
}
