/**
 * The baseline the capture benchmarks divide by: one walk over every element under a root, reading its name and
 * attribute count — the least any extractor must do on the page. Kept as source text so the very same code runs in
 * Node (linkedom) and inside Chromium's page (a function passed from tsx would carry the transpiler's helpers).
 */
export const DOM_WALK_SOURCE = `function domWalk(root) {
  let n = 0;
  const stack = [root];
  while (stack.length) {
    const el = stack.pop();
    n += el.localName.length + el.attributes.length;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return n;
}`;

/** The walk, in Node. */
export const domWalk = new Function(`return (${DOM_WALK_SOURCE})`)() as (root: Element) => number;
