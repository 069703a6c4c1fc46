/**
 * A card's title and its link: the element naming the case (a heading, a title-classed element, a link, bold text;
 * never a control or an invitation to act on it), and the first usable link to the case's own page.
 */
import { TITLE_CLASS, tagOf } from './elements';
import { matchLabel } from './labels';
import { collapse } from './text';
import { resolveUrl } from './urls';

const ACTION_LINK = /^(查看|详情|详细|办理|更多|查看详情|进入|more|view|details?|open|›|»|>>)$/i;
/**
 * A card's own controls: keep it, share it, print it. They act on the case and never name it. Page:
 * ua-petition-president-list-collecting (`В обране`, add to favourites, taken as the title of a petition whose name
 * runs long).
 */
const CARD_CONTROL =
  /^(?:add to (?:favou?rites|bookmarks|wishlist)|(?:un)?favou?rite|bookmark|save|share|print|收藏|加入收藏|分享|打印|в обране|до обраного|поділитися|друкувати|в избранное|поделиться|zu favoriten|teilen|drucken|partager|imprimer|ajouter aux favoris)$/i;
/**
 * Links that invite the reader to act on a case, not name it: a planning register's `Make a Comment?` under each
 * application (au-southperth-civica-advertised-applications), MasterView's `Click here to view full details`
 * (au-mackay-masterview-submitted-this-week).
 */
export const INVITATION_LINK =
  /^(make an? (comment|submission|enquiry)|have your say|comment on this( application)?|lodge an? (submission|objection)|click here to view( full)? details|view full details)\s*[?.!]?$/i;

export function usableHref(a: Element | null): string | undefined {
  const href = a?.getAttribute('href') ?? '';
  return href && !/^(javascript:|#|mailto:|tel:)/i.test(href) ? href : undefined;
}

/** The link of an `<a>` itself, resolved; undefined when it leads nowhere (`javascript:`, `#`). */
export function ownLink(a: Element, base: string | undefined): string | undefined {
  const href = usableHref(a);
  return href ? resolveUrl(href, base) : undefined;
}

export function detailLink(el: Element, base: string | undefined): string | undefined {
  if (tagOf(el) === 'A') {
    const own = usableHref(el);
    if (own) return resolveUrl(own, base);
  }
  return linkBelow(el, base);
}

/**
 * The first usable link below `el`, in document order. A walk over the children, not a query or a live
 * collection: a list asks this of thousands of small cells.
 */
function linkBelow(el: Element, base: string | undefined): string | undefined {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (tagOf(c) === 'A') {
      const href = usableHref(c);
      if (href) return resolveUrl(href, base);
    }
    if (c.firstElementChild) {
      const found = linkBelow(c, base);
      if (found) return found;
    }
  }
  return undefined;
}

// Headings name a case first, then elements a class calls a title, then links and bold text.
const TITLE_SELECTORS = ['h1, h2, h3, h4, h5', '[class*=title], [class*=tit]', 'a[title], a[href]', 'strong, b'];

/**
 * `[class*=tit]` also finds `tit` inside other words (`field-name-field-petition-issues`, `institution`): a class
 * names a title when it says `title` or holds `tit` as a word of its own. Page:
 * us-whitehouse-we-the-people-petitions-2016-08 (its tags' field taken for each petition's title).
 */
function titleClassed(el: Element): boolean {
  const cls = el.getAttribute('class') ?? '';
  return /title/i.test(cls) || TITLE_CLASS.test(cls);
}

/**
 * The first line of a title that runs on (a petition's name, then the soldier's rank and unit on lines of their own,
 * all one link): the name. Page: ua-petition-president-list-collecting.
 */
export const firstLine = (el: Element) => collapse((el.textContent ?? '').trim().split('\n', 1)[0] ?? '');

export function cardTitleElement(card: Element): Element | null {
  const valid = (el: Element) => {
    const t = collapse(el.textContent ?? '');
    // `事件编号：…` is a field, not a title; `重复上报：错埠岭小区…` is a title with a tag in front.
    const head = /^([^:：]{1,11})[:：]/.exec(t);
    return (
      t.length >= 4 &&
      (t.length <= 200 || firstLine(el).length <= 200) &&
      !ACTION_LINK.test(t) &&
      !INVITATION_LINK.test(t) &&
      !CARD_CONTROL.test(t) &&
      !(head && matchLabel(head[1]!))
    );
  };
  const groups = TITLE_SELECTORS.map((sel) => Array.from(card.querySelectorAll(sel)).filter(valid));
  groups[1] = groups[1]!.filter(titleClassed);
  // A card that is one big link: its heading names the case, the link's whole text is the card.
  if (tagOf(card) === 'A' && valid(card)) groups.push([card]);
  const all = groups.flat();
  // A heading whose whole text is its link (`<h3><a href>Motie van het lid Helder over …</a></h3>`) holds nothing
  // more than its title: it names the card still, not a later heading (each motion's `Niet deelgenomen` in its vote
  // table). Page: nl-tweedekamer-stemmingsuitslagen-moties-wet-auteurscontractenrecht-2015-02-12.
  const textOf = (e: Element) => collapse(e.textContent ?? '');
  const holdsMore = (e: Element, o: Element) => o !== e && e.contains(o) && textOf(o) !== textOf(e);
  for (const group of groups) {
    // `<div class="van-cell__title"><span class="card-title">…</span><div>工单号：…</div></div>`: the innermost.
    const el = group.find((e) => !all.some((o) => holdsMore(e, o)));
    if (el) return el;
  }
  return null;
}
