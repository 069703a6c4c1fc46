/**
 * A detail page's status when no label gives it: a badge or a status box, told by its class, id or role, and a
 * badge's word on a line of its own above the text, which is no part of the description.
 */
import type { Draft } from './draft';
import { tagOf } from './elements';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse } from './text';

// `<div id="sort">Adopté</div>`: French `sort` is an amendment's fate, as `outcome` and `decision` are in English.
// Page: fr-assemblee-nationale-amendement-cl4-996.
const BADGE_CLASS =
  /status|state|zt|badge|tag|label|flag|stat|banner|pill|chip|(?:^|\s)sort(?:\s|$)|outcome|decision|verdict/i;

/** `Acknowledged` on a line of its own above the text is the case's badge, not words of its description. */
export function withoutBadgeLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && nl <= 30 && mapStatus(text.slice(0, nl), true) ? text.slice(nl + 1) : text;
}

/** An unlabelled status on a detail page: a badge (`<span class="status">已办结</span>`) or a status banner. */
export function statusBadge(scan: Scan, skip: (el: Element) => boolean): Draft['status'] {
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el) || skip(el)) continue;
    let hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    // `<div id="request_status"><p>The request was <strong>successful</strong>.</p></div>`: the badge's words sit
    // in the one paragraph of a status box.
    const box = el.parentElement;
    if (!BADGE_CLASS.test(hint) && box && box.childElementCount === 1 && tagOf(el) === 'P')
      hint = `${box.getAttribute('class') ?? ''} ${box.getAttribute('id') ?? ''}`;
    const role = el.getAttribute('role');
    if (!BADGE_CLASS.test(hint) && role !== 'status') continue;
    const raw = el.textContent ?? '';
    if (raw.length > 200) continue;
    const t = collapse(raw);
    // A badge of a few words is one status word (`Non soutenu`); a status box may say more around it.
    const statusBox = role === 'status' || /banner|status/i.test(hint);
    const s =
      t.length <= 10 || (!statusBox && t.length <= 24) ? mapStatus(t, true) : statusBox ? mapStatus(t) : undefined;
    if (s) return s;
  }
  return undefined;
}

/**
 * Sentences by which a body says it has closed the case, one to a line of its own (`Umboðsmaður lauk málinu með bréfi
 * 17. desember 2025.`: the ombudsman closed the case by letter). Page: is-umbodsmadur-althingis-f143-2023-hpv-case;
 * the English, German and Scandinavian phrasings are the same sentence in the languages of the corpus's other sites.
 */
const CLOSING_SENTENCES: readonly RegExp[] = [
  /\blauk (?:málinu|athugun)/i,
  /\b(?:concluded|closed) (?:the|this|its|his|her|our) (?:case|matter|investigation|inquiry|complaint)\b/i,
  /\b(?:the|this) (?:case|matter|complaint|investigation|inquiry) (?:is|was|has been) (?:now )?(?:closed|concluded)\b/i,
  /\b(?:Verfahren|Vorgang|Beschwerdeverfahren) (?:ist|wurde) (?:damit |hiermit )?(?:abgeschlossen|eingestellt)\b/,
  /\bsagen (?:er|blev|ble|var) (?:hermed )?(?:afsluttet|avsluttet)\b/i,
];
const CLOSING_TAGS = new Set(['P', 'DIV', 'LI', 'TD']);

/** A short paragraph of its own saying the case was closed: the status no label or badge gives. */
export function closingSentence(scan: Scan, skip: (el: Element) => boolean): Draft['status'] {
  for (let i = 0; i < scan.all.length; i++) {
    if (!CLOSING_TAGS.has(scan.tags[i]!)) continue;
    const el = scan.all[i]!;
    if (!scan.leafy.has(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 200 || raw.length < 15) continue;
    const t = collapse(raw);
    if (CLOSING_SENTENCES.some((re) => re.test(t)) && !scan.excluded(el) && !skip(el)) return 'closed';
  }
  return undefined;
}
