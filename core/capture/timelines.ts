/**
 * Timelines → updates: lists or blocks under a `处理进度` / `Updates` heading, or whose class names one
 * (`progress`, `timeline`, `huifu`…), whose items each carry a date, an author and a text.
 */

import { parseDate } from './dates';
import { shapeOf, tagOf } from './elements';
import { toSimplified } from './labels';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { collapse } from './text';
import { parseItem, type UpdateDraft } from './update-entry';
import { readText } from './visible-text';
import type { DateContext } from './zones';

const TIMELINE_PARTS = new Set([
  'update',
  'updates',
  'reply',
  'replies',
  'answer',
  'answers',
  'response',
  'responses',
  'timeline',
  'progress',
  'process',
  'flow',
  'history',
  'track',
  'tracking',
  'record',
  'records',
  'feedback',
  'huifu',
  'dafu',
  'jindu',
  'liucheng',
  'steps',
  'activity',
  'comments',
]);
// `Behandeling` (the Tweede Kamer's list of debates and votes a paper went through), `Beratungsverlauf`, `Proceedings`:
// a parliament's steps for one paper. Page: nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen.
const TIMELINE_HEAD =
  /^(behandeling|beratungsverlauf|proceedings|处理进度|办理进度|处理过程|办理过程|办理流程|处理流程|流转记录|流转信息|案件流转|处理记录|办理记录|办理情况|处理情况|答复信息|回复信息|回复|答复|部门回复|官方回复|处理结果|办理结果|进展|进度|跟进记录|处理反馈|办理反馈|updates?|progress|history|timeline|responses?|replies|activity)/;
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
const ITEM_TAGS = new Set(['LI', 'DIV', 'ARTICLE', 'SECTION', 'DL', 'TR', 'BLOCKQUOTE']);
const WRAPPER_TAGS = new Set(['UL', 'OL', 'DIV', 'SECTION', 'DL', 'TBODY', 'TABLE']);

function hasTimelineClass(el: Element): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (!words.trim()) return false;
  for (const token of words.split(/\s+/)) {
    for (const part of token.split(/[-_]+/)) if (TIMELINE_PARTS.has(part)) return true;
  }
  return false;
}

function headingOf(el: Element): Element | null {
  const first = el.firstElementChild;
  if (!first) return null;
  const cls = (first.getAttribute('class') ?? '').toLowerCase();
  if (!HEADING_TAGS.has(tagOf(first)) && !/(^|[-_\s])(hd|head|header|title|tit|caption)([-_\s]|$)/.test(cls))
    return null;
  const raw = first.textContent ?? '';
  return raw.length <= 200 && collapse(raw).length <= 20 ? first : null;
}

const REPLY_HEAD =
  /^(办理结果|处理结果|处置结果|答复|回复|官方回复|部门回复|办理情况|处理情况|处理反馈|办理反馈|答复信息|回复信息|答复内容|回复内容|responses?|replies|official response)/;

function isReplyHeading(text: string): boolean {
  return REPLY_HEAD.test(toSimplified(collapse(text).toLowerCase()));
}

function isTimelineHeading(text: string): boolean {
  return TIMELINE_HEAD.test(toSimplified(collapse(text).toLowerCase()));
}

/** Every timeline's entries, each container read once. */
export function timelineUpdates(scan: Scan, pairs: Pair[], ctx: DateContext): UpdateDraft[] {
  const out: UpdateDraft[] = [];
  const taken: Element[] = [];
  const pairEls = pairs.filter((p) => p.field === 'update').map((p) => p.el);
  for (const el of scan.all) {
    if (scan.excluded(el) || taken.some((t) => t.contains(el))) continue;
    const tag = tagOf(el);
    if (tag === 'TABLE' || tag === 'TR' || HEADING_TAGS.has(tag) || tag === 'BODY' || tag === 'HTML') continue;
    const heading = headingOf(el);
    const prev = el.previousElementSibling;
    const headingText =
      heading && isTimelineHeading(heading.textContent ?? '')
        ? (heading.textContent ?? '')
        : prev && HEADING_TAGS.has(tagOf(prev)) && isTimelineHeading(prev.textContent ?? '')
          ? (prev.textContent ?? '')
          : null;
    const byHeading = headingText !== null;
    if (!byHeading && !hasTimelineClass(el)) continue;
    if ([...scan.used].some((u) => el.contains(u) || u.contains(el))) continue;
    if (pairEls.some((p) => el.contains(p))) continue;
    // `<h3>办理过程</h3><p class="jl">…</p><p class="jl">…</p>`: entries are the heading's alike siblings
    // (oa-12345-strong-labels).
    const run = !heading && headingText !== null ? alikeRun(el) : [];
    const items = run.length >= 2 ? run : timelineItems(el, heading);
    if (!byHeading && items.some((item) => isSection(item, ctx))) continue;
    const drafts: UpdateDraft[] = [];
    for (const item of items) {
      const d = parseItem(item, ctx);
      if (d) drafts.push({ ...d, order: scan.order.get(item) ?? 0, el: item });
    }
    // A timeline has dated entries; a block that merely has a matching class is not one. One undated block under
    // a heading that names the reply itself (`办理结果`) is that reply (bj-12345-jiesu).
    const undatedReply = drafts.length === 1 && headingText !== null && isReplyHeading(headingText);
    if (drafts.length === 0 || (!drafts.some((d) => d.at) && !undatedReply)) continue;
    for (const item of run.length >= 2 ? run : [el]) {
      taken.push(item);
      scan.used.add(item);
    }
    taken.push(...linkedDetails(items, scan));
    out.push(...drafts);
  }
  return out;
}

/**
 * The in-page boxes a timeline's steps link to (`<a href="#timeline-2">` → `<div id="timeline-2" class="item">`) tell
 * those steps at length: not more steps. Page: fr-senat-dosleg-pjl07-488-infractions-routieres.
 */
function linkedDetails(items: Element[], scan: Scan): Element[] {
  const out: Element[] = [];
  for (const item of items)
    for (const a of Array.from(item.querySelectorAll('a[href^="#"]'))) {
      const id = a.getAttribute('href')!.slice(1);
      const target = id ? scan.doc.getElementById(id) : null;
      if (target && !target.contains(item)) out.push(target);
    }
  return out;
}

/** An entry holding this many dated lines is a section of the page, not one step. */
const SECTION_DATES = 3;

/**
 * A step of a timeline is dated once; a box of several dated lines is a section of the page (a reading's papers, each
 * dated): a block named by its class only (`id="block-process"`) whose items are such sections is no timeline. Page:
 * fr-senat-dosleg-pjl07-488-infractions-routieres (the procedure's boxes read as two more steps).
 */
function isSection(item: Element, ctx: DateContext): boolean {
  let dated = 0;
  for (const line of readText(item).split('\n')) {
    if (line.length <= 400 && parseDate(line, ctx) && ++dated >= SECTION_DATES) return true;
  }
  return false;
}

function alikeRun(first: Element): Element[] {
  const sig = shapeOf(first);
  const run = [first];
  for (let s = first.nextElementSibling; s && shapeOf(s) === sig; ) {
    run.push(s);
    s = s.nextElementSibling;
  }
  return run;
}

function timelineItems(container: Element, heading: Element | null): Element[] {
  let box = container;
  let kids = Array.from(box.children).filter((c) => c !== heading && !HEADING_TAGS.has(tagOf(c)));
  for (let depth = 0; depth < 4; depth++) {
    // One wrapper, or one list beside short notes (`<ul>…entries…</ul><p>All times are UK local time.</p>`,
    // uk-fixmystreet-report).
    const lists = kids.filter((k) => WRAPPER_TAGS.has(tagOf(k)) && k.children.length >= (kids.length === 1 ? 1 : 2));
    const notes = kids.filter((k) => !lists.includes(k));
    const onlyNotes = notes.every((k) => !ITEM_TAGS.has(tagOf(k)) && collapse(k.textContent ?? '').length <= 120);
    if (lists.length !== 1 || !onlyNotes) break;
    box = lists[0]!;
    const h = headingOf(box);
    kids = Array.from(box.children).filter((c) => c !== h && !HEADING_TAGS.has(tagOf(c)));
  }
  const blocks = kids.filter((c) => ITEM_TAGS.has(tagOf(c)) && collapse(c.textContent ?? ''));
  // Items must be alike (one tag and class) to be a list; otherwise the block is a single entry.
  // A list's items are its items whatever their classes (`<li class="big">` for a reading, `small` for its steps:
  // fr-senat-dosleg-pjl07-488-infractions-routieres).
  if (blocks.length >= 2 && blocks.length === kids.length && blocks.every((b) => tagOf(b) === 'LI')) return blocks;
  if (blocks.length >= 1) {
    const sig = shapeOf;
    const counts = new Map<string, number>();
    for (const b of blocks) counts.set(sig(b), (counts.get(sig(b)) ?? 0) + 1);
    const [bestSig, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (n >= 2 || (blocks.length === 1 && kids.length <= 2)) return blocks.filter((b) => sig(b) === bestSig);
  }
  return [box];
}
