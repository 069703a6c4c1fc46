/**
 * The line under a message's heading that names who wrote it and when (`A***  2020-01-15 10:11`): the author when the
 * portal masks the name, and never words of the message. Page: 人民网 领导留言板 (cn-people-liuyan-*).
 */
import { hasDate, stripDates } from './dates';
import { collapse } from './text';
import type { DateContext } from './zones';

// A name masked by the portal (`A***`, `任***`, `网友b***`): the one who wrote, on a line of its own under the title.
const MASKED_NAME = /^[^\s:：，,。]{0,12}[*＊]{2,}[^\s:：，,。]{0,4}$/;

/**
 * The author and time line under the title (`<h3><span>A***&nbsp;&nbsp;2020-01-15 10:11</span></h3>`): its words
 * besides the date, when they are a masked name. Page: cn-people-liuyan-sport-message-6835141.
 */
export function maskedAuthorUnder(heading: Element, ctx: DateContext): string | undefined {
  let seen = 0;
  for (let next = heading.nextElementSibling; next && seen < 3; next = next.nextElementSibling) {
    const raw = next.textContent ?? '';
    if (!raw.trim()) continue;
    seen++;
    if (raw.length > 120 || !hasDate(raw, ctx)) continue;
    const rest = collapse(stripDates(raw));
    return MASKED_NAME.test(rest) ? rest : undefined;
  }
  return undefined;
}

/**
 * `A***⏎2020-01-15 10:11⏎全民健身…`: the author and time line the content block opens with is no part of the message.
 * Page: cn-people-liuyan-sport-message-6835141.
 */
export function withoutBylineLines(text: string, author: string | undefined, ctx: DateContext): string {
  const lines = text.split('\n');
  let skip = 0;
  while (skip < Math.min(2, lines.length - 1)) {
    const line = collapse(lines[skip]!);
    const rest = collapse(stripDates(line)).replace(/^[\s|｜·•,，:：-]+|[\s|｜·•,，:：-]+$/g, '');
    const dateOnly = hasDate(line, ctx) && !rest;
    const byline = Boolean(author) && (line === author || (hasDate(line, ctx) && rest === author));
    if (!dateOnly && !byline) break;
    skip++;
  }
  return skip ? lines.slice(skip).join('\n') : text;
}
