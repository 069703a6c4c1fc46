/**
 * The capture engine: any portal page (or the user's selection on it) → Issues. A matching recipe wins for its
 * fields; the generic extractor (labels, JSON-LD, meta, readable content) fills every other field.
 */
import type { Issue } from '../models/issue';
import { inHistoryTable } from './action-tables';
import { addressFromText } from './address';
import { type BuildContext, buildIssue } from './build-issue';
import { cardDraft } from './card-draft';
import { cardList } from './card-lists';
import { siteClues } from './city-zones';
import { citationRows, courtRows, mayListCases, mayListCitations } from './court-lists';
import { datedRows } from './dated-rows';
import { withShownOrder } from './dates';
import { detailDraft, type Page } from './detail';
import { fillFromPapers } from './document-lines';
import { documentLinks } from './document-links';
import { type Draft, fillGaps } from './draft';
import { filersBeforeDates } from './filer-dates';
import { findHeaderTables } from './header-tables';
import { inShapedHistory } from './history-shapes';
import { repeatOneHeading } from './kind-headings';
import { ISSUE_FIELDS } from './labels';
import { fieldsOutside, isAsideList, type ListFound, sectionsOfOneCase } from './lists';
import { meetingDates } from './meeting-dates';
import { headedAsMeetingDates, headedAsMeetings } from './meeting-grid';
import { meetingHeadings } from './meeting-headings';
import { forgetHead, readJsonLd, readMeta, type Structured } from './meta';
import { microdataNodes } from './microdata';
import { firstMover } from './movers';
import { type CaptureNote, captureNote } from './notes';
import { oneHit } from './one-hit';
import { type OneMeeting, oneMeeting, pointsOfOneMeeting } from './one-meeting';
import { findPagination, type Pagination } from './pagination';
import { collectPairs } from './pairs';
import { plainList } from './plain-lists';
import { preformattedList } from './pre-lists';
import { findRecipe, type Recipe } from './recipe';
import { overlay, recipeDraft } from './recipe-draft';
import { structureRecords } from './records';
import { createScan } from './scan';
import { contentLoadedByScript, hasMainText, hasOwnCase, rowsLoadedByScript } from './script-shell';
import { isSearchPage } from './search-page';
import { selectionRoot, textDraft } from './selection-draft';
import { repeatedBlocks, tableList } from './table-lists';
import { collapse, tidyLines } from './text';
import { baseUrl } from './urls';
import { pairsShowACase } from './value-shapes';
import { pageDateContext } from './zones';

export type Selection = Range | Element | string;

export interface ExtractOptions {
  /** The page's address (defaults to document.URL, then canonical / og:url). */
  url?: string;
  /** Capture time: `createdAt`, `updatedAt` and `source.capturedAt`. */
  now?: Date;
  recipes?: readonly Recipe[];
  /** Limit extraction to what the user selected. */
  selection?: Selection | null;
  idFactory?: BuildContext['idFactory'];
}

export interface ExtractResult {
  issues: Issue[];
  kind: 'detail' | 'list' | 'selection';
  pagination?: Pagination;
  recipeId?: string;
  /** What the person clipping should know (zh-CN and English): why no case came out, what was skipped. */
  notes: CaptureNote[];
}

function pageUrlOf(doc: Document, explicit: string | undefined, metaUrl: string | undefined): string | undefined {
  if (explicit) return explicit;
  const u = (doc as { URL?: unknown }).URL;
  if (typeof u === 'string' && /^https?:/i.test(u)) return u;
  return metaUrl && /^https?:/i.test(metaUrl) ? metaUrl : undefined;
}

function portalOf(
  siteName: string | undefined,
  structured: Structured,
  docTitle: string,
  url?: string,
): string | undefined {
  if (siteName) return siteName;
  if (structured.portal) return structured.portal;
  const parts = docTitle.split(/\s*(?:[_|｜]|\s[-–—]\s|--)\s*/).filter(Boolean);
  if (parts.length >= 2) return parts[parts.length - 1];
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A row with no title and no description (`SR-101 | Pothole | 12 Main St | 03/12/2020 | Open`) is named by what it
 * is and where, never by the page's <title>, which every row of the list would share.
 */
function titleOfRow(d: Draft): void {
  if (d.title || d.description) return;
  const parts = [d.category, d.address].filter((p): p is string => !!p);
  if (parts.length) d.title = parts.join(' · ');
  else d.title ??= d.caseNumber;
}

// A file's name (`2024-07-30Presentations.pdf`): what a case's attachments list shows, never a case of its own.
const FILE_NAME = /^\S[^\n]{0,120}\.(?:pdf|docx?|xlsx?|pptx?|rtf|txt|zip|csv|odt)$/i;

/**
 * Every row of the list is one file's name: the documents of the page's case (a meeting's agenda packet and
 * minutes), not a list of cases. Page: us-gcrta-board-meeting-2024-07-30 (its `Attachments` block).
 */
function filesOnly(list: ListFound): boolean {
  return list.drafts.length > 0 && list.drafts.every((d) => FILE_NAME.test((d.title ?? '').trim()));
}

/**
 * Elements that may each hold one paper of a proceeding, and `<pre>` records of lines (document-lines.ts); a `<div>`
 * holding no block may too.
 */
const PAPER_ITEM_TAGS = new Set(['LI', 'FIELDSET', 'TR', 'PRE']);

/** Extracts the issues of a page: one for a detail page, one per case for a list page. */
export function extractIssues(doc: Document, opts: ExtractOptions = {}): ExtractResult {
  const notes: CaptureNote[] = [];
  forgetHead(doc);
  const meta = readMeta(doc);
  const pageUrl = pageUrlOf(doc, opts.url, meta.url);
  const base = baseUrl(doc, pageUrl);
  const body = doc.body ?? doc.documentElement;
  // The <title> first: 百家号 opens <body> with 2,500 characters of script, which hid that the page is Chinese.
  // Pages: cn-baijiahao-* (held-out-cn, seen after its one scoring).
  const bodyText = body?.textContent ?? '';
  const ctx = withShownOrder(
    pageDateContext({
      lang: meta.lang,
      url: pageUrl,
      text: `${meta.title}\n${bodyText}`,
      siteName: meta.siteName,
      title: meta.title,
      clues: siteClues(body),
    }),
    bodyText,
  );
  let structured = readJsonLd(doc);
  const build: BuildContext = {
    pageUrl,
    pageTitle: meta.title || undefined,
    portal: portalOf(meta.siteName, structured, meta.title, pageUrl),
    now: opts.now ?? new Date(),
    idFactory: opts.idFactory,
  };
  const finish = (drafts: Draft[], kind: ExtractResult['kind'], extra: Partial<ExtractResult> = {}): ExtractResult => {
    const issues: Issue[] = [];
    const ids = new Set<string>();
    drafts.forEach((draft, i) => {
      try {
        addressFromText(draft);
        if (kind === 'list') titleOfRow(draft);
        let issue = buildIssue(draft, build, i);
        // Two identical rows would share an id; the second gets its position appended. Whether the id was there is
        // read off the set's size: one lookup per case, not two (a set of 10,000 strings costs milliseconds).
        const known = ids.size;
        ids.add(issue.id);
        if (ids.size === known) {
          issue = { ...issue, id: `${issue.id.slice(0, 56)}-${i}` };
          ids.add(issue.id);
        }
        issues.push(issue);
      } catch (error) {
        notes.push(captureNote('case-skipped', { n: i + 1, reason: (error as Error).message.split('\n')[0]! }));
      }
    });
    return { issues, kind, notes, ...extra };
  };

  if (typeof opts.selection === 'string') {
    return finish([textDraft(opts.selection, ctx)], 'selection');
  }
  let root: Element | null = body;
  let limited = false;
  let selectionText: string | undefined;
  if (opts.selection) {
    const s = selectionRoot(doc, opts.selection);
    root = s.root;
    selectionText = s.text;
    limited = true;
  }
  if (!root) return { issues: [], kind: 'detail', notes: [captureNote('empty-document')] };
  // The text under the root, read once: the page's own, or the selection's block.
  const rootText = root === body ? bodyText : (root.textContent ?? '');
  const scan = createScan(doc, root);
  if (!limited) {
    // JSON-LD in <body> (many CMSs put it there), found in the walk the scan already made.
    const bodyLd = scan.jsonLd;
    const micro = microdataNodes(scan);
    if (bodyLd.length || micro.length) {
      structured = readJsonLd(doc, bodyLd, micro);
      build.portal = portalOf(meta.siteName, structured, meta.title, pageUrl);
    }
  }
  let meeting: OneMeeting | undefined | null = null;
  const page: Page = {
    meeting: () => {
      if (meeting === null) meeting = limited ? undefined : oneMeeting(scan, ctx, rootText);
      return meeting;
    },
    doc,
    scan,
    ctx,
    base,
    pageUrl,
    meta,
    limited,
    structured: limited ? { images: [], updates: [] } : structured,
  };
  const tables = findHeaderTables(scan, ctx);
  const pairs = collectPairs(scan, tables);
  const recipe = findRecipe(opts.recipes, pageUrl);
  const recipeId = recipe?.id;

  if (recipe?.list) {
    const rows = Array.from(root.querySelectorAll(recipe.list.rowSelector));
    if (rows.length) {
      const drafts = rows.map((row) => {
        const generic = cardDraft(row, pairs, ctx, base);
        return overlay(recipeDraft(row, recipe.list!.fields, ctx, base), generic);
      });
      return finish(drafts, 'list', { recipeId, pagination: findPagination(scan, base, rows) });
    }
    notes.push(captureNote('recipe-no-rows', { recipe: recipe.id, selector: recipe.list.rowSelector }));
  }

  // Read at most once: reading marks what it took (scan.used).
  let detailFirst: Draft | undefined;
  const list: ListFound | null =
    tableList(tables, ctx, base) ??
    (mayListCases(bodyText) ? courtRows(scan, ctx, base) : null) ??
    (mayListCitations(bodyText) ? citationRows(scan, ctx, base) : null) ??
    repeatedBlocks(pairs, ctx, base) ??
    cardList(scan, pairs, ctx, base, rootText) ??
    plainList(scan, pairs, ctx, base) ??
    meetingDates(scan, ctx, base, rootText) ??
    datedRows(scan, ctx, base) ??
    preformattedList(scan, ctx, base) ??
    meetingHeadings(scan, ctx) ??
    // The generic layer beneath: records found by their repeated structure, whatever words the site uses.
    structureRecords(scan, pairs, ctx, base) ??
    // A page of document links under group headings and nothing else.
    (limited ? null : documentLinks(scan, pairs, base)) ??
    // A results page that says it shows one hit: its one row.
    (limited ? null : oneHit(scan, bodyText, pairs, ctx, base));
  if (list && !recipe?.fields?.title) {
    const outside = fieldsOutside(pairs, list.items, ctx);
    // One case row over the history of that case (a summary table atop a detail page) is no list.
    if (list.single) detailFirst = detailDraft(page, pairs, tables);
    const detailEvidence =
      (outside.size >= 3 && (outside.has('title') || outside.has('description'))) ||
      isAsideList(list.items) ||
      sectionsOfOneCase(pairs, list.items) ||
      filesOnly(list) ||
      (inHistoryTable(list.items, ctx) && !headedAsMeetingDates(list.items)) ||
      (inShapedHistory(list.items, ctx) && !headedAsMeetings(list.items)) ||
      (detailFirst?.updates.length ?? 0) > 0 ||
      repeatOneHeading(scan, list.items) ||
      // A page about one meeting: the rows are its agenda's points.
      pointsOfOneMeeting(page.meeting(), list.items) ||
      // The page states its own case (`itemtype="…/Question"`) outside the rows: they are other cases beside it.
      (Boolean(structured.isCase && structured.title) &&
        !list.items.some((it) => (it.textContent ?? '').includes(structured.title!)));
    if (!detailEvidence) {
      filersBeforeDates(list.drafts, ctx);
      for (const d of list.drafts) d.url ??= pageUrl;
      return finish(list.drafts, 'list', { recipeId, pagination: findPagination(scan, base, list.items) });
    }
  }

  // A list saved without the rows its script loads: no case rather than one made up from the page's chrome. Not
  // when the page has a clear main text of its own (an article beside an ajax-filled related-links list).
  const caseLabels =
    pairs.some((p) => p.field && p.field !== 'title' && ISSUE_FIELDS.has(p.field)) || pairsShowACase(pairs, ctx);
  // The pages below (saved script shells, a search page) give no case only when nothing on them is labelled or titled.
  const nothingOfItsOwn = !limited && !recipe && !caseLabels && !structured.title;
  // Nor when it shows one case of its own under its heading (a message still awaiting its reply).
  if (nothingOfItsOwn && rowsLoadedByScript(doc, root) && !hasMainText(scan) && !hasOwnCase(scan, meta.title, ctx)) {
    notes.push(captureNote('rows-loaded-by-script'));
    return finish([], 'list');
  }
  // A page whose own text its scripts load, saved without it: no case made of its <title>.
  if (nothingOfItsOwn && contentLoadedByScript(doc, scan) && !hasMainText(scan)) {
    notes.push(captureNote('content-loaded-by-script'));
    return finish([], 'detail');
  }
  if (nothingOfItsOwn && isSearchPage(scan, root, meta.title)) {
    notes.push(captureNote('search-page'));
    return finish([], 'detail');
  }
  const generic = detailFirst ?? detailDraft(page, pairs, tables);
  // A proceeding's page listing its papers (a question, its answer): its history, who asked and who answered.
  const brs = limited ? [] : scan.all.filter((_, i) => scan.tags[i] === 'BR');
  // A motion's signatories under its heading: the first of them tabled it (movers.ts).
  if (!limited) generic.reporterName ??= firstMover(brs);
  if (!limited)
    fillFromPapers(
      generic,
      root,
      ctx,
      false,
      brs,
      scan.all.filter((el, i) => PAPER_ITEM_TAGS.has(scan.tags[i]!) || (scan.tags[i] === 'DIV' && scan.leafy.has(el))),
    );
  if (limited && selectionText) {
    // A Range over part of a block: what was selected wins over the whole block around it.
    const partial = collapse(selectionText).length < collapse(rootText).length * 0.8;
    if (partial) {
      const fromText = textDraft(selectionText, ctx);
      const merged = fillGaps(fromText, generic);
      if (!fromText.updates.length) merged.updates = generic.updates;
      merged.attachments = generic.attachments;
      merged.url = generic.url;
      Object.assign(generic, merged);
    } else if (!generic.description) generic.description = tidyLines(selectionText);
  }
  const draft = recipe ? overlay(recipeDraft(doc, recipe.fields, ctx, base), generic) : generic;
  if (!draft.title) notes.push(captureNote('no-title'));
  return finish([draft], limited ? 'selection' : 'detail', recipeId ? { recipeId } : {});
}
