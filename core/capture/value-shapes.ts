/**
 * Fields guessed from the shape of a value whose label no table knows: a site whose words are new still lays its
 * case out as label–value pairs (pairs.ts finds them by markup), and what each value is can often be told by how it
 * reads — a date, a code, a status word, a public body's name, a person's name, a postal address, a paragraph. These
 * guesses only fill fields nothing better filled: a labelled reading, structured data and every reader of the page's
 * own wording come first. Measured by test/capture/detail-ablation.ts (each case page with its labels made unknown).
 */
import { readsLikePostalAddress } from './address';
import { isUnitName } from './answerers';
import { dateAlone, parseDateCell } from './dates';
import type { Draft } from './draft';
import { normaliseField } from './draft';
import { closestTag, tagOf } from './elements';
import { identifierOf } from './identifiers';
import type { Pair } from './pair-value';
import { mapStatus } from './status';
import { collapse } from './text';
import type { DateContext } from './zones';

// A Chinese document or case number: `丽政发〔2023〕30号`, `第2023-17号`, `（2023）京01民终123号`.
const CN_NUMBER =
  /^(?:[\u3400-\u9fff]{0,10}[〔［[【（(]\d{4}[〕］\]】）)][\u3400-\u9fff]{0,6}第?\d+号|第[\dA-Za-z-]{1,20}号)$/;

/**
 * The Chinese document number in brackets closing a title (`…行政处罚信息公开表（浙金罚决字〔2024〕52号）`): the paper's own
 * number, whatever label the page's table gives it. Page (label-blind): cn-nfra-xzcf-zhejiang-2024-52-penalty.
 */
export function closingDocumentNumber(title: string): string | undefined {
  const m = /[（(]([^()（）]{4,30})[)）]$/.exec(title);
  return m && CN_NUMBER.test(m[1]!) ? m[1] : undefined;
}

// A code closed by its copy or its kind in brackets (`XIP-4714(2)`, the second text of a Seimas draft; `2022/2852(RSP)`,
// a European Parliament procedure): the bracket is part of the number. Pages (label-blind): lt-lrs-komiteto-isvada-xip-4714,
// eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen.
const BRACKET_SUFFIX = /^(\S{4,30}?)\(([A-Z]{1,5}|\d{1,3})\)$/;
// A digit, a dot and five to eight digits (`1.115158`): a register's code, not a quantity (a decimal is rarely written
// to six places on a case page; a coordinate has two digits or more before its dot). Page (label-blind):
// vn-dichvucong-thu-tuc-1-115158-toa-sang-blouse-trang (Vietnam's procedure codes).
const DOTTED_CODE = /^\d\.\d{5,8}$/;

/** A value that is a code: letters and digits with separators, or a Chinese document number. */
function isCodeValue(v: string, ctx: DateContext): boolean {
  if (v.length > 40 || /\s{2,}|\n/.test(v)) return false;
  if (CN_NUMBER.test(v) || DOTTED_CODE.test(v)) return true;
  const bracketed = BRACKET_SUFFIX.exec(v);
  const code = bracketed ? bracketed[1]! : v;
  // A word inside is a name or a host (`mlissner.flp:4512899:0`, a crawler's record id), not a case's number.
  return identifierOf(code, ctx) === code && !/[a-z]{4}/.test(code);
}

// How a public body's name ends, in the corpus's languages (a unit's Chinese endings are answerers.ts').
const BODY_END =
  /\b(?:Department|Dept\.?|Ministry|Ministre [^,;]{3,60}|Council|Commission|Committee|Board|Authority|Agency|Office|Bureau|Division|Directorate|Senate|Government|Landesregierung|Bundesregierung|Staatsregierung|Senat|Ministerium[^,;]{0,60}|Amt|Behörde|Ministerio[^,;]{0,60}|Municipalidad[^,;]{0,40})$/;

/** A value that names a public body: `区农业农村局`, `Planning Department`, `Ministerium für Inneres`. */
function isBodyValue(v: string): boolean {
  if (v.length > 80 || /\d/.test(v) || /[.!?。！？]\s/.test(v)) return false;
  return (
    isUnitName(v.split(/[、,，]/)[0]!) || BODY_END.test(v) || /^(?:Ministère|Ministerium|Ministry|Department)\b/.test(v)
  );
}

// The commonest Chinese surnames (about nine in ten people bear one): a name of two or three characters opens with
// one; `首页`, `我要投诉`, `满意` do not.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const CJK_NAME = new RegExp(`^[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}(?:\\s*等(?:\\s*\\S{1,4})?)?$`);
const MASKED_NAME = /^[\u4e00-\u9fa5A-Za-z]{1,3}\*{2,}$/;
// A capitalised word of any cased script (`Bibik`, `Бібік`, `Nguyễn`, `Παπαδόπουλος`) or an initial: a name's letters are
// not only Latin ones. Pages (label-blind): ua-petition-president-22-256946-bibik (`Бібік Ганна Ахмедівна`),
// vn-dichvucong-thu-tuc-1-115158-toa-sang-blouse-trang (Vietnamese letters outside Latin-1 and Latin Extended-A).
const WORD = "(?:\\p{Lu}[\\p{Ll}'’-]+|\\p{Lu}\\.)";
// A title before a name (`Rep Hultgren, Randy`, `Mr & Mrs Andrew Chittenden`, `Sen. Leahy, Patrick J.`).
const HONORIFIC = '(?:(?:Mr|Mrs|Ms|Dr|Rep|Sen|Hon|Cllr|Mme|Mlle|Herr|Frau)\\.?(?:\\s*&\\s*(?:Mr|Mrs|Ms)\\.?)?\\s+)?';
const WORDS_NAME = new RegExp(`^${HONORIFIC}${WORD}(?:\\s+(?:${WORD}|de|del|da|van|von|la|le|y)){1,4}$`, 'u');
const SURNAME_FIRST = new RegExp(`^${HONORIFIC}${WORD},\\s*${WORD}(?:\\s+${WORD})?$`, 'u');

/** A value that reads as a person's name: `刘必忠`, `刘必忠 等 代表`, `俞***`, `Marc Rodney Mayo`, `Zais, Petra`. */
function isPersonValue(v: string): boolean {
  if (v.length > 40 || isBodyValue(v) || mapStatus(v, true)) return false;
  if (MASKED_NAME.test(v)) return true;
  if (CJK_NAME.test(v)) return !isUnitName(v);
  return WORDS_NAME.test(v) || SURNAME_FIRST.test(v);
}

// `Sen Leahy, Patrick J. [VT] (introduced 1/22/2013)`: a name, perhaps a bracketed seat, then `(verb date)`.
const ACTED_BY =
  /^(.{3,40}?)\s*(?:\[[A-Z]{1,4}(?:-\d{1,3})?\])?\s*\(\s*(\p{L}{3,20}(?:\s+\p{L}{2,10})?)\s+([^()]{6,30})\)/u;

/**
 * A person named with what they did and when (`Sen Leahy, Patrick J. [VT] (introduced 1/22/2013)`): who brought the
 * case and the day. Page: us-thomas-s54-bill-status (label-blind: its sponsor line under an unknown label).
 */
function actedBy(v: string, ctx: DateContext): { name: string; at: string } | undefined {
  const m = ACTED_BY.exec(v);
  if (!m || !isPersonValue(m[1]!.trim())) return undefined;
  const at = parseDateCell(m[3]!.trim(), ctx);
  return at ? { name: m[1]!.trim(), at } : undefined;
}

/**
 * Prose: a paragraph, not a field — a sentence's length of words, one line, no label inside it (`金陵药业：…` is a
 * run of labelled lines; `Antwort, Urheber: Bundesregierung` a field's parts).
 */
function isProse(v: string): boolean {
  if (v.includes('\n') || /^[^:：]{1,30}[:：]/.test(v)) return false;
  const cjk = (v.match(/[\u3400-\u9fff]/g) ?? []).length;
  if (cjk >= 20) return /[，。；]/.test(v);
  return v.length >= 60 && (v.match(/\s+/g)?.length ?? 0) >= 8;
}

/**
 * Two runs of one paragraph read as label and value (`<p><span>第四条</span><span>对信誉良好…</span></p>`,
 * `<span>自本意见印发之日起至</span>2022年12月31日前，…`): the `label` has no colon, so the value is the article's text
 * going on, never the case's description (a bold lead, `<strong>Omschrijving</strong>`, is a label still). Pages: cn-dazhou-xxgk-housing-measures-notice-25182,
 * cn-anyang-zjj-wjtz-housing-market-opinion-2345149.
 */
function proseRun(p: Pair): boolean {
  const parent = p.el.parentElement;
  if (!parent || p.el === p.valueEl || (parent !== p.valueEl.parentElement && parent !== p.valueEl)) return false;
  // A bold lead (`<p><strong>Omschrijving</strong> …</p>`) is set as a label; a plain run of the text is not.
  const tag = tagOf(p.el);
  if (tag !== 'SPAN' && tag !== 'FONT') return false;
  return !/[:：]\s*$/.test(p.el.textContent ?? '') && closestTag(parent, 'P') !== null && !pairRowBeside(p.el, parent);
}

/**
 * A paragraph of one label run and its value among paragraphs opening with a run of the same class (`<p><span
 * class="key">Type of Work</span><span>…</span></p>` row after row) is a row of pairs, not an article's text. Page:
 * au-burwood-civica-application-details (label-blind).
 */
function pairRowBeside(label: Element, row: Element): boolean {
  const cls = label.getAttribute('class');
  if (!cls || row.firstElementChild !== label) return false;
  const like = (s: Element | null) =>
    s !== null && tagOf(s) === tagOf(row) && s.firstElementChild?.getAttribute('class') === cls;
  return like(row.previousElementSibling) || like(row.nextElementSibling);
}

/**
 * A phrase that says what a case is (`To install new sliding door entrance`, `Fell 1no Eucalyptus`, `New Additions to
 * Dwelling`): three words or more of letters, few digits, not shouted, no label inside. A planning register's
 * description is this short; on a page of pairs it is the longest such value once dates, codes, statuses, bodies,
 * people and addresses have been told apart. Pages (label-blind): uk-liverpool-northgate-16f-2687-application-details,
 * uk-brighton-idox-bh2018-03004-application-summary, au-bogan-masterview-cons-2019-11-details.
 */
function isPhrase(v: string): boolean {
  if (v.length > 200 || /^[^:：\n]{1,30}[:：]/.test(v) || /[\u3400-\u9fff]/.test(v)) return false;
  const words = v.split(/\s+/);
  if (words.length < 3 || words.length > 30) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits * 5 < v.length && words.filter((w) => /^\p{L}{3,}/u.test(w)).length >= 2 && v !== v.toUpperCase();
}

/** Text a case's own paragraph has at least (a notice's few lines about the page have less). */
const PARAGRAPH = 200;

/** A paragraph of the case's own, not a notice's line or two (`There are 0 documents associated with …`). */
export function hasParagraph(text: string): boolean {
  return collapse(text).length >= PARAGRAPH;
}

// A word in lower case (`to`, `of`, `van`, `install`): a phrase that says something, where a place's or a body's name
// capitalises every word (`12 Kerkstraat Utrecht`, `Allerton and Hunts Cross` has one too, and is shorter).
const LOWER_WORD = /(?:^|\s)\p{Ll}{2,}(?=\s|$)/u;

/** A phrase with a word in lower case over one without, else the longer. */
function betterPhrase(v: string, than: string): boolean {
  const a = LOWER_WORD.test(v);
  const b = than !== '' && LOWER_WORD.test(than);
  return a !== b ? a : v.length > than.length;
}

/** Unlabelled values a page must show before its longest phrase is taken for its description: a page of pairs. */
const PHRASE_PAIRS = 6;

/**
 * Unlabelled pairs that show a case of the page's own: three or more, one of them a day (`<td>Xqkx</td><td>August 14,
 * 2017</td>`). A saved script shell or a search form shows no such values (a form's fields are empty). Page:
 * us-scotus-docket-17-5574 (label-blind: read as a search page with no case).
 */
export function pairsShowACase(pairs: Pair[], ctx: DateContext): boolean {
  const unknown = pairs.filter((p) => p.field === null);
  return unknown.length >= 3 && unknown.some((p) => dateAlone(collapse(p.value), ctx) !== undefined);
}

// A name of a few words, capitalised, no digit (`Finansutskottet`, `Comissão de Orçamento e Finanças`).
const NAME_SHAPE = /^\p{Lu}[\p{L}'’.-]*(?:,?\s+[\p{L}'’.-]+){0,5}$/u;
const MAX_NAMES = 20;
/** Values looked at for a name's other mentions, and how many must open with it. */
const MAX_MENTIONS = 400;
const MENTIONS = 2;

/**
 * The body a case is with, by its name alone: a name some unlabelled value gives that opens two other values or more,
 * the body signing the case's later steps (`Tilldelat: Finansutskottet`, then `Finansutskottet Betänkande 2022/23:FiU21`
 * at each step). Where no ending says it is a body (`-utskottet` is a Swedish committee), being named again as the
 * author of what follows does. Page: se-riksdagen-proposition-2022-23-99-varandringsbudget (label-blind; Swedish has
 * no table here).
 */
function namedAgain(names: string[], unknown: Pair[]): string | undefined {
  const values = unknown.slice(0, MAX_MENTIONS).map((p) => collapse(p.value));
  return names.find((name) => values.filter((v) => v.startsWith(`${name} `)).length >= MENTIONS);
}

export interface ShapeGuess {
  reportedAt?: string;
  caseNumber?: string;
  status?: Draft['status'];
  department?: string;
  reporterName?: string;
  address?: string;
  description?: string;
  /** The longest phrase of a page of pairs (isPhrase): its description when the page has no paragraph of its own. */
  phrase?: string;
}

/**
 * The fields the values of unlabelled pairs give by their shape (`pairs` in page order). The reporter is the person
 * named beside the first dated value (a byline: who wrote and when), within two pairs of it.
 */
export function guessByShape(pairs: Pair[], ctx: DateContext): ShapeGuess {
  const out: ShapeGuess = {};
  const unknown = pairs.filter((p) => p.field === null);
  const names: string[] = [];
  let firstDate = -1;
  let longest = '';
  let phrase = '';
  unknown.forEach((p, i) => {
    const v = collapse(p.value);
    if (!v) return;
    const acted = actedBy(v, ctx);
    if (acted) {
      out.reporterName ??= acted.name;
      out.reportedAt ??= acted.at;
      return;
    }
    const at = dateAlone(v, ctx);
    if (at) {
      if (firstDate < 0) firstDate = i;
      // The first date the pairs show, not the earliest: a consultation deadline can fall before the day a case was
      // registered (`Comments Until 26-10-2016` under `Application Registered 01-11-2016`). Page:
      // uk-liverpool-northgate-16f-2687-application-details.
      out.reportedAt ??= at;
      return;
    }
    // A document's own number (`达市府办发〔2022〕25号`) over the catalogue's index code a page of public information shows
    // first (`索引号 744695837-2022-0649`). Pages (label-blind): cn-dazhou-xxgk-housing-measures-notice-25182,
    // cn-lishui-xxgk-veteran-placement-notice-2493752.
    if ((!out.caseNumber || (CN_NUMBER.test(v) && !CN_NUMBER.test(out.caseNumber))) && isCodeValue(v, ctx)) {
      out.caseNumber = v;
      return;
    }
    // A status word, or a short phrase opening with one (`Approved by Delegated Authority`).
    const words = v.split(/\s+/).length;
    const status = v.length <= 40 && words <= 5 ? mapStatus(v) : undefined;
    // `New Additions to Dwelling` opens with `new` and says what is asked; a case is new unless said otherwise, so a
    // phrase read as `new` says nothing of its state. Page: au-bogan-masterview-cons-2019-11-details (label-blind).
    if (status && !(status === 'new' && words >= 3)) {
      out.status ??= status;
      return;
    }
    if (isBodyValue(v)) {
      out.department ??= v;
      return;
    }
    if (readsLikePostalAddress(v)) {
      out.address ??= v;
      return;
    }
    if (names.length < MAX_NAMES && NAME_SHAPE.test(v) && !isPersonValue(v)) names.push(v);
    if (p.source === 'line' || proseRun(p)) return;
    if (isProse(v) && v.length > longest.length) longest = v;
    else if (isPhrase(v) && !isPersonValue(v) && betterPhrase(v, phrase)) phrase = v;
  });
  if (phrase && unknown.length >= PHRASE_PAIRS) out.phrase = phrase;
  out.department ??= namedAgain(names, unknown);
  // The person nearest the first date, within three pairs (after it first at a like distance); without a date, the
  // person a case opens with (its first unlabelled value: a petition's author under its title).
  const near = firstDate >= 0 ? firstDate : 0;
  for (let d = firstDate >= 0 ? 1 : 0; d <= 3 && !out.reporterName; d++) {
    for (const i of d ? [near + d, near - d] : [near]) {
      const v = i >= 0 && i < unknown.length ? collapse(unknown[i]!.value) : '';
      if (v && isPersonValue(v)) {
        out.reporterName = v;
        break;
      }
    }
  }
  const description = longest ? normaliseField('description', longest, ctx) : undefined;
  if (description) out.description = description;
  return out;
}
