/**
 * What the extractor tells the person clipping, beside the issues: one table of messages, zh-CN first (what a
 * Chinese UI shows) and English second, each under a stable code a UI or a test can key on. `linli extract` prints
 * them as `notes` next to `issues` and on stderr; the extension shows `messageZh` or `message` by its language.
 */

export type CaptureNoteCode =
  | 'rows-loaded-by-script'
  | 'content-loaded-by-script'
  | 'search-page'
  | 'no-title'
  | 'recipe-no-rows'
  | 'case-skipped'
  | 'empty-document'
  | 'charset-overruled';

export interface CaptureNote {
  code: CaptureNoteCode;
  message: string;
  messageZh: string;
}

const MESSAGES: Record<CaptureNoteCode, { en: string; zh: string }> = {
  'rows-loaded-by-script': {
    en: 'rows are loaded by script: clip from the live page',
    zh: '列表的行由网页脚本加载，保存的页面里没有：请在打开的网页上直接剪藏',
  },
  'content-loaded-by-script': {
    en: "the page's text is loaded by script: clip from the live page",
    zh: '网页正文由网页脚本加载，保存的页面里没有：请在打开的网页上直接剪藏',
  },
  'search-page': {
    en: 'this is a search page with no case on it: open a case from its results and clip that',
    zh: '这是查询页面，上面没有案件：请从查询结果中打开一个案件再剪藏',
  },
  'no-title': { en: 'no title found', zh: '没有找到标题' },
  'recipe-no-rows': { en: 'recipe {recipe}: no rows match {selector}', zh: '规则 {recipe}：没有行符合 {selector}' },
  'case-skipped': { en: 'case {n} skipped: {reason}', zh: '第 {n} 条已跳过：{reason}' },
  'empty-document': { en: 'the page is empty', zh: '页面是空的' },
  'charset-overruled': {
    en: 'the page declares {declared} but its bytes are {charset}: read as {charset}',
    zh: '页面声明的编码是 {declared}，但内容实为 {charset}：已按 {charset} 读取',
  },
};

/** A note with its `{placeholders}` filled in both languages. */
export function captureNote(code: CaptureNoteCode, values: Record<string, string | number> = {}): CaptureNote {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
  return { code, message: fill(MESSAGES[code].en), messageZh: fill(MESSAGES[code].zh) };
}
