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
