/**
 * One progress entry or reply block → `{at, by, status, text}`: the dated line dates it, a `State: …` / `状态：…` line
 * sets its status, labelled meta (`回复单位：X 回复时间：…`) names who and when, and the remaining lines are the note.
 * Shared by labelled replies (`./replies`), timelines (`./timelines`) and list cards.
 */
import type { IssueStatus } from '../models/issue';
import { UNIT_ENDINGS_SOURCE } from './answerers';
import { hasDate, parseDate, stripDates } from './dates';
import { splitMeta } from './draft';
import { matchLabel, normalizeLabel } from './labels';
import { parseLines } from './lines';
import { mapStatus } from './status';
import { collapse } from './text';
import { readText } from './visible-text';
import type { DateContext } from './zones';

export interface UpdateDraft {
  at?: string;
  text: string;
  by?: string;
  status?: IssueStatus;
  /** Document position, for page order. */
  order: number;
  el: Element;
}

/** An entry before it is placed on the page. */
export type EntryDraft = Omit<UpdateDraft, 'order' | 'el'>;

/** Placeholders a portal prints where no reply exists yet: not an update. */
// `正在等待官方回复...`, `Awaiting response`: a reply still to come, whatever dots follow. Page:
// cn-sun0769-wenzheng-case-456615.
export const EMPTY_REPLY =
  /^(无|暂无|暂无回复|暂无答复|暂无内容|(?:暂未|尚未|未|待)(?:回复|答复|回访|评价|处理|办理)|(?:正在|仍在)?等待(?:官方|部门|单位|相关部门)?(?:的)?(?:回复|答复|处理|办理)中?|awaiting (?:an? )?(?:official )?(?:reply|response|answer)|no (?:reply|response) yet|-+|\/|—+|none|n\/a|null)[.。…!！\s]*$/i;

const META_FIELDS = new Set(['updateBy', 'department', 'updateAt', 'reportedAt', 'updateStatus', 'status', 'update']);
// FixMyStreet-family updates end with `State changed to: Fixed` (uk-fixmystreet-report, council-dl-bst).
const STATE_LINE = /^(?:state|status)(?:\s+changed)?(?:\s+to)?\s*[:：]\s*(.+)$/i;
const STATE_LINE_CN = /^(?:状态|狀態|办理状态|處理狀態|处理状态|当前状态)\s*[:：]\s*(.+)$/;
// `Posted by Highways at 15:32, Tue 5 May 2026` (uk-fixmystreet-report, council-dl-bst).
const BY_LINE = /(?:posted|updated|replied|answered|responded|sent|added)\s+by\s+(.+?)(?:\s+(?:at|on)\b|[,，(（]|$)/i;

const BY_PREFIX = /^(?:(?:posted|updated|replied|answered|responded|sent|added)\s+)?by\s+/i;

/**
 * The words of a step shown as a picture (`<a title="23 juillet 2008 | 1ère lecture - Sénat"><img alt="…"></a>`
 * beside `<em>23/07/08</em>`): the link's title or the image's alt, read when the entry has no text of its own.
 * Page: fr-senat-dosleg-pjl07-488-infractions-routieres (the dossier's timeline).
 */
function pictureCaption(item: Element): string {
  const el = item.querySelector('a[title], img[alt]');
  return collapse(el?.getAttribute('title') || el?.getAttribute('alt') || '');
}

export function parseItem(item: Element, ctx: DateContext): EntryDraft | null {
  const time = item.querySelector('time[datetime]');
  const lines = readText(item).split('\n');
  const draft = parseItemLines(lines, ctx) ?? parseItemLines([...lines, pictureCaption(item)], ctx);
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

/**
 * A label inside one progress entry: any person there (`操作人`, `经办人`, `上报人`) is who wrote that step
 * (element-admin-workorder).
 */
function entryField(label: string): string {
  const field = matchLabel(label)?.field ?? '';
  if (/人$/.test(normalizeLabel(label)) && (field === 'ignore' || field === 'reporterName')) return 'updateBy';
  return field;
}

/**
 * The line that dates an entry: short (`事件上报 2026-05-12 09:18`), starting with the date, or ending with it
 * (`Posted by X at 15:32, Tue 5 May 2026`) — not a sentence that mentions a date (`本机关于2026年4月13日收到…`,
 * ysqgk-dl-reply).
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

// The endings of a reply's header line, each with the page that showed it.
const REPLY_HEADER_ENDINGS = [
  '回复', // 人民网 领导留言板 message pages (issue 18): `XX区住房和城乡建设局回复`
  '的回复',
  '答复',
  '的答复',
];
const REPLY_HEADER = new RegExp(
  `^([^\\s，。,.:：]{2,30}?(?:${UNIT_ENDINGS_SOURCE}))(?:${REPLY_HEADER_ENDINGS.join('|')})[:：]?$`,
);

/**
 * An hour alone on its line (`23:40`, `9.30 uur`, `14h00`): when an entry's day stands on another line, it is the
 * entry's hour. Page: nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen (its `Behandeling` steps).
 */
const BARE_CLOCK = /^(?:[01]?\d|2[0-3])(?:[:h]\d{2}|\.\d{2}(?=\s*uur))(?:\s*(?:uur|u|am|pm))?$/i;

/** One entry's lines → at (first dated short line), by, status (a `State: …` line) and the remaining text. */
export function parseItemLines(lines: string[], ctx: DateContext): EntryDraft | null {
  let at: string | undefined;
  let by: string | undefined;
  // A word left beside the date (`事件上报 2026-05-12 09:18`) is only a guess at the author; `处置人：X` is not
  // (grid-h5-timeline).
  let byGuessed = false;
  let status: IssueStatus | undefined;
  const text: string[] = [];
  let metaRest = '';
  let clock: string | undefined;
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
      // `2026年5月12日 下午4时40分　办理结果：…`: the date before the first label dates the entry
      // (oa-12345-strong-labels, cs12345-six-col-timeline).
      const before = line.slice(0, line.indexOf(labelled[0]!.label));
      if (!at && before && hasDate(before, ctx)) at = parseDate(before, ctx);
      for (const p of labelled) {
        const f = entryField(p.label);
        if (f === 'updateBy' || f === 'department') {
          // `回复单位：天河区天园街道办事处 2026-05-06 10:00`: the unit, and the entry's date beside it
          // (district-minyi-ask-answer).
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
    // `XX区住房和城乡建设局回复`: a reply's header names who answered. Page: 人民网 领导留言板 (issue 18).
    const header = text.length || by ? null : REPLY_HEADER.exec(line);
    if (header) {
      by = header[1]!;
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
    if (BARE_CLOCK.test(line)) {
      clock ??= line;
      continue;
    }
    text.push(line);
  }
  // The hour on a line of its own beside the day (`<p>23:40</p><p class="date">12-02-2015</p>`).
  if (at?.includes('T00:00:00') && clock) at = parseDate(`${at.slice(0, 10)} ${clock}`, ctx) ?? at;
  let body = text.join('\n');
  if (!body && metaRest) body = metaRest;
  if (!body || EMPTY_REPLY.test(body)) return null;
  const out: EntryDraft = { text: body };
  if (at) out.at = at;
  if (by) out.by = by;
  if (status) out.status = status;
  return out;
}
