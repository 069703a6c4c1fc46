/**
 * Records a structure finder found that are the sections of one page, not a list of cases: a few boxes under parents
 * named by words, blocks each named by a class of its own, papers each under a line of a dated step of one case.
 * Asked once per page, of the records found (records.ts).
 */
import { leadingDate } from './record-dates';
import type { Candidate } from './record-groups';
import { collapse } from './text';
import type { DateContext } from './zones';

// Most boxes of a page layout read as records (fr-senat-dosleg-pjl07-488-infractions-routieres: three).
const MAX_BOXES = 4;

/** The parent of the page's element a record is (or opens with). */
const parentOf = (m: Candidate) => (m.items[0] ?? m.el).parentElement;

/**
 * A few records (up to MAX_BOXES) under parents that are each named by an id of words (`box-timeline`,
 * `box-themes`), two or more of them, are the boxes of a page's layout, not rows of a list (a list's rows share a
 * parent, or are many, or their parents are numbered). Page: fr-senat-dosleg-pjl07-488-infractions-routieres.
 */
function namedBoxes(members: Candidate[]): boolean {
  if (members.length > MAX_BOXES) return false;
  const ids = new Set<string>();
  for (const member of members) {
    const id = parentOf(member)?.getAttribute('id') ?? '';
    if (!id || /\d/.test(id)) return false;
    ids.add(id);
  }
  return ids.size >= 2;
}

/**
 * Records most of which carry a class of their own, no word of it shared with another record (`irom-adat`,
 * `irom-esemenyek`, `szavazasok`): the named sections of one page's layout (the case's data, its events, its votes),
 * not a list's rows, which share a class word (`views-row views-row-3 odd`) or have none. Page:
 * hu-parlament-iromany-t6322-koltsegvetes (nine blocks read as nine cases).
 */
function ownClasses(members: Candidate[]): boolean {
  const tokens = members.map((m) => (m.el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
  const counts = new Map<string, number>();
  for (const list of tokens) for (const t of new Set(list)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const own = tokens.filter((list) => list.length > 0 && list.every((t) => counts.get(t) === 1 && !/\d/.test(t)));
  return own.length >= 3 && own.length * 3 >= members.length * 2;
}

/** A step's line: its date, then its name in a few words (`2022-09-16 | Votação na generalidade`). */
const MAX_STEP_LINE = 100;
const MAX_STEP_WORDS = 8;
/** Siblings looked back over for a record's step line (a note may stand between: `Obs: …`). */
const STEP_LOOKBACK = 2;

/**
 * The name of the step a record sits under: the line of a date and a few words just before it, or before the box it
 * opens, if any; `records` are the elements of every record.
 */
function stepAbove(el: Element, records: ReadonlySet<Element>, ctx: DateContext): string | undefined {
  let at: Element | null = el;
  for (let up = 0; at && up < 3; up++, at = at.parentElement) {
    let prev = at.previousElementSibling;
    for (let k = 0; prev && k < STEP_LOOKBACK; k++, prev = prev.previousElementSibling) {
      // The record before it (a list's dated row) is no line above it.
      if (records.has(prev)) return undefined;
      const raw = prev.textContent ?? '';
      const line = raw.length <= 4 * MAX_STEP_LINE ? collapse(raw) : '';
      const lead = line.length <= MAX_STEP_LINE ? leadingDate(line, ctx) : undefined;
      if (!lead) continue;
      const name = line.slice(lead.text.length).replace(/^[\s|:–—-]+/, '');
      return /\p{L}/u.test(name) && name.split(' ').length <= MAX_STEP_WORDS ? name : undefined;
    }
    // Only the first children of a box are under the line above the box.
    if (prev) return undefined;
  }
  return undefined;
}

/** Share of the records that must sit under a step line, and of those lines that must name different steps. */
const UNDER_STEPS = 2 / 3;
const DISTINCT_STEPS = 0.8;

/**
 * Records that each sit under a line of a date and a step's name, another step each time (`2022-09-06 | Publicação`,
 * `2022-09-16 | Votação na generalidade` over each step's gazette reference and votes): the papers of one case's
 * steps, not a list of cases. A schedule's meetings repeat their name (`Regular Meeting`). Page:
 * pt-parlamento-proposta-de-lei-33-xv-1 (read as eleven cases).
 */
function underSteps(records: Element[][], ctx: DateContext): boolean {
  if (records.length < 3) return false;
  const names: string[] = [];
  const set = new Set(records.flat());
  for (const [el] of records) {
    const name = el ? stepAbove(el, set, ctx) : undefined;
    if (name) names.push(name.toLowerCase());
  }
  return names.length >= records.length * UNDER_STEPS && new Set(names).size >= names.length * DISTINCT_STEPS;
}

/** Whether the records found are a page's sections rather than a list's records. */
export function pageSections(members: Candidate[], ctx: DateContext): boolean {
  return (
    namedBoxes(members) ||
    ownClasses(members) ||
    underSteps(
      members.map((m) => (m.items.length ? m.items : [m.el])),
      ctx,
    )
  );
}
