/**
 * Replies and progress notes → `updates`, in page order, from three layouts: labelled replies (`回复单位 / 回复时间
 * / 回复内容` blocks, `办理结果：…`), progress tables (`环节 | 处理部门 | 处理时间 | 处理意见`), and timelines (lists
 * or blocks under `处理进度` / `Updates` whose items carry a date, an author and a text).
 */
import type { IssueStatus } from '../models/issue';
import { type DateContext, hasDate, parseDate, stripDates } from './dates';
import { splitMeta } from './draft';
import type { HeaderTable } from './header-tables';
import { ISSUE_FIELDS, matchLabel, normalizeLabel, toSimplified } from './labels';
import { parseLines } from './lines';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse, readText, shapeOf, tagOf } from './text';

export interface UpdateDraft {
  at?: string;
  text: string;
  by?: string;
  status?: IssueStatus;
  /** Document position, for page order. */
  order: number;
  el: Element;
}

const RATING = /^(?:非常|很|比较|基本)?(?:不)?满意$|^(?:satisfied|dissatisfied|very satisfied)$/i;
const EMPTY_REPLY =
  /^(无|暂无|暂无回复|暂无答复|暂无内容|(?:暂未|尚未|未|待)(?:回复|答复|回访|评价|处理|办理)|-+|\/|—+|none|n\/a|null)$/i;

// ------------------------------------------------------------------------------------------ labelled replies

function fromPairs(scan: Scan, pairs: Pair[], tables: HeaderTable[], ctx: DateContext): UpdateDraft[] {
  // A `办理过程` label over a progress table: the table's rows are the updates, not the label's text.
  const allTexts = pairs.filter(
    (p) => p.field === 'update' && !tables.some((t) => t.kind === 'updates' && p.valueEl.contains(t.table)),
  );
  const meta = pairs.filter((p) => p.field === 'updateAt' || p.field === 'updateBy' || p.field === 'updateStatus');
  // `<h2>處理情形</h2><div><dl><dt>回覆機關</dt>…<dt>回覆內容</dt>…</dl></div>`: the heading's "value" is a block
  // of labelled reply parts, read through those parts, not as one more reply.
  const texts = allTexts.filter(
    (p) => !allTexts.some((q) => q !== p && q.el !== p.valueEl && p.valueEl.contains(q.el)),
  );
  const out: UpdateDraft[] = [];
  const boxes: Element[] = [];
  for (const p of texts) {
    // `回访结果：满意` is a rating of the work, not a note about it.
    // `辦理情形：已結案` is a status, read as one by the detail fields, not a note.
    const value = collapse(p.value);
    if (EMPTY_REPLY.test(value) || RATING.test(value) || mapStatus(value, true)) continue;
    // The reply's block: the largest ancestor that holds no other reply text.
    let box: Element = p.el;
    while (box.parentElement && box !== scan.root) {
      const parent: Element = box.parentElement;
      if (texts.some((q) => q !== p && parent.contains(q.el))) break;
      box = parent;
    }
    const inBox = meta.filter((m) => box.contains(m.el));
    const at = inBox.find((m) => m.field === 'updateAt');
    // A unit named after the reply's label in the same block (`处理意见:⏎处理单位: X`) is the one replying.
    const index = pairs.indexOf(p);
    const by =
      inBox.find((m) => m.field === 'updateBy') ??
      pairs.find((m, i) => i > index && m.field === 'department' && m.el === p.el && box.contains(m.el));
    const st = inBox.find((m) => m.field === 'updateStatus');
    const order = scan.order.get(p.el) ?? 0;
    const split = splitDated(p.value, ctx);
    if (split.length >= 2) {
      for (const [i, s] of split.entries()) out.push({ ...s, order: order + i / 100, el: p.el });
    } else {
      const draft: UpdateDraft = { text: p.value, order, el: p.el };
      const byMeta = by ? splitMeta(by.value, ctx) : undefined;
      const when = at ? parseDate(at.value, ctx) : byMeta?.dateText ? parseDate(byMeta.dateText, ctx) : undefined;
      if (when) draft.at = when;
      if (byMeta) draft.by = collapse(byMeta.rest);
      const status = st ? mapStatus(st.value) : undefined;
      if (status) draft.status = status;
      out.push(draft);
    }
    scan.used.add(p.valueEl);
    boxes.push(box);
  }
  out.push(...orphanReplies(scan, pairs, meta, boxes, ctx));
  return out;
}

/**
 * `答复单位：区房管局 答复时间：2026-04-08` over an unlabelled reply paragraph: the meta labels mark the block, whose
 * remaining text is the reply.
 */
function orphanReplies(scan: Scan, pairs: Pair[], meta: Pair[], boxes: Element[], ctx: DateContext): UpdateDraft[] {
  const out: UpdateDraft[] = [];
  const issueEls = pairs.filter((p) => p.field && ISSUE_FIELDS.has(p.field)).map((p) => p.el);
  const done: Element[] = [];
  for (const m of meta) {
    if (m.field === 'updateStatus' || boxes.some((b) => b.contains(m.el)) || done.some((d) => d.contains(m.el)))
      continue;
    // Climb until the block holds more than the meta lines themselves.
    const metaText = collapse(m.el.textContent ?? '').length;
    let box: Element = m.el;
    while (box.parentElement && box !== scan.root && collapse(box.textContent ?? '').length <= metaText + 8) {
      box = box.parentElement;
    }
    if (box === scan.root || issueEls.some((e) => box.contains(e)) || scan.excluded(box)) continue;
    if (collapse(box.textContent ?? '').length > 5000) continue;
    done.push(box);
    const d = parseItem(box, ctx);
    if (d?.text) {
      out.push({ ...d, order: scan.order.get(box) ?? 0, el: box });
      scan.used.add(box);
    }
  }
  return out;
}

/** A reply cell holding several dated notes (`2026-05-27 派单…⏎2026-05-28 已处置…`) → one update each. */
function splitDated(text: string, ctx: DateContext): Array<Omit<UpdateDraft, 'order' | 'el'>> {
  const lines = text.split('\n');
  const starts = lines.map((l) => /^\S{0,6}\d/.test(l) && hasDate(l.slice(0, 40), ctx));
  if (starts.filter(Boolean).length < 2 || !starts[0]) return [];
  const chunks: string[][] = [];
  lines.forEach((l, i) => {
    if (starts[i]) chunks.push([l]);
    else chunks[chunks.length - 1]?.push(l);
  });
  return chunks.map((c) => parseItemLines(c, ctx)).filter((d): d is Omit<UpdateDraft, 'order' | 'el'> => d !== null);
}

// ------------------------------------------------------------------------------------------ progress tables

function fromTables(scan: Scan, tables: HeaderTable[], ctx: DateContext): UpdateDraft[] {
  const out: UpdateDraft[] = [];
  for (const t of tables) {
    if (t.kind !== 'updates') continue;
    const col = (...fields: string[]) => t.columns.findIndex((c) => c.match && fields.includes(c.match.field));
    const textCol = col('update') >= 0 ? col('update') : col('description');
    const atCol = col('updateAt') >= 0 ? col('updateAt') : col('reportedAt');
    const byCol = col('department') >= 0 ? col('department') : col('updateBy');
    const stCol = col('updateStatus') >= 0 ? col('updateStatus') : col('status');
    for (const r of t.rows) {
      const cell = (i: number) => (i >= 0 && r.cells[i] ? collapse(readText(r.cells[i]!)) : '');
      const text = textCol >= 0 ? readText(r.cells[textCol] ?? r.tr) : '';
      if (!text || EMPTY_REPLY.test(collapse(text))) continue;
      const draft: UpdateDraft = { text, order: scan.order.get(r.tr) ?? 0, el: r.tr };
      const at = parseDate(cell(atCol), ctx);
      if (at) draft.at = at;
      const by = cell(byCol);
      if (by) draft.by = by;
      const status = mapStatus(cell(stCol));
      if (status) draft.status = status;
      out.push(draft);
    }
    scan.used.add(t.table);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ timelines

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
const TIMELINE_HEAD =
  /^(处理进度|办理进度|处理过程|办理过程|办理流程|处理流程|流转记录|流转信息|案件流转|处理记录|办理记录|办理情况|处理情况|答复信息|回复信息|回复|答复|部门回复|官方回复|处理结果|办理结果|进展|进度|跟进记录|处理反馈|办理反馈|updates?|progress|history|timeline|responses?|replies|activity)/;
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

function fromTimelines(scan: Scan, pairs: Pair[], ctx: DateContext): UpdateDraft[] {
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
    // `<h3>办理过程</h3><p class="jl">…</p><p class="jl">…</p>`: entries are the heading's alike siblings.
    const run = !heading && headingText !== null ? alikeRun(el) : [];
    const items = run.length >= 2 ? run : timelineItems(el, heading);
    const drafts: UpdateDraft[] = [];
    for (const item of items) {
      const d = parseItem(item, ctx);
      if (d) drafts.push({ ...d, order: scan.order.get(item) ?? 0, el: item });
    }
    // A timeline has dated entries; a block that merely has a matching class is not one. One undated block under
    // a heading that names the reply itself (`办理结果`) is that reply.
    const undatedReply = drafts.length === 1 && headingText !== null && isReplyHeading(headingText);
    if (drafts.length === 0 || (!drafts.some((d) => d.at) && !undatedReply)) continue;
    for (const item of run.length >= 2 ? run : [el]) {
      taken.push(item);
      scan.used.add(item);
    }
    out.push(...drafts);
  }
  return out;
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
    // One wrapper, or one list beside short notes (`<ul>…entries…</ul><p>All times are UK local time.</p>`).
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
  if (blocks.length >= 1) {
    const sig = shapeOf;
    const counts = new Map<string, number>();
    for (const b of blocks) counts.set(sig(b), (counts.get(sig(b)) ?? 0) + 1);
    const [bestSig, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (n >= 2 || (blocks.length === 1 && kids.length <= 2)) return blocks.filter((b) => sig(b) === bestSig);
  }
  return [box];
}

const META_FIELDS = new Set(['updateBy', 'department', 'updateAt', 'reportedAt', 'updateStatus', 'status', 'update']);
const STATE_LINE = /^(?:state|status)(?:\s+changed)?(?:\s+to)?\s*[:：]\s*(.+)$/i;
const STATE_LINE_CN = /^(?:状态|狀態|办理状态|處理狀態|处理状态|当前状态)\s*[:：]\s*(.+)$/;
const BY_LINE = /(?:posted|updated|replied|answered|responded|sent|added)\s+by\s+(.+?)(?:\s+(?:at|on)\b|[,，(（]|$)/i;

const BY_PREFIX = /^(?:(?:posted|updated|replied|answered|responded|sent|added)\s+)?by\s+/i;

function parseItem(item: Element, ctx: DateContext): Omit<UpdateDraft, 'order' | 'el'> | null {
  const time = item.querySelector('time[datetime]');
  const draft = parseItemLines(readText(item).split('\n'), ctx);
  if (!draft) return null;
  const fromAttr = time ? parseDate(time.getAttribute('datetime'), ctx) : undefined;
  if (fromAttr) draft.at = fromAttr;
  if (!draft.by) {
    const byEl = item.querySelector(
      '[class*=org], [class*=dept], [class*=unit], [class*=author], [class*=depart], [class*=who], [class*=operator], [class*=handler]',
    );
    const t = byEl ? collapse(byEl.textContent ?? '').replace(BY_PREFIX, '') : '';
    if (t && t.length <= 60 && !hasDate(t, ctx)) draft.by = t;
  }
  return draft;
}

/** A label inside one progress entry: any person there (`操作人`, `经办人`, `上报人`) is who wrote that step. */
function entryField(label: string): string {
  const field = matchLabel(label)?.field ?? '';
  if (/人$/.test(normalizeLabel(label)) && (field === 'ignore' || field === 'reporterName')) return 'updateBy';
  return field;
}

/**
 * The line that dates an entry: short (`事件上报 2026-05-12 09:18`), starting with the date, or ending with it
 * (`Posted by X at 15:32, Tue 5 May 2026`) — not a sentence that mentions a date (`本机关于2026年4月13日收到…`).
 */
function isDateLine(line: string): boolean {
  if (
    /^[\d(（[]/.test(line) ||
    /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(line)
  )
    return true;
  if (line.length > 120) return false;
  return line.length <= 40 || /(?:\d|[日号號])\s*[)）\]]?\s*$/.test(line) || BY_LINE.test(line);
}

/** One entry's lines → at (first dated short line), by, status (a `State: …` line) and the remaining text. */
function parseItemLines(lines: string[], ctx: DateContext): Omit<UpdateDraft, 'order' | 'el'> | null {
  let at: string | undefined;
  let by: string | undefined;
  // A word left beside the date (`事件上报 2026-05-12 09:18`) is only a guess at the author; `处置人：X` is not.
  let byGuessed = false;
  let status: IssueStatus | undefined;
  const text: string[] = [];
  let metaRest = '';
  for (const raw of lines) {
    const line = collapse(raw);
    if (!line) continue;
    const st = STATE_LINE.exec(line) ?? STATE_LINE_CN.exec(line);
    if (st) {
      status = mapStatus(st[1]) ?? status;
      continue;
    }
    // `回复单位：X 回复时间：2026-05-23 16:40` — labelled meta inside the entry.
    const labelled = parseLines([line]);
    if (labelled.length && labelled.every((p) => META_FIELDS.has(entryField(p.label)))) {
      // `2026年5月12日 下午4时40分　办理结果：…`: the date before the first label dates the entry.
      const before = line.slice(0, line.indexOf(labelled[0]!.label));
      if (!at && before && hasDate(before, ctx)) at = parseDate(before, ctx);
      for (const p of labelled) {
        const f = entryField(p.label);
        if (f === 'updateBy' || f === 'department') {
          // `回复单位：天河区天园街道办事处 2026-05-06 10:00`: the unit, and the entry's date beside it.
          const meta = splitMeta(p.value, ctx);
          if (!by || byGuessed) by = collapse(meta.rest);
          if (!at && meta.dateText) at = parseDate(meta.dateText, ctx);
          byGuessed = false;
        } else if (f === 'updateAt' || f === 'reportedAt') at ??= parseDate(p.value, ctx);
        else if (f === 'updateStatus' || f === 'status') status = mapStatus(p.value) ?? status;
        else if (f === 'update') text.push(p.value);
      }
      continue;
    }
    if (!at && isDateLine(line) && hasDate(line, ctx)) {
      at = parseDate(line, ctx);
      const byMatch = BY_LINE.exec(line);
      const rest = stripDates(line)
        .replace(/^(?:回复|答复|处理|办理|反馈)?(?:时间|日期|单位|部门)\s*[:：]\s*/, '')
        .replace(/^[\s,，:：|｜·•\-–—]+|[\s,，:：|｜·•\-–—]+$/g, '');
      if (byMatch) by = collapse(byMatch[1]!);
      else if (rest && rest.length <= 40 && !mapStatus(rest, true) && !matchLabel(rest, /^[\x20-\x7e]+$/.test(rest))) {
        // Short leftovers are an author (`臺北市政府工務局`); long ones are the note itself.
        if (/[。.!！?？]$/.test(rest) || rest.length > 30) metaRest = rest;
        else {
          by = rest;
          byGuessed = true;
        }
      } else if (rest.length > 40) metaRest = rest;
      continue;
    }
    text.push(line);
  }
  let body = text.join('\n');
  if (!body && metaRest) body = metaRest;
  if (!body || EMPTY_REPLY.test(body)) return null;
  const out: Omit<UpdateDraft, 'order' | 'el'> = { text: body };
  if (at) out.at = at;
  if (by) out.by = by;
  if (status) out.status = status;
  return out;
}

/** Every update on the page, in page order. */
export function collectUpdates(scan: Scan, pairs: Pair[], tables: HeaderTable[], ctx: DateContext): UpdateDraft[] {
  const labelled = fromPairs(scan, pairs, tables, ctx);
  const taken = new Set(labelled.map((u) => u.el));
  // Progress tables first: a timeline container around a table already read must not read it again.
  const fromTable = fromTables(scan, tables, ctx);
  const timelines = fromTimelines(
    scan,
    pairs.filter((p) => taken.has(p.el)),
    ctx,
  );
  // A labelled reply inside a timeline entry (`… 办理结果：…` as the last step) is that entry, not another one.
  const outside = labelled.filter((u) => !timelines.some((t) => t.el.contains(u.el)));
  const all = [...outside, ...fromTable, ...timelines];
  return all.sort((a, b) => a.order - b.order);
}

/** Updates inside one element (a card of a list page, a recipe's update element). */
export function parseUpdateElement(el: Element, ctx: DateContext): Omit<UpdateDraft, 'order' | 'el'> | null {
  return parseItem(el, ctx);
}
