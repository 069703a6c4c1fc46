/**
 * Court pages: lists of decided cases (`Case Name | Docket # | Date of Issuance`) and docket histories (a case line
 * `1:17-cv-10085-VSB Aude v. Kobe Steel, Ltd. et al` over a table of entries). The column words courts use, the
 * forms their docket numbers take, and the caption line that names a case. Pages: the b5-courts batch of
 * test/fixtures/real (California, Eleventh Circuit, Georgia, Washington, New York, PACER).
 */
import type { LabelEntry } from './label-words';
import { collapse } from './text';
import { readText, textOf } from './visible-text';

const w = (words: string): string[] => words.split(' ');

/**
 * Column headings of court case lists and dockets, normalised (no spaces or punctuation, `#` read as `no`).
 * `Style` is the case's caption in a court's docket (us-gaappeals-docket-date-results); `Party Name`
 * (us-nycourts-slip-decisions-court-of-appeals) and `Case Name` (us-ca11-published-opinions-by-name) likewise. The
 * date a court lists a case under is when it was decided or posted: `Date Posted` (us-cal-courts-…), `Judgement
 * Date` (Georgia), `Date of Issuance` (Eleventh Circuit), `File Date` (us-wa-courts-…). A docket's `Doc. No.` numbers
 * the entry, not the case, and its `Dates` column dates the entry (us-pacer-nysd-docket-history-485885). An
 * appellate docket's `Docketed:` is the day the case was opened (us-pacer-cavc-case-summary-18-3815).
 */
export const COURT_LIST_LABELS: readonly LabelEntry[] = [
  ['title', 0, w('casename casetitle casecaption caption style styleofcase partyname partynames parties')],
  ['caseNumber', 0, w('appealcaseno appealno appealnumber')],
  [
    'reportedAt',
    0,
    w(
      'dateposted posted postdate judgementdate judgmentdate dateofjudgment dateofjudgement dateofissuance issuancedate dateissued issued filedate opiniondate dateofopinion dateofdecision docketed datedocketed',
    ),
  ],
  ['status', 1, w('ruling disposition judgement judgment')],
  // Lower courts' numbers, citations and judges describe the decision, not the case the row is.
  [
    'ignore',
    0,
    w(
      'districtcourtdocketno lowercourtno lowercourtnumber trialcourtno officialcitation citation judge judges opn/mot opinion/order webdocket filecontains docno documentno docnumber documentnumber',
    ),
  ],
  ['updateAt', 0, w('dates filedentered dateentered entered docketdate')],
  // `Date Terminated: 04/20/2015` (a district docket's header): read by `endedOn`, no field of its own.
  ['ignore', 0, w('dateterminated terminated terminationdate')],
  ['update', 0, w('dockettext docketentry')],
];

/**
 * Docket numbers as courts print them: `1:17-cv-10085-VSB` and `8:12-cr-00169-EAK-MAP-1` (federal district
 * courts), `13-14377`, `2014-1234` (federal appeals, a state's appellate division), `S275940`, `S277120A`,
 * `A14D0427` (state courts: a court letter, the year, a docket letter and a serial), `87390-3` (Washington: serial
 * and check digit); forms of other state courts written from their published numbering: `01-13-00123-CV` (Texas
 * courts of appeals), `2013-CA-01234-SCT` (Mississippi), `20220123-SC` (Utah), `Ken-13-123` (Maine: county, year,
 * serial), `13-P-1234`, `SJC-12345` (Massachusetts), `A-1234-13` (New Jersey), `CR-13-123`, `321A24`, `109PA22-2`
 * (North Carolina: serial, `A` an appeal of right or `PA`/`P` by petition, the year, a later appeal's count; page
 * us-nc-supreme-slip-opinions-2025).
 */
export const DOCKET_NUMBER_FORMS: readonly RegExp[] = [
  /^\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}(?:-[A-Z0-9]{1,5}){0,4}$/i,
  /^(?:\d{2}|\d{4})-\d{4,6}$/,
  /^[A-Z]{1,3}\d{2}[A-Z]?\d{3,6}[A-Z]?$/,
  /^\d{4,6}-\d$/,
  /^\d{2}-\d{2}-\d{4,6}-[A-Z]{2}$/,
  /^\d{4}-[A-Z]{1,4}-\d{3,6}(?:-[A-Z]{1,4})?$/,
  // `2022-MP-09`: a neutral citation written with hyphens (the Northern Mariana Islands' slip opinions).
  /^\d{4}-[A-Z]{2,4}-\d{1,2}$/,
  /^\d{8}-[A-Z]{2}$/,
  /^[A-Z][a-z]{2}-\d{2}-\d{1,4}$/,
  /^\d{2}-[A-Z]{1,2}-\d{3,5}$/,
  /^[A-Z]{1,4}-\d{2,6}(?:-\d{2,6})?$/,
  /^\d{1,4}(?:A|PA|P|AP)\d{2}(?:-\d{1,2})?$/,
];

export const isDocketNumber = (token: string) => DOCKET_NUMBER_FORMS.some((re) => re.test(token));

/**
 * A neutral citation written after a caption (`KOENIG v. LONDON, 2021 S.D. 69`, `State v. Fox 2014 ME 74`,
 * `2019 UT 12`, `2022 MP 9`): the year, the court's abbreviation, the serial. It numbers the decision the row is.
 */
const TRAILING_CITATION =
  /^(.{3,}?)[,;]?\s+(\d{4}\s+[A-Z][A-Za-z]{0,4}\.?(?:\s?[A-Z][A-Za-z]{0,4}\.?){0,2}\s+\d{1,4})$/;

/**
 * A caption that ends with the decision's neutral citation → the caption and the citation; the citation is the case
 * number, no part of the title. Page: us-sd-supreme-opinions-2021.
 */
export function splitCitation(title: string): { title: string; citation: string } | undefined {
  if (title.length > 300 || !/\d$/.test(title)) return undefined;
  const m = TRAILING_CITATION.exec(title);
  const year = m ? Number(m[2]!.slice(0, 4)) : 0;
  if (!m || year < 1990 || year > 2100) return undefined;
  // A caption, or a comma before the citation as reporters print it: `Budget 2021 FY 3` is no case.
  const rest = m[1]!.trim();
  return isCaseCaption(rest) || title.charAt(m[1]!.length) === ',' ? { title: rest, citation: m[2]! } : undefined;
}

// `In re Kimble,  (321A24 - Published)`: a caption, then its number in brackets (with the opinion's kind after it).
const BRACKETED_NUMBER = /^(.+?)[,;\s]*\(\s*([^\s()]+)\s*(?:[-–—:]\s*[^()]{0,30})?\)\s*$/;

/**
 * A caption that ends with its docket number in brackets → the caption and the number. Page:
 * us-nc-supreme-slip-opinions-2025.
 */
export function splitBracketedNumber(title: string): { title: string; number: string } | undefined {
  if (title.length > 300 || !title.endsWith(')')) return undefined;
  const m = BRACKETED_NUMBER.exec(title);
  return m && isDocketNumber(m[2]!) && isCaseCaption(m[1]!) ? { title: m[1]!, number: m[2]! } : undefined;
}

// `No. 13-1234`, `Case No. S275940`, `Docket #87390-3`: words a number is introduced by.
const NUMBER_INTRO = /^(?:(?:case|docket|appeal|record|cause)\s*)?(?:no\.?|number|#)\s*:?\s*/i;

/** A short text that is one docket number, possibly introduced (`No. 13-1234`): the number. */
export function docketNumberOf(text: string): string | undefined {
  if (text.length > 40) return undefined;
  const t = text.trim();
  if (isDocketNumber(t)) return t;
  const bare = t.replace(NUMBER_INTRO, '');
  return bare !== t && isDocketNumber(bare) ? bare : undefined;
}

// `No. 17-5574`, `No. 22A7`: the Supreme Court's numbers (term year, serial; `A` an application), read only after
// `No.`: bare, they are any two numbers joined.
const INTRODUCED_ONLY = /^\d{2}[-A]\d{1,5}$/;

/** A short text that is `No.` (or `Case No.`, `Docket #`) and a docket number: the number. */
export function introducedDocketNumber(text: string): string | undefined {
  if (text.length > 40) return undefined;
  const t = text.trim();
  const bare = t.replace(NUMBER_INTRO, '');
  return bare !== t && (isDocketNumber(bare) || INTRODUCED_ONLY.test(bare)) ? bare : undefined;
}

/**
 * A case page that heads its facts with the number alone (`<span class="DocketInfoTitle">No. 17-5574</span>` over
 * `Title: … | Docketed: …`): the first element that is only `No.` and a docket number. Page: us-scotus-docket-17-5574.
 */
export function numberLine(scan: {
  all: Element[];
  leafy: { has(el: Element): boolean };
  excluded(el: Element): boolean;
}): string | undefined {
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el) || el.closest('a')) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 60) continue;
    const n = introducedDocketNumber(collapse(raw));
    if (n) return n;
  }
  return undefined;
}

/** The first word of a short line that is a docket number (`No. 13-14377 · Decided July 2, 2014` → `13-14377`). */
export function docketNumberIn(line: string): string | undefined {
  if (line.length > 80) return undefined;
  for (const word of line.split(/[\s·•|,;()]+/)) {
    const t = word.replace(/[.:]$/, '');
    if (t && isDocketNumber(t)) return t;
  }
  return undefined;
}

/**
 * A case-number cell that holds more than the number (`S275940 [PDF] [DOC]`: the number over links to its files):
 * the number is its first word when that word has a docket number's form.
 */
export function leadingDocketNumber(value: string): string | undefined {
  const first = value.split(/\s/, 1)[0]!;
  return first.length < value.length && isDocketNumber(first) ? first : undefined;
}

// `Aude v. Kobe Steel, Ltd. et al`, `People v Amado`, `In re Vaquera`, `In The Matter Of …`: a case's caption.
const CAPTION =
  /^(?:.{1,120}?\sv(?:s)?\.?\s.{1,160}|(?:in\s+re|in\s+the\s+matter\s+of|matter\s+of|ex\s+parte)\s.{2,200})$/i;

export const isCaseCaption = (text: string) => CAPTION.test(text);
const CAPTION_HINT = /\sv(?:s)?\.?\s|in\s+re\s|matter\s+of\s|ex\s+parte\s/i;

// `P. v. McDavid 4/29/24 SC`: the day and the court's initials a list writes after a caption are no part of it.
const CAPTION_TAIL = /\s+\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+[A-Z]{1,4})?$/;

/**
 * The case's name in a title cell that holds more (`<span class="op-title">P. v. McDavid 4/29/24 SC</span>
 * <a>Case Details</a>`): the one element of it that reads as a caption, less the day and court written after it.
 * Page: us-cal-courts-supreme-court-slip-opinions.
 */
export function captionInCell(cell: Element, raw = textOf(cell)): string | undefined {
  // Asked of every title cell of a list (9,952 on the 2 MB list): no `v` / `in re` / `matter of` / `ex parte`, no
  // caption, without collapsing the text or listing the cell's elements.
  if (!CAPTION_HINT.test(raw)) return undefined;
  const whole = collapse(raw);
  if (whole.length > 400) return undefined;
  for (const el of Array.from(cell.querySelectorAll('*'))) {
    const text = collapse(el.textContent ?? '');
    if (text.length < whole.length && isCaseCaption(text)) return text.replace(CAPTION_TAIL, '');
  }
  return isCaseCaption(whole) ? whole.replace(CAPTION_TAIL, '') : undefined;
}

const NUMBER_TAGS = new Set(['B', 'STRONG', 'FONT', 'SPAN', 'EM', 'A']);

/**
 * The line that opens a docket (`<b>1:17-cv-10085-VSB</b> Aude v. Kobe Steel, Ltd. et al<br>Vernon S. Broderick,
 * presiding<br>…`): a docket number set apart in its own element, then the case's caption on the same line, give the
 * case number and the title. Page: us-pacer-nysd-docket-history-485885.
 */
export function docketCaption(scan: {
  all: Element[];
  tags: string[];
  excluded(el: Element): boolean;
}): { caseNumber: string; title: string } | undefined {
  for (let i = 0; i < scan.all.length; i++) {
    if (!NUMBER_TAGS.has(scan.tags[i]!)) continue;
    const el = scan.all[i]!;
    const raw = el.textContent ?? '';
    if (raw.length > 40 || scan.excluded(el)) continue;
    const number = collapse(raw);
    if (!isDocketNumber(number)) continue;
    for (let box = el.parentElement, depth = 0; box && depth < 3; box = box.parentElement, depth++) {
      if ((box.textContent ?? '').length > 600) break;
      const line = readText(box)
        .split('\n')
        .map(collapse)
        .find((l) => l.startsWith(number));
      const caption = line?.slice(number.length).trim();
      if (caption && isCaseCaption(caption)) return { caseNumber: number, title: caption };
    }
  }
  return undefined;
}

/**
 * A docket's stub that prints the number by its label and the caption on a line of its own (`<b>Case
 * Number:</b>18-3815` / `Michael P. Long v. Robert L. Wilkie` / `<b>Appeal From:</b> …`): the caption is the title when
 * it is a whole line of the small box that holds the number. Page: us-pacer-cavc-case-summary-18-3815.
 */
export function captionNearNumber(numberEl: Element, number: string): string | undefined {
  for (let box = numberEl.parentElement, depth = 0; box && depth < 4; box = box.parentElement, depth++) {
    if ((box.textContent ?? '').length > 600) break;
    const line = readText(box)
      .split('\n')
      .map(collapse)
      .find((l) => l.length <= 200 && !l.includes(number) && isCaseCaption(l));
    if (line) return line;
  }
  return undefined;
}

/**
 * A docket's caption on a line of its own (`In the Matter of Closed-Circuit Audio Feed of Court Proceedings<br>Assigned
 * to: Judge Part One`): on a page numbered by a docket number, the first such line names the case, before a <title>
 * that names the court's system. Page: us-pacer-nysd-docket-441170 (a district docket report).
 */
export function captionLine(scan: {
  all: Element[];
  leafy: { has(el: Element): boolean };
  excluded(el: Element): boolean;
}): string | undefined {
  for (const el of scan.all) {
    if (!scan.leafy.has(el) || scan.excluded(el)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 600 || !CAPTION_HINT.test(raw) || el.closest('a')) continue;
    for (const line of readText(el).split('\n')) {
      const t = collapse(line);
      if (t.length <= 200 && isCaseCaption(t)) return t;
    }
  }
  return undefined;
}

// `Date Terminated`, `Termination Date`, `Date Closed`, `Closed On`: the day a case ended.
const ENDED_KEY = /^(?:dateof)?(?:date)?(?:terminated|termination|closed|closure)(?:on|date)?$/;

/** A case that shows the day it ended (`Date Terminated: 04/20/2015`) is closed. Page: us-pacer-nysd-docket-441170. */
export function endedOn(pairs: ReadonlyArray<{ key: string; value: string }>): 'closed' | undefined {
  return pairs.some((p) => ENDED_KEY.test(p.key) && /\d/.test(p.value)) ? 'closed' : undefined;
}
