/**
 * One label–value pair as the page shows it, and how a value is read off its element (a form field's value, a
 * cell's lines, an image's alt text). Every markup form of pairs (pair-tables.ts, pair-labels.ts) makes its pairs
 * here, so that labels and values are cleaned one way.
 */

import { tagOf } from './elements';
import { type FieldKey, matchLabel, normalizeLabel } from './labels';
import { collapse } from './text';
import { controlValue, readText } from './visible-text';

export type PairSource = 'cell' | 'dl' | 'line' | 'sibling' | 'form' | 'column';

export interface Pair {
  label: string;
  key: string;
  field: FieldKey | null;
  rank: number;
  value: string;
  /** The element holding the value (a cell, a dd, a form field, or the line's element). */
  valueEl: Element;
  /** Where the pair sits (label element or the row), for containment and document order. */
  el: Element;
  source: PairSource;
}

export const CONTROL_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The value an element shows: a form field's value, or its text. */
export function valueText(el: Element): string {
  if (CONTROL_TAGS.has(tagOf(el))) return collapse(controlValue(el));
  const controls = el.querySelectorAll('input, textarea, select');
  if (controls.length === 1) {
    const own = readText(el, (c) => CONTROL_TAGS.has(tagOf(c)));
    if (!own) return tidyValue(controlValue(controls[0]!));
  }
  const text = tidyValue(readText(el));
  if (text) return text;
  // `<td><img src="ybj.png" alt="已办结"></td>`: a status shown as a picture is read by its alt text.
  const img = el.querySelector('img[alt]');
  return img ? collapse(img.getAttribute('alt') ?? '') : '';
}

export function tidyValue(text: string): string {
  return text
    .split('\n')
    .map((l) => collapse(l))
    .filter(Boolean)
    .join('\n')
    .replace(/^[:：]\s*/, '');
}

// `SUMMARY: ***NONE***`: a placeholder where the page has no value. Page: us-thomas-hr718-bill-status.
const NO_VALUE = /^[*\s]*none[*\s]*$/i;

// `来源：中国政府采购网 【打印】 【显示公告概要】`: bracketed words closing a line are the page's buttons (print, show the
// summary), never part of the value. Page: cn-ccgp-shenzhen-longhua-school-aircon-award.
const TRAILING_CONTROLS = /(?:\s+【[^\d【】]{1,10}】)+$/u;

export function makePair(label: string, value: string, valueEl: Element, el: Element, source: PairSource): Pair | null {
  const v = value.trim().replace(TRAILING_CONTROLS, '');
  if (!v || NO_VALUE.test(v)) return null;
  const m = matchLabel(label);
  return {
    label: collapse(label)
      .replace(/[:：]\s*$/, '')
      .replace(/^[*＊※★]\s*/, ''),
    key: normalizeLabel(label),
    field: m?.field ?? null,
    rank: m?.rank ?? 9,
    value: v,
    valueEl,
    el,
    source,
  };
}
