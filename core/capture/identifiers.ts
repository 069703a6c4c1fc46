/**
 * Case numbers by their shape alone, as the lists of a structure found without labels print them: a docket number,
 * a neutral citation, a Chinese case or document number, or a token of letters and digits that is no date, phone
 * number, postcode or count.
 */
import { docketNumberOf } from './courts';
import { parseDate } from './dates';
import type { DateContext } from './zones';

/**
 * A number sign before a code, as pages of many languages write it: `N°`, `Nº`, `No.`, `Nr.`, `№` (NFKC makes `№`
 * `No`); read case-blind (`iu`). One sign for every reader of a number after it: a case page's lone `№` line
 * (lone-fields.ts), a list card's number span (card-draft.ts), a heading's kind and number (heading-numbers.ts).
 */
export const NUMBER_SIGN = String.raw`(?:n\s?[°º]|no\.|nr\.|№)`;

// A phone number (`312-744-0675`, `(020) 8356 1234`) is no case number.
const PHONE = /^(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{3}[\s.-])\d{3,4}[\s.-]\d{4}$/;

/**
 * An identifier as lists print them: no space, at least three digits, letters, digits and `-./:_` (`89-R-99001-SCT`,
 * `SR-2026-0042`, `DA0241/19`, `20220573`). A date is none.
 */
const IDENTIFIER = /^(?=(?:[^\d]*\d){3})[A-Za-z0-9][A-Za-z0-9./:_-]{3,39}$/;
// What may stand before a number in its element: `No.`, `#`, a marker like `XX` (Mississippi's published opinions).
const NUMBER_LEAD = /^(?:(?:case|docket|file|ref\.?|record|application)?\s*(?:no\.?|number|#)\s*:?\s*|[A-Z]{1,3}\s+)/i;

/**
 * Identifiers written with spaces or CJK brackets, by their shape alone: a neutral citation (the year, a court's
 * abbreviation, the serial: `2021 S.D. 69`, `2014 OK AG 1`), a Chinese case number (`（2023）京01民终123号`) and a
 * document number (`沪信访〔2024〕12号`).
 */
const SPACED_IDENTIFIER = [
  /^(?:19|20)\d{2}\s+[A-Z][A-Za-z]{0,4}\.?(?:\s?[A-Z][A-Za-z]{0,4}\.?){0,2}\s+\d{1,5}$/,
  /^[（(](?:19|20)\d{2}[）)][\u3400-\u9fffA-Za-z\d]{1,16}\d+号(?:之[一二三四五六七八九十\d]+)?$/,
  /^[\u3400-\u9fff]{1,10}[〔［[【（(](?:19|20)\d{2}[〕］\]】）)][\u3400-\u9fff]{0,4}\d+号$/,
];

/**
 * Values whose shape says what they are, and it is no case number: a time of day (`19:30`, `6:30:00`, a meeting's
 * time cell) and a web address (`https://tinyurl.com/IAAJuly2023Board`, a meeting's place online). Page:
 * us-indianapolis-airport-board-papers-2023.
 */
const NOT_IDENTIFIER = [/^\d{1,2}:\d{2}(?::\d{2})?$/, /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)/i];

// A word label run into its value without a space (`<strong>Submitted:</strong>23/08/2013`): the line is a label and
// its date, no token. Page: au-boroondara-xctrack-planning-permits-lodged-last-week.
const LABEL_RUN_IN = /^([A-Za-z][A-Za-z ]{2,30})[:：](?=\d)(.+)$/;

/** The identifier a short text is (after a lead such as `No.` or `#`), or undefined: a date, a phone, a count. */
export function identifierOf(text: string, ctx: DateContext): string | undefined {
  if (text.length > 48) return undefined;
  const t = text.trim();
  if (NOT_IDENTIFIER.some((re) => re.test(t))) return undefined;
  const runIn = t.includes(':') ? LABEL_RUN_IN.exec(t) : null;
  if (
    runIn &&
    !/^(?:case|docket|file|ref|record|application)?\s*(?:no|number)$/i.test(runIn[1]!) &&
    parseDate(runIn[2]!, ctx)
  )
    return undefined;
  const known = docketNumberOf(t);
  if (known) return known;
  for (const candidate of [t, t.replace(NUMBER_LEAD, '')])
    if (SPACED_IDENTIFIER.some((re) => re.test(candidate))) return candidate;
  for (const candidate of [t, t.replace(NUMBER_LEAD, '')]) {
    // Digits alone must be long (`20220573`), not a postcode or a count (`60602`).
    if (IDENTIFIER.test(candidate) && !/^\d{1,5}$/.test(candidate) && !PHONE.test(candidate)) {
      // `Ref. No. 20190107` is a number, whatever date its digits could also spell.
      if (
        !/^(?:.*\b(?:no\.?|number)|#)\s*:?\s*$/i.test(t.slice(0, t.length - candidate.length)) &&
        parseDate(candidate, ctx)
      )
        return undefined;
      // A price or a count (`1,234.50`) is no identifier; a plain year range neither.
      if (/^[\d.,]+$/.test(candidate) && candidate.includes('.')) return undefined;
      return candidate;
    }
  }
  return undefined;
}

/**
 * The identifier of letters and digits a link's label opens with (`XIIP-445 2013-04-11`: a paper's number and its
 * date), or undefined: a label of words, or of digits alone (a count, a row's place).
 */
export function openingIdentifier(label: string, ctx: DateContext): string | undefined {
  const first = label.split(' ')[0] ?? '';
  return /\p{L}/u.test(first) ? identifierOf(first, ctx) : undefined;
}

/**
 * The identifier a title opens with before a dash (`PP13/00799 - Planning Permit`, XC.Track's lists, whose other
 * lines are `Submitted:` and `Address:`). Page: au-boroondara-xctrack-planning-permits-lodged-last-week.
 */
export function leadingIdentifier(title: string, ctx: DateContext): string | undefined {
  const m = /^(\S{4,40})\s+[-–—]\s+\S/.exec(title);
  return m ? identifierOf(m[1]!, ctx) : undefined;
}

/** A line's closing bracket (`… (LEX 76340).`, `Documents relating to (LEX 75811):`), after its words. */
const CLOSING_BRACKET = /\S\s*[(（]([^()（）]{4,40})[)）][.。:：]?$/;
/** A register's letter code and serial, spaced (`LEX 76340`, `FOI 2316`), the first of several: a reference, not a count. */
const CODE_SERIAL = /^[A-Z]{2,5}[ -]\d{3,8}(?=$|\s*(?:,|and\b|&))/;

/**
 * The identifier a line of words closes with in brackets: the reference a register gives the record its line
 * describes (`Copy of every decision letter template used by the Agency’s FOI team (LEX 76340).`). Page:
 * au-servicesaustralia-foi-disclosure-log-2023-11.
 */
export function closingIdentifier(line: string, ctx: DateContext): string | undefined {
  const m = CLOSING_BRACKET.exec(line);
  if (!m) return undefined;
  const t = m[1]!.trim();
  return CODE_SERIAL.exec(t)?.[0] ?? identifierOf(t, ctx);
}

/**
 * How a law report or a list cites an opinion before its number, the number's form free (`169j`, `624c-4`, `16-b`):
 * what follows the citation is the opinion's number.
 */
const CITATION_LEADS: readonly RegExp[] = [
  // `Op. Atty. Gen 624c-4`, `Op. Att'y Gen. 280k`, `Ops. Attorney Gen.`: an attorney general's opinion. Page:
  // us-mn-ag-opinions-by-date (each row's link is its date and this citation).
  /\bOps?\.?\s*Att(?:orne)?[’']?y\.?\s*Gen\.?\s+/i,
];
const CITED_NUMBER = /^(\d[\dA-Za-z.-]{0,15}[\dA-Za-z])(?=$|[\s,;)])/;

/** The number a title gives after an opinion's citation (`May 16, 2019 – Op. Atty. Gen 624c-4` → `624c-4`). */
export function citedNumber(title: string): string | undefined {
  for (const lead of CITATION_LEADS) {
    const m = lead.exec(title);
    const n = m ? CITED_NUMBER.exec(title.slice(m.index + m[0].length)) : null;
    if (n) return n[1];
  }
  return undefined;
}
