/**
 * Lines a page prints by an inline script as it loads (`var wzly = '贵阳市住房公积金管理中心'; … document.write('来源：'
 * + wzly)`): a browser shows them beside the heading, a saved copy of the served page holds only the script. Many
 * Chinese government CMSs print their `发布时间` and `来源` lines so. Only writes made of quoted strings and variables
 * given a quoted string are read: nothing is run. Page: cn-guiyang-gjj-gggs-loan-policy-consultation-notice.
 */
import { parseDate } from './dates';
import type { Draft } from './draft';
import { matchLabel } from './labels';
import type { Scan } from './scan';
import { collapse } from './text';
import type { DateContext } from './zones';

const ASSIGN = /(?:\b(?:var|let|const)\s+)?\b([A-Za-z_$][\w$]*)\s*=\s*(['"])((?:(?!\2)[^\\\n]){0,200})\2\s*;/g;
const WRITE = /document\.write(?:ln)?\s*\(([^()]{1,300})\)/g;
const TERM = /^\s*(?:(['"])((?:(?!\1)[^\\\n])*)\1|([A-Za-z_$][\w$]*))\s*$/;
const LABELLED = /^([^:：]{1,12})[:：]\s*(.{1,120})$/;

/** What a script's `document.write` calls print, when each is quoted strings and string variables joined by `+`. */
export function writtenText(script: string): string {
  if (!script.includes('document.write')) return '';
  const vars = new Map<string, string>();
  for (const m of script.matchAll(ASSIGN)) if (!vars.has(m[1]!)) vars.set(m[1]!, m[3]!);
  const out: string[] = [];
  for (const m of script.matchAll(WRITE)) {
    const parts: string[] = [];
    for (const term of m[1]!.split('+')) {
      const t = TERM.exec(term);
      const value = t ? (t[3] === undefined ? t[2] : vars.get(t[3])) : undefined;
      if (value === undefined) return '';
      parts.push(value);
    }
    out.push(parts.join(''));
  }
  return collapse(
    out
      .join(' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(?:#\d+|[a-z]+);/gi, ' '),
  );
}

/**
 * The fields the page's script-printed lines label (`来源：…` a channel or a body, `发布时间：…` the date), skipped on a
 * live page, where the line is already printed beside its script.
 */
export function scriptLineFields(scan: Scan, ctx: DateContext): Partial<Draft> {
  const out: Partial<Draft> = {};
  const scripts = scan.root.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    const code = s.textContent ?? '';
    const parent = s.parentElement;
    if (!parent || !code.includes('document.write') || scan.excluded(parent)) continue;
    const line = writtenText(code);
    const m = LABELLED.exec(line);
    if (!m || collapse((parent.textContent ?? '').replace(code, '')).includes(line)) continue;
    const field = matchLabel(m[1]!)?.field;
    const value = m[2]!.trim();
    if (field === 'reportedAt') out.reportedAt ??= parseDate(value, ctx);
    else if ((field === 'channel' || field === 'department') && value.length <= 40) out[field] ??= value;
  }
  return out;
}
