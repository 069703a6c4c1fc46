/**
 * A table of handling steps whose rows give each step's body, date and paragraph number (`Kaupunkisuunnittelu- ja
 * ympäristölautakunta | 84 | 21.03.2017`), above the minutes of each step, headed by that number (`Ksylk § 84`): each
 * step's words are its minutes' decision, the last block under its heading (minutes close on what the body
 * decided), and the body is who acted. Page: fi-turku-satava-kakskerta-osayleiskaava (its `Käsittely` steps).
 */
import { tagOf } from './elements';
import type { HistoryRow } from './history-shapes';
import type { Scan } from './scan';
import { collapse } from './text';
import type { UpdateDraft } from './update-entry';
import { readText } from './visible-text';

// `Ksylk § 84`, `Kh § 195`, `§ 12`: the body's short name and the paragraph sign before the matter's number.
const PARAGRAPH_HEAD = /^(?:[\p{L}.-]{1,16}\s*)?§\s*(\d{1,5})$/u;
const MAX_HEAD = 30;
/** What ends a step's minutes besides the next step's heading: a rule, a heading, the page's list of papers. */
const SECTION_END = new Set(['HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The headings `§ N` after the table, by their number (the first of each). */
function paragraphHeads(scan: Scan, table: Element): Map<string, Element> {
  const heads = new Map<string, Element>();
  const from = scan.order.get(table) ?? 0;
  for (let i = 0; i < scan.all.length; i++) {
    const el = scan.all[i]!;
    if ((scan.order.get(el) ?? 0) <= from || table.contains(el) || !scan.leafy.has(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 2 * MAX_HEAD || !raw.includes('§')) continue;
    const m = PARAGRAPH_HEAD.exec(collapse(raw));
    if (m && !heads.has(m[1]!)) heads.set(m[1]!, el);
  }
  return heads;
}

/** The blocks after a heading, up to the next step's heading, a rule or a heading. */
function sectionBlocks(head: Element, heads: ReadonlySet<Element>): Element[] {
  const out: Element[] = [];
  for (let s = head.nextElementSibling; s && !heads.has(s) && !SECTION_END.has(tagOf(s)); s = s.nextElementSibling) {
    if (collapse(s.textContent ?? '')) out.push(s);
  }
  return out;
}

/**
 * The steps with their minutes' decisions, or undefined when the rows carry no numbers or fewer than all of them
 * head a section of the page (then the rows' own words are the steps).
 */
export function withSectionTexts(scan: Scan, table: Element, rows: HistoryRow[]): UpdateDraft[] | undefined {
  if (!rows.every((r) => r.number)) return undefined;
  const heads = paragraphHeads(scan, table);
  const mine = rows.map((r) => heads.get(r.number!));
  if (mine.some((h) => !h)) return undefined;
  const headSet = new Set(mine as Element[]);
  const sections = mine.map((head) => [head!, ...sectionBlocks(head!, headSet)]);
  const texts = sections.map((s) => (s.length > 1 ? readText(s[s.length - 1]!) : ''));
  if (texts.some((t) => !t)) return undefined;
  // The minutes are the steps' record, not the case's description.
  for (const el of sections.flat()) scan.used.add(el);
  return rows.map((r, i) => ({ at: r.at, text: texts[i]!, by: r.text, order: scan.order.get(r.tr) ?? 0, el: r.tr }));
}
