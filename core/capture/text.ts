/**
 * String helpers for text read off a page: whitespace collapsed, markup written as characters taken out, wrapped
 * headings joined, breadcrumbs and notes to the reader told apart. Text as a reader sees it is read in
 * visible-text.ts; what an element is (its tag, its visibility, its kind among siblings) in elements.ts.
 */

const WS_RUN = /[\s\u00a0\u3000\u2000-\u200b\u2028\u2029\u202f\u205f\ufeff]+/g;
// What collapsing changes: white space other than a lone space between words (a tab, a line break, a full-width
// space, two spaces, a zero-width space) or a space at either end.
const UNCOLLAPSED = /[^\S ]|\u200b| {2}/;

/** JavaScript's `\s` by char code, for readers that go character by character instead of running a regex. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** One line: every run of whitespace (full-width spaces and nbsp included) becomes one space. */
export function collapse(text: string): string {
  // Most text read twice is already one line (`2026-05-28 14:30`, a title): the replace would copy it unchanged.
  if (!UNCOLLAPSED.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32) return text;
  // After the runs are single spaces, trim() removes what is left at the edges.
  return text.replace(WS_RUN, ' ').trim();
}

// Where a breadcrumb trail starts; each root with the real page that showed it as a heading or a labelled value. Any
// short label may stand before it (`您所在的位置：`, `You are here:`), known or not: the trail is told by its root and
// separators. Page: cn-dali-gjj-tzgg-fund-policy-notice-2641 (label-blind: its `当前位置：` made unknown).
const BREADCRUMB_ROOTS = [
  '首页', // cn-gsc-society-news: `<h3>首页 - 新闻动态</h3>`; cn-zyyfy-hospital-news: `位置：首页 > 新闻动态`
  '主页',
  '网站首页',
  'home',
];
const BREADCRUMB = new RegExp(
  `^(?:(?:当前|您的|您现在的|现在)?位置[:：]?\\s*|[^:：>»\\n]{1,12}[:：]\\s*)?(?:${BREADCRUMB_ROOTS.join('|')})\\s*(?:[>»›/|\\-–—]|&gt;)`,
  'i',
);

// Words addressed to the reader: what to click, which button to press, what to read first. Page:
// au-goldcoast-epathway-mcu-2018-1167-details (`… click on the ‘Have your say’ button below. Please read …`).
const TO_THE_READER = [
  /\b(?:click|tap|press)\s+(?:on\s+)?(?:the\s+|this\s+)?(?:here|link|button|[‘'"“])/i,
  /\bbutton (?:below|above)\b/i,
  /^please (?:read|click|note|see|log ?in|sign ?in|select|use|contact)\b/i,
  /请点击|点击下方|点击(?:这里|此处|按钮)|请(?:先)?阅读|请登录/,
];

/**
 * Is this short block an instruction to the reader (a call to action), never a case's description? Only its first
 * line is asked, and only of a block under 400 characters: a long text that mentions clicking still describes.
 */
export function addressedToReader(text: string): boolean {
  const first = text.trim().split('\n', 1)[0] ?? '';
  return text.length <= 400 && TO_THE_READER.some((re) => re.test(first));
}

// A notice about the site itself, not the page's matter: its first sentence names the site as the writer's or the
// reader's own. Page: us-missouri-house-hb45-bill-summary (`The Missouri House of Representatives is constantly
// working to improve our website. We welcome your suggestions … to the Webmaster email account.`); a cookie notice
// (`This website uses cookies …`) is the same kind of block.
// Chinese `本站` is left out: `本站讯` opens a news report (cn-zyyfy-hospital-news).
const ABOUT_THE_SITE = [/\b(?:our|this) (?:web ?site|web ?page|site)\b/i];

/** Is this block (under 800 characters) a notice about the website rather than the page's matter? */
export function aboutTheSite(text: string): boolean {
  const first = /^[^.!?。！？\n]*/.exec(text.trim())?.[0] ?? '';
  return text.length <= 800 && ABOUT_THE_SITE.some((re) => re.test(first));
}

// Markup a template wrote as text (`<title>Slip Opinions &lt;select …&gt;&lt;option …</title>`): a control with its
// choices goes whole, any other tag its brackets, and a tag cut off by the end of the text goes to the end. Page:
// us-nc-supreme-slip-opinions-2025 (a year picker escaped into its <title>).
const CONTROL_MARKUP = /<(select|textarea|button|script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG_MARKUP = /<\/?[a-z][\w-]*(?:[\s/][^<>]*)?>|<\/?[a-z][\w-]*[\s/][^<>]*$/gi;

// A block tag between two Chinese characters is where a heading wraps: joined without a space, as a wrapped Chinese
// heading's lines are (joinWrappedTitle); an inline tag (`通知<span>新</span>`) still leaves one.
const BLOCK_TAG = /^<\/?(?:div|p|h[1-6]|li|td|th|tr|section|article|header)\b/i;
const CJK_TAG_GAP =
  /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026])\u0001+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026])/gu;

/** Text without any markup written into it as characters: titles and other text fields never show tags. */
export function withoutMarkup(text: string): string {
  if (!text.includes('<')) return text;
  // `<meta name="ArticleTitle" content="为现代化巴彦淖尔建设凝聚强大智慧和力量<div>——热烈祝贺市政协五届一次会议开幕</div>">`.
  // Page: cn-bynr-zwdt-cppcc-session-greeting.
  const marked = text.replace(CONTROL_MARKUP, ' ').replace(TAG_MARKUP, (tag) => (BLOCK_TAG.test(tag) ? '\u0001' : ' '));
  return collapse(marked.replace(CJK_TAG_GAP, '').replace(/\u0001/g, ' '));
}

/** `首页 > 新闻动态`, `首页 - 新闻动态`: where the page sits in its site, never a title or an address. */
export function isBreadcrumb(text: string): boolean {
  return BREADCRUMB.test(collapse(text));
}

/** The last step of a breadcrumb trail (`首页 - 新闻动态` → `新闻动态`): the column the page is in. */
export function lastCrumb(text: string): string | undefined {
  if (!isBreadcrumb(text)) return undefined;
  const steps = collapse(text)
    .split(/\s*(?:[>»›/|\-–—]|&gt;)+\s*/)
    .filter(Boolean);
  return steps.length > 1 ? steps[steps.length - 1] : undefined;
}

const WRAP_BREAK =
  /(?<=[\p{Script=Han}\d\u3001-\u3011\uff09\uff0c\uff1a\uff1b])[ \t\u3000]*\n[\s\u3000]*(?=[\p{Script=Han}\u3008-\u3011\uff08\u201c])/gu;

/**
 * A Chinese heading wrapped for layout (`常务委员会<br>\n关于批准…`, `关于完善\n《…》的建议`) reads as one line: a line
 * break between Han characters or CJK brackets (and the indent after it) goes; spaces within a line (`不忘初心 牢记使命`,
 * `充电隐患　街道…`, `《…的建议》 （第0243号）`) stay, as Chromium draws them. Pages: cn-gov-gongbao-npc-resolution (a
 * three-line <strong> heading), cn-shenyang-fcj-jyta-proposal-reply-list (the space kept).
 */
export function joinWrappedTitle(text: string): string {
  return collapse(text.replace(WRAP_BREAK, ''));
}

/** Keeps line breaks (paragraphs), collapses everything else, drops empty lines. */
export function tidyLines(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const c = collapse(line);
    if (c) out.push(c);
  }
  return out.join('\n');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * Trims a string to at most `max` UTF-16 units (what the Issue model's limits count) without cutting a surrogate
 * pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
