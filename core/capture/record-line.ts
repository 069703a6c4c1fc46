/**
 * A register entry's own line: the record's number, which the page's address names in a parameter
 * (`…?RegisteredCharityNumber=1132314`), shown on the page beside the record's name (`1132314 - YOUTH ARTS
 * FESTIVAL`). Registers (charities, companies, licences, planning applications) head an entry so, with no label
 * before either. Page: uk-charity-commission-youth-arts-festival (its `<title>` is `Charity overview`, its
 * `DC.Title` the site's section `About Charities`).
 */
import { escapeRe } from './card-draft';
import { matchLabel } from './labels';
import type { Scan } from './scan';
import { collapse, isBreadcrumb } from './text';

// A parameter that names a number (`RegisteredCharityNumber`, `caseNo`, `ApplicationNumber`, `refno`, `appRef`);
// not `id` or `index`, which number database rows and pages.
const NUMBER_PARAM = /(?:number|num|nbr|no|nr|ref|reference)$/i;
// A number shown as itself: digits with letters, slashes, dots or dashes (`1132314`, `DA/2019/11`, `SC123456`).
const SHOWN_NUMBER = /^(?=.*\d)[\w/.-]{3,30}$/;
// The name after the number (`1132314 - NAME`) or before it (`NAME - 1132314`, `NAME (1132314)`).
const SEPARATOR = String.raw`\s*[-–—|:]\s*`;
const MAX_LINE = 200;

/** The numbers the page's address names: `[RegisteredCharityNumber, 1132314]` → `1132314`. */
function numbersInAddress(pageUrl: string | undefined): string[] {
  if (!pageUrl?.includes('?')) return [];
  let params: URLSearchParams;
  try {
    params = new URL(pageUrl).searchParams;
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const [name, raw] of params) {
    const value = raw.trim();
    if (NUMBER_PARAM.test(name) && SHOWN_NUMBER.test(value) && /\d{3}/.test(value)) out.push(value);
  }
  return out;
}

/** The record's name on the line that shows its number, when the line is the number and a name, nothing more. */
function nameBeside(line: string, number: string): string | undefined {
  const n = escapeRe(number);
  const m =
    new RegExp(`^(?:no\\.?\\s*)?${n}${SEPARATOR}(.+)$`, 'i').exec(line) ??
    new RegExp(`^(.+?)(?:${SEPARATOR}|\\s*\\()(?:no\\.?\\s*)?${n}\\)?$`, 'i').exec(line);
  const name = m?.[1]?.trim();
  if (!name || name.length < 3 || name.length > 150 || !/\p{L}{2}/u.test(name)) return undefined;
  // `Charity number - 1132314`, `Home | 1132314`: a label or a trail, not a name.
  if (matchLabel(name) || isBreadcrumb(line)) return undefined;
  return name;
}

const linksTo = (el: Element, number: string) =>
  Array.from(el.querySelectorAll('a')).some((a) => (a.textContent ?? '').includes(number));

/** The record's number from the page's address, and its name when the page shows both on one line. */
export function recordLine(
  scan: Scan,
  pageUrl: string | undefined,
): { caseNumber: string; title?: string } | undefined {
  for (const number of numbersInAddress(pageUrl)) {
    const alone = new RegExp(`(?:^|[^\\w/.-])${escapeRe(number)}(?:$|[^\\w/.-])`);
    for (const el of scan.all) {
      if (!scan.leafy.has(el) || scan.excluded(el)) continue;
      const raw = el.textContent ?? '';
      if (raw.length > MAX_LINE * 4 || !raw.includes(number)) continue;
      // A link to the number is a link to a record (another page, or this one from a list), not this entry's line.
      if (!alone.test(raw) || el.closest('a') || linksTo(el, number)) continue;
      // The line may be cut into elements (`<div>1132314 - </div><div>YOUTH ARTS FESTIVAL</div>`): read up to two
      // levels above the number while the text stays a line.
      let title: string | undefined;
      for (let box: Element | null = el, depth = 0; box && depth < 3 && !title; box = box.parentElement, depth++) {
        const boxText = box.textContent ?? '';
        // Padding counts for nothing (the name's `<div>` is padded with 130 spaces), a longer text ends the line.
        const text = boxText.length > MAX_LINE * 4 ? '' : collapse(boxText);
        if (!text || text.length > MAX_LINE) break;
        title = nameBeside(text, number);
      }
      return title ? { caseNumber: number, title } : { caseNumber: number };
    }
  }
  return undefined;
}
