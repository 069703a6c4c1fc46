/**
 * A proceeding's papers listed one a line, each with its number and its date: a parliament's question, the
 * government's answer, the debate (`Drs 19/30 Große Anfrage vom 21.07.2015, Urheber: CDU`, `Antwort Ministerium für
 * Inneres 09.09.2014 Drucksache 17/1931`). Read as the case's history: the first paper's author asked and dates the
 * case, an answer's author is who answered, and an answer means the question is answered. Found by their shape (a
 * paper number and a date on each of two lines or more of one block), the kinds of paper by the word table below.
 */

import { parseDate } from './dates';
import type { Draft, DraftUpdate } from './draft';
import { tagOf } from './elements';
import { BILL_NUMBER } from './heading-numbers';
import { matchLabel } from './labels';
import { collapse } from './text';
import type { DateContext } from './zones';

/**
 * A paper's number: a term and a running number (`19/30`, `17/2430`), never part of a date (`02/02/2011`). Pages:
 * de-bremen-paris-grosse-anfrage-19-30-kinderschutz, de-niedersachsen-nilas-grosse-anfragen-vollanzeige.
 */
const PAPER_NUMBER = /(?<![\d/.])\d{1,3}\/\d{1,6}(?![\d/.])/;
const PAPER_NUMBERS = new RegExp(PAPER_NUMBER.source, 'g');
/** A numeric date where it stands in the line (the author is written before it). */
const DATE_AT = /\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/;
/** A paper's line is short: its kind, author, date, number, pages and the names of its annexes. */
const MAX_LINE = 400;

/**
 * Words that name a kind of paper or where it is printed, not who wrote it: left out of the words before the date,
 * what remains is the author. German: the STARWeb pages named above (`Große Anfrage FDP 23.07.2014`, `Besprechung
 * Plenarprotokoll 17/55`); English and French as written on other parliaments' lists.
 */
const PAPER_WORDS = [
  // de-niedersachsen-nilas-grosse-anfragen-vollanzeige, de-bremen-paris-grosse-anfrage-19-30-kinderschutz
  ...['große anfrage', 'kleine anfrage', 'anfrage', 'antwort auf', 'antwort', 'mitteilung des senats', 'mitteilung'],
  ...['besprechung', 'plenarprotokoll', 'plpr', 'drucksache', 'drs', 'berichtigung', 'unterrichtung', 'antrag', 'vom'],
  ...['written question', 'oral question', 'question', 'answer', 'response', 'reply', 'paper', 'motion', 'by'],
  ...['debate', 'official report'],
  ...['question écrite', 'réponse'],
  // A paper's number sign (`Question écrite n° 15/2210`, `Nr. 17/13104`) and more words for a paper.
  ...['n°', 'nr\\.', 'no\\.', 'dated', 'document', 'dokument'],
  // Abbreviated kinds in a record printed as plain text (`GrAnfr  Fraktion der SPD`, `Antw 23.02.2015 Drs 19/1632`):
  // de-hessen-starweb-grosse-anfrage-19-1126-ersatzschulen. `KlAnfr` is the same system's small question.
  ...['granfr', 'klanfr', 'antw'],
].sort((a, b) => b.length - a.length);
const PAPER_WORD_RE = new RegExp(`(?:^|\\s)(?:${PAPER_WORDS.join('|')})(?=\\s|$|[,:;])`, 'giu');

/**
 * A paper that answers: `Antwort …`, `Mitteilung des Senats (Antwort auf Große Anfrage)` (Bremen's Senate answers by
 * a communication), English and French answers.
 */
const ANSWER = /(?:^|[\s(])(?:antwort|antw|answer|response|reply|réponse)(?=\s|$|[,:;)])/iu;

export interface PaperLine {
  at: string;
  text: string;
  author?: string;
  answer: boolean;
}

/**
 * `…, Urheber: CDU` at the line's end, or before the paper's date (`Antwort, Urheber: Bundesregierung, Bundesministerium
 * des Innern (federführend) 29.09.2017 - BT-Drucksache 18/13660`): a label that names the author. Pages:
 * de-bremen-paris-grosse-anfrage-19-30-kinderschutz, de-bundestag-dip-vorgang-18-83903-kleine-anfrage-neonazis-quellen.
 */
const LABELLED = /(\p{L}[\p{L} -]{1,30}?)\s*:\s*([^;:]{2,120}?)[\s-]*(?=$|\d{1,2}\.\s?\d{1,2}\.\s?\d{4})/gu;
function labelledAuthor(line: string): string | undefined {
  for (const m of line.matchAll(LABELLED)) {
    if (matchLabel(m[1]!)?.field === 'reporterName') return m[2]!.replace(/,\s*$/, '');
  }
  return undefined;
}

/** The words before the date less paper kinds, numbers and page counts: `Große Anfrage FDP` → `FDP`. */
function authorBeforeDate(line: string): string | undefined {
  const date = DATE_AT.exec(line);
  if (!date) return undefined;
  const words = line
    .slice(0, date.index)
    // The word that leads to the date (`… du 04/03/2021`, `… of 3 March`), not a word of an author's name.
    .replace(/\s(?:du|le|of|on)\s*$/iu, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(PAPER_NUMBERS, ' ')
    .replace(PAPER_WORD_RE, ' ')
    .replace(PAPER_WORD_RE, ' ')
    // A paper's running count (`Große Anfrage 12  CDU`): a number standing alone, never part of a name
    // (`BÜNDNIS 90/DIE GRÜNEN`). Page: de-brandenburg-elvis-grosse-anfrage-6-1999-medienwirtschaft.
    .replace(/(?<!\S)\d{1,4}(?!\S)/g, ' ');
  const author = authorWords(words);
  if (author) return author;
  // `Antwort (LReg)  05.11.2015`: the author only in brackets. Same page.
  const bracketed = /^[^(]*\(([^()]{2,60})\)\s*$/.exec(line.slice(0, date.index).replace(PAPER_NUMBERS, ' '));
  return bracketed ? authorWords(bracketed[1]!) : undefined;
}

/**
 * What is left of the words before a date, trimmed of list marks (`•  Große Anfrage DIE LINKE`: the bullet a list
 * item is written with; de-thueringen-parldok-grosse-anfrage-5-7341-kulturland) and separators.
 */
function authorWords(words: string): string | undefined {
  const author = collapse(words).replace(/^[,;:\s\-–—•·▪‣*]+|[,;:\s\-–—•·▪‣*]+$/g, '');
  return author.length >= 2 && author.length <= 120 && /^\p{L}/u.test(author) ? author : undefined;
}

function paperLine(line: string, ctx: DateContext): PaperLine | undefined {
  if (line.length > MAX_LINE || !PAPER_NUMBER.test(line)) return undefined;
  const at = parseDate(line, ctx);
  if (!at) return undefined;
  return { at, text: line, author: labelledAuthor(line) ?? authorBeforeDate(line), answer: ANSWER.test(line) };
}

/** Blocks whose lines are cut by `<br>`: the only places the papers were found listed. */
function blocksWithBreaks(brs: ArrayLike<Element>): Element[] {
  const out = new Set<Element>();
  for (let i = 0; i < brs.length; i++) if (brs[i]!.parentElement) out.add(brs[i]!.parentElement!);
  return [...out];
}

/**
 * The block's lines cut at its `<br>`s only: the source's own line ends fall inside a paper's line (`… 23.07.2014
 * Drucksache⏎<a>17/1828</a>`), which readText would keep.
 */
export function linesAtBreaks(block: Element): string[] {
  const lines: string[] = [];
  let line = '';
  // A `<pre>` record breaks its lines where the source does (`GrAnfr  Fraktion der SPD⏎19.11.2014 Drs 19/1126`):
  // de-hessen-starweb-grosse-anfrage-19-1126-ersatzschulen.
  const pre = tagOf(block) === 'PRE';
  for (const n of Array.from(block.childNodes)) {
    if (n.nodeType === 1 && tagOf(n as Element) === 'BR') {
      lines.push(collapse(line));
      line = '';
    } else if (pre && n.nodeType === 3) {
      const parts = (n.textContent ?? '').split('\n');
      line += ` ${parts[0]}`;
      for (const part of parts.slice(1)) {
        lines.push(collapse(line));
        line = part;
      }
    } else if (n.nodeType !== 8) line += ` ${n.textContent ?? ''}`;
  }
  lines.push(collapse(line));
  return lines.filter(Boolean);
}

/**
 * The lines above a paper's own line that say what it is and who wrote it, when the paper's line says neither
 * (`Elke Breitenbach (Die Linke)⏎Drucksache 17/13104 vom 10.03.2014⏎Folge 1⏎Antwort⏎SenBildJugWiss⏎Drucksache
 * 17/13104 vom 10.03.2014`): an answer word among them marks an answer, the last short line of words is the author.
 * Page: de-berlin-pardok-kleine-anfrage-17-13104-vollanzeige.
 */
function withHead(p: PaperLine, head: string[]): PaperLine {
  if (!head.length) return p;
  const answer = p.answer || head.some((h) => ANSWER.test(h));
  let author = p.author;
  for (let i = head.length - 1; i >= 0 && !author; i--) {
    const words = collapse(head[i]!.replace(PAPER_WORD_RE, ' ').replace(PAPER_WORD_RE, ' '));
    if (words.length >= 2 && words.length <= 80 && /^\p{L}/u.test(words) && !/\d/.test(words)) author = words;
  }
  return { ...p, text: collapse(`${head.join(' ')} ${p.text}`), answer, ...(author ? { author } : {}) };
}

/** A block's lines read as papers, each with the words above it since the paper before. */
function papersOfLines(lines: string[], ctx: DateContext): PaperLine[] {
  const papers: PaperLine[] = [];
  let head: string[] = [];
  for (const line of lines) {
    const p = paperLine(line, ctx);
    if (p) {
      papers.push(withHead(p, head));
      head = [];
    } else if (line.length <= 120) head.push(line);
  }
  return papers;
}

/**
 * Sibling items (`<li>`, `<fieldset>`, `<tr>`) that each hold one paper: a proceeding's papers listed one an item
 * (`<li><p>Große Anfrage SPD 07.11.2014 Drucksache 6/3591 (9 S.)</p>…</li>`, a `<fieldset>` a paper with its author
 * above its date). Pages: de-sachsen-anhalt-padoka-grosse-anfrage-6-3591-vorgang,
 * de-bundestag-dip-vorgang-18-83903-kleine-anfrage-neonazis-quellen.
 */
function itemGroups(items: ArrayLike<Element>, ctx: DateContext): PaperLine[][] {
  const byParent = new Map<Element, PaperLine[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const tag = tagOf(item);
    if (tag === 'PRE') continue;
    // A `<div>` line of a paper each in a block of its own (`<div name="Repeat_TYP"><div class="topic2">Große Anfrage
    // 12 CDU 08.07.2015 Drucksache 6/1999</div></div><div name="Repeat_DBE">…<div class="topic2">Antwort (LReg) …`):
    // the papers are grouped under the block holding both. Page:
    // de-brandenburg-elvis-grosse-anfrage-6-1999-medienwirtschaft.
    const parent = tag === 'DIV' ? item.parentElement?.parentElement : item.parentElement;
    if (!parent) continue;
    const raw = item.textContent ?? '';
    // Templates indent: the raw text may be many times the line it collapses to.
    if (raw.length > 8000 || !raw.includes('/')) continue;
    // A row's cells read apart (`Transport</td><td>01/03/2024`): glued, the date would start inside a word.
    const text = tag === 'TR' ? Array.from(item.children, (c) => c.textContent ?? '').join(' ') : raw;
    const p = paperLine(collapse(text), ctx);
    if (!p) continue;
    const group = byParent.get(parent) ?? [];
    group.push(p);
    byParent.set(parent, group);
  }
  return [...byParent.values()];
}

/**
 * One paper shown twice (the question and its answer printed in one paper, `Drucksache 17/13104 vom 10.03.2014` under
 * each): one update, the later line's, which says more. Page: de-berlin-pardok-kleine-anfrage-17-13104-vollanzeige.
 */
function onceEach(papers: PaperLine[]): PaperLine[] {
  const key = (p: PaperLine) => `${PAPER_NUMBER.exec(p.text)?.[0]}@${p.at}`;
  return papers.filter((p, i) => !papers.slice(i + 1).some((q) => key(q) === key(p)));
}

/**
 * The papers of the block under `root` that lists two or more, in the order they were dated; `items` are the page's
 * list items, fieldsets and rows (from its scan), read as one paper each.
 */
export function paperLines(
  root: Element,
  ctx: DateContext,
  brs: ArrayLike<Element> = root.querySelectorAll('br'),
  items: ArrayLike<Element> = [],
): { papers: PaperLine[]; block?: Element; seen: PaperLine[] } {
  const seen: PaperLine[] = [];
  let best: PaperLine[] = [];
  let bestBlock: Element | undefined;
  const pres: Element[] = [];
  for (let i = 0; i < items.length; i++) if (tagOf(items[i]!) === 'PRE') pres.push(items[i]!);
  for (const block of [...blocksWithBreaks(brs), ...pres]) {
    const raw = block.textContent ?? '';
    if (raw.length > 8000 || !PAPER_NUMBER.test(raw)) continue;
    const papers = papersOfLines(linesAtBreaks(block), ctx);
    seen.push(...papers);
    if (papers.length >= 2 && papers.length > best.length) {
      best = papers;
      bestBlock = block;
    }
  }
  for (const papers of itemGroups(items, ctx)) {
    if (papers.length >= 2 && papers.length > best.length) {
      best = papers;
      bestBlock = undefined;
    }
  }
  return { papers: best.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)), block: bestBlock, seen };
}

/**
 * The paper number a record shows above its list of papers (`Große Anfrage mit Antwort … Drucksache 17/2430` over the
 * question 17/1828 and the answer 17/2430): the proceeding is named by it, not by the first paper listed. Page:
 * de-niedersachsen-nilas-grosse-anfragen-vollanzeige.
 */
function numberAbove(record: Element, block: Element): string | undefined {
  const text = record.textContent ?? '';
  const at = text.indexOf(block.textContent ?? '');
  return at > 0 ? PAPER_NUMBER.exec(text.slice(0, at))?.[0] : undefined;
}

/**
 * A record's or a page's papers into its draft: the papers as updates, the first paper's author as who asked and its
 * date as when, an answer's author as who answered and the case as answered; a list's record (`record`) is named by
 * the paper number shown above its papers. A page passes the `<br>`s its scan holds: a selector over a 2 MB page's tree
 * costs tens of milliseconds in linkedom.
 */
export function fillFromPapers(
  d: Draft,
  root: Element,
  ctx: DateContext,
  record = false,
  brs?: ArrayLike<Element>,
  items?: ArrayLike<Element>,
): void {
  const { papers, block, seen } = paperLines(root, ctx, brs, items);
  if (papers.length < 2) return;
  // A record's number above its papers names it (a page's numbers above are its search form's and menus').
  // Only a number of its own papers: the description above may cite another parliament's (`Drucksache 16/2648`).
  const named = record && block ? numberAbove(root, block) : undefined;
  if (named && papers.some((p) => p.text.includes(named))) d.caseNumber = named;
  // A page of one proceeding is named by the number of its first paper, the question (`Kleine Anfrage Nr. 17/13104`).
  // Page: de-berlin-pardok-kleine-anfrage-17-13104-vollanzeige.
  if (!record) d.caseNumber ??= PAPER_NUMBER.exec(papers[0]!.text)?.[0];
  if (!d.updates.length)
    d.updates = onceEach(papers).map(
      (p): DraftUpdate => ({ at: p.at, text: p.text, ...(p.author ? { by: p.author } : {}) }),
    );
  const first = papers[0]!;
  // A bill's page (its number shown alone) whose first paper does not cite that number lists others' papers in its
  // history (a request to detach the bill, `Requerimento n. 958/2022`): neither their author nor their day is the
  // bill's. Page: br-camara-pl-1034-2022.
  if (d.caseNumber && BILL_NUMBER.test(d.caseNumber)) {
    if (!first.text.includes(d.caseNumber.replace(/^\p{L}+\.?\s*/u, ''))) return;
  }
  if (!first.answer) {
    if (first.author) d.reporterName = first.author;
    d.reportedAt = first.at;
  }
  const answer = papers.find((p) => p.answer);
  if (!answer) return;
  const by =
    answer.author && spelledOut(answerer(answer.author, first.answer ? undefined : first.author), answer, seen);
  if (by && by !== d.reporterName) d.department ??= by;
  if (!d.status || d.status === 'new') d.status = 'resolved';
}

/**
 * Who answered, from the words before an answer's date: an answer citing the question (`Antwort zu Drs 17/136  Guido
 * Ernst (CDU), Horst Gies (CDU), Staatskanzlei 07.07.2016`) repeats its askers before the answerer; the askers and
 * the word citing the question (`zu`, `zur`) are left out. Page: de-rheinland-pfalz-opal-kleine-anfragen-vorgaenge-seite-2.
 */
function answerer(author: string, asker: string | undefined): string | undefined {
  const askers = new Set((asker ?? '').split(',').map((a) => collapse(a).toLowerCase()));
  const parts = author
    .replace(/^(?:zu|zur|zum)\s+/i, '')
    .split(',')
    .map(collapse)
    .filter((p) => p && !askers.has(p.toLowerCase()));
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * An author written short (`Antwort  LRg 15.02.2012 Drucksache 17/2295`) that the page spells out on another line
 * of the same paper (`Antwort Landesregierung 15.02.2012 Drucksache 17/2295`, the paper's own head): the long name,
 * when the short one's letters stand in it in order. Page: de-schleswig-holstein-lissh-grosse-anfrage-17-1912-migration.
 */
function spelledOut(author: string | undefined, paper: PaperLine, seen: PaperLine[]): string | undefined {
  if (!author || author.length > 6 || /\s/.test(author)) return author;
  const no = PAPER_NUMBER.exec(paper.text)?.[0];
  for (const p of seen) {
    const long = p.author;
    if (!long || long.length <= author.length || p.at !== paper.at || PAPER_NUMBER.exec(p.text)?.[0] !== no) continue;
    if (!long.toLowerCase().startsWith(author[0]!.toLowerCase())) continue;
    let k = 0;
    for (const ch of long.toLowerCase()) if (k < author.length && ch === author[k]!.toLowerCase()) k++;
    if (k === author.length) return long;
  }
  return author;
}

/**
 * Labels that date a question's answer (normalised as labels.ts does), each with the page that showed it: a record
 * showing the day its answer came in is answered. Page: de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige
 * (`Eingang Antwort: 10.06.2015`).
 */
const ANSWERED_KEYS = new Set(['eingangantwort', 'antwortvom', 'datumderantwort', 'beantwortetam', 'dateanswered']);

/** `Eingang Antwort: 10.06.2015`: answered. An empty value (`Eingang Antwort:` with no date) says nothing. */
export function answeredOn(pairs: ReadonlyArray<{ key: string; value: string }>): 'resolved' | undefined {
  return pairs.some((p) => ANSWERED_KEYS.has(p.key) && DATE_AT.test(p.value)) ? 'resolved' : undefined;
}
