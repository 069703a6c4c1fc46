/**
 * What a parliament's result record says of its paper in running text, read off its lines: the paper's number after
 * the word that names a printed paper (`Schriftliche Anfrage Drucksache Nr. 17/4828 vom 09.02.2015`, `Drucksache
 * 14/375 (14/335) 06.01.2011`) with the date that follows it, an answer and who gave it (`Antwort der
 * Staatsregierung`, `Antwort MSW zu KlAnfr 3349`, `A N T W O R T zu der Anfrage`), and the members who asked (`zu der
 * Anfrage des Abgeordneten Stefan Pauluhn (SPD)`). The words are in the tables below, each with the page that
 * motivated it; the record's structure is found elsewhere (records.ts).
 */

import { parseDate } from './dates';
import { collapse } from './text';
import type { DateContext } from './zones';

/**
 * Words that introduce a printed paper's number. Pages: de-bayern-landtag-schriftliche-anfragen-suchergebnis
 * (`Drucksache Nr. 17/4828`), de-saarland-landtag-sharepoint-suche-antworten-aw14 (`Drucksache 14/375`),
 * de-nrw-landtag-parlamentsdatenbank-antwort-16-8774-kurzansicht (`Drucksache 16/8774`, the question's `Drs 16/8498`).
 */
const PAPER_TERMS = ['drucksache', 'drucks\\.', 'drs\\.?', 'bt-drucksache', 'landtagsdrucksache'];
/** The term, an optional `Nr.`, and a term's running number (`17/4828`); never part of a date. */
const PAPER_REF_SOURCE = `(?:^|[\\s(])(?:${PAPER_TERMS.join('|')})\\s*(?:nr\\.?\\s*)?(\\d{1,3}\\/\\d{1,6})(?![\\d/.])`;
const PAPER_REF = new RegExp(PAPER_REF_SOURCE, 'iu');
const PAPER_REFS = new RegExp(PAPER_REF_SOURCE, 'giu');
/**
 * A numeric date a few characters after the number (`(14/335) 06.01.2011`, `vom 09.02.2015`, `2. Neudruck
 * 27.05.2015`).
 */
const DATE_AFTER = /^[^\n]{0,24}?(?<![\d.])(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})\b/u;
/** `zu` / `auf` before a number: the paper answered (`Antwort MSW zu KlAnfr 3349 Drs 16/8498`), not this one. */
const ANSWERED_PAPER = /(?:^|\s)(?:zu|auf)\s/iu;

/**
 * A paper that answers, and who answered (the words after it up to `zu` / `auf`): `Antwort der Staatsregierung`
 * (de-bayern-landtag-schriftliche-anfragen-suchergebnis), `Antwort MSW zu KlAnfr 3349`
 * (de-nrw-landtag-parlamentsdatenbank-antwort-16-8774-kurzansicht), `ANTWORT zu der Anfrage`
 * (de-saarland-landtag-sharepoint-suche-antworten-aw14, written letter-spaced).
 */
const ANSWER_WORD = /(?:^|\s)antwort(?=\s|$)/iu;
/** Words of an answerer that name no one: what follows an answer word in a sentence. */
const NOT_ANSWERER = /^(?:zu|auf|vom|\d)/iu;
/** An answerer is a body's name or its initials: a few words. */
const MAX_ANSWERER_WORDS = 6;

/**
 * The members who asked: `(zu der) Anfrage des Abgeordneten X (SPD)` / `der Abgeordneten X (SPD) Y (SPD)`, up to
 * `betr.` (what it concerns). Page: de-saarland-landtag-sharepoint-suche-antworten-aw14.
 */
const ASKED_BY = /anfrage\s+(?:des|der)\s+abgeordneten\s+(.+?)(?:\s+betr\b|\s*…|$)/iu;

/** Letters written apart (`A N T W O R T`): the word they spell. */
const SPACED_WORD = /(?<![\p{L}])(?:\p{Lu} ){3,}\p{Lu}(?![\p{L}])/gu;

export interface PaperRef {
  caseNumber?: string;
  at?: string;
  /** A line says the paper is (or holds) an answer. */
  answered?: boolean;
  answeredBy?: string;
  askedBy?: string;
}

/** The line's own paper number: the first not written after `zu` / `auf` since the number before it. */
function ownRef(line: string): { number: string; end: number } | undefined {
  let from = 0;
  for (const m of line.matchAll(PAPER_REFS)) {
    const end = m.index + m[0].length;
    if (!ANSWERED_PAPER.test(line.slice(from, m.index + 1))) return { number: m[1]!, end };
    from = end;
  }
  return undefined;
}

/** Lines worth reading at all: a paper term or an answer word in them. */
const CUE = /drucks|\bdrs\b|antwort|a n t w o r t/i;

/** The paper a record's lines refer to, or undefined when no line names one. */
export function paperRef(lines: readonly string[], ctx: DateContext): PaperRef | undefined {
  let out: PaperRef | undefined;
  for (const raw of lines) {
    if (raw.length > 600 || !CUE.test(raw)) continue;
    const line = raw.replace(SPACED_WORD, (w) => w.replace(/ /g, ''));
    out ??= {};
    const ref = out.caseNumber ? undefined : ownRef(line);
    if (ref) {
      out.caseNumber = ref.number;
      const date = DATE_AFTER.exec(line.slice(ref.end));
      if (date) out.at ??= parseDate(date[1]!, ctx);
    }
    const answer = ANSWER_WORD.exec(line);
    if (answer) {
      out.answered = true;
      const by = collapse(
        line
          .slice(answer.index + answer[0].length)
          .replace(/^\s*(?:der|des)\s+/iu, '')
          .split(ANSWERED_PAPER)[0]!,
      );
      if (by && !NOT_ANSWERER.test(by) && by.split(' ').length <= MAX_ANSWERER_WORDS && !PAPER_REF.test(` ${by}`))
        out.answeredBy ??= by;
    }
    const asked = ASKED_BY.exec(line);
    if (asked) out.askedBy ??= collapse(asked[1]!);
  }
  return out && (out.caseNumber || out.answered) ? out : undefined;
}

/**
 * A line that only names a paper: its kind, its number and date (`Schriftliche Anfrage Drucksache Nr. 17/4828 vom
 * 09.02.2015`) or an answer and who gave it (`Antwort der Staatsregierung`): the record's facts, not its title.
 */
export function paperOnly(text: string): boolean {
  const ref = PAPER_REF.exec(text);
  if (ref) {
    const rest = (text.slice(0, ref.index) + text.slice(ref.index + ref[0].length)).replace(
      /\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\bvom\b|\bnr\.?/giu,
      ' ',
    );
    // What is left is the paper's kind: a few words.
    return collapse(rest).split(' ').filter(Boolean).length <= 4;
  }
  return /^antwort\b/i.test(text) && text.split(/\s+/).length <= MAX_ANSWERER_WORDS + 2 && !/[?.!]$/.test(text);
}
