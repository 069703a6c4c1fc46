/**
 * Fields a page writes as a phrase instead of a `Label:` (`Assigned to Public Works`, `Submitted by Ann Hart on 13
 * March 2020`, `Referred to the Planning Committee`): a short line that opens with one of these phrases names the
 * field in the rest of the line. Issue-tracker and request-portal wording, not one page's.
 */
import { escapeRe, PARTIES_LINES } from './card-draft';
import { parseDate } from './dates';
import type { Draft } from './draft';
import { tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

/** Phrase → field. The value runs to the end of the line, or up to ` on <date>` / ` at <time>` after it. */
export const PHRASE_LABELS: ReadonlyArray<readonly [RegExp, 'department' | 'reporterName']> = [
  [/^(?:assigned|referred|forwarded|escalated|sent|routed|transferred)\s+to\s+(?:the\s+)?/i, 'department'],
  [/^(?:handled|managed|owned)\s+by\s+(?:the\s+)?/i, 'department'],
  [/^(?:submitted|reported|filed|lodged|raised|requested|opened|created|logged)\s+by\s+/i, 'reporterName'],
];

const TAIL = /\s+(?:on|at)\s+(.{4,60})$/i;

/** Phrase lines in leaf elements of the page, first one of each field; `lines` gets the elements read. */
export function phraseFields(scan: Scan, ctx: DateContext, lines: Set<Element>): Partial<Draft> {
  const out: Partial<Draft> = {};
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el)) continue;
    const raw = el.textContent ?? '';
    // Cheap test first: every phrase has ` to ` or ` by `.
    if (raw.length > 160 || !/\s(?:to|by)\s/i.test(raw)) continue;
    const line = collapse(raw);
    for (const [re, field] of PHRASE_LABELS) {
      const m = re.exec(line);
      if (!m || out[field]) continue;
      let value = line.slice(m[0].length);
      const tail = TAIL.exec(value);
      if (tail && parseDate(tail[1]!, ctx)) {
        if (field === 'reporterName') out.reportedAt ??= parseDate(tail[1]!, ctx);
        value = value.slice(0, tail.index);
      }
      // A sentence's full stop, not an initial's (`Jane D.`).
      value = value.replace(/(\p{L}{3,})[.。]$/u, '$1').trim();
      // A name, not a sentence: `Assigned to Public Works` yes, `Sent to you because you asked …` no.
      if (value && value.length <= 80 && !/[,;:]\s|\b(?:you|your|because|if|when)\b/i.test(value)) {
        out[field] = value;
        lines.add(el);
      }
    }
  }
  return out;
}

/**
 * `Request to <a>Springfield Council</a> by <a>Ann Hart</a>.` under a request's heading (Alaveteli FOI sites, as
 * their request lists write it: `PARTIES_LINES`): the authority handles the case, the requester made it.
 */
export function partiesFields(scan: Scan, lines: Set<Element>): Partial<Draft> {
  for (const el of scan.all) {
    // Children first (cheap): two links or more, few elements, before any text is read.
    const n = el.childElementCount;
    if (n < 2 || n > 8 || scan.excluded(el)) continue;
    const links = Array.from(el.children).filter((c) => tagOf(c) === 'A');
    if (links.length < 2) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 300) continue;
    const [authority, requester] = links.slice(0, 2).map((l) => collapse(l.textContent ?? ''));
    if (!authority || !requester) continue;
    const text = collapse(raw);
    if (PARTIES_LINES.some((line) => line(escapeRe(authority), escapeRe(requester)).test(text))) {
      lines.add(el);
      return { department: authority, reporterName: requester };
    }
  }
  return {};
}
