/**
 * What a bill's page prints beside its number: the rest of the number's line (`S 0494 General Bill, By Cleary, Bryant,
 * Cromer and Ford`) and the block after it (`<div class="BillDescription">Changes the laws regarding …</div>`, the
 * cell beside `<td>SB 70</td>`, or the long title after the line's `<br>`). A legislature heads a bill so, with no
 * label: the number, then what the bill is.
 */
import { BLOCK_TAGS, tagOf } from './elements';
import { collapse } from './text';

export interface BesideNumber {
  /** The words after the number on its own line (` General Bill, By Cleary, …`). */
  line: string;
  /** The first block of text after that line. */
  next: string;
}

const MAX_NEXT = 2000;

/** The number's own box: its ancestors that show nothing but the number (`<td><span><b>SB 70</b></span></td>`). */
function ownBox(el: Element): Element {
  const want = collapse(el.textContent ?? '');
  let box = el;
  while (box.parentElement && collapse(box.parentElement.textContent ?? '') === want) box = box.parentElement;
  return box;
}

/**
 * Reads the text that follows the number in document order, up two levels of wrappers: inline text until a line
 * break or a block is the number's line, the next block's text (or the next run of inline text up to a `<br>`) is
 * what follows it.
 */
export function besideNumber(number: Element): BesideNumber {
  const box = ownBox(number);
  let line = '';
  let next = '';
  let lineDone = false;
  const take = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      if (!lineDone) line += text;
      else next += text;
      return next.length > MAX_NEXT;
    }
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    const tag = tagOf(el);
    if (tag === 'SCRIPT' || tag === 'STYLE') return false;
    if (tag === 'A' && el.getAttribute('href') && (lineDone ? next : line).trim()) return true;
    if (tag === 'BR' || tag === 'HR' || BLOCK_TAGS.has(tag)) {
      if (!lineDone) {
        lineDone = true;
        if (tag === 'BR' || tag === 'HR') return false;
      } else if (next.trim()) return true;
      if (tag === 'BR' || tag === 'HR') return false;
      next += ` ${el.textContent ?? ''} `;
      return Boolean(next.trim());
    }
    for (const child of Array.from(el.childNodes)) if (take(child)) return true;
    return false;
  };
  let at: Element | null = box;
  walk: for (let depth = 0; at && depth < 3; depth++, at = at.parentElement) {
    for (let sib = at.nextSibling; sib; sib = sib.nextSibling) if (take(sib)) break walk;
    // Leaving a block ends the number's line.
    if (at.parentElement && BLOCK_TAGS.has(tagOf(at.parentElement))) lineDone = true;
  }
  return { line: collapse(line), next: collapse(next).slice(0, MAX_NEXT) };
}

// `General Bill, By Cleary, Bryant, Cromer and Ford`: the bill's sponsors named after `By` on the number's line.
const BY_SPONSORS = /(?:^|[,;]\s*|\s)[Bb][Yy]\s+(\p{Lu}[\p{L}.'’ -]*(?:(?:,\s*|\s+and\s+)\p{Lu}[\p{L}.'’ -]*)*)$/u;

/** The sponsors the number's line names (`… By Cleary, Bryant, Cromer and Ford`), or undefined. */
export function sponsorsOnLine(line: string): string | undefined {
  const m = line.length <= 200 ? BY_SPONSORS.exec(line) : null;
  return m?.[1]?.trim();
}

/**
 * A title made of nothing but a bill's version letters and its number (`CCS SS SCS SB 70`, `SS SCS HCS HB 45`): it
 * names which text of the bill, not what the bill is. Page: us-missouri-senate-sb70-bill-summary (`Title: CCS SS SCS
 * SB 70`).
 */
export function isVersionString(title: string, caseNumber: string | undefined): boolean {
  if (!caseNumber) return false;
  const m = /^(?:[A-Z]{1,5}[\s/]+)+([A-Z]{1,3}\s?\d{1,5})$/.exec(collapse(title));
  const bare = (n: string) => n.replace(/[\s.]/g, '').replace(/^([A-Z]+)0+/, '$1');
  return Boolean(m && bare(m[1]!) === bare(caseNumber));
}
