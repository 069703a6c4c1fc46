/**
 * What the person clipping selected: a range's root element and its text, and the draft read from selected text alone
 * (its known labels as fields, the first short line as the title).
 */
import { parseDate } from './dates';
import { firstSentence } from './detail';
import { type Draft, emptyDraft, KEY_TO_FIELD, normaliseField } from './draft';
import { matchLabel } from './labels';
import { parseLines } from './lines';
import { tidyLines } from './text';
import type { DateContext } from './zones';

export function textDraft(text: string, ctx: DateContext): Draft {
  const lines = tidyLines(text).split('\n').filter(Boolean);
  const d = emptyDraft();
  const rest: string[] = [];
  const found = parseLines(lines);
  // Only known labels are fields; `居民反映：…` is prose that happens to contain a colon.
  const labelled = new Set(found.filter((f) => matchLabel(f.label)).map((f) => f.label));
  for (const { label, value } of found) {
    const m = matchLabel(label);
    if (!m) continue;
    if (m.field === 'update') {
      d.updates.push({ text: value });
      continue;
    }
    const field = KEY_TO_FIELD[m.field];
    if (!field || d[field] !== undefined) continue;
    const v = normaliseField(field, value, ctx);
    if (v !== undefined) (d as unknown as Record<string, string>)[field] = v;
  }
  for (const line of lines) {
    const head = /^([^：:]{1,28}?)\s*[：:]/.exec(line);
    if (!head || !labelled.has(head[1]!)) rest.push(line);
  }
  if (!d.title) {
    if (rest.length >= 2 && rest[0]!.length <= 60) d.title = rest.shift();
    else if (rest.length) d.title = firstSentence(rest.join('\n'));
  }
  if (!d.description && rest.length) d.description = rest.join('\n');
  if (!d.reportedAt) d.reportedAt = parseDate(text, ctx);
  return d;
}

export function selectionRoot(doc: Document, sel: Range | Element): { root: Element; text?: string } {
  if ('commonAncestorContainer' in sel) {
    const node = sel.commonAncestorContainer;
    const root = node.nodeType === 1 ? (node as Element) : (node.parentElement ?? doc.body ?? doc.documentElement);
    const text = sel.toString();
    return { root, text: typeof text === 'string' && !text.startsWith('[object') ? text : undefined };
  }
  return { root: sel };
}
