/**
 * The dates a list's record shows without a label: a line that is a date and nothing else, a date a dating verb
 * introduces in its text (`Filed October 10, 2024`, `发布于2024-05-01`) and the date a line opens with.
 */
import { hasDate, parseDate } from './dates';
import type { DateContext } from './zones';

/**
 * Verbs that date a record inside its text (`Order entered 11/12/25.`, `Filed October 10, 2024`, `发布于2024-05-01`):
 * the date that follows is the record's. Page: us-mississippi-supreme-handdown-list (`Order entered 11/12/25.`).
 */
const DATING_PHRASE =
  /\b(?:entered|filed|decided|dated|issued|posted|published|released|submitted|received|lodged|handed\s+down|argued|heard)\s*(?:on\s*)?[:：]?\s*([^;]{4,30})|(?:发布|发表|提交|受理|登记|办结)(?:于|时间|日期)?[:：]?\s*(\S{6,20})/gi;
// `11/12/25`: a short year after a dating verb is this century's.
const SHORT_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?!\d)/;

export function phraseDate(text: string, ctx: DateContext): string | undefined {
  for (const m of text.matchAll(DATING_PHRASE)) {
    const raw = (m[1] ?? m[2] ?? '').trim();
    const short = SHORT_YEAR.exec(raw);
    const at = parseDate(short ? `${short[1]}/${short[3]}/20${short[4]}` : raw, ctx);
    if (at) return at;
  }
  const made = MADE_BY_ORDER.exec(text);
  return made ? parseDate(made[1]!, ctx) : undefined;
}

/**
 * A rule's note of how it was made, the day before the verb (`（2002年4月11日北京市人民政府第93号令公布　根据…修改）`):
 * the day it was promulgated dates it, however many amendments the note goes on to list. Page:
 * cn-beijing-gongkai-zfxxgk-regulations-list.
 */
const MADE_BY_ORDER = /(\d{4}年\d{1,2}月\d{1,2}日)[^（）()，。；\n]{0,30}?(?:公布|发布|颁布|印发)/;

export const DATING_VERB =
  /^(?:entered|filed|decided|dated|issued|posted|published|released|submitted|received|lodged|handed\s+down|argued|heard)\s+(?:on\s+)?/i;

// A date written out to the day at the start of a line (`Thursday, January 30, 2020 (Canceled)`, `Wed., January 2,
// 2024` (us-essex-county-nj-commissioners-meeting-schedule-2024), `July 24, 2019 at
// 10:30 am`, `12 March 2021`, `2024-05-01`), with its time if one follows. A Japanese era date may name the sitting
// between its year and its day (`令和 6年第 4回定例会,11月29日-目次`: dates.ts reads it).
const LEADING_DATE =
  /^(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|thurs|fri|sat|sun)\.?,?\s+)?(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|(?:令和|平成|昭和)\s*(?:元|[\d０-９]{1,2})\s*年[^\n]{0,40}?[\d０-９]{1,2}\s*月\s*[\d０-９]{1,2}\s*日)(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?/i;

/** The date a line opens with, written out to the day, and its text. */
export function leadingDate(line: string, ctx: DateContext): { text: string; at: string } | undefined {
  const lead = LEADING_DATE.exec(line);
  const text = lead?.[0].trim();
  const at = text ? parseDate(text, ctx) : undefined;
  return text && at ? { text, at } : undefined;
}

// A time of day and nothing else (`5:00 P.M.`, `18:30`, `10 am`, `6:30 pm - 8:00 pm`): a schedule's time column.
const TIME_ALONE =
  /^\d{1,2}(?::\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[-–—]\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)?$/i;
// A line that may show a time beside its date (`5/20/2024 6:30:00 PM`).
const HAS_TIME = /\d:\d\d|\d\s*[ap]\.?\s?m\b/i;
/** Lines longer than this are a record's text, not its meta. */
const MAX_TIME_LINE = 100;

/**
 * A record's date read without its time takes the time the record shows elsewhere by its shape: a cell that is a
 * time alone (`5:00 P.M.` in a schedule's own column), or another line giving the same day with its time (`May 20,
 * 2024` in one cell, `5/20/2024 6:30:00 PM` in the next). Pages: us-essex-county-nj-commissioners-meeting-schedule-2024,
 * us-akron-onbase-city-council-meetings-search.
 */
export function withRecordTime(at: string, lines: string[], ctx: DateContext): string {
  if (!at.includes('T00:00:00')) return at;
  const day = at.slice(0, 10);
  for (const line of lines) {
    if (line.length > MAX_TIME_LINE || !HAS_TIME.test(line) || laterDate(line, ctx)) continue;
    const timed = TIME_ALONE.test(line) ? parseDate(`${day} ${line}`, ctx) : parseDate(line, ctx);
    if (timed?.startsWith(day) && !timed.includes('T00:00:00')) return timed;
  }
  return at;
}

/**
 * A line that opens with a day and gives another day after it (`Sep 29, 2020 — Posted Nov 5, 2020 9:58 AM`): its
 * time is the later day's (when the papers were posted), not the record's. Page:
 * us-bremerton-civicplus-agenda-center-2020-12.
 */
function laterDate(line: string, ctx: DateContext): boolean {
  const lead = leadingDate(line, ctx);
  return lead !== undefined && hasDate(line.slice(lead.text.length), ctx);
}

// `(W)`, `(TH)`, `(Tues.)`: the weekday a schedule writes after each day.
export const WEEKDAY_MARK =
  /\s*\((?:M|Mo|Mon|Tu|T|Tue|Tues|W|We|Wed|Th|TH|Thu|Thur|Thurs|F|Fr|Fri|Sa|Sat|Su|Sun)\.?\)/gi;
// A run of days in one month, read as its first day: `October 12 - 13, 2022`, `June 3-5, 2024`, `12–13 October 2022`.
const MONTH_DAYS = /\b([A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*(?:-|–|to|through)\s*\d{1,2}(,?\s+(?:19|20)\d{2})\b/;
const DAYS_MONTH = /\b(\d{1,2})\s*[-–]\s*\d{1,2}(\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d{2})\b/;

/**
 * The date a record's title holds anywhere in it, a run of days read as its first day: what dates a row named only
 * by its title (`SSA2Minutes 10-2-2018`, `California Transportation Commission Meeting: October 12(W) - 13(TH), 2022 -
 * Santa Barbara`). Pages: us-belmont-central-ssa2-meeting-minutes, us-california-transportation-commission-meetings-2022.
 */
export function dateInTitle(title: string, ctx: DateContext): string | undefined {
  const text = title.replace(WEEKDAY_MARK, '').replace(MONTH_DAYS, '$1$2').replace(DAYS_MONTH, '$1$2');
  return parseDate(text, ctx);
}
