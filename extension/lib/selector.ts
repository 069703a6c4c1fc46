/**
 * A CSS selector for an element the staff member picked, meant to find "the same field" on the portal's other
 * pages: ids and class names that look hand-written are preferred over positions; generated ids (digits, hashes)
 * are not used, since they change from page to page.
 */
const GENERATED = /\d{3,}|[0-9a-f]{8,}|^(?:ng|ember|react|vue|el-|css-)|__/i;

function esc(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`);
}

function stepFor(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const classes = [...el.classList].filter((c) => !GENERATED.test(c) && !/^(?:linli-)/.test(c)).slice(0, 2);
  let step = tag + classes.map((c) => `.${esc(c)}`).join('');
  const parent = el.parentElement;
  if (parent) {
    const alike = [...parent.children].filter(
      (c) => c.tagName === el.tagName && classes.every((k) => c.classList.contains(k)),
    );
    if (alike.length > 1) {
      const sameTag = [...parent.children].filter((c) => c.tagName === el.tagName);
      step = `${tag}${classes.map((c) => `.${esc(c)}`).join('')}:nth-of-type(${sameTag.indexOf(el) + 1})`;
    }
  }
  return step;
}

export function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  if (el.id && !GENERATED.test(el.id) && doc.querySelectorAll(`#${esc(el.id)}`).length === 1) return `#${esc(el.id)}`;
  const steps: string[] = [];
  let cur: Element | null = el;
  while (cur && cur !== doc.documentElement) {
    if (cur !== el && cur.id && !GENERATED.test(cur.id)) {
      steps.unshift(`#${esc(cur.id)}`);
      break;
    }
    steps.unshift(stepFor(cur));
    const sel = steps.join(' > ');
    if (doc.querySelectorAll(sel).length === 1 && doc.querySelector(sel) === el) return sel;
    cur = cur.parentElement;
  }
  return steps.join(' > ');
}
