/**
 * A motion's signatories, written one group a line under its names (`Sebastião Bugalho, Jessika Van Leeuwen, …⏎on
 * behalf of the PPE Group⏎Yannis Maniatis, …⏎on behalf of the S&D Group`): the first name of the first group is the
 * first mover, who tabled it. Page: eu-europarl-doceo-joint-motion-rc-b10-0249-2025-ukrainian-children.
 */
import { linesAtBreaks } from './document-lines';
import { collapse } from './text';

/** The line closing a group of signatories, in the languages a parliament writes it, each with the page it came from. */
const ON_BEHALF = [
  // The line may run on into a block after it (`<br />on behalf of the PPE Group<p>The European Parliament,</p>`).
  /^on behalf of (?:the )?.{2,60}?\bgroup\b/i, // eu-europarl-doceo-joint-motion-rc-b10-0249-2025-ukrainian-children
  /^au nom du groupe\b/i,
  /^im namen der .{2,60}?(?:fraktion|gruppe)\b/i,
];
/** A person's name: two to five words, each opening with a capital (`Antonio López‑Istúriz White`). */
const NAME = /^\p{Lu}[\p{L}'’.‑-]*(?:\s+(?:\p{Lu}[\p{L}'’.‑-]*|van|von|de|der|den|da|di|du|le|la|ter|zu)){1,4}$/u;

/** The first mover of the first signatories' group in a block broken by `<br>`s (the scan's `<br>`s). */
export function firstMover(brs: ArrayLike<Element>): string | undefined {
  const seen = new Set<Element>();
  for (let i = 0; i < brs.length; i++) {
    const block = brs[i]!.parentElement;
    if (!block || seen.has(block)) continue;
    seen.add(block);
    const raw = block.textContent ?? '';
    if (raw.length > 20000 || !/on behalf of|au nom du groupe|im namen der/i.test(raw)) continue;
    const lines = linesAtBreaks(block);
    for (let k = 1; k < lines.length; k++) {
      if (!ON_BEHALF.some((re) => re.test(lines[k]!))) continue;
      const first = collapse(lines[k - 1]!.split(',')[0] ?? '');
      if (NAME.test(first)) return first;
    }
  }
  return undefined;
}
