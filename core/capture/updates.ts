/**
 * Replies and progress notes → `updates`, in page order, from three layouts: labelled replies (`回复单位 / 回复时间
 * / 回复内容` blocks, `办理结果：…`), progress tables (`环节 | 处理部门 | 处理时间 | 处理意见`), and timelines (lists
 * or blocks under `处理进度` / `Updates` whose items carry a date, an author and a text).
 */
import { actionTableUpdates, datedLineUpdates } from './action-tables';
import { parseDate } from './dates';
import type { HeaderTable } from './header-tables';
import { historyByShape } from './history-shapes';
import type { Pair } from './pairs';
import { labelledReplies } from './replies';
import { replyByShape } from './reply-shapes';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse } from './text';
import { timelineUpdates } from './timelines';
import { EMPTY_REPLY, type EntryDraft, parseItem, type UpdateDraft } from './update-entry';
import { readText } from './visible-text';
import type { DateContext } from './zones';

export type { UpdateDraft } from './update-entry';

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

/** Every update on the page, in page order. */
export function collectUpdates(scan: Scan, pairs: Pair[], tables: HeaderTable[], ctx: DateContext): UpdateDraft[] {
  const labelled = labelledReplies(scan, pairs, tables, ctx);
  const taken = new Set(labelled.map((u) => u.el));
  // Progress tables first: a timeline container around a table already read must not read it again.
  const fromTable = fromTables(scan, tables, ctx);
  const timelines = timelineUpdates(
    scan,
    pairs.filter((p) => taken.has(p.el)),
    ctx,
  );
  // A labelled reply inside a timeline entry (`… 办理结果：…` as the last step) is that entry, not another one.
  const outside = labelled.filter((u) => !timelines.some((t) => t.el.contains(u.el)));
  const actions = actionTableUpdates(scan, ctx);
  const all = [...outside, ...fromTable, ...timelines, ...actions];
  // A history whose column heads no table knows, read by its shape: only where the page's words named none.
  if (all.length === 0) {
    const history = historyByShape(scan, ctx);
    if (history.length) return history;
    const lines = datedLineUpdates(scan, ctx);
    return lines.length ? lines : replyByShape(scan, ctx);
  }
  return all.sort((a, b) => a.order - b.order);
}

/** Updates inside one element (a card of a list page, a recipe's update element). */
export function parseUpdateElement(el: Element, ctx: DateContext): EntryDraft | null {
  return parseItem(el, ctx);
}
