/**
 * A captured issue before it becomes an `Issue`: raw field values picked from label pairs, normalised (dates to
 * ISO, status words to the enum); build-issue.ts turns it into a masked Issue.
 */
import type { IssueStatus } from '../models/issue';
import { isParcelOnly } from './address';
import { isUnitName } from './answerers';
import { isCaseCaption, leadingDocketNumber } from './courts';
import { hasDate, parseDateCell, stripDates } from './dates';
import { type FieldKey, toSimplified } from './labels';
import type { Pair } from './pairs';
import { mapBillAction, mapStatus } from './status';
import { collapse, isBreadcrumb, tidyLines } from './text';
import type { DateContext } from './zones';

export interface DraftUpdate {
  at?: string;
  text: string;
  by?: string;
  status?: IssueStatus;
}

export interface Draft {
  title?: string;
  description?: string;
  category?: string;
  address?: string;
  lat?: number;
  lng?: number;
  reporterName?: string;
  phone?: string;
  channel?: string;
  department?: string;
  caseNumber?: string;
  reportedAt?: string;
  status?: IssueStatus;
  updates: DraftUpdate[];
  attachments: Array<{ url: string; kind: 'image' | 'document' | 'video' | 'link' | 'other' }>;
  /** The case's own address (a list row's detail link), else the page URL. */
  url?: string;
}

export type DraftField = Exclude<keyof Draft, 'updates' | 'attachments' | 'lat' | 'lng'>;

/** Issue paths (as recipes and expected files name them) ↔ draft fields. */
export const PATH_TO_FIELD: Record<string, DraftField | 'updates' | 'attachments' | 'lat' | 'lng'> = {
  title: 'title',
  description: 'description',
  category: 'category',
  'location.address': 'address',
  'location.lat': 'lat',
  'location.lng': 'lng',
  'reporter.name': 'reporterName',
  'reporter.phone': 'phone',
  'reporter.channel': 'channel',
  department: 'department',
  'source.caseNumber': 'caseNumber',
  'source.url': 'url',
  reportedAt: 'reportedAt',
  status: 'status',
  updates: 'updates',
  attachments: 'attachments',
};

export const KEY_TO_FIELD: Partial<Record<FieldKey, DraftField>> = {
  title: 'title',
  description: 'description',
  address: 'address',
  reporterName: 'reporterName',
  phone: 'phone',
  caseNumber: 'caseNumber',
  reportedAt: 'reportedAt',
  category: 'category',
  status: 'status',
  department: 'department',
  channel: 'channel',
};

/**
 * One raw value → the draft's form for that field, or undefined when it does not fit (a "status" that is no
 * status word, a "date" with no date in it), so the next candidate can be tried.
 */
export function normaliseField(field: DraftField, raw: string, ctx: DateContext): string | undefined {
  return normaliseValue(field, field === 'description' ? tidyLines(raw) : collapse(raw), ctx);
}

/**
 * `normaliseField` for text that is already tidy (`cellText`, `readText`: collapsed lines), so a list's cells are
 * not collapsed a second time: only a multi-line value still needs it, and a description never.
 */
export function normaliseTidy(field: DraftField, tidy: string, ctx: DateContext): string | undefined {
  return normaliseValue(field, field === 'description' || !tidy.includes('\n') ? tidy : collapse(tidy), ctx);
}

// China's website licence and public-security filing numbers (`粤ICP备05029467号`, `京ICP证030173号`,
// `京公网安备11000002000001号`).
const SITE_LICENCE = /ICP[备证]|公网安备/i;

const TOGGLE_SIGN = /^[+⊕▸▶►▾▼]\s+(?=\S)/;

function normaliseValue(field: DraftField, value: string, ctx: DateContext): string | undefined {
  if (!value) return undefined;
  switch (field) {
    case 'reportedAt':
      // A labelled day alone in a US page's short form (`Introduced 12/17/18`) is a day, as a table cell's is. Pages:
      // us-nmlegis-2019-hb73-legislation, -sb11.
      return parseDateCell(value, ctx);
    case 'status':
      // `Signed by Governor`, `Passed/agreed to in Senate`: a legislature's action says what a bill has come to.
      return mapStatus(value) ?? mapBillAction(value);
    case 'phone':
      return /\d{3}/.test(value) ? value : undefined;
    case 'title': {
      // `+ TACO DEL MAR`: the sign that opens a row's hidden detail is no part of its name.
      const named = value.replace(TOGGLE_SIGN, '');
      return named.length >= 2 ? named : undefined;
    }
    case 'address':
      // `位置：首页 > 新闻动态` is where the page sits in its site. Page: cn-zyyfy-hospital-news.
      return isBreadcrumb(value) ? undefined : value;
    case 'caseNumber':
    case 'category':
    case 'department':
    case 'reporterName': {
      // `26-004817 · Category: …`, `HCC-2026-30417 · Fly-tipping · Reported …`: a value ends at the separator
      // before the next item of a meta line.
      // Each step is tried only when its character is there: a list asks this of every row's cells.
      const sep = value.includes(' ') ? META_SEPARATOR.exec(value) : null;
      let trimmed = sep ? value.slice(0, sep.index) : value;
      if (TRAILING_SEPARATORS.includes(trimmed.slice(-1))) trimmed = trimmed.replace(/[\s·•|｜,，;；/]+$/, '');
      // `[公共服务]`, `【投诉】`: brackets a page draws around a tag are not part of it.
      if (OPENING_BRACKETS.includes(trimmed[0] ?? '')) trimmed = trimmed.replace(/^[[【［(（](.+)[\]】］)）]$/, '$1');
      // `S275940 [PDF] [DOC]`: a docket number over links to its files (us-cal-courts-supreme-court-slip-opinions).
      if (field === 'caseNumber' && trimmed.includes(' ')) trimmed = leadingDocketNumber(trimmed) ?? trimmed;
      // `备案编号：粤ICP备05029467号`: a site's licence in its footer numbers the website, never a case. Page:
      // cn-foshan-fszj-tzgg-good-housing-notice-7104416.
      if (field === 'caseNumber' && SITE_LICENCE.test(trimmed)) return undefined;
      // `网友：⏎您好！`: a reply's salutation under the label that opens it is a greeting, never a name. Page:
      // cn-people-liuyan-wuwei-message-8708439.
      if (field === 'reporterName' && GREETING.test(trimmed)) return undefined;
      return trimmed || undefined;
    }
    default:
      return value;
  }
}

/** A salutation (`您好！`, `尊敬的市民：`, `Dear Sir,`, `Hello`): how a letter opens, never who wrote it. */
const GREETING =
  /^(?:您好|你好|大家好|尊敬的\S{0,12}|亲爱的\S{0,12}|dear\b.{0,30}|hello|hi|greetings|good (?:morning|afternoon|evening))[\s!！,，.。:：]*$/i;

const TRAILING_SEPARATORS = ' ·•|｜,，;；/';
const OPENING_BRACKETS = '[【［(（';

/** Between the items of a meta line: `Ref: HCC-2026-30417 · Fly-tipping · Reported …`. */
export const META_SEPARATOR = /\s+[·•|｜]\s+/;

/**
 * A one-line value that ends with a date or a status word shown beside it (`龙口西居民 2026-05-03 21:14`,
 * `GYQ-20260519-0052 待处理`): the value itself, and what stood beside it.
 */
export function splitMeta(value: string, ctx: DateContext): { rest: string; dateText?: string; statusText?: string } {
  let rest = collapse(value);
  if (value.includes('\n') || !rest.includes(' ')) return { rest: value };
  const out: { rest: string; dateText?: string; statusText?: string } = { rest };
  const last = rest.slice(rest.lastIndexOf(' ') + 1);
  if (mapStatus(last, true)) {
    out.statusText = last;
    rest = rest.slice(0, rest.lastIndexOf(' ')).trim();
  }
  if (hasDate(rest, ctx)) {
    const without = stripDates(rest)
      .replace(/[\s,，|｜]+$/, '')
      .trim();
    if (without && without.length < rest.length) {
      out.dateText = rest;
      rest = without;
    }
  }
  out.rest = rest;
  return out;
}

const BARE_TIME = /^\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/i;

const REQUEST_KIND =
  /^(投诉|咨询|求助|建议|举报|表扬|意见|其他|complaint|enquiry|inquiry|request|suggestion|compliment)$/i;

/**
 * `Subject: 7.10.02 Schengen area, Schengen acquis`: a subject under its classification code is the subject area the
 * case is filed in, not its title. Page: eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen.
 */
const CLASSIFIED = /^\d{1,2}(?:\.\d{1,3}){1,3}\s+\p{L}/u;

/** Best pair per field: most specific label first, then page order; values that do not parse fall through. */
export function fieldsFromPairs(pairs: Pair[], ctx: DateContext): Partial<Draft> {
  const out: Partial<Record<DraftField, string>> = {};
  const byField = new Map<DraftField, Pair[]>();
  const add = (f: DraftField, p: Pair) => byField.set(f, [...(byField.get(f) ?? []), p]);
  for (const p of pairs) {
    const f = p.field ? KEY_TO_FIELD[p.field] : undefined;
    if (f) add(f, p);
  }
  // `反映问题` heads a title on one portal and a whole complaint on another: prose is a description.
  // A long title of one sentence (`A resolution amending the Standing Rules of the Senate to provide for cloture …`)
  // is still a title (us-thomas-sres5-bill-status).
  const prose = (p: Pair) =>
    p.value.includes('\n') || (p.value.length > 150 && (p.value.length > 300 || /[。！？.!?]\s+\S/.test(p.value)));
  // `Samuel Allen Taylor, Petitioner<br> v. <br>North Carolina`: a case's caption broken over lines is one title, no
  // prose. Page: us-scotus-docket-17-5574.
  const titles = (byField.get('title') ?? []).map((p) => {
    if (!p.value.includes('\n') || p.value.length > 300) return p;
    const one = collapse(p.value);
    return isCaseCaption(one) ? { ...p, value: one } : p;
  });
  byField.set(
    'title',
    titles.filter((p) => !prose(p) && !CLASSIFIED.test(p.value)),
  );
  for (const p of titles.filter((p) => CLASSIFIED.test(p.value))) add('category', { ...p, rank: 2 });
  for (const p of titles.filter(prose)) add('description', { ...p, rank: 9 });
  // `辦理情形：已結案`: a progress label holding only a status word is the status.
  for (const p of pairs) {
    if (p.field === 'update' && mapStatus(collapse(p.value), true)) add('status', { ...p, rank: 3 });
  }
  // `诉求类型：投诉` is the kind of request; a subject (`事项分类：城乡建设-物业管理`) is the better category.
  byField.set(
    'category',
    (byField.get('category') ?? []).map((p) => (REQUEST_KIND.test(collapse(p.value)) ? { ...p, rank: p.rank + 5 } : p)),
  );
  // `主办单位：鄂州市住房和城市更新局 承办单位：…信息中心 … 鄂ICP备05017375号`: the units a footer names beside the
  // site's licence run the website; they handle no case. Page: cn-ezhou-cjw-gsgg-housing-count-notice.
  const departments = byField.get('department');
  if (departments?.length)
    byField.set(
      'department',
      departments.filter((p) => !SITE_LICENCE.test(p.valueEl.textContent ?? '')),
    );
  // A meta line's value carries more than its field: `网友：龙口西居民 2026-05-03 21:14`, `类别：市容环境 已回复`.
  for (const field of ['reporterName', 'department', 'category', 'caseNumber'] as const) {
    const list = byField.get(field);
    if (!list) continue;
    byField.set(
      field,
      list.map((p) => {
        // `Department:` over `Planning and Development` / `Land Use Planning and Policy`: a body over its divisions,
        // one a line; the body is who handles the case. Page: us-chicago-plan-commission-meetings.
        const value = field === 'department' ? bodyLine(p.value) : p.value;
        const meta = splitMeta(value, ctx);
        if (meta.dateText && field === 'reporterName') add('reportedAt', { ...p, value: meta.dateText, rank: 5 });
        if (meta.statusText) add('status', { ...p, value: meta.statusText, rank: 5 });
        return meta.rest === p.value ? p : { ...p, value: meta.rest };
      }),
    );
  }
  // A lot on a plan (`Property address: Lot 8 RP90257`) names the land, not where a resident finds it: a street
  // address under another label comes first. Page: au-goldcoast-epathway-mcu-2018-1167-details.
  const addresses = byField.get('address');
  if (addresses?.some((p) => !isParcelOnly(p.value))) {
    byField.set(
      'address',
      addresses.map((p) => (isParcelOnly(p.value) ? { ...p, rank: p.rank + 10 } : p)),
    );
  }
  // `Date: Monday, June 3, 2024` and `Time: 6:00 PM` (or `日期` and `时间`) on lines of their own: one moment.
  const dated = byField.get('reportedAt');
  const day = dated?.find((p) => p.key === 'date' || p.key === '日期');
  const time = dated?.find((p) => (p.key === 'time' || p.key === '时间') && BARE_TIME.test(collapse(p.value)));
  if (day && time) add('reportedAt', { ...day, value: `${day.value} ${time.value}`, rank: day.rank - 0.5 });
  for (const [field, list] of byField) {
    const sorted = [...list].sort((a, b) => a.rank - b.rank);
    for (const p of sorted) {
      const v = normaliseField(field, p.value, ctx);
      if (v !== undefined) {
        out[field] = v;
        break;
      }
    }
  }
  return out as Partial<Draft>;
}

/** Fills the gaps of `base` from `extra` (never overwrites). */
export function fillGaps(base: Draft, extra: Partial<Draft>): Draft {
  for (const [k, v] of Object.entries(extra) as Array<[keyof Draft, unknown]>) {
    if (v === undefined || v === '' || k === 'updates' || k === 'attachments') continue;
    if (base[k] === undefined || base[k] === '') (base as unknown as Record<string, unknown>)[k] = v;
  }
  return base;
}

export function emptyDraft(): Draft {
  return { updates: [], attachments: [] };
}

/**
 * The line of a department's value that names the body: the first, unless it is no unit's name and a later line is
 * (`主辦機關：公辦 ⏎ 臺中市政府`, the kind of readjustment above the city that runs it). Page:
 * tw-moi-develop-land-taichung-daqing-readjustment-case.
 */
function bodyLine(value: string): string {
  const lines = value.split('\n');
  const first = lines[0]!;
  if (lines.length === 1 || isUnitName(toSimplified(first))) return first;
  return lines.slice(1, 4).find((l) => isUnitName(toSimplified(l))) ?? first;
}
