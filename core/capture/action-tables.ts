/**
 * Tables of dated actions with neither a header row nor a timeline heading: each row a short date cell (`02/01 (H)`,
 * `2/14/2013`) and the action taken (`Referred to Human Services.`), as a legislature prints a bill's history.
 * Page: us-oregon-leg-hb3623-bill-history.
 */
import { hasDate, MERIDIEM_CLOCK, parseDateCell } from './dates';
import { closestTag, tagOf } from './elements';
import type { Scan } from './scan';
import { mapBillAction } from './status';
import { collapse } from './text';
import type { UpdateDraft } from './update-entry';
import { readText } from './visible-text';
import type { DateContext } from './zones';

// `02/01 (H)`: month and day with the chamber that acted, the year only in the session the page belongs to.
const DATE_CELL =
  /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?:\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s*\([A-Za-z]{1,3}\))?:?$/i;
const MIN_ROWS = 3;

/** A row's cells that show text, or undefined as soon as there are more than `max` (read no further: a 2 MB list's wide rows). */
function writtenCells(tr: Element, max: number): Element[] | undefined {
  const out: Element[] = [];
  for (const c of Array.from(tr.children)) {
    const tag = tagOf(c);
    if ((tag !== 'TD' && tag !== 'TH') || collapse(c.textContent ?? '') === '') continue;
    out.push(c);
    if (out.length > max) return undefined;
  }
  return out;
}

function isDateCell(text: string, ctx: DateContext): boolean {
  return text.length <= 24 && (DATE_CELL.test(text) || hasDate(text, ctx));
}

/**
 * A definition list whose terms are dates (`<dl><dt><strong>2/14/2013:</strong><dd>Referred to the House Committee
 * on Energy and Commerce.`): each term and its definition one action. Dated terms are evidence enough, one will do.
 * Page: us-thomas-hr718-bill-status (held-out-en, after it was scored).
 */
function datedTermUpdates(scan: Scan, ctx: DateContext): UpdateDraft[][] {
  const out: UpdateDraft[][] = [];
  for (const dl of scan.all) {
    if (tagOf(dl) !== 'DL' || scan.excluded(dl) || scan.used.has(dl) || dl.parentElement?.closest('dl')) continue;
    const terms = Array.from(dl.querySelectorAll('dt'));
    const entries: Array<{ dt: Element; when: string; what: Element }> = [];
    for (const dt of terms) {
      const when = collapse(dt.textContent ?? '');
      const what = dt.nextElementSibling;
      if (!isDateCell(when, ctx) || !what || tagOf(what) !== 'DD') break;
      entries.push({ dt, when, what });
    }
    if (!entries.length || entries.length < terms.length) continue;
    out.push(entries.map(({ dt, when, what }) => action(scan, dt, when, what, ctx)));
    scan.used.add(dl);
  }
  return out;
}

// What may hold one dated line, and the date that opens it (`<p><b>1/6/2009:</b> Introduced in the Senate.</p>`,
// `<div><div>1/6/2009</div><div>Introduced …</div></div>`).
const LINE_TAGS = new Set(['P', 'DIV', 'LI']);
const LINE_DATE_TAGS = new Set(['B', 'STRONG', 'SPAN', 'EM', 'DIV', 'LABEL', 'TIME']);

/** A line opened by a date in an element of its own, the action after it; undefined for any other element. */
function datedLine(el: Element, ctx: DateContext): { when: string; what: Element } | undefined {
  const first = el.firstElementChild;
  if (!first || !LINE_DATE_TAGS.has(tagOf(first))) return undefined;
  for (let n = el.firstChild; n && n !== first; n = n.nextSibling) if ((n.textContent ?? '').trim()) return undefined;
  const raw = first.textContent ?? '';
  if (raw.length > 40) return undefined;
  const when = collapse(raw);
  if (!isDateCell(when, ctx) || !collapse(readText(el, (c) => c === first))) return undefined;
  return { when, what: el };
}

/**
 * Sibling lines each opened by a date (a bold date and the action after it, a date's div and the action's): the
 * same history a `<dl>` of dated terms prints, laid out as lines. Two lines at least, and beside them at most one
 * other element that shows text (their heading).
 * Found by the shape ablation (us-thomas-*-bill-status's `ALL ACTIONS` as `<p><b>date:</b> action</p>` lines). Read
 * only where nothing else gave the page a history (updates.ts): a timeline's entries open with their dates too.
 */
export function datedLineUpdates(scan: Scan, ctx: DateContext): UpdateDraft[] {
  const out: UpdateDraft[][] = [];
  const seen = new Set<Element>();
  for (let i = 0; i < scan.all.length; i++) {
    if (!LINE_TAGS.has(scan.tags[i]!) || scan.childless[i] === 1) continue;
    const parent = scan.all[i]!.parentElement;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    if (scan.excluded(parent) || scan.used.has(parent)) continue;
    const lines: Array<{ el: Element; when: string }> = [];
    let others = 0;
    for (const el of Array.from(parent.children)) {
      const line = LINE_TAGS.has(tagOf(el)) ? datedLine(el, ctx) : undefined;
      if (line) lines.push({ el, when: line.when });
      else if (collapse(el.textContent ?? '')) others++;
    }
    // A heading over the lines may share their parent; anything more and the lines are part of something else.
    if (lines.length < 2 || others > 1) continue;
    out.push(
      lines.map(({ el, when }) => {
        const draft = action(scan, el, when, el, ctx, el.firstElementChild!);
        scan.used.add(el);
        return draft;
      }),
    );
  }
  return withoutDigests(out).flat();
}

function action(scan: Scan, at: Element, when: string, what: Element, ctx: DateContext, skip?: Element): UpdateDraft {
  const text = collapse(readText(what, skip ? (c) => c === skip : undefined));
  const draft: UpdateDraft = { text, order: scan.order.get(at) ?? 0, el: at };
  const date = parseDateCell(when, ctx);
  if (date) draft.at = date;
  const status = mapBillAction(text);
  if (status) draft.status = status;
  return draft;
}

// Who acted, between the date and the action (`Senate`, `House`): a word or two, no digits.
const ACTOR_CELL = /^[A-Za-z][A-Za-z .'&-]{0,19}$/;
// A history names a few actors again and again (the two chambers, the governor), never one per row.
const MAX_ACTORS = 4;

interface DatedRow {
  tr: Element;
  when: string;
  what: Element;
  actor?: string;
}

/**
 * A row of a history: a date cell and the action, perhaps with who acted between them (`02/02/11 | Senate |
 * Introduced and read first time`). A cell with no text (a document icon's link between the date and the entry) is
 * no column of the history. Pages: us-pacer-cavc-case-summary-18-3815, us-sc-legislature-s494-bill-history.
 */
function datedRow(tr: Element, ctx: DateContext): DatedRow | undefined {
  const cells = writtenCells(tr, 3);
  if (!cells || (cells.length !== 2 && cells.length !== 3)) return undefined;
  const when = collapse(cells[0]!.textContent ?? '');
  const what = cells[cells.length - 1]!;
  const actor = cells.length === 3 ? collapse(cells[1]!.textContent ?? '') : undefined;
  if (actor !== undefined && !ACTOR_CELL.test(actor)) return undefined;
  const done = collapse(what.textContent ?? '');
  // An action is words: a last cell that is only a date or a clock time is a schedule's column (`Submission due |
  // Hearing date`, `Date | Location | Time`), its rows meetings. Page: us-omaha-planning-zoning-board-of-appeals-meetings-2022.
  if (MERIDIEM_CLOCK.test(done) || isDateCell(done, ctx)) return undefined;
  if (!isDateCell(when, ctx) || !done || papersOnly(what)) return undefined;
  return { tr, when, what, actor };
}

const PAPER_LINK = /\.(?:pdf|docx?|rtf|pptx?|xlsx?)(?:[?#]|$)/i;

/**
 * A cell whose every word is the label of a link to a file (`MID-GSA Agenda`, `Minutes`, `Notice of Cancellation`,
 * each a PDF): a meeting's papers beside its date, no action taken on a case — the table is a schedule of meetings.
 * Page: us-madera-irrigation-district-agendas-minutes-2022 (`Date | Agendas & Minutes`).
 */
function papersOnly(cell: Element): boolean {
  let papers = 0;
  const walk = (node: Node): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if ((c.textContent ?? '').trim()) return false;
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (tagOf(el) === 'A') {
          if (!collapse(el.textContent ?? '')) continue;
          if (!PAPER_LINK.test(el.getAttribute('href') ?? '')) return false;
          papers++;
        } else if (!walk(el)) return false;
      }
    }
    return true;
  };
  return walk(cell) && papers > 0;
}

/**
 * The rows of a table that is a dated history (at least three rows of a date and an action, most of the table's
 * written rows, few actors), or null. `known`: rows already read by `datedRow`, not read again.
 */
function historyRows(table: Element, ctx: DateContext, known?: ReadonlyMap<Element, DatedRow>): DatedRow[] | null {
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => closestTag(tr, 'TABLE') === table);
  const dated = rows.map((tr) => known?.get(tr) ?? datedRow(tr, ctx)).filter((r): r is DatedRow => r !== undefined);
  // Rows with no text (`<td class="borderbttm"></td>`: a rule drawn between entries) are no rows of the history.
  // Page: us-scotus-docket-17-5574.
  const written = rows.filter((tr) => collapse(tr.textContent ?? '') !== '').length;
  if (dated.length < MIN_ROWS || dated.length < written * 0.6) return null;
  const actors = new Set(dated.map((r) => r.actor).filter(Boolean));
  return actors.size <= MAX_ACTORS ? dated : null;
}

/**
 * Elements a list finder took that are all rows of one dated history table: the actions of the page's own item (a
 * bill's history), not a list of cases. Page: us-sc-legislature-s494-bill-history.
 */
export function inHistoryTable(items: readonly Element[], ctx: DateContext): boolean {
  if (items.length < MIN_ROWS) return false;
  const table = closestTag(items[0]!, 'TABLE');
  if (!table) return false;
  // Every item must be in the table and a dated row: the first that is not settles it before the whole table is
  // read. The rows read here are not read again for the table.
  const rowOf = new Map<Element, Element | null>();
  const known = new Map<Element, DatedRow>();
  for (const it of items) {
    if (closestTag(it, 'TABLE') !== table) return false;
    const tr = closestTag(it, 'TR');
    rowOf.set(it, tr);
    if (!tr || closestTag(tr, 'TABLE') !== table || known.has(tr)) continue;
    const row = datedRow(tr, ctx);
    if (!row) return false;
    known.set(tr, row);
  }
  const rows = historyRows(table, ctx, known);
  if (rows === null) return false;
  const trs = new Set(rows.map((r) => r.tr));
  return items.every((it) => {
    const tr = rowOf.get(it) ?? null;
    return (tr !== null && trs.has(tr)) || rows.some((r) => it.contains(r.tr));
  });
}

export function actionTableUpdates(scan: Scan, ctx: DateContext): UpdateDraft[] {
  const groups: UpdateDraft[][] = datedTermUpdates(scan, ctx);
  for (const table of scan.all) {
    if (tagOf(table) !== 'TABLE' || scan.excluded(table) || scan.used.has(table)) continue;
    const dated = historyRows(table, ctx);
    if (!dated) continue;
    groups.push(dated.map(({ tr, when, what }) => action(scan, tr, when, what, ctx)));
    // The rows, not the table: a heading row above them (`HB 3623 | By … -- Relating to …`) is the case's own.
    for (const { tr } of dated) scan.used.add(tr);
  }
  return withoutDigests(groups).flat();
}

/**
 * A shorter list of actions whose days all appear in a longer one is its digest (THOMAS's `MAJOR ACTIONS` table
 * above `ALL ACTIONS`): the full history is the case's updates. Page: us-thomas-s227-bill-status.
 */
function withoutDigests(groups: UpdateDraft[][]): UpdateDraft[][] {
  const days = (g: UpdateDraft[]) => new Set(g.map((u) => u.at?.slice(0, 10)).filter(Boolean));
  return groups.filter((g) => {
    const mine = days(g);
    if (mine.size === 0) return true;
    return !groups.some((o) => o !== g && o.length > g.length && [...mine].every((d) => days(o).has(d)));
  });
}
