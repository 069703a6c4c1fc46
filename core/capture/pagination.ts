/** The pager beside a list: current page, total pages or items, next/previous and numbered page links. */
import type { Scan } from './scan';
import { collapse } from './text';
import { resolveUrl } from './urls';

export interface Pagination {
  current?: number;
  total?: number;
  totalItems?: number;
  next?: string;
  prev?: string;
  pages: Array<{ number: number; url: string }>;
}

const PAGER_CLASS = /pag(e|er|es|ing|ination|enav)\b|fenye|page-?nav|pagebar|turn-?page/i;
const NEXT = /^(下一页|下页|后一页|下一頁|next(\s+page)?|›|»|>|>>|次へ)$/i;
const PREV = /^(上一页|上页|前一页|上一頁|prev(ious)?(\s+page)?|‹|«|<|<<)$/i;

function pagerIn(el: Element): Element | null {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (words.trim() && PAGER_CLASS.test(words) && el.querySelector('a')) return el;
  const links = el.getElementsByTagName('a');
  if (links.length > 200) return null;
  for (const a of Array.from(links)) if (NEXT.test(collapse(a.textContent ?? ''))) return a.parentElement;
  for (const c of Array.from(el.querySelectorAll('[class],[id]'))) {
    const w = `${c.getAttribute('class') ?? ''} ${c.getAttribute('id') ?? ''}`;
    if (PAGER_CLASS.test(w) && c.querySelector('a')) return c;
  }
  return null;
}

/**
 * Reads the pager of a list page: current page, total pages/items, next/previous and numbered page links. The
 * pager sits next to the list, so only the list's neighbours (a few levels up) are searched, never the whole page.
 */
export function findPagination(scan: Scan, base: string | undefined, items: Element[]): Pagination | undefined {
  let pager: Element | null = null;
  const first = items[0];
  let box: Element | null = first ? (first.parentElement ?? first) : scan.root;
  for (let depth = 0; box && depth < 5 && !pager; depth++, box = box === scan.root ? null : box.parentElement) {
    for (const dir of ['next', 'prev'] as const) {
      let sib = dir === 'next' ? box.nextElementSibling : box.previousElementSibling;
      for (let n = 0; sib && n < 6 && !pager; n++) {
        if (!scan.excluded(sib)) pager = pagerIn(sib);
        sib = dir === 'next' ? sib.nextElementSibling : sib.previousElementSibling;
      }
      if (pager) break;
    }
  }
  if (!pager) return undefined;
  const out: Pagination = { pages: [] };
  for (const a of Array.from(pager.querySelectorAll('a'))) {
    const t = collapse(a.textContent ?? '');
    const href = a.getAttribute('href') ?? '';
    const url = href && !/^(javascript:|#)/i.test(href) ? resolveUrl(href, base) : undefined;
    if (/^\d{1,5}$/.test(t) && url) out.pages.push({ number: Number(t), url });
    else if (NEXT.test(t) && url) out.next ??= url;
    else if (PREV.test(t) && url) out.prev ??= url;
  }
  const current = pager.querySelector('.cur, .current, .active, .on, .selected, [aria-current], b, strong, em');
  const ct = current ? collapse(current.textContent ?? '') : '';
  if (/^\d{1,5}$/.test(ct)) out.current = Number(ct);
  const text = collapse(pager.textContent ?? '');
  const ofPages =
    /第\s*(\d+)\s*\/\s*(\d+)\s*页|(\d+)\s*\/\s*(\d+)\s*页|共\s*(\d+)\s*页|page\s+(\d+)\s+of\s+(\d+)/i.exec(text);
  if (ofPages) {
    const cur = ofPages[1] ?? ofPages[3] ?? ofPages[6];
    const tot = ofPages[2] ?? ofPages[4] ?? ofPages[5] ?? ofPages[7];
    if (cur && out.current === undefined) out.current = Number(cur);
    if (tot) out.total = Number(tot);
  }
  const count = /共\s*(\d+)\s*(条|件|项|個|个|筆)|(\d+)\s+(results|items|records|reports)/i.exec(text);
  if (count) out.totalItems = Number(count[1] ?? count[3]);
  if (out.total === undefined && out.pages.length)
    out.total = Math.max(...out.pages.map((p) => p.number), out.current ?? 0);
  if (!out.pages.length && !out.next && !out.prev && out.total === undefined) return undefined;
  return out;
}
