/**
 * CJK-aware search terms. Chinese has no spaces, so a word segmenter alone misses queries that cut across its
 * words ("道漏" in "楼道漏水"); every pair of adjacent CJK characters (bigram) is indexed as well, and a query of
 * two or more CJK characters is answered by its bigrams. Latin words and numbers (case numbers, street names) come
 * from Intl.Segmenter and match by prefix.
 *
 * The terms are kept in posting lists (postings.ts); the library orders the matches from its columns.
 */
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+/g;
/** Descriptions can be long; the first part carries what staff search for, and keeps the index small. */
const DESCRIPTION_INDEXED = 300;
const MAX_WORD = 40;
/**
 * Non-ASCII punctuation, symbols and spaces ("。", "、", "【", full-width space): separators, like the CJK runs. Cut
 * out before the ASCII test, or one "。" in a Chinese description sends every issue through ICU's segmenter — that
 * was three quarters of the time spent computing terms when a library of 100,000 issues was restored.
 */
const NON_ASCII_SEPARATOR = /(?![\x00-\x7f])[\p{P}\p{S}\p{Z}]/gu;

let segmenter: Intl.Segmenter | undefined;
/**
 * The non-CJK words of a text. CJK runs are cut out first (their bigrams cover them), so the segmenter sees only
 * the rest (without its punctuation); plain ASCII rest — case numbers, street numbers, English — splits the same way with a regex, which is
 * many times cheaper than ICU when a whole library is imported.
 */
function words(text: string): string[] {
  const rest = text.replace(CJK_RUN, ' ').replace(NON_ASCII_SEPARATOR, ' ');
  if (!/[^\x00-\x7f]/.test(rest)) {
    // A case number is found whole ("gd-2026-0042") and by its parts ("0042").
    const out: string[] = [];
    for (const w of rest.match(/[a-z0-9]+(?:[._-][a-z0-9]+)*/gi) ?? []) {
      if (w.length <= MAX_WORD) out.push(w);
      if (/[._-]/.test(w)) out.push(...w.split(/[._-]/));
    }
    return out;
  }
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(rest)) {
    if (s.isWordLike && s.segment.length <= MAX_WORD) out.push(s.segment);
  }
  return out;
}

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The distinct search terms of a text: Latin/number words, CJK bigrams (a lone CJK character stands as itself). */
export function termsOf(text: string): Set<string> {
  const t = normalise(text);
  const out = new Set<string>(words(t));
  for (const run of t.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i += 1) out.add(run.slice(i, i + 2));
  }
  return out;
}

export interface Searchable {
  title: string;
  description?: string;
  location?: { address?: string };
}

export function searchText(issue: Searchable): string {
  return [issue.title, issue.location?.address ?? '', (issue.description ?? '').slice(0, DESCRIPTION_INDEXED)].join(
    '\n',
  );
}

export interface QueryPlan {
  /** Terms every hit must hold exactly (CJK bigrams, lone CJK characters). */
  exact: string[];
  /** Words every hit must hold a term starting with (Latin words, numbers). */
  prefixes: string[];
}

export function planQuery(query: string): QueryPlan {
  const t = normalise(query).trim();
  const exact = new Set<string>();
  for (const run of t.match(CJK_RUN) ?? []) {
    if (run.length === 1) exact.add(run);
    for (let i = 0; i + 1 < run.length; i += 1) exact.add(run.slice(i, i + 2));
  }
  return { exact: [...exact], prefixes: [...new Set(words(t))] };
}

/**
 * Whether an issue's terms satisfy the whole plan: each CJK bigram held, each lone CJK character and each word
 * starting one of the terms. The library answers the same question from posting lists (library.ts).
 */
export function matchesPlan(terms: ReadonlySet<string>, plan: QueryPlan): boolean {
  for (const e of plan.exact) {
    if (terms.has(e)) continue;
    if (e.length === 1 && [...terms].some((t) => t.startsWith(e))) continue;
    return false;
  }
  for (const p of plan.prefixes) if (![...terms].some((t) => t.startsWith(p))) return false;
  return true;
}

/** Dice similarity of two texts' bigram sets, 0–1: the score shown for a "similar" duplicate. */
export function similarity(a: string, b: string): number {
  const x = termsOf(a);
  const y = termsOf(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common += 1;
  return (2 * common) / (x.size + y.size);
}
