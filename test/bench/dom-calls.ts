/**
 * What an extraction asks of a browser's DOM: every getter and method of the DOM's prototypes (and
 * `getComputedStyle`) wrapped with a counter for one call of `work` in the page, then put back. In Chromium each DOM
 * read crosses from V8 into Blink (30–80 ns; 150–220 for one that builds a string, `textContent` or an attribute's
 * value) where linkedom's are plain property reads, so a rule cheap in Node can be dear in the browser; a style or
 * layout read (`getComputedStyle`, `offsetWidth`, `getBoundingClientRect`) after a change to the DOM also makes the
 * browser recompute styles. Kept as source text, run in the page (see dom-walk.ts).
 */
export const DOM_CALLS_SOURCE = `function domCalls(work) {
  const counts = {};
  const undo = [];
  const protos = { Node, Element, HTMLElement, Document, CharacterData, Text, HTMLAnchorElement, HTMLTableCellElement,
    HTMLTableRowElement, HTMLCollection, NodeList, NamedNodeMap, Attr, DOMTokenList, CSSStyleDeclaration };
  const wrap = (owner, key, label) => {
    const d = Object.getOwnPropertyDescriptor(owner, key);
    if (!d || !d.configurable || key === 'constructor') return;
    if (d.get) {
      const get = d.get;
      Object.defineProperty(owner, key, { ...d, get() { counts[label] = (counts[label] || 0) + 1; return get.call(this); } });
    } else if (typeof d.value === 'function') {
      const f = d.value;
      Object.defineProperty(owner, key, { ...d, value: function (...a) { counts[label] = (counts[label] || 0) + 1; return f.apply(this, a); } });
    } else return;
    undo.push(() => Object.defineProperty(owner, key, d));
  };
  for (const [name, C] of Object.entries(protos))
    for (const key of Object.getOwnPropertyNames(C.prototype)) wrap(C.prototype, key, name + '.' + key);
  wrap(window, 'getComputedStyle', 'window.getComputedStyle');
  try { work(); } finally { for (const u of undo) u(); }
  return Object.entries(counts).sort((a, b) => b[1] - a[1]);
}`;

/** Calls that make a browser compute styles or layout when the DOM has changed since the last time. */
export const STYLE_OR_LAYOUT =
  /getComputedStyle|offset(?:Width|Height|Top|Left|Parent)|client(?:Width|Height|Top|Left)|scroll(?:Width|Height|Top|Left)|getBoundingClientRect|getClientRects|innerText|checkVisibility/;
