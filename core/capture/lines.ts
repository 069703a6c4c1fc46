/**
 * `label：value` runs inside lines of text: `留言人：钱女士 分类：城市建设 留言时间：2026.05.27`, a label alone on its
 * line over a block of text, and a reply's own meta lines under its label.
 */
import { ENUMERATED, matchLabel } from './labels';
import { collapse } from './text';

const INNER_LABEL = /(^|[\s|｜;；,，]+)([^\s：:|｜;；,，]{1,16})\s*[：:](?!\/\/)/g;
export const START_LABEL = /^([^：:\n]{1,100}?)\s*[：:](?!\/\/)/;

/** `问 网友` (an icon's letter before the label): the last word, when only it is a known label. */
function knownLastWord(label: string): string {
  if (matchLabel(label)) return label;
  const last = label.trim().split(/\s+/).pop() ?? '';
  return last !== label.trim() && matchLabel(last) ? last : label;
}

/** A Chinese label no table knows, by its shape: one to ten Han characters before the colon (`热度：`, `访问量：`). */
export function cjkLabelShaped(label: string): boolean {
  return /^[\u3400-\u9fff]{1,10}$/.test(label.replace(/\s/g, ''));
}

const REPLY_META = new Set(['updateAt', 'updateBy', 'updateStatus', 'department']);

/** `label：value` runs inside lines of text: `留言人：钱女士 分类：城市建设 留言时间：2026.05.27`. */
export function parseLines(lines: string[]): Array<{ label: string; value: string }> {
  const out: Array<{ label: string; value: string }> = [];
  const consumed = new Set<number>();
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (consumed.has(li) || (!line.includes(':') && !line.includes('：'))) continue;
    const starts: Array<{ label: string; at: number; end: number }> = [];
    const first = START_LABEL.exec(line);
    const firstLabel = first ? knownLastWord(first[1]!) : '';
    if (first && (matchLabel(firstLabel) || cjkLabelShaped(firstLabel))) {
      // A date or a number is no label; a section number before one (`3、采购人：`) is no part of it.
      if (!/\d/.test(firstLabel.replace(ENUMERATED, '')))
        starts.push({ label: firstLabel, at: line.indexOf(firstLabel), end: first[0].length });
    }
    INNER_LABEL.lastIndex = 0;
    for (let m = INNER_LABEL.exec(line); m; m = INNER_LABEL.exec(line)) {
      const label = m[2]!;
      const at = m.index + m[1]!.length;
      if (starts.some((s) => at < s.end)) continue;
      if (/\d/.test(label)) continue;
      if (!matchLabel(label) && !/^[\u3400-\u9fff]{2,8}$/.test(label)) continue;
      starts.push({ label, at, end: m.index + m[0].length });
    }
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      const stop = starts[i + 1]?.at ?? line.length;
      let value = collapse(line.slice(s.end, stop)).replace(/[|｜;；,，]+$/, '');
      if (!value && i === starts.length - 1) {
        // `诉求内容：` alone on its line: the value is every following line up to the next label. A reply may
        // open with its own meta lines (`处理意见:⏎处理单位: X⏎处理时间: …⏎经核查…`): those stay pairs of their own.
        const block = matchLabel(s.label)?.field;
        const multiline = block === 'description' || block === 'update';
        const taken: string[] = [];
        for (let n = li + 1; n < lines.length; n++) {
          const next = lines[n]!;
          const head = START_LABEL.exec(next);
          const nextField = head ? matchLabel(head[1]!)?.field : undefined;
          if (nextField && block === 'update' && !taken.length && REPLY_META.has(nextField)) continue;
          // Nor is the first line after it when it opens with a label of its own no table knows (`访问量：199` after an
          // empty `来源：`); further lines of a text may (`经核查：…` inside a reply). Page: cn-wanzai-sjkf-2015-statistical-bulletin.
          if (nextField || (head && !taken.length && cjkLabelShaped(head[1]!))) break;
          taken.push(collapse(next));
          consumed.add(n);
          if (!multiline) break;
        }
        value = taken.filter(Boolean).join('\n');
      }
      if (value) out.push({ label: s.label, value });
    }
  }
  return out;
}
