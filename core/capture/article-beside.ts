/**
 * Whether a list found by structure is only the related links beside the page's own article — or the article is the
 * page's foot (a disclaimer) under the list, which does not count.
 */
import { bestContentBlock, contentText } from './readable';
import type { Scan } from './scan';
import { collapse } from './text';

/** Whether the page holds a main text of its own outside these records (an article beside a related-links list). */
export function articleBeside(scan: Scan, items: Element[], listChars: number): boolean {
  const block = bestContentBlock(scan, () => false);
  if (!block || items.some((it) => it.contains(block) || block.contains(it))) return false;
  const text = collapse(contentText(scan, block, () => false));
  // A notice above a list (`These opinions are subject to revision…`) is shorter than the list it heads; an article
  // is longer than the related links beside it. Pages: us-sd-supreme-opinions-2021, us-cnmi-supreme-slip-opinions-2022.
  if (text.length < Math.max(200, listChars) || (text.match(/[。！？!?]|\.(?=\s|$)/g)?.length ?? 0) < 3) return false;
  return !pageFoot(scan, block, items[items.length - 1]!, text.length);
}

/** Text after a page's foot (a link bar, a copyright line) is shorter than this share of the foot's own. */
const FOOT_TAIL = 0.25;

/**
 * A block of sentences after the list that ends the page, only a line of links or less after it, is the page's foot
 * (a disclaimer, a site notice), not an article beside the list: an article comes before its related links or
 * beside them, and the page goes on after it. Page: us-cnmi-supreme-slip-opinions-2022 (the Law Revision
 * Commission's disclaimer under the opinions' table).
 */
function pageFoot(scan: Scan, block: Element, lastItem: Element, chars: number): boolean {
  const at = scan.order.get(block);
  const last = scan.order.get(lastItem);
  if (at === undefined || last === undefined || at < last) return false;
  // The elements after the block's subtree, in document order: their own text is what follows it.
  let i = at + 1;
  while (i < scan.all.length && scan.depths[i]! > scan.depths[at]!) i++;
  let after = 0;
  for (; i < scan.all.length; i++)
    for (let c = scan.all[i]!.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) after += (c as Text).data.trim().length;
      if (after > chars * FOOT_TAIL) return false;
    }
  return true;
}
