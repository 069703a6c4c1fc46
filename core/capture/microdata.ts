/**
 * schema.org microdata (`<article itemscope itemtype="https://schema.org/Question">` with `itemprop="name"`, `text`,
 * `datePublished`, `acceptedAnswer`): the same statements JSON-LD makes, written on the page's own elements, read into
 * JSON-LD's shape so that meta.ts reads both alike. Pages: de-abgeordnetenwatch-berlin-schubert-question-answer,
 * de-abgeordnetenwatch-berlin-giffey-question-unanswered (a citizen's question to an MP, her answer).
 */
import { tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';

type Json = Record<string, unknown>;

// Only things a case can be: a page's breadcrumbs, its site and its people are read elsewhere or not at all.
const CASE_TYPES = /\/(?:Question|Report|Complaint|Event|[A-Za-z]*Event)$/;

function propValue(el: Element): string {
  const attr =
    el.getAttribute('content') ??
    el.getAttribute('datetime') ??
    (tagOf(el) === 'A' || tagOf(el) === 'LINK' ? el.getAttribute('href') : null);
  return collapse(attr ?? el.textContent ?? '');
}

/** The item an `itemscope` element makes: its type and its properties, nested items read the same way. */
function itemOf(el: Element): Json {
  const out: Json = {};
  const type = el.getAttribute('itemtype');
  if (type) out['@type'] = type.split('/').at(-1);
  const walk = (parent: Element) => {
    for (const child of Array.from(parent.children)) {
      const prop = child.getAttribute('itemprop');
      const scoped = child.hasAttribute('itemscope');
      if (prop) {
        const value = scoped ? itemOf(child) : propValue(child);
        for (const name of prop.split(/\s+/)) {
          const had = out[name];
          out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
        }
      }
      if (!scoped) walk(child);
    }
  };
  walk(el);
  return out;
}

// Who asked and whom, where the item leaves them out: `<strong>Frage</strong> von Ralph K. • 24.04.2025` in the
// question's header, `… | Frage an Franziska Giffey (SPD)` in the page's <title>. A table of the phrasings seen (the
// abgeordnetenwatch pages above) and their English ones.
const ASKED_BY = /^(?:Frage|Anfrage|Question)\s+(?:von|from|by)\s+([^•|·\d]{2,40}?)\s*(?:[•|·]|$)/;
const ASKED_OF = /(?:^|[|–—-]\s*)(?:Frage|Anfrage|Question)\s+(?:an|to|for)\s+([^|()]{3,60}?)\s*(?:\(|$|\|)/;

/** A question item's asker, from a short line inside it that says who asked. */
function askerIn(scan: Scan, at: number): string | undefined {
  const depth = scan.depths[at]!;
  for (let i = at + 1; i < scan.all.length && scan.depths[i]! > depth; i++) {
    const raw = scan.all[i]!.textContent ?? '';
    if (raw.length > 120) continue;
    const m = ASKED_BY.exec(collapse(raw));
    if (m) return m[1];
  }
  return undefined;
}

/** The page's outermost microdata items of the kinds a case can be, as JSON-LD nodes. */
export function microdataNodes(scan: Scan): Json[] {
  const out: Json[] = [];
  // Most pages have no microdata, and asking every element for its itemtype was a tenth of a 9,952-row list's time in
  // Chromium (a DOM call per element): the scan's walk noted whether any of its elements is an item.
  if (!scan.itemscope) return out;
  for (let i = 0; i < scan.all.length; i++) {
    const el = scan.all[i]!;
    const type = el.getAttribute('itemtype');
    if (!type || !CASE_TYPES.test(type) || el.hasAttribute('itemprop') || !el.hasAttribute('itemscope')) continue;
    const item = itemOf(el);
    if (/\/Question$/.test(type)) {
      item.author ??= askerIn(scan, i);
      // Whom it was put to answers it: the first answer's author, else the one the page's title names.
      const answer = [item.acceptedAnswer, item.suggestedAnswer].flat().find((a) => a && typeof a === 'object') as
        | Json
        | undefined;
      item.recipient ??= answer?.author ?? ASKED_OF.exec(collapse(scan.doc.title ?? ''))?.[1];
    }
    out.push(item);
  }
  return out;
}
