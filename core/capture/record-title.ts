/**
 * What names a list's record: text that reads as a title (words, not a date, a number, an action link or a label),
 * and a title that strings the record's number and date with it, read apart.
 */
import { dateAlone } from './dates';
import { identifierOf } from './identifiers';
import { DATING_VERB } from './record-dates';
import { hasCjk } from './text';
import type { DateContext } from './zones';

// Links that open the record rather than name it: `Details`, `查看`, `more`, `[PDF]`.
const ACTION_TEXT =
  /^[[(【]?(查看|详情|详细|详细信息|办理|更多|查看详情|进入|阅读全文|返回.{0,8}|打印.{0,4}|more|read more|view|details?|open|download|pdf|doc|zip|back to\b.*|add to (?:my )?calendar|print(?: this page)?|share|›|»|>>|…)[\])】]?$/i;

/** Words of a title: words of two letters or more (or an initial, `J.`), four CJK characters counting one. */
export function titleWords(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]{2}|[A-Za-z]\./.test(w)).length;
  return words + cjk / 4;
}

/** Title-like: two words or more, or four CJK characters; not a date, a bare number or an action. */
export function titleLike(text: string, ctx: DateContext): boolean {
  if (text.length < 4 || text.length > 600 || ACTION_TEXT.test(text)) return false;
  // `Date filed:`, `SUMMARY AS OF:`: a label heads a field, it names no record.
  if (/[:：]$/.test(text)) return false;
  if (identifierOf(text, ctx)) return false;
  if (text.length <= 40 && dateAlone(text, ctx)) return false;
  return titleWords(text) >= 2 || (hasCjk(text) && titleWords(text) >= 1);
}

/**
 * A line that strings a record's facts with commas (`2014 OK AG 1, 01/13/2014, Question Submitted by: …`,
 * `Hideout v. Summit County, Case No. 20220573, Filed June 13, 2024, 2024 UT 16`): each part read by its kind, an
 * identifier, a date (after a dating verb or not) or words; the title is the longest run of parts of words. Only
 * when a part is an identifier or a date: a title with commas in it is otherwise left whole.
 */
export function lineParts(
  text: string,
  ctx: DateContext,
): { title: string; caseNumber?: string; reportedAt?: string } | undefined {
  if (text.length > 300 || !/[,;，；]/.test(text)) return undefined;
  const parts: string[] = [];
  for (const p of text.split(/\s*[,;，；]\s*/)) {
    const prev = parts[parts.length - 1];
    // `June 13, 2024`: the year after a comma closes the date before it.
    if (prev && /^(?:19|20)\d{2}$/.test(p) && dateAlone(`${prev.replace(DATING_VERB, '')}, ${p}`, ctx))
      parts[parts.length - 1] = `${prev}, ${p}`;
    else if (p) parts.push(p);
  }
  let caseNumber: string | undefined;
  let reportedAt: string | undefined;
  let run: string[] = [];
  let best: string[] = [];
  for (const p of [...parts, '']) {
    const id = p ? identifierOf(p, ctx) : undefined;
    const bare = p.replace(DATING_VERB, '');
    const at = p && !id ? dateAlone(bare, ctx) : undefined;
    if (p && !id && !at) {
      run.push(p);
      continue;
    }
    caseNumber ??= id;
    reportedAt ??= at;
    if (run.join(', ').length > best.join(', ').length) best = run;
    run = [];
  }
  const title = best.join(', ');
  if ((!caseNumber && !reportedAt) || title === text || !titleLike(title, ctx)) return undefined;
  return { title, caseNumber, reportedAt };
}

// The last piece of a title after a space or in brackets (`… 回应了 2025-11-29`, `… [2024-05-07]`, `… (12/03/2021)`).
const TRAILING_PIECE = /(?:\s+|\s*(?=[[【(（]))([[【(（]?[^\s[【(（]{6,24}[\]】)）]?)$/;

/**
 * A heading that also holds the row's date (`<h4><a>title</a> <span class="date">2025-11-29</span></h4>`, the way
 * TRS and Hanweb lists put it): the trailing date is the row's date, never part of its title.
 * Page: cn-govcn-hudong-reply-list.
 */
export function withoutTrailingDate(title: string, ctx: DateContext): string {
  const m = TRAILING_PIECE.exec(title);
  if (!m?.[1] || !dateAlone(m[1].replace(/[[\]【】]/g, ''), ctx)) return title;
  const rest = title.slice(0, m.index).trim();
  return titleLike(rest, ctx) ? rest : title;
}
