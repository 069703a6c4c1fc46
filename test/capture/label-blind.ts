/**
 * A "label-blind" copy of a page: every text that acts as a label — a word or phrase any of the engine's label tables
 * knows (labels.ts `matchLabel`), a short text ending in `:`/`：`, the text of a `<th>`, `<dt>` or `<label>`, or the
 * `label：` opening a line — is replaced by a neutral token no table knows (`Xqkx：`, `甲乙丙：`), one token per
 * distinct label so that a page stays consistent with itself. Values are left as they are. This is what a site whose
 * labels the engine has never seen looks like to it: detail-ablation.ts reads every case page so.
 */

import { tagOf } from '@linli/core/capture/elements';
import { matchLabel, normalizeLabel } from '@linli/core/capture/labels';
import { collapse, hasCjk } from '@linli/core/capture/text';

/** The letters tokens are made of: no label ending (`no`, `id`, `by`, `on`, `at`, `ref`) can be spelt with them. */
const LATIN = 'kwzvj';
const CJK = '甲乙丙丁戊己庚辛壬癸';
const LATIN_PAD = 'x';
const CJK_PAD = '癸';

/** Longest text read as a label: the dictionary's longest phrases and a colon. */
const MAX_LABEL = 40;
/** A label elsewhere in a line: `来信时间：2020-01-01`, `Date received: 3 May`. */
const LINE_HEAD = /^(\s*)([^:：\n]{1,28}?)(\s*[:：])/;
const COLON_END = /[:：]\s*$/;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
const LABEL_TAGS = new Set(['TH', 'DT', 'LABEL']);
const ATTRS = ['placeholder', 'aria-label', 'title', 'alt'];

export interface BlindResult {
  /** Distinct labels replaced (their normalised form). */
  labels: Set<string>;
  /** Texts replaced, counting each occurrence. */
  replaced: number;
}

function encode(i: number, alphabet: string): string {
  let out = '';
  let n = i;
  do {
    out += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length);
  } while (n > 0);
  return out;
}

/** A short text that reads as a label by its shape: ends in a colon, no sentence inside it. */
function colonLabel(t: string): boolean {
  if (!COLON_END.test(t) || t.length > 24) return false;
  return !/[。，,!?！？]/.test(t.replace(COLON_END, ''));
}

/**
 * A label known only by its ending (`Assigned Team`, `处置部门`) when its element stands beside another (a first cell, a
 * `<span>` before its value): a value that happens to end so (`Planning Department` in a cell of its own) stays.
 */
function besideValue(el: Element, t: string): boolean {
  return matchLabel(t) !== null && el.nextElementSibling !== null && collapse(el.textContent ?? '') === t;
}

export function blindLabels(doc: Document): BlindResult {
  const tokens = new Map<string, string>();
  const result: BlindResult = { labels: new Set(), replaced: 0 };
  const tokenFor = (label: string): string => {
    const key = normalizeLabel(label);
    let token = tokens.get(key);
    if (!token) {
      const cjk = hasCjk(label);
      const length = cjk ? Math.min(Math.max(key.length, 2), 8) : Math.min(Math.max(key.length, 4), 14);
      const code = cjk ? encode(tokens.size, CJK) : `Xq${encode(tokens.size, LATIN)}`;
      token = code.padEnd(length, cjk ? CJK_PAD : LATIN_PAD);
      tokens.set(key, token);
    }
    result.labels.add(key);
    result.replaced += 1;
    return token;
  };
  /** The text with its label replaced, keeping the spaces and the colon around it. */
  const swap = (raw: string, label: string): string => {
    const at = raw.indexOf(label);
    return `${raw.slice(0, at)}${tokenFor(label)}${raw.slice(at + label.length)}`;
  };
  const visit = (el: Element) => {
    if (SKIP.has(tagOf(el))) return;
    for (const name of ATTRS) {
      const v = el.getAttribute(name);
      if (v && v.length <= MAX_LABEL && matchLabel(v, true)) el.setAttribute(name, tokenFor(collapse(v)));
    }
    const labelHost = LABEL_TAGS.has(tagOf(el));
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        visit(n as Element);
        continue;
      }
      if (n.nodeType !== 3) continue;
      const raw = n.textContent ?? '';
      const t = collapse(raw);
      if (!t) continue;
      const bare = t.replace(COLON_END, '').replace(/^[*＊※★]\s*/, '');
      if (
        bare &&
        t.length <= MAX_LABEL &&
        (matchLabel(t, true) || colonLabel(t) || (labelHost && !/\d/.test(t)) || besideValue(el, t))
      ) {
        // The whole text is the label (with its colon and marks kept).
        n.textContent = swap(raw.replace(/\s+/g, ' '), bare);
        continue;
      }
      // Lines opening with a known label: `来信时间：2020-01-01`.
      const lines = raw.split('\n');
      let changed = false;
      const out = lines.map((line) => {
        const m = LINE_HEAD.exec(line);
        const label = m ? collapse(m[2]!) : '';
        if (!m || !label || !matchLabel(label)) return line;
        changed = true;
        return `${m[1]}${tokenFor(label)}${m[3]}${line.slice(m[0].length)}`;
      });
      if (changed) n.textContent = out.join('\n');
    }
  };
  if (doc.body) visit(doc.body);
  return result;
}
