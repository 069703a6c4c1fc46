/**
 * A reply read by its shape when its heading word is one no table knows (`<span>回复</span>` on a site whose
 * words are new): a block holding a line that names who answers (a unit, or a unit's leader by title and name), then
 * the answer's text, and a line that is a date under a short label of its own (`回复时间：2020-07-21 15:37`). Asked only
 * when no reader of the page's words found an update. Measured by test/capture/detail-ablation.ts. Pages:
 * cn-people-liuyan-forestry-message-7251461, cn-people-liuyan-sport-message-6835141 (label-blind).
 */
import { isAnswererName } from './answerers';
import { dateAlone } from './dates';
import { isSkipped, tagOf } from './elements';
import type { Scan } from './scan';
import { collapse } from './text';
import type { UpdateDraft } from './update-entry';
import { readText } from './visible-text';
import type { DateContext } from './zones';

const BLOCKS = new Set(['LI', 'DIV', 'SECTION', 'ARTICLE', 'TD', 'DD']);
const MAX_PARTS = 8;
const MIN_TEXT = 30;
const MAX_BLOCK = 6000;
// A short label before the date on its line (`回复时间：`, `Xqkwx:`), or none.
const LABELLED_DATE = /^(?:[^\d:：]{1,12}[:：]\s*)?(.{6,30})$/;

/** The date of a line that is a date alone, perhaps under a short label of its own. */
function dateLine(text: string, ctx: DateContext): string | undefined {
  const m = text.length <= 45 ? LABELLED_DATE.exec(text) : null;
  return m ? dateAlone(m[1]!.trim(), ctx) : undefined;
}

// Short labels parting one line into its values (`回复单位：萧县人社局 回复时间： 2025-02-05 14:34`, `Xqkw: … Xqzz: …`).
const LINE_LABEL = /\s*[^\s\d:：]{1,12}[:：]\s*/;
const MAX_HEAD_LINE = 90;

/**
 * A reply's head written as one line: who answers and when, each under a short label of its own (`答复单位：萧县人力资源
 * 和社会保障局 答复时间：2025-02-05 14:34`). Page: cn-ahxx-xzxx-letter-162150071 (label-blind).
 */
function headLine(text: string, ctx: DateContext): { by: string; at: string } | undefined {
  if (text.length > MAX_HEAD_LINE) return undefined;
  const values = text.split(LINE_LABEL).filter(Boolean);
  if (values.length !== 2) return undefined;
  const by = values.find((v) => isAnswererName(v));
  const day = values.find((v) => v !== by);
  const at = by && day ? dateAlone(day, ctx) : undefined;
  return by && at ? { by, at } : undefined;
}

/**
 * One reply block: its parts in order are [label], answerer, text, date (the date may come before the text); or a
 * head line of answerer and date, then the text.
 */
function replyIn(block: Element, ctx: DateContext): UpdateDraft | null {
  let by: string | undefined;
  let text: string | undefined;
  let at: string | undefined;
  let parts = 0;
  for (let c = block.firstElementChild; c; c = c.nextElementSibling) {
    if (isSkipped(c)) continue;
    const t = collapse(c.textContent ?? '');
    if (!t) continue;
    if (++parts > MAX_PARTS) return null;
    if (!by) {
      const head = parts === 1 ? headLine(t, ctx) : undefined;
      if (head) ({ by, at } = head);
      else if (isAnswererName(t)) by = t;
      else if (t.length > 8) return null;
      continue;
    }
    const day = at ? undefined : dateLine(t, ctx);
    if (day) at = day;
    else if (!text && t.length >= MIN_TEXT) text = t;
    else return null;
  }
  return by && text && at ? { at, text, by, order: 0, el: block } : null;
}

// A paragraph heading an answer to what was asked or proposed (`Vastaus valtuustoaloitteeseen`: the city's answer to
// a council initiative; Swedish `Svar på motionen`, German `Antwort auf`, Dutch `Antwoord op`, Romanian `Răspuns la`,
// French `Réponse à`, Spanish `Respuesta a`, Italian `Risposta a`). Page: fi-espoo-valtuustoaloite-konserniohje.
const ANSWER_HEAD =
  /^(?:vastaus|svar|antwort|antwoord|răspuns|raspuns|réponse|respuesta|risposta|answer|reply|response)\s+\p{L}/iu;
const MAX_HEAD = 80;

/** A paragraph whose words are all bold: a heading written in a word processor (`<p><b>Vastaus …</b></p>`). */
function boldHead(p: Element): string | undefined {
  const text = collapse(p.textContent ?? '');
  if (!text || text.length > MAX_HEAD) return undefined;
  const bold = Array.from(p.querySelectorAll('b, strong'))
    .map((b) => collapse(b.textContent ?? ''))
    .join(' ');
  return collapse(bold) === text ? text : undefined;
}

/**
 * The answer under a bold paragraph naming it: the paragraphs after it up to the next bold heading or anything that is
 * not a paragraph (the document's table of recipients).
 */
function answerSections(scan: Scan): UpdateDraft[] {
  const out: UpdateDraft[] = [];
  for (let i = 0; i < scan.all.length; i++) {
    if (scan.tags[i] !== 'P') continue;
    const head = scan.all[i]!;
    const raw = head.textContent ?? '';
    if (raw.length > 4 * MAX_HEAD || !ANSWER_HEAD.test(raw.trim()) || scan.excluded(head)) continue;
    if (!boldHead(head)) continue;
    const parts: Element[] = [];
    for (let s = head.nextElementSibling; s && tagOf(s) === 'P'; s = s.nextElementSibling) {
      if (!collapse(s.textContent ?? '')) continue;
      if (parts.length && boldHead(s)) break;
      parts.push(s);
    }
    const text = parts.map((p) => readText(p)).join('\n');
    if (collapse(text).length < MIN_TEXT) continue;
    for (const p of [head, ...parts]) scan.used.add(p);
    out.push({ text, order: i, el: head });
  }
  return out;
}

export function replyByShape(scan: Scan, ctx: DateContext): UpdateDraft[] {
  const answers = answerSections(scan);
  if (answers.length) return answers;
  const out: UpdateDraft[] = [];
  for (let i = 0; i < scan.all.length; i++) {
    const el = scan.all[i]!;
    if (!BLOCKS.has(scan.tags[i]!) || el.childElementCount < 2 || el.childElementCount > MAX_PARTS * 2) continue;
    if (out.some((u) => u.el.contains(el)) || scan.excluded(el)) continue;
    if ((el.textContent ?? '').length > MAX_BLOCK || tagOf(el.firstElementChild!) === 'TR') continue;
    const reply = replyIn(el, ctx);
    if (!reply) continue;
    reply.order = i;
    scan.used.add(el);
    out.push(reply);
  }
  return out;
}
