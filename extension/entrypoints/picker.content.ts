import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Picked, PickRequest } from '../lib/messages';
import { selectorFor } from '../lib/selector';

/**
 * The element picker, injected on demand: outlines the element under the pointer, and a click picks it (the page
 * does not see that click). Esc cancels. Answers `{selector, text}` or null.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main(): Promise<Picked | null> {
    const g = globalThis as { __linliPick?: PickRequest; __linliPickCancel?: () => void };
    const request = g.__linliPick ?? { field: 'title', label: 'title', hint: '' };
    g.__linliPickCancel?.();
    return new Promise((resolve) => {
      const host = document.createElement('div');
      host.setAttribute('data-linli-picker', '');
      const shadow = host.attachShadow({ mode: 'closed' });
      const box = document.createElement('div');
      box.style.cssText =
        'position:fixed;pointer-events:none;z-index:2147483647;border:2px solid #c2410c;background:rgba(234,88,12,.12);border-radius:3px;display:none';
      const bar = document.createElement('div');
      bar.setAttribute('role', 'status');
      bar.style.cssText =
        'position:fixed;left:8px;right:8px;top:8px;z-index:2147483647;padding:10px 14px;background:#1f2937;color:#fff;font:16px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3)';
      const strong = document.createElement('strong');
      strong.textContent = request.label;
      bar.append(strong, document.createTextNode(` — ${request.hint}`));
      shadow.append(box, bar);
      document.documentElement.append(host);

      let current: Element | null = null;
      const onMove = (e: MouseEvent) => {
        const el = document.elementFromPoint(e.clientX, e.clientY);
        if (!el || el === host) return;
        current = el;
        const r = el.getBoundingClientRect();
        Object.assign(box.style, {
          display: 'block',
          left: `${r.left}px`,
          top: `${r.top}px`,
          width: `${r.width}px`,
          height: `${r.height}px`,
        });
      };
      const finish = (value: Picked | null) => {
        document.removeEventListener('mousemove', onMove, true);
        document.removeEventListener('click', onClick, true);
        document.removeEventListener('keydown', onKey, true);
        host.remove();
        g.__linliPickCancel = undefined;
        resolve(value);
      };
      const onClick = (e: MouseEvent) => {
        e.preventDefault();
        e.stopPropagation();
        const el = current ?? (e.target instanceof Element ? e.target : null);
        if (!el) return;
        finish({ selector: selectorFor(el), text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300) });
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          finish(null);
        }
      };
      g.__linliPickCancel = () => finish(null);
      document.addEventListener('mousemove', onMove, true);
      document.addEventListener('click', onClick, true);
      document.addEventListener('keydown', onKey, true);
    });
  },
});
