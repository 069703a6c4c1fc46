/**
 * What a portal puts inside a title heading besides its words — a status badge, kind tags, a font-size switcher — and
 * the heading's own words without them (issue 18: 人民网 领导留言板 message pages).
 */

import { tagOf } from './elements';
import { mapStatus } from './status';
import { collapse, joinWrappedTitle } from './text';

// A font-size switcher's words, each set with the page that showed it in or beside its heading.
const FONT_SIZE_WORDS = new Set([
  ...['超大', '大', '标准', '小'], // 人民网 领导留言板 message pages (issue 18): `… 已办理 建言 超大 大 标准 小`
  ...['字号', '默认', '中'], // cn-gov-gongbao-npc-resolution: `字号：默认 大 超大`
  ...['较大', '特大', 'A+', 'A-', 'A'],
]);

/** `超大 大 标准 小`, `字号：默认 大 超大`: a control, not words of the page. */
export function isFontSizeControl(text: string): boolean {
  const words = text.split(/[\s:：|｜【】[\]]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => FONT_SIZE_WORDS.has(w));
}

/** `<li><a>超大</a></li><li><a>大</a></li>…` written on one line: each item is a font-size word. */
function isFontSizeList(el: Element): boolean {
  const items = Array.from(el.querySelectorAll('a, li, span, button')).filter((i) => !i.firstElementChild);
  const words = items.map((i) => collapse(i.textContent ?? '')).filter(Boolean);
  return words.length >= 2 && words.every((w) => FONT_SIZE_WORDS.has(w));
}

const BADGE_HINT = /state|status|zt|type|kind|tag|cat|label|badge|flag|lx|lb|sort|class/i;
// Inline wrappers a portal puts around the title and its badges together (`<h2><b><span>…</span><em>已办理</em>
// <em class="domainType">建言</em></b></h2>`). Page: cn-people-liuyan-sport-message-6835141.
const WRAPPER_TAGS = new Set(['B', 'STRONG', 'SPAN', 'FONT', 'A', 'I', 'EM']);

/** What a heading holds besides its own words: a status badge, kind tags, a font-size switcher. */
function badgeKind(el: Element): 'control' | 'status' | 'tag' | undefined {
  const t = collapse(el.textContent ?? '');
  if (isFontSizeControl(t) || isFontSizeList(el)) return 'control';
  if (t.length > 6) return undefined;
  if (mapStatus(t, true)) return 'status';
  const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return BADGE_HINT.test(hint) ? 'tag' : undefined;
}

/** A wrapper holding the heading's words beside its badges: read through it. */
const isWrapper = (el: Element) => WRAPPER_TAGS.has(tagOf(el)) && el.childElementCount >= 2;

/**
 * A heading's own words, without what a portal puts inside it: a status badge (`已办理`), a kind tag (`建言`), the
 * font-size switcher, also when they share an inline wrapper with the words. Page: 人民网 领导留言板 message pages
 * (issue 18; cn-people-liuyan-sport-message-6835141).
 */
export function headingText(h: Element): string {
  if (!h.firstElementChild) return joinWrappedTitle(h.textContent ?? '');
  return joinWrappedTitle(ownWords(h));
}

function ownWords(h: Element): string {
  let own = '';
  for (const n of Array.from(h.childNodes)) {
    if (n.nodeType === 3) own += n.textContent ?? '';
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (badgeKind(el)) continue;
    own += isWrapper(el) ? ownWords(el) : (el.textContent ?? '');
  }
  return own;
}

/** The status words and kind tags a heading shows beside its words (`已办理`, `建言`), in page order. */
export function headingBadges(h: Element): { status: string[]; tags: string[] } {
  const out = { status: [] as string[], tags: [] as string[] };
  const walk = (parent: Element) => {
    for (const el of Array.from(parent.children)) {
      const kind = badgeKind(el);
      if (kind === 'status') out.status.push(collapse(el.textContent ?? ''));
      else if (kind === 'tag') out.tags.push(collapse(el.textContent ?? ''));
      else if (!kind && isWrapper(el)) walk(el);
    }
  };
  walk(h);
  return out;
}
