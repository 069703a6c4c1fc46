/**
 * Draft → Issue, masked and in the model's shape by construction. Every value comes from the engine itself
 * (normalised dates, mapped statuses, masked strings), so parsing each case with the zod schema only repeated that
 * work: on a 10,000-row list it was a fifth of the time. Instead each field is held to the model's rule where it is
 * made (trimmed, bounded in UTF-16 units, undefined keys left out, defaults filled in schema order), and
 * test/capture/engine-output.test.ts parses every output of every fixture with `Issue` so drift cannot go unseen.
 */
import { Id, isMaskedPhone } from '../models/common';
import type { Issue } from '../models/issue';
import { splitCitation } from './courts';
import type { Draft } from './draft';
import { maskIdentifier, maskPhoneField, maskText } from './mask';
import { clip, collapse } from './text';

export interface BuildContext {
  pageUrl?: string;
  pageTitle?: string;
  portal?: string;
  now: Date;
  idFactory?: (seed: { url?: string; caseNumber?: string; title: string; index: number }) => string;
}

/** cyrb53-style 2×32-bit hash of the parts (hashed in place, never concatenated): a stable 16-hex-digit id. */
export function stableHash(...parts: string[]): string {
  return hashHex(parts);
}

/**
 * The hash as hex digits after `prefix` (a char code, or none), built in one flat string: an id made by
 * concatenation is a rope that the duplicate check would flatten again for each of a list's cases.
 */
function hashHex(parts: readonly string[], prefix?: number): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const text of parts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    h1 = Math.imul(h1 ^ 0xfffe, 2654435761);
    h2 = Math.imul(h2 ^ 0xfffe, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Digit by digit: `toString(16)` of a number past 2^31 takes V8's slow path, a tenth of building a list's issues.
  const x = h1 >>> 0;
  const y = h2 >>> 0;
  const digits = [
    hex(x >>> 28),
    hex((x >>> 24) & 15),
    hex((x >>> 20) & 15),
    hex((x >>> 16) & 15),
    hex((x >>> 12) & 15),
    hex((x >>> 8) & 15),
    hex((x >>> 4) & 15),
    hex(x & 15),
    hex(y >>> 28),
    hex((y >>> 24) & 15),
    hex((y >>> 20) & 15),
    hex((y >>> 16) & 15),
    hex((y >>> 12) & 15),
    hex((y >>> 8) & 15),
    hex((y >>> 4) & 15),
    hex(y & 15),
  ];
  return prefix === undefined ? String.fromCharCode(...digits) : String.fromCharCode(prefix, ...digits);
}

/** `c`, which starts every id the engine makes. */
const C = 99;

/** The char code of one hex digit (0–15 → `0`–`9`, `a`–`f`). */
const hex = (d: number) => (d < 10 ? 48 + d : 87 + d);

/** One line, at most `max` units; undefined when nothing is left. */
const opt = (v: string | undefined, max: number) => {
  const t = v === undefined ? undefined : collapse(v);
  return t ? clip(t, max) : undefined;
};

/**
 * A short field as the model holds it: masked, at most `max` units, trimmed. Masking can lengthen a number
 * (`057187654321` → `0571-8765****`), so the bound is applied again after it.
 */
function masked(v: string | undefined, max: number, mask: (s: string) => string = maskText): string | undefined {
  if (v === undefined) return undefined;
  const out = mask(v);
  return (out.length > max ? clip(out, max) : out).trim() || undefined;
}

/** A phone field: masked to the model's rule (`isMaskedPhone`); a value that cannot be held to it is left out. */
function phoneOf(raw: string): string | undefined {
  const p = clip(maskPhoneField(collapse(raw)), 40).trim();
  return isMaskedPhone(p) ? p : undefined;
}

const NAME_WITH_PHONE =
  /^(.*?)[\s(（:：,，/]*((?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}|0\d{2,3}[\s-]?\d{7,8})[)）]?\s*$/;

/** `王女士（13812345678）` in a name field: the number belongs in the phone field. */
function splitNamePhone(draft: Draft): void {
  const m = draft.reporterName ? NAME_WITH_PHONE.exec(draft.reporterName) : null;
  if (!m) return;
  draft.reporterName = m[1]!.trim() || undefined;
  draft.phone ??= m[2];
}

// Page-level strings are the same for every case of a list page: mask and format them once.
const PAGE_PARTS = new WeakMap<BuildContext, { now: string; portal?: string; pageTitle?: string }>();

function pageParts(ctx: BuildContext) {
  let parts = PAGE_PARTS.get(ctx);
  if (!parts) {
    parts = {
      now: ctx.now.toISOString(),
      portal: masked(opt(ctx.portal, 200), 200),
      pageTitle: masked(opt(ctx.pageTitle, 500), 500),
    };
    PAGE_PARTS.set(ctx, parts);
  }
  return parts;
}

/** Sets `key` only when there is a value: the model's optional keys are absent, never `undefined`. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/**
 * `KOENIG v. LONDON, 2021 S.D. 69`: the neutral citation after a caption is the case number (when the row has none, or
 * only the citation's serial), no part of the title. Page: us-sd-supreme-opinions-2021.
 */
function citationOutOfTitle(draft: Draft): void {
  if (!draft.title) return;
  const split = splitCitation(draft.title);
  if (!split) return;
  if (draft.caseNumber && draft.caseNumber !== split.citation.split(/\s/).at(-1)) return;
  draft.title = split.title;
  draft.caseNumber = split.citation;
}

// No space is taken out of a title beside CJK punctuation: the space markup writes there (`》 （`) Chromium draws,
// and the one a reader never sees (two <font> runs joined, cn-pingtan-zxta-proposal-38201) text.ts never puts in
// (`cjkSeam`). Page: cn-shenyang-fcj-jyta-proposal-reply-list.

/**
 * What a system says on its own before any body answers: search links or a canned line, never a reply, whatever
 * label it sits under. Page: cn-ahxx-xzxx-letter-162150071 (萧县 县长信箱: `系统自动为您推送类似知识库的链接`).
 */
const AUTO_ANSWER_TEXT = [
  /系统(?:已)?自动(?:为您)?(?:推送|匹配|回复|生成)/,
  /(?:系统|机器人|智能客服)内?暂无类似/,
  /为您推送(?:以下)?(?:类似|相关)(?:知识库|问题|答案)/,
  /^this is an automat(?:ic|ed) (?:reply|response|message)/i,
];
const isAutoAnswer = (text: string) => AUTO_ANSWER_TEXT.some((r) => r.test(text.slice(0, 200)));

/** Draft → masked Issue. Every string passes through the privacy mask before it is returned. */
export function buildIssue(draft: Draft, ctx: BuildContext, index: number): Issue {
  splitNamePhone(draft);
  citationOutOfTitle(draft);
  const page = pageParts(ctx);
  const now = page.now;
  const title =
    opt(draft.title, 500) ??
    opt(draft.description?.split('\n')[0], 80) ??
    opt(ctx.pageTitle, 500) ??
    opt(draft.caseNumber, 100) ??
    '(无标题)';
  const url = opt(draft.url ?? ctx.pageUrl, 2048);
  let id: string;
  if (ctx.idFactory) {
    id = ctx.idFactory({ url, caseNumber: draft.caseNumber, title, index });
    // The one value from outside the engine: held to the model's rule, so a bad factory names the field.
    const bad = Id.safeParse(id).error?.issues[0];
    if (bad) throw new Error(`id ${JSON.stringify(id)}: ${bad.message}`);
  } else id = hashHex([url ?? '', draft.caseNumber ?? '', title], C);
  const description = maskText(clip(draft.description ?? '', 50_000));

  const location: Issue['location'] = {};
  put(location, 'address', masked(opt(draft.address, 500), 500));
  if (draft.lat !== undefined && Number.isFinite(draft.lat) && Math.abs(draft.lat) <= 90) location.lat = draft.lat;
  if (draft.lng !== undefined && Number.isFinite(draft.lng) && Math.abs(draft.lng) <= 180) location.lng = draft.lng;
  const reporter: Issue['reporter'] = {};
  put(reporter, 'name', masked(opt(draft.reporterName, 100), 100));
  put(reporter, 'phone', draft.phone ? phoneOf(draft.phone) : undefined);
  put(reporter, 'channel', masked(opt(draft.channel, 100), 100));
  const source = {} as Issue['source'];
  put(source, 'url', masked(url, 2048, maskIdentifier));
  put(source, 'portal', page.portal);
  put(source, 'caseNumber', masked(opt(draft.caseNumber, 100), 100, maskIdentifier));
  source.capturedAt = now;
  put(source, 'pageTitle', page.pageTitle);

  const updates: Issue['updates'] = [];
  for (const u of draft.updates) {
    if (updates.length === 500) break;
    // An entry whose text is only whitespace is no update (the model needs text).
    const text = masked(clip(u.text.trim(), 20_000), 20_000);
    if (!text || isAutoAnswer(text)) continue;
    // Keys in the schema's order: at, text, by, status.
    const update = {} as Issue['updates'][number];
    put(update, 'at', u.at);
    update.text = text;
    put(update, 'by', masked(opt(u.by, 200), 200));
    put(update, 'status', u.status);
    updates.push(update);
  }
  const attachments: Issue['attachments'] = [];
  for (const a of draft.attachments) {
    if (attachments.length === 100) break;
    const href = maskIdentifier(a.url).trim();
    if (href && href.length <= 2048) attachments.push({ url: href, kind: a.kind });
  }

  // Keys in the schema's order, so JSON output reads the same as a parsed Issue.
  const issue = {
    schemaVersion: 1,
    id,
    title: masked(title, 500) ?? '(无标题)',
    description: description.length > 50_000 ? clip(description, 50_000) : description,
  } as Issue;
  put(issue, 'category', masked(opt(draft.category, 200), 200));
  issue.tags = [];
  issue.location = location;
  issue.reporter = reporter;
  put(issue, 'department', masked(opt(draft.department, 200), 200));
  issue.source = source;
  put(issue, 'reportedAt', draft.reportedAt);
  issue.status = draft.status ?? 'new';
  issue.updates = updates;
  issue.attachments = attachments;
  issue.createdAt = now;
  issue.updatedAt = now;
  return issue;
}
