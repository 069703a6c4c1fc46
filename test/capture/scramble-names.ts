/**
 * A "name-blind" copy of a page: every class and id token renamed to a meaningless token (`zqkx`), one per distinct
 * token on the page so that repetition survives (ten rows of one class keep one class), different tokens on different
 * pages (the seed), and the hints that name things left out (`role`, `data-*` that hold no address). Tags, nesting,
 * text and addresses stay. What the engine reads of such a page it reads by structure: this is what a site built by
 * people who named nothing as the tuned sites did looks like to it (`--scramble` of records-ablation.ts and
 * detail-ablation.ts). What a browser shows stays shown: an element hidden by a framework's class (`hide`,
 * `visible-xs`) is marked `hidden` before its class goes, since a reader does not see it on any site.
 */
import { isHidden, tagOf } from '@linli/core/capture/elements';

/** Letters of the tokens: no word, abbreviation or number any class rule of the engine looks for is spelt with them. */
const ALPHABET = 'jkqvwxz';
const PREFIX = 'zq';
/** Attributes whose value is a list of ids (`<label for>`, `<td headers>`). */
const ID_REFS = ['for', 'headers', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'list', 'form'];
/** A `data-*` value the engine may read as content: an address (a lazy image's `data-src`). */
const ADDRESS = /^(?:https?:|\/|\.{1,2}\/)|\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|html?)(?:[?#]|$)/i;
/** A selector or a quoted name in a script or a stylesheet: `.replyList`, `#main`, `'replyList'`. */
const SCRIPT_NAME = /([.#'"])([A-Za-z_][\w-]*)/g;

export interface ScrambleResult {
  /** Distinct class and id tokens renamed. */
  tokens: number;
  /** Attributes left out (`role`, `data-*`). */
  dropped: number;
}

function encode(i: number): string {
  let out = '';
  let n = i;
  do {
    out += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  } while (n > 0);
  return out;
}

/** A page's own offset into the token sequence, so that two pages do not share their renamings. */
function offsetOf(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % 100_000;
}

export function scrambleNames(doc: Document, seed: string): ScrambleResult {
  const offset = offsetOf(seed);
  const tokens = new Map<string, string>();
  const result: ScrambleResult = { tokens: 0, dropped: 0 };
  const rename = (token: string): string => {
    let out = tokens.get(token);
    if (!out) {
      out = `${PREFIX}${encode(offset + tokens.size)}`;
      tokens.set(token, out);
    }
    return out;
  };
  const renameList = (value: string) => value.split(/\s+/).filter(Boolean).map(rename).join(' ');
  const all = Array.from(doc.querySelectorAll('*'));
  // Visibility first: a framework class hides an element whatever the rest of the page is named.
  for (const el of all) if (isHidden(el) && !el.hasAttribute('hidden')) el.setAttribute('hidden', '');
  for (const el of all) {
    for (const attr of ['class', 'id']) {
      const v = el.getAttribute(attr);
      if (v !== null) el.setAttribute(attr, renameList(v));
    }
    // A form's or a control's name names things as a class does; a <meta name> is the document's own vocabulary.
    const name = el.getAttribute('name');
    if (name !== null && tagOf(el) !== 'META') el.setAttribute('name', renameList(name));
    for (const attr of ID_REFS) {
      const v = el.getAttribute(attr);
      if (v !== null) el.setAttribute(attr, renameList(v));
    }
    for (const attr of ['href', 'usemap']) {
      const v = el.getAttribute(attr);
      if (v && /^#[^#\s]+$/.test(v)) el.setAttribute(attr, `#${rename(v.slice(1))}`);
    }
    for (const attr of el.getAttributeNames()) {
      if (attr === 'role' || (attr.startsWith('data-') && !ADDRESS.test(el.getAttribute(attr) ?? ''))) {
        el.removeAttribute(attr);
        result.dropped++;
      }
    }
  }
  // Scripts and stylesheets that name an element by its class or id name it by its new token (a script that loads a
  // list's rows into `#replyList`); JSON data is content, left as it is.
  for (const el of all) {
    const tag = tagOf(el);
    if (tag !== 'SCRIPT' && tag !== 'STYLE') continue;
    if (/json/i.test(el.getAttribute('type') ?? '')) continue;
    const text = el.textContent ?? '';
    const out = text.replace(SCRIPT_NAME, (whole, mark: string, word: string) => {
      const t = tokens.get(word);
      return t ? `${mark}${t}` : whole;
    });
    if (out !== text) el.textContent = out;
  }
  result.tokens = tokens.size;
  return result;
}
