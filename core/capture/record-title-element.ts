/**
 * Which element of a list's record names it: a heading, then a title-classed element, then a link or emphasised
 * text, then a table cell of words; a script-only link, a link drawn around a row's cells or a line that only names
 * a paper ranks below them. What reads as a title at all is record-title.ts's question.
 */
import { dateAlone, stripDates } from './dates';
import { BLOCK_TAGS, TITLE_CLASS, tagOf } from './elements';
import { openingIdentifier } from './identifiers';
import { paperOnly } from './paper-refs';
import { dateInTitle } from './record-dates';
import { titleLike, titleWords } from './record-title';
import { collapse } from './text';
import { readText } from './visible-text';
import type { DateContext } from './zones';

const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const EMPHASIS = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'U', 'FONT', 'SPAN', 'DT', 'CAPTION']);

/** A heading or a link this short names its record, a date in it included. */
export const NAMING = new Set([...HEADING, 'A']);
export const MAX_NAME = 160;

/**
 * A link that goes nowhere but runs a script (`<b><a href="#?" onclick="caSubmit(…)">Didaktischer Koordinator</a></b>`,
 * a search by the record's keyword), or emphasis holding only such a link: it names the record only when nothing
 * else does. Page: de-rheinland-pfalz-opal-kleine-anfragen-vorgaenge-seite-2 (the keyword over the bold title).
 */
function scriptLinkOnly(el: Element): boolean {
  const a = tagOf(el) === 'A' ? el : el.childElementCount === 1 ? el.firstElementChild : null;
  if (!a || tagOf(a) !== 'A' || !a.hasAttribute('onclick')) return false;
  const href = a.getAttribute('href') ?? '';
  if (!/^(?:#|javascript:)/i.test(href)) return false;
  return a === el || collapse(el.textContent ?? '') === collapse(a.textContent ?? '');
}

/**
 * A link drawn around a row's cells (`<a class="list-group-item"><div>08/10-2025</div><div><strong>Aarhus
 * Byråd</strong></div><div>Dagsorden</div></a>`) is named by its cells' words, each apart and the date left out (the
 * record's date, not its name), never by its text run together (`08/10-2025Aarhus ByrådDagsorden`). Undefined for a
 * link drawn around no block. Page: dk-aarhus-firstagenda-dagsordener-referater-list.
 */
function cellsName(link: Element, ctx: DateContext): string | undefined {
  let blocks = false;
  for (let c = link.firstElementChild; c && !blocks; c = c.nextElementSibling) blocks = BLOCK_TAGS.has(tagOf(c));
  if (!blocks) return undefined;
  const lines = readText(link).split('\n').map(collapse);
  return lines.filter((l) => l && !dateAlone(l, ctx)).join(' ');
}
/**
 * Emphasis or a link that names no record: a label before its colon (`<strong>Exemptions</strong>: Section 47C`), or
 * a link within a sentence to a place on the same page (`The documents are <a href="#contactus">available upon
 * request</a>.`). Page: au-servicesaustralia-foi-disclosure-log-2023-11.
 */
function aside(el: Element): boolean {
  const next = el.nextSibling;
  if (next?.nodeType === 3 && /^\s*[:：]/.test((next as Text).data)) return true;
  if (tagOf(el) !== 'A' || !(el.getAttribute('href') ?? '').startsWith('#') || el.hasAttribute('onclick')) return false;
  const prev = el.previousSibling;
  return prev?.nodeType === 3 && /\p{L}\s*$/u.test((prev as Text).data);
}

/** Whether an element holds a block (a cell of paragraphs), not only a line. */
function firstBlock(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (BLOCK_TAGS.has(tagOf(c))) return true;
  return false;
}

/**
 * A cell of paragraphs is named by its first line, as a reader names it (`Copy of every decision letter template …
 * (LEX 76340).` over `15 documents released in full.` and the sections of the Act), never by all of them run
 * together. Page: au-servicesaustralia-foi-disclosure-log-2023-11.
 */
function firstLine(el: Element): string {
  for (const line of readText(el).split('\n')) {
    const t = collapse(line);
    if (t) return t;
  }
  return '';
}

/** A block link's words longer than this are a card's prose: what it emphasises names the record. */
const MAX_CELLS_NAME = 80;

/** The record's most prominent title-like element: a heading, then a title-classed element, then a link or bold. */
export function titleElement(
  els: Element[],
  ctx: DateContext,
  control?: string,
): { el: Element; text: string; dateHead?: boolean } | null {
  type Found = { el: Element; text: string; rank: number };
  let best: Found | null = null;
  let weak: Found | null = null;
  for (const el of els) {
    const tag = tagOf(el);
    let rank = HEADING.has(tag)
      ? 0
      : TITLE_CLASS.test(el.getAttribute('class') ?? '')
        ? 1
        : tag === 'A' && el.hasAttribute('href')
          ? scriptLinkOnly(el)
            ? 3
            : 2
          : EMPHASIS.has(tag) && tag !== 'A' && tag !== 'SPAN' && tag !== 'FONT'
            ? scriptLinkOnly(el)
              ? 3
              : 2
            : // A table row names its record by a cell of words when no link or bold does (an address, a caption).
              tag === 'TD' || tag === 'TH'
              ? 3
              : 9;
    const cells = rank === 2 && tag === 'A' ? cellsName(el, ctx) : undefined;
    if (cells !== undefined && cells.length > MAX_CELLS_NAME) rank = 4;
    // Of title-classed boxes one inside another (`<li class="c-bt"><p class="c-bt-t"><a>…</a></p><p class="c-bt-c">
    // （…第320号令发布…）</p></li>`), the innermost names the record: the outer adds its notes. Page:
    // cn-beijing-gongkai-zfxxgk-regulations-list.
    const inner = rank === 1 && best?.rank === 1 && best.el.contains(el);
    if (rank === 9 || (best && best.rank <= rank && !inner) || (rank === 2 && aside(el))) continue;
    const text = cells ?? ((tag === 'TD' || tag === 'TH') && firstBlock(el) ? firstLine(el) : nameOf(el, ctx));
    // A line that only names the paper (`Schriftliche Anfrage Drucksache Nr. 17/4828 vom 09.02.2015`, `Antwort der
    // Staatsregierung`) gives facts, not the title. Page: de-bayern-landtag-schriftliche-anfragen-suchergebnis.
    if (text === control || paperOnly(text) || labelledDate(text, ctx)) continue;
    if (titleLike(text, ctx)) best = { el, text, rank };
    // A link that is the record's number (`XIIP-445 2013-04-11`) under the words of its cell: the cell names the
    // record, as a link elsewhere in the row (its status: `Priimtas dokumentas XII-564`) does not. Page:
    // lt-lrs-kaseta-teises-aktu-projektai.
    else if (rank === 2 && best?.rank === 3 && best.el.contains(el) && openingIdentifier(text, ctx)) best.rank = 2;
    // A document's link named by one word and its date (`SSA2Minutes 10-2-2018`) names its record when nothing
    // else does. Page: us-belmont-central-ssa2-meeting-minutes.
    else if (rank === 2 && tagOf(el) === 'A' && !weak && datedName(text, ctx)) weak = { el, text, rank: 8 };
    // A record headed by its date alone (`<h2>July 21, 2023</h2>` over a meeting's notice and its `Read More`) is
    // named by that date, as a reader names it. Page: us-indianapolis-airport-board-papers-2023.
    else if (rank === 0 && !best && dateAlone(text, ctx)) return { el, text, dateHead: true };
    // A record with a heading is named by it: a section headed `When` or `Contact` is no record of a list.
    else if (rank === 0 && text) return null;
  }
  return best ?? weak;
}

/** Words an action's tooltip adds to what its link shows, a date aside (`View Minutes for 07/12/2022`). */
const ACTION_WORDS = 3;

/**
 * An element's name: its tooltip when that opens with what it shows (a title cut short on the page: `很长的标题…`) or
 * says more around it (`View Agenda for <the meeting's name> on 9/22/2022` over `Agenda`), else what it shows: a
 * tooltip that does not hold it, or adds only an action's words and a date (`<a title="View Minutes for
 * 07/12/2022">Minutes</a>`), or sits over a date (`<a title="View Agenda for 07/26/2022">July 26, 2022</a>`), is an
 * action's. Pages: us-contracosta-agendaquick-meetings-july-2022, us-sandiego-onbase-council-committees-recent-upcoming.
 */
function nameOf(el: Element, ctx: DateContext): string {
  const shown = collapse(el.textContent ?? '');
  const tip = collapse(el.getAttribute('title') ?? '');
  if (!tip || dateAlone(shown, ctx)) return shown;
  const cut = shown.replace(/\s*(?:\.{2,}|…+)$/, '');
  if (!cut || tip.startsWith(cut)) return tip;
  return tip.includes(cut) && titleWords(stripDates(tip.replace(cut, ' '))) > ACTION_WORDS ? tip : shown;
}

/**
 * A label with a date or nothing after it (`<em>Expiration date: 7/22/2013</em>`, `<em>Expiration date: </em>`) is a
 * field of the record, never its name. Page: us-usace-mvp-regulatory-public-notices-list.
 */
export function labelledDate(text: string, ctx: DateContext): boolean {
  const m = /^[^:：]{1,40}[:：]\s*(.*)$/.exec(text);
  return m !== null && (m[1] === '' || dateAlone(m[1]!, ctx) !== undefined);
}

/** A short name of a word or more that holds a date besides it: a document's name with its day. */
function datedName(text: string, ctx: DateContext): boolean {
  return text.length <= MAX_NAME && titleWords(stripDates(text)) >= 1 && dateInTitle(text, ctx) !== undefined;
}
