/**
 * Labelled replies → updates: `回复单位 / 回复时间 / 回复内容` blocks, `办理结果：…`, a reply cell holding several dated
 * notes, and meta lines (`答复单位：… 答复时间：…`) over an unlabelled reply paragraph.
 */

import { isAnswererName } from './answerers';
import { hasDate, parseDate } from './dates';
import { splitMeta } from './draft';
import type { HeaderTable } from './header-tables';
import { ISSUE_FIELDS } from './labels';
import type { Pair } from './pairs';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse } from './text';
import { EMPTY_REPLY, type EntryDraft, parseItem, parseItemLines, type UpdateDraft } from './update-entry';
import { readText } from './visible-text';
import type { DateContext } from './zones';

const RATING = /^(?:非常|很|比较|基本)?(?:不)?满意$|^(?:satisfied|dissatisfied|very satisfied)$/i;
/** Replies read from label–value pairs, in page order within each reply block. */
export function labelledReplies(scan: Scan, pairs: Pair[], tables: HeaderTable[], ctx: DateContext): UpdateDraft[] {
  // A `办理过程` label over a progress table: the table's rows are the updates, not the label's text
  // (fz-12345-workorder-flow, nanwei-12345-order-4col, wuhan-12345-workorder and six more).
  const allTexts = pairs.filter(
    (p) => p.field === 'update' && !tables.some((t) => t.kind === 'updates' && p.valueEl.contains(t.table)),
  );
  const meta = pairs.filter((p) => p.field === 'updateAt' || p.field === 'updateBy' || p.field === 'updateStatus');
  // `<h2>處理情形</h2><div><dl><dt>回覆機關</dt>…<dt>回覆內容</dt>…</dl></div>`: the heading's "value" is a block
  // of labelled reply parts, read through those parts, not as one more reply (tw-1999-case).
  const texts = allTexts.filter(
    (p) => !allTexts.some((q) => q !== p && q.el !== p.valueEl && p.valueEl.contains(q.el)),
  );
  const out: UpdateDraft[] = [];
  const boxes: Element[] = [];
  for (const p of texts) {
    // `回访结果：满意` is a rating of the work, not a note about it (shangcheng-tabbed-detail).
    // `辦理情形：已結案` is a status, read as one by the detail fields, not a note (taichung-chenqing-trad).
    const value = collapse(p.value);
    if (EMPTY_REPLY.test(value) || RATING.test(value) || mapStatus(value, true)) continue;
    const headed = replyUnderHeader(scan, p, meta, ctx);
    if (headed) {
      out.push(headed);
      boxes.push(headed.el);
      continue;
    }
    // The reply's block: the largest ancestor that holds no other reply text.
    let box: Element = p.el;
    while (box.parentElement && box !== scan.root) {
      const parent: Element = box.parentElement;
      if (texts.some((q) => q !== p && parent.contains(q.el))) break;
      box = parent;
    }
    const inBox = meta.filter((m) => box.contains(m.el));
    const at = inBox.find((m) => m.field === 'updateAt');
    // A unit named after the reply's label in the same block (`处理意见:⏎处理单位: X`) is the one replying
    // (workorder-plaintext-pre).
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
 * `<span class="title">回复</span><h3>国家体育总局局长苟仲文</h3><p>…</p><h3>回复时间：2020-08-06 08:33</h3>`: the
 * label's value is only the header naming who answers; the reply is the text after it in the same block, dated by
 * the block's own time label. Page: cn-people-liuyan-sport-message-6835141 (人民网 领导留言板).
 */
function replyUnderHeader(scan: Scan, p: Pair, meta: Pair[], ctx: DateContext): UpdateDraft | null {
  const by = collapse(p.value);
  const block = p.valueEl.parentElement;
  if (!block || block === scan.root || !isAnswererName(by) || !block.contains(p.el)) return null;
  const metaEls = meta.filter((m) => block.contains(m.el));
  const parts: string[] = [];
  for (let next = p.valueEl.nextElementSibling; next; next = next.nextElementSibling) {
    if (metaEls.some((m) => next!.contains(m.el))) continue;
    const t = readText(next).trim();
    if (t) parts.push(t);
  }
  const text = parts.join('\n');
  if (collapse(text).length < 10) return null;
  const draft: UpdateDraft = { text, by, order: scan.order.get(block) ?? 0, el: block };
  const at = metaEls.find((m) => m.field === 'updateAt');
  const when = at ? parseDate(at.value, ctx) : undefined;
  if (when) draft.at = when;
  scan.used.add(block);
  return draft;
}

/**
 * `答复单位：区房管局 答复时间：2026-04-08` over an unlabelled reply paragraph: the meta labels mark the block, whose
 * remaining text is the reply (cs-leader-board-spans, nj-mayor-mailbox-letter, people-liuyan-board).
 */
const LABEL_ONLY = /^[^\n]{1,40}[:：]$/;

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
    // `Decision Date: | January 17, 2017` (a lower court's decision in a docket's header): a dated label with no
    // words of its own is no reply. Page: us-scotus-docket-17-5574.
    if (d?.text && !LABEL_ONLY.test(d.text)) {
      out.push({ ...d, order: scan.order.get(box) ?? 0, el: box });
      scan.used.add(box);
    }
  }
  return out;
}

/**
 * A reply cell holding several dated notes (`2026-05-27 派单…⏎2026-05-28 已处置…`) → one update each
 * (cs12345-six-col-timeline, element-admin-workorder, wh-12345-form-grid, div-grid-big5).
 */
function splitDated(text: string, ctx: DateContext): EntryDraft[] {
  const lines = text.split('\n');
  const starts = lines.map((l) => /^\S{0,6}\d/.test(l) && hasDate(l.slice(0, 40), ctx));
  if (starts.filter(Boolean).length < 2 || !starts[0]) return [];
  const chunks: string[][] = [];
  lines.forEach((l, i) => {
    if (starts[i]) chunks.push([l]);
    else chunks[chunks.length - 1]?.push(l);
  });
  return chunks.map((c) => parseItemLines(c, ctx)).filter((d): d is EntryDraft => d !== null);
}
