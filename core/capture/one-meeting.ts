/**
 * A page about one meeting: its heading names the body that meets (`Agenda OCMW-raad`, `Besluitenlijst
 * Gemeenteraad`) and, in its own words or on the line under it, the day and the hour it meets (`di 09/04/2024 -
 * 19:30`, `zitting van 24 sep 2024, 21:43 uur`); its agenda or decision list below is a list of points of that one
 * case, not of cases. The line under the date may name the room or the address (`Raadzaal Gemeentepunt - Heirbaan 73
 * - 8570 Anzegem`, `De Wulfzaal`). Pages: the Flemish council portals of held-out-20 (be-anzegem-…, be-machelen-…,
 * be-aalter-…, be-boortmeerbeek-…, be-erpe-mere-…).
 */
import { formatIso, parseDateParts } from './dates';
import { linesAtBreaks } from './document-lines';
import { tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

/**
 * The bodies that meet, as headings name them. Dutch (`gemeenteraad`, `OCMW-raad`, `commissie`, `zitting`: the
 * Flemish pages above), German, French, Spanish and English, by the words their councils' portals use.
 */
const MEETING_BODIES = [
  'commissie',
  'zitting',
  'vergadering',
  'college van burgemeester',
  // Not any word ending in `rat`: a Danish `Referat` is minutes (dk-aarhus-firstagenda-teknisk-udvalg-referat-2025-10-01).
  '(?:gemeinde|stadt|bezirks|orts|kreis|land)rat',
  'kreistag',
  'sitzung',
  'conseil',
  'séance',
  'pleno',
  'sesi[oó]n',
  'council',
  'committee',
  'commission',
  'board',
  'meeting',
  'hearing',
];
// Words ending in `raad` or `ausschuss` (gemeenteraad, OCMW-raad, Bauausschuss) are matched by their end alone: a
// `\p{L}*raad` alternative backtracked over every run of letters, 115 ms on a 2 MB Chinese list (a CJK run is letters).
// Finnish and Swedish bodies are compounds too (kaupunginhallitus, kunnanvaltuusto, ympäristölautakunta,
// kommunstyrelse, stadsfullmäktige, byggnadsnämnden), named in the nominative or the genitive a minutes heading uses
// (`Kaupunginhallituksen pöytäkirja`). Pages: fi-espoo-kaupunginhallitus-poytakirja-2017-05-08,
// fi-vantaa-kaupunginhallitus-poytakirja-2017-03-20.
const BODY_ENDINGS = [
  'raad',
  'ausschuss',
  'hallitu(?:s|ksen)',
  'valtuusto(?:n)?',
  'lautakun(?:ta|nan)',
  'jaosto(?:n)?',
  'toimikun(?:ta|nan)',
  'styrelse(?:n|ns)?',
  'fullmäktige',
  'nämnd(?:en|ens)?',
];
const NAMES_BODY = new RegExp(
  String.raw`(?:(?<!\p{L})(?:${MEETING_BODIES.join('|')})|${BODY_ENDINGS.join('|')})(?!\p{L})`,
  'iu',
);
// What a heading carries before its body's name that is no part of the title: the paper's kind stays, the weekday
// before the date goes (`ma 13/05/2024`, `dinsdag 9 april 2024`, Finnish `ma 8.5.2017`, `maanantaina`, Swedish `mån`).
const WEEKDAY_BEFORE_DATE =
  /\s*(?:(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|mo|mi|fr|sa|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lun|mar|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|ti|ke|pe|la|su|maanantai(?:na)?|tiistai(?:na)?|keskiviikko(?:na)?|torstai(?:na)?|perjantai(?:na)?|lauantai(?:na)?|sunnuntai(?:na)?|mån|tis|ons|tors|fre|lör|sön|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)\.?,?\s*)$/iu;
const MAX_HEADING = 200;
const MAX_LINE = 200;
// An element whose id calls it the page's title (`<span id="cphTitle_lblTitel">`: Meeting.burger), in English, Dutch,
// German, French or Spanish.
const TITLE_IDS = ['Title', 'title', 'Titel', 'titel', 'Titre', 'titre', 'Titulo', 'titulo']
  .map((w) => `[id*="${w}"]`)
  .join(',');
// Or an element its class styles as a heading, its lines parted by <br> only (`<label class="h3">Kaupunginhallitus<br>
// Pöytäkirja 08.05.2017 klo 15:30</label>`: Espoo's Documenta; `<td class="Header">Kaupunginhallitus<br>20.3.2017
// 17:00<br>Pöytäkirja</td>` heading a table: Vantaa's KTweb). Asked in the same one selector as the ids.
const HEADING_CLASSES = ['h1', 'h2', 'h3', 'Header', 'header', 'heading', 'Heading']
  .map((w) => `[class~="${w}"]`)
  .join(',');
const HEADING_TAGS = new Set(['H1', 'H2']);
const NOT_A_LINE = new Set(['TABLE', 'TBODY', 'UL', 'OL', 'DL']);
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

export interface OneMeeting {
  el: Element;
  /** The heading's whole text. */
  heading: string;
  title: string;
  reportedAt: string;
  place?: string;
}

const found = new WeakMap<Scan, OneMeeting | null>();

interface Dated {
  at: string;
  day: string;
  /** Where the date starts in the heading's text, when the heading holds it. */
  cut?: number;
  line?: Element;
}

function datedWithHour(text: string, ctx: DateContext): { at: string; day: string } | undefined {
  if (text.length > MAX_LINE) return undefined;
  const parts = parseDateParts(text, ctx);
  if (!parts?.hasTime) return undefined;
  const at = formatIso(parts, ctx.zone);
  return { at, day: at.slice(0, 10) };
}

// Where a date starts in a heading: its first digit or month word before the year is found by the date reader; the
// text before the first digit run that begins the date is the title's.
const DATE_START =
  /(?:\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\b\d{1,2}\.?\s+\p{L}{3,10}\.?,?\s+\d{4}|\b\d{4}-\d{2}-\d{2})/u;

function dated(scan: Scan, heading: Element, text: string, ctx: DateContext): Dated | undefined {
  const own = datedWithHour(text, ctx);
  if (own) {
    const at = DATE_START.exec(text);
    return { ...own, ...(at && { cut: at.index }) };
  }
  // The line under the heading: one line with one date, not a table, a list or a schedule's first rows (`<h1>Meeting
  // Schedule</h1><table>…`: each row a meeting of its own).
  const next = heading.nextElementSibling;
  // Nor a box of headings and paragraphs (`<h1>Meeting Detail</h1><div><h2>Planning Commission</h2><h3>…`): spans
  // and inline text only.
  if (!next || NOT_A_LINE.has(next.tagName.toUpperCase()) || !scan.leafy.has(next)) return undefined;
  const line = collapse(next.textContent ?? '');
  if ((line.match(YEAR) ?? []).length > 1) return undefined;
  const under = datedWithHour(line, ctx);
  return under ? { ...under, line: next } : undefined;
}

/**
 * The place on the line that gives the date: the block after the one holding the date, when it is words and no date
 * (`<span class="…meetingdate">di 19/03/2024 - 20:05</span><span class="…meetinglocation">De Wulfzaal</span>`).
 */
function placeBeside(line: Element, ctx: DateContext): string | undefined {
  for (let c = line.firstElementChild; c; c = c.nextElementSibling) {
    const text = collapse(c.textContent ?? '');
    if (!text || !datedWithHour(text, ctx)) continue;
    const after = c.nextElementSibling;
    const place = after ? collapse(after.textContent ?? '') : '';
    if (place.length < 3 || place.length > 120 || !/\p{L}{3}/u.test(place) || parseDateParts(place, ctx))
      return undefined;
    return place;
  }
  return undefined;
}

function onlyBreaksIn(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (tagOf(c) !== 'BR') return false;
  return true;
}

function titleOf(text: string, cut: number | undefined): string {
  if (cut === undefined) return text;
  const before = text
    .slice(0, cut)
    .replace(WEEKDAY_BEFORE_DATE, '')
    .replace(/[\s,:–-]+$/, '');
  return NAMES_BODY.test(before) ? before : text;
}

/**
 * The one meeting the page is about, or undefined: every heading that names a body with a day and an hour names the
 * same day (a schedule of meetings names many), the first of them is the page's.
 */
export function oneMeeting(scan: Scan, ctx: DateContext, rootText: string): OneMeeting | undefined {
  const known = found.get(scan);
  if (known !== undefined) return known ?? undefined;
  let result: OneMeeting | null = null;
  if (NAMES_BODY.test(rootText)) {
    let first: { heading: Element; text: string; dated: Dated } | undefined;
    let days = 0;
    const consider = (el: Element, text = collapse(el.textContent ?? '')) => {
      if (!text || text.length > MAX_HEADING || !NAMES_BODY.test(text)) return;
      const d = dated(scan, el, text, ctx);
      if (!d) return;
      if (!first) first = { heading: el, text, dated: d };
      else if (first.dated.day !== d.day) days++;
    };
    for (let i = 0; i < scan.all.length; i++) if (HEADING_TAGS.has(scan.tags[i]!)) consider(scan.all[i]!);
    // No heading: a leaf its id calls the title, wherever it sits (Meeting.burger keeps `<span
    // id="cphTitle_lblTitel">` in a `<div id="header">` the scan leaves out as chrome). One selector, asked only then.
    if (!first) {
      for (const el of Array.from(scan.root.querySelectorAll(`${TITLE_IDS},${HEADING_CLASSES}`))) {
        if (!el.firstElementChild) consider(el);
        else if (onlyBreaksIn(el)) consider(el, linesAtBreaks(el).filter(Boolean).join(' '));
      }
    }
    const one = first as { heading: Element; text: string; dated: Dated } | undefined;
    if (one && days === 0) {
      const place = one.dated.line ? placeBeside(one.dated.line, ctx) : undefined;
      result = {
        el: one.heading,
        heading: one.text,
        title: titleOf(one.text, one.dated.cut),
        reportedAt: one.dated.at,
        ...(place && { place }),
      };
    }
  }
  found.set(scan, result);
  return result ?? undefined;
}

/** A list whose rows all lie outside the meeting's heading, on a page about one meeting: the meeting's points. */
export function pointsOfOneMeeting(meeting: OneMeeting | undefined, items: Element[]): boolean {
  return !!meeting && !items.some((it) => it.contains(meeting.el));
}
