/**
 * Pairs whose label is an element of its own: a label element followed by its value element, a bold label loose in
 * a block with its text after it, a heading over its section, form fields with <label for> or an enclosing label,
 * and icons standing in for labels.
 */
import { readsLikePostalAddress } from './address';
import { dateAlone } from './dates';
import { SKIP_TAGS, tagOf } from './elements';
import { labelOf, shortText } from './header-tables';
import { type LabelMatch, looksLikeLabel, matchLabel } from './labels';
import { cjkLabelShaped, START_LABEL } from './lines';
import { CONTROL_TAGS, makePair, type Pair, tidyValue, valueText } from './pair-value';
import type { Scan } from './scan';
import { mapStatus } from './status';
import { collapse } from './text';
import { controlValue, readText } from './visible-text';
import { DEFAULT_CONTEXT } from './zones';

// What an icon stands for, from its class or file name (`icon-user`, `fa-map-marker`, `ico_tel.png`).
const ICON_LABELS: Array<[RegExp, string]> = [
  // `wap-head-woman@3x.png`, `touxiang.png`: a portrait before a name is its writer's (cn-sun0769-wenzheng-case-456615).
  [/(^|[-_\s/])(user|person|people|avatar|account|author|head|touxiang|portrait|profile)([-_\s.@]|$)/, '联系人'],
  [/(^|[-_\s/])(phone|tel|mobile|call)([-_\s.]|$)/, '联系电话'],
  [/(^|[-_\s/])(time|clock|calendar|date)([-_\s.]|$)/, '时间'],
  [/(^|[-_\s/])(map|marker|location|address|place|pin|position)([-_\s.]|$)/, '地址'],
];

/**
 * `157 ALEXANDRA STREET EAST ALBURY 2640,159 ALEXANDRA STREET …`: a site of several lots, each a postal address, after
 * a pin is one long value, not prose. Page: au-nsw-planning-portal-planning-panels-under-assessment (the first and
 * the last card, whose lists passed the 80 characters of one value, were dropped from the list).
 */
function addressList(label: string, value: string): boolean {
  const m = matchLabel(label);
  if (m?.field !== 'address') return false;
  return value.split(/\s*[,;]\s*(?=\d)/).every((part) => readsLikePostalAddress(part));
}

/** `<span><i class="icon-user"></i>张先生</span>`, `<img alt="电话">186…`: an icon in place of a label. */
export function iconPair(icon: Element, out: Pair[]): void {
  if ((icon.textContent ?? '').trim()) return;
  const parent = icon.parentElement;
  if (!parent || parent.firstElementChild !== icon || parent.children.length !== 1) return;
  const value = tidyValue(readText(parent, (c) => c === icon));
  if (!value || value.length > 400 || /[:：]/.test(value.slice(0, 12))) return;
  const alt = icon.getAttribute('alt') ?? icon.getAttribute('title') ?? icon.getAttribute('aria-label') ?? '';
  const words = `${icon.getAttribute('class') ?? ''} ${icon.getAttribute('src') ?? ''}`.toLowerCase();
  const label = alt && matchLabel(alt) ? alt : ICON_LABELS.find(([re]) => re.test(words))?.[1];
  if (!label) return;
  if (value.length > 80 && !addressList(label, value)) return;
  const p = makePair(label, value, parent, icon, 'sibling');
  if (p) out.push(p);
}

// `发布日期2020-05-18 12:28:49`: a date label run into its date with no colon. A date's digits after the label's
// letters mark the boundary without doubt (a name run into its label would not). Page: cn-sun0769-wenzheng-case-456615.
const GLUED_DATE = /^(\D{2,12}?)\s*((?:\d{4}[-/.年]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})[\d\s:：日/.-]*)$/;
const DATE_FIELDS = new Set(['reportedAt', 'updateAt']);

/** `<span>发布时间2020-05-18 12:28</span>`: a leaf whose known date label runs straight into its date. */
export function gluedDatePair(el: Element, out: Pair[]): void {
  if (el.firstElementChild) return;
  const text = collapse(el.textContent ?? '');
  const m = text.length <= 40 ? GLUED_DATE.exec(text) : null;
  const lm = m ? matchLabel(m[1]!, true) : null;
  if (!m || !lm || !DATE_FIELDS.has(lm.field)) return;
  const p = makePair(m[1]!, m[2]!.trim(), el, el, 'line');
  if (p) out.push(p);
}

// A radio button or a checkbox is a choice: its label names the option (`Location`, `Suburb` of a sort form) and its
// `value` is a code (`2`), never the field's value. Page: au-burwood-civica-da-search-results.
const CHOICE_INPUT = /^(radio|checkbox)$/i;

export function formPair(control: Element, forLabels: Map<string, Element>, out: Pair[]): void {
  if (tagOf(control) === 'INPUT' && CHOICE_INPUT.test(control.getAttribute('type') ?? '')) return;
  const value = collapse(controlValue(control));
  if (!value || value === control.getAttribute('placeholder')) return;
  const id = control.getAttribute('id');
  let labelEl = id ? forLabels.get(id) : undefined;
  labelEl ??= control.closest('label') ?? undefined;
  let label = labelEl ? readText(labelEl, (c) => CONTROL_TAGS.has(tagOf(c))) : '';
  if (!label) label = control.getAttribute('aria-label') ?? '';
  if (!label) return;
  const text = tagOf(control) === 'TEXTAREA' ? controlValue(control) : value;
  const p = makePair(label, tidyValue(text), control, labelEl ?? control, 'form');
  if (p) out.push(p);
}

const LABEL_CLASS = /(^|[-_\s])(label|lbl|name|key|tit|title|hd|bt|th|field-name|f-name|item-name|caption)([-_\s]|$)/i;

// `<span class="AlternateContentHeading">Application description</span><div>…</div>`: an inline element whose class
// calls it a heading or a label (in one word, as ASP.NET names them) labels what follows; a span heads no section.
// Page: au-goldcoast-epathway-mcu-2018-1167-details (its description and location were never read).
const INLINE_TAGS = new Set(['SPAN', 'B', 'STRONG', 'EM', 'SMALL', 'FONT']);
const HEADING_WORD = /(?:Heading|Label|Caption)(?:[-_\s]|$)/;
function inlineHeadingClass(el: Element): boolean {
  return INLINE_TAGS.has(tagOf(el)) && HEADING_WORD.test(el.getAttribute('class') ?? '');
}

export function siblingPair(el: Element, out: Pair[], leafy: Scan['leafy']): void {
  const text = shortText(el);
  if (!text) return;
  const colon = /[:：]\s*$/.test(text);
  // A link or a button (`<a>回复</a>` in a menu, `<button>回复</button>`) is an action, not a label.
  if (tagOf(el) === 'BUTTON' || el.closest('button')) return;
  if (!colon && (tagOf(el) === 'A' || el.closest('a'))) {
    datedPaperPair(el, text, out);
    return;
  }
  // Without a colon only the dictionary's own words count (headings like `工单详情` are not labels), unless the
  // markup says it is a label (<label>, class="label").
  const structural =
    tagOf(el) === 'LABEL' || LABEL_CLASS.test(el.getAttribute('class') ?? '') || inlineHeadingClass(el);
  const lm = colon || structural ? labelOf(text) : matchLabel(text, true);
  if (!lm) return;
  // `<li><a>Summary</a></li><li><a>Further Information</a></li>`: tabs or a menu, items of one list, not a label and
  // its value; nor is a link (`<li><a>Summary</a></li>`) a label without its colon.
  if (!colon && !structural && (tagOf(el) === 'LI' || linkOnly(el, text))) return;
  // `<h3>办理过程</h3>` heads a section of entries, read as a timeline; its next sibling is only the first entry.
  if (!colon && lm !== 'unknown' && lm.field === 'update' && /^H[1-6]$/.test(tagOf(el)) && alikeNext(el)) return;
  // `label：value` in one element is a line, not a label for the next element.
  if (lm !== 'unknown' && !/[:：]\s*$/.test(text) && /[:：]/.test(text)) return;
  // `<b>Latest Title:</b> Abstinence Education Reallocation Act of 2013<br>` loose in a block of other blocks: the
  // text after the label, up to the next element, is the value (in a leafy block, its lines are read as lines).
  // Page: us-thomas-hr718-bill-status.
  const host = el.parentElement;
  const after = colon && host && !leafy.has(host) ? textAfter(el) || linkedAfter(el, lm) : '';
  if (after) {
    const p = makePair(text, after, el, el, 'sibling');
    if (p) out.push(p);
    return;
  }
  // `<p>présenté par</p><p> </p><table>…M. Coronado…</table>`: an empty element (here the `<p>` a parser closed before
  // the table) stands between a label and its value. Page: fr-assemblee-nationale-amendement-cl4-996. A `<style>` or
  // `<script>` there is no value either (elements.ts SKIP_TAGS).
  let next = el.nextElementSibling;
  while (next && (isEmptyBox(next) || SKIP_TAGS.has(tagOf(next)))) next = next.nextElementSibling;
  // `<div><span>Application Number</span>16F/2687</div>`: a known label that opens its block with the value as the
  // rest of the block's text, no colon between (Northgate Planning Explorer's lists of pairs). Page:
  // uk-liverpool-northgate-16f-2687-application-details.
  if (!colon && lm !== 'unknown' && host && opensBlock(el, host)) {
    const p = makePair(text, tidyValue(readText(host, (c) => c === el)), host, el, 'sibling');
    if (p) out.push(p);
    return;
  }
  // `<hr><b>SUMMARY AS OF:</b><br>9/7/2011--Passed Senate.<p>Provides for …</p><hr>`: a known label loose in a block,
  // alone on its line, heads what follows up to the next rule or label. Page: us-thomas-hconres74-bill-status.
  if (colon && lm !== 'unknown' && host && !leafy.has(host) && next && tagOf(next) === 'BR') {
    const section = looseSection(el);
    const p = section ? makePair(text, section, el, el, 'sibling') : null;
    if (p) out.push(p);
    return;
  }
  // `<span class="label">Sponsor</span><br><a><b>Roberto J. Gonzales</b></a><br><br>`: a label alone on its line with
  // its value alone on the next (stacked, not beside it). Pages: us-nmlegis-2019-hb73-legislation, -sb11.
  if (next && tagOf(next) === 'BR' && !colon && (structural || lm !== 'unknown')) {
    const below = stackedValue(el, next);
    const p = below ? makePair(text, below.text, below.el, el, 'sibling') : null;
    if (p) out.push(p);
    return;
  }
  if (!next || tagOf(next) === 'BR' || tagOf(next) === 'BUTTON') return;
  // `<p>办复内容：</p><p>一、工作开展情况</p><p>…</p>`: a reply or a text labelled in a paragraph of its own (an
  // editor's Word paste, on TRS, Hanweb or Lonsun pages) owns the paragraphs after it, up to the next label.
  // Page: cn-pingtan-zxta-proposal-38201.
  if (colon && lm !== 'unknown' && PROSE_FIELDS.has(lm.field) && tagOf(el) === 'P' && tagOf(next) === 'P') {
    const p = makePair(text, looseSection(el), el, el, 'sibling');
    if (p) out.push(p);
    return;
  }
  // `<h1>Summary</h1><div class="tabcontainer">…</div>`: a heading over a block of blocks names a section; its words
  // label a value only when the next element is a value (a leaf), or the section's text is the description.
  if (!colon && /^H[1-6]$/.test(tagOf(el)) && !leafy.has(next) && !isSectionHeading(el, lm)) return;
  // A status badge (`<span class="badge">Closed</span>`) is a value, even when its word is also a label.
  if (!colon && mapStatus(text, true)) return;
  if (
    lm === 'unknown' &&
    tagOf(next) !== 'SPAN' &&
    tagOf(next) !== 'DIV' &&
    !CONTROL_TAGS.has(tagOf(next)) &&
    !dayAlone(next)
  )
    return;
  const nt = shortText(next);
  // `State` over `Closed`: a status word after a status label is its value, though `Closed` is a label too.
  const statusValue = nt !== null && lm !== 'unknown' && lm.field === 'status' && mapStatus(nt, true) !== undefined;
  if (nt !== null && !statusValue && (matchLabel(nt, true) !== null || looksLikeLabel(nt))) return;
  // `<p><button>提交</button><button>取消</button></p>` after a form label: actions, not a value.
  if (next.querySelector('button, input[type=submit], input[type=button]') && !readText(next, isAction)) return;
  // <li><label>来电时间</label><span>2026年5月8日</span> <span>10:02</span></li>: the value is the rest of the line.
  const parent = el.parentElement;
  const wholeLine = parent && leafy.has(parent) && parent.firstElementChild === el && parent.children.length > 2;
  const valueEl = wholeLine ? parent : next;
  const value = wholeLine
    ? tidyValue(readText(parent, (c) => c === el))
    : isSectionHeading(el, lm)
      ? sectionText(el)
      : valueText(next);
  // A value that starts with its own `label：` is a block of pairs, not one value.
  const head = START_LABEL.exec(value);
  if (head && (matchLabel(head[1]!) || cjkLabelShaped(head[1]!))) return;
  const p = makePair(text, value, valueEl, el, 'sibling');
  if (p) out.push(p);
}

/**
 * An element that shows a day and nothing else (`<p><span>9 Dic 2021</span><span>09/12/21</span></p>`): after a label
 * of words no table knows (`<h2>Disponible Desde:</h2>`), a day is that label's value whatever its words. Page:
 * cl-chileconvencion-iniciativa-5502-propiedad-privada (label-blind).
 */
function dayAlone(el: Element): boolean {
  // The visible text: runs laid side by side (`<span>9 Dic 2021</span><span>09/12/21</span>`) apart.
  return (el.textContent ?? '').length <= 120 && dateAlone(collapse(readText(el)), DEFAULT_CONTEXT) !== undefined;
}

// A day alone as a badge shows it (`12/17/18`, `2019-01-15`).
const BADGE_DAY = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;

/**
 * `<a class="btn" href="HB0073.pdf"><span>Introduced (PDF)</span> <span class="badge">12/17/18</span></a>`: a link to
 * the case's paper named by a date label, the day in a badge beside the name — the day it was brought in. Pages:
 * us-nmlegis-2019-hb73-legislation, us-nmlegis-2019-sb11-legislation.
 */
function datedPaperPair(el: Element, text: string, out: Pair[]): void {
  const lm = matchLabel(text, true);
  if (lm?.field !== 'reportedAt') return;
  const badge = el.nextElementSibling;
  const day = badge ? collapse(badge.textContent ?? '') : '';
  if (!badge || !BADGE_DAY.test(day)) return;
  const p = makePair(text, day, badge, el, 'sibling');
  if (p) out.push(p);
}

const blank = (n: Node) => n.nodeType === 3 && !(n.textContent ?? '').trim();
const isBreak = (n: Node) => n.nodeType === 1 && tagOf(n as Element) === 'BR';
/** A stacked value is one line: a name, a title, a place. */
const MAX_STACKED = 300;

/**
 * The line under a label that opens its own line (`<br>` or the block's start before it, `<br>` right after it): the
 * nodes up to the next `<br>` or the block's end, one element or loose text, not itself a label.
 */
function stackedValue(label: Element, br: Element): { text: string; el: Element } | undefined {
  let before = label.previousSibling;
  while (before && blank(before)) before = before.previousSibling;
  if (before && !isBreak(before)) return undefined;
  const line: Node[] = [];
  let n = br.nextSibling;
  for (; n && !isBreak(n); n = n.nextSibling) if (!blank(n)) line.push(n);
  const only = line.length === 1 && line[0]!.nodeType === 1 ? (line[0] as Element) : undefined;
  if (!line.length || (line.length > 1 && line.some((x) => x.nodeType === 1 && !INLINE_VALUE.has(tagOf(x as Element)))))
    return undefined;
  const text = collapse(line.map((x) => x.textContent ?? '').join(' '));
  if (!text || text.length > MAX_STACKED || matchLabel(text, true) !== null || looksLikeLabel(text)) return undefined;
  return { text, el: only ?? label };
}

/** Fields whose value runs over paragraphs: a reply, a message. */
const PROSE_FIELDS: ReadonlySet<string> = new Set(['update', 'description']);

const SECTION_END = new Set(['HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'DL', 'UL', 'OL', 'FORM']);

/** The text after a label that stands on its own line, up to a rule, a heading, a list, a table or the next label. */
function looseSection(label: Element): string {
  const lines: string[] = [];
  let size = 0;
  for (let n = label.nextSibling; n && size < 4000; n = n.nextSibling) {
    if (n.nodeType === 3) {
      lines.push(n.textContent ?? '');
      size += (n.textContent ?? '').length;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    const tag = tagOf(e);
    if (SECTION_END.has(tag)) break;
    if (tag === 'BR') {
      lines.push('\n');
      continue;
    }
    const t = shortText(e);
    if (t && /[:：]\s*$/.test(t) && labelOf(t)) break;
    const v = readText(e);
    lines.push(`\n${v}\n`);
    size += v.length;
  }
  return tidyValue(lines.join(''));
}

/** An inline label first in its block, nothing but text and line breaks after it (`<div><span>L</span>v</div>`). */
function opensBlock(el: Element, host: Element): boolean {
  if (!INLINE_TAGS.has(tagOf(el)) || host.firstElementChild !== el || /^(A|H[1-6]|BUTTON|LABEL)$/.test(tagOf(host)))
    return false;
  for (let n = host.firstChild; n && n !== el; n = n.nextSibling) if ((n.textContent ?? '').trim()) return false;
  for (let s = el.nextElementSibling; s; s = s.nextElementSibling) if (tagOf(s) !== 'BR') return false;
  return textAfter(el) !== '';
}

/** An element that shows nothing: no text, no image, no form field (`<p> </p>`, a spacer `<div>`), not a line break. */
function isEmptyBox(el: Element): boolean {
  return (
    tagOf(el) !== 'BR' &&
    !CONTROL_TAGS.has(tagOf(el)) &&
    tagOf(el) !== 'IMG' &&
    !(el.textContent ?? '').trim() &&
    !el.querySelector('img, input, select, textarea')
  );
}

/** All of the element's words are one link's. */
function linkOnly(el: Element, text: string): boolean {
  const a = el.firstElementChild;
  return a !== null && tagOf(a) === 'A' && collapse(a.textContent ?? '') === text;
}

/** The text nodes right after an element, up to the next element. */
function textAfter(el: Element): string {
  let text = '';
  for (let n = el.nextSibling; n && n.nodeType === 3; n = n.nextSibling) text += n.textContent ?? '';
  return collapse(text);
}

/** Inline elements that may carry a value's words on the label's line: a link to a person's page, an emphasis. */
const INLINE_VALUE = new Set(['A', 'SPAN', 'I', 'EM', 'FONT', 'ABBR']);

/**
 * `<b>Xq: </b><a>Sen Leahy, Patrick J.</a> [VT] (introduced 1/22/2013)<br>`: an unknown label whose value opens with a
 * link, loose on its line: the line up to its break is the value. Only for a label no table knows (a known one has
 * its readers); a line of links only (a menu) is none. Page: us-thomas-s54-bill-status (label-blind).
 */
function linkedAfter(el: Element, lm: LabelMatch | 'unknown'): string {
  if (lm !== 'unknown') return '';
  let n = el.nextSibling;
  while (n && n.nodeType === 3 && !(n.textContent ?? '').trim()) n = n.nextSibling;
  if (n?.nodeType !== 1 || tagOf(n as Element) !== 'A') return '';
  let text = '';
  let loose = '';
  for (; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      loose += n.textContent ?? '';
      text += n.textContent ?? '';
    } else if (n.nodeType === 1 && INLINE_VALUE.has(tagOf(n as Element))) text += ` ${n.textContent ?? ''} `;
    else break;
    if (text.length > 200) return '';
  }
  return collapse(loose) ? collapse(text) : '';
}

/** `<h3>留言内容</h3><p>…</p><p>…</p>`: a heading over a description owns every paragraph up to the next heading. */
function isSectionHeading(el: Element, lm: LabelMatch | 'unknown'): boolean {
  return lm !== 'unknown' && lm.field === 'description' && /^H[1-6]$/.test(tagOf(el));
}

function sectionText(heading: Element): string {
  const parts: string[] = [];
  for (let s = heading.nextElementSibling; s && !/^H[1-6]$/.test(tagOf(s)); s = s.nextElementSibling) {
    const t = valueText(s);
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

/** Two or more alike siblings after a heading (`<p class="jl">…</p><p class="jl">…</p>`). */
function alikeNext(heading: Element): boolean {
  const a = heading.nextElementSibling;
  const b = a?.nextElementSibling;
  return !!a && !!b && tagOf(a) === tagOf(b) && a.getAttribute('class') === b.getAttribute('class');
}

const isAction = (el: Element) => {
  const tag = tagOf(el);
  return tag === 'BUTTON' || (tag === 'INPUT' && /^(submit|button|reset)$/i.test(el.getAttribute('type') ?? ''));
};
