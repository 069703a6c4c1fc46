/**
 * The height a vote widget had in this browser, per matter and viewport width (widths in 160 px steps: a height seen
 * at 1280 px says nothing about 390 px). Read before the first paint, for the skeleton, as media rules, not by reading the viewport's width in script, which
 * would force a layout of the half-built page; the rules also stay right when the window is resized.
 */

export const HEIGHTS = 'linli.heights.v1';
const STEP = 160;
const prefix = (server: string, consultation: string) => `${server.replace(/\/+$/, '')} ${consultation} `;

export const heightKey = (server: string, consultation: string, width: number) =>
  `${prefix(server, consultation)}${Math.round(width / STEP)}`;

function seen(): Record<string, number> {
  try {
    return JSON.parse(localStorage.getItem(HEIGHTS) ?? '{}') as Record<string, number>;
  } catch {
    return {}; // storage blocked or unreadable: nothing remembered
  }
}

/** The heights seen for the matter, as CSS: `selector` takes each at the widths it was seen at (at least `fallback`). */
export function rememberedHeightRules(server: string, consultation: string, selector: string, fallback: string) {
  const start = prefix(server, consultation);
  let rules = '';
  for (const [key, height] of Object.entries(seen())) {
    const step = Number(key.slice(start.length));
    if (!key.startsWith(start) || !Number.isInteger(step) || !Number.isFinite(height)) continue;
    const from = Math.max(0, step * STEP - STEP / 2);
    rules += `@media (min-width:${from}px) and (max-width:${from + STEP - 0.02}px){${selector}{min-height:max(${fallback},${Math.ceil(height)}px)}}`;
  }
  return rules;
}

/**
 * A shadow root's adopted sheet of remembered heights replaced by one of `rules()` (none when empty); returns the
 * sheet now adopted. A browser without constructable stylesheets keeps the fallback height alone.
 */
export function adoptHeightRules(root: ShadowRoot, previous: CSSStyleSheet | undefined, rules: () => string) {
  if (!root.adoptedStyleSheets || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return previous;
  const text = rules();
  const sheets = root.adoptedStyleSheets.filter((sheet) => sheet !== previous);
  const sheet = text ? new CSSStyleSheet() : undefined;
  sheet?.replaceSync(text);
  root.adoptedStyleSheets = sheet ? [...sheets, sheet] : sheets;
  return sheet;
}

/**
 * Calls `seen` once with the element's height after the browser's own layout of the frame (a ResizeObserver's first
 * report): reading it during an update would force an extra layout before the paint.
 */
export function heightOnceLaidOut(element: Element, seen: (height: number) => void): void {
  const watch = new ResizeObserver((entries) => {
    watch.disconnect();
    const h = entries[0]?.borderBoxSize?.[0]?.blockSize ?? 0;
    if (h > 0) seen(h);
  });
  watch.observe(element);
}
