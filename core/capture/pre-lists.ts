/**
 * Lists written as plain text inside `<pre>`: one record per line (`2024-08-30  23-3211  Doe v. Roe`) or one block
 * of lines per record, blocks parted by blank lines (`<a>233211U.pdf</a>   08/30/2024  United States  v.  Dobson`
 * over `Case No:  23-3211` and the lower court). Old CGI portals print their results so; the elements give no rows,
 * the lines do. Page: us-ca8-opinions-by-month-2024-08 (126 opinions in one `<pre>`, read as one case before).
 */
import { docketNumberIn } from './courts';
import { hasDate, parseDate } from './dates';
import { type Draft, emptyDraft } from './draft';
import { isSkipped, tagOf } from './elements';
import type { ListFound } from './lists';
import type { Scan } from './scan';
import { collapse } from './text';
import { resolveUrl } from './urls';
import type { DateContext } from './zones';

/** Fewest records that make a list (two dated lines in a `<pre>` may be a log excerpt). */
const MIN_RECORDS = 3;
/** Longest line read as a record's head: a record's line, not a paragraph. */
const MAX_LINE = 300;
/** Words for a number given after a label on a record's own line (`Case No:  23-3211`, `Ref. #: A-12`). */
const LABELLED_NUMBER =
  /\b(?:case|docket|file|appeal|application|ref(?:erence)?)\.?\s*(?:no\.?|number|#)\s*[:.]?\s*([A-Za-z0-9][\w./-]*\d[\w./-]*)/i;
/** A file's name (`233211U.pdf`): what a link to the record's document shows, never its title. */
const FILE_NAME = /^\S+\.(?:pdf|docx?|rtf|txt|html?|wpd)$/i;

interface Line {
  text: string;
  hrefs: string[];
}

/** The `<pre>`'s text cut into lines, each with the links that sit on it (`<br>` breaks a line as `\n` does). */
function preLines(pre: Element, base: string | undefined): Line[] {
  const lines: Line[] = [{ text: '', hrefs: [] }];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const parts = (c.textContent ?? '').split('\n');
        lines[lines.length - 1]!.text += parts[0];
        for (const part of parts.slice(1)) lines.push({ text: part, hrefs: [] });
        continue;
      }
      if (c.nodeType !== 1 || isSkipped(c as Element)) continue;
      const el = c as Element;
      if (tagOf(el) === 'BR') {
        lines.push({ text: '', hrefs: [] });
        continue;
      }
      if (tagOf(el) === 'A') {
        const href = el.getAttribute('href') ?? '';
        const url = href && !/^(javascript:|#|mailto:|tel:)/i.test(href) ? resolveUrl(href, base) : undefined;
        if (url) lines[lines.length - 1]!.hrefs.push(url);
      }
      walk(el);
    }
  };
  walk(pre);
  return lines;
}

/** The words of a line around its date: `[before, after]`, or null when the line holds no date. */
function splitAtDate(text: string, ctx: DateContext): { at: string; before: string; after: string } | null {
  const words = text.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++)
    for (let n = 1; n <= 4 && i + n <= words.length; n++) {
      const window = words.slice(i, i + n).join(' ');
      const at = /\d/.test(window) ? parseDate(window, ctx) : undefined;
      if (at) return { at, before: words.slice(0, i).join(' '), after: words.slice(i + n).join(' ') };
    }
  return null;
}

const hasWords = (text: string) => /\p{L}{2,}.*\p{L}{2,}|\p{L}{4,}/u.test(text);

/** A record from its dated line and the lines under it. */
function readRecord(head: Line, rest: Line[], ctx: DateContext): Draft | null {
  const text = collapse(head.text);
  if (text.length > MAX_LINE) return null;
  const split = splitAtDate(text, ctx);
  if (!split) return null;
  const d = emptyDraft();
  d.reportedAt = split.at;
  // The title is the words after the date, else those before; a document's file name and a docket number beside it
  // are no part of it.
  for (const side of [split.after, split.before]) {
    let words = side
      .split(' ')
      .filter((w) => !FILE_NAME.test(w))
      .join(' ');
    const number = docketNumberIn(words.split(' ', 1)[0] ?? '');
    if (number) {
      d.caseNumber ??= number;
      words = words.slice(number.length).trim();
    }
    if (hasWords(words)) {
      d.title = words;
      break;
    }
  }
  if (!d.title) return null;
  const others: string[] = [];
  for (const line of rest) {
    const t = collapse(line.text);
    if (!t) continue;
    const labelled = LABELLED_NUMBER.exec(t)?.[1];
    if (labelled && !d.caseNumber) d.caseNumber = labelled;
    else others.push(t);
  }
  if (!d.caseNumber) d.caseNumber = LABELLED_NUMBER.exec(text)?.[1] ?? docketNumberIn(split.before);
  if (others.length) d.description = others.join('\n');
  d.url = head.hrefs[0] ?? rest.find((l) => l.hrefs.length)?.hrefs[0];
  return d;
}

/** Lines parted into blocks at blank lines. */
function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let cur: Line[] = [];
  for (const line of lines) {
    if (line.text.trim()) cur.push(line);
    else if (cur.length) {
      blocks.push(cur);
      cur = [];
    }
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/** Records of one `<pre>`: by blocks when each block has one dated line, else one per dated line. */
function preRecords(pre: Element, ctx: DateContext, base: string | undefined): Draft[] {
  const lines = preLines(pre, base);
  const dated = (l: Line) => l.text.length <= MAX_LINE && /\d/.test(l.text) && hasDate(l.text, ctx);
  // A line that is a date and nothing else (`[ August 30, 2024 ]`) heads the records under it: no record.
  const recordLines = (block: Line[]) => block.filter((l) => dated(l) && splitRest(l, ctx));
  const blocks = blocksOf(lines)
    .map((b) => ({ lines: b, dated: recordLines(b) }))
    .filter((b) => b.dated.length);
  const byBlock = blocks.length >= MIN_RECORDS && blocks.every((b) => b.dated.length === 1);
  const out: Draft[] = [];
  if (byBlock) {
    for (const b of blocks) {
      const head = b.dated[0]!;
      const d = readRecord(
        head,
        b.lines.filter((l) => l !== head && !dated(l)),
        ctx,
      );
      if (d) out.push(d);
    }
  } else {
    for (const b of blocks) for (const head of b.dated) out.push(...[readRecord(head, [], ctx)].filter((d) => !!d));
  }
  const candidates = blocks.reduce((n, b) => n + (byBlock ? 1 : b.dated.length), 0);
  // Nearly every dated record must read as one, and each name a case: a link to it or its number.
  if (out.length < MIN_RECORDS || out.length < candidates * 0.8) return [];
  if (out.filter((d) => d.url || d.caseNumber).length < out.length * 0.8) return [];
  return out;
}

/** Whether the words left of a dated line, its date taken out, make a title (then it is a record, not a heading). */
function splitRest(l: Line, ctx: DateContext): boolean {
  const split = splitAtDate(collapse(l.text), ctx);
  return !!split && hasWords(`${split.before} ${split.after}`.replace(/[[\]()]/g, ''));
}

/** The largest plain-text list in a `<pre>` of the page. */
export function preformattedList(scan: Scan, ctx: DateContext, base: string | undefined): ListFound | null {
  let best: { pre: Element; drafts: Draft[] } | null = null;
  for (let i = 0; i < scan.all.length; i++) {
    if (scan.tags[i] !== 'PRE') continue;
    const pre = scan.all[i]!;
    const drafts = preRecords(pre, ctx, base);
    if (drafts.length >= MIN_RECORDS && (!best || drafts.length > best.drafts.length)) best = { pre, drafts };
  }
  return best ? { drafts: best.drafts, items: [best.pre] } : null;
}
