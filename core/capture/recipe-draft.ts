/**
 * A page's or a row's draft as a site's recipe reads it (recipe.ts gives the raw values by path), laid over what the
 * generic reader found: the recipe's non-empty fields win.
 */
import { type Draft, emptyDraft, fillGaps, normaliseField } from './draft';
import type { Recipe } from './recipe';
import { readRecipeFields } from './recipe';
import { collapse } from './text';
import { parseUpdateElement } from './updates';
import { resolveUrl } from './urls';
import type { DateContext } from './zones';

export function recipeDraft(
  root: ParentNode,
  fields: Recipe['fields'],
  ctx: DateContext,
  base: string | undefined,
): Partial<Draft> {
  const { values, updates, attachments } = readRecipeFields(root, fields);
  const out: Partial<Draft> = {};
  for (const [path, raw] of Object.entries(values)) {
    if (raw === undefined) continue;
    if (path === 'location.lat' || path === 'location.lng') {
      const n = Number(collapse(raw));
      if (Number.isFinite(n)) out[path === 'location.lat' ? 'lat' : 'lng'] = n;
      continue;
    }
    if (path === 'source.url') {
      const u = resolveUrl(collapse(raw), base);
      if (u) out.url = u;
      continue;
    }
    const field = PATHS[path];
    if (!field) continue;
    const v = normaliseField(field, raw, ctx);
    if (v !== undefined) (out as Record<string, unknown>)[field] = v;
  }
  if (updates?.length) {
    out.updates = updates
      .map((el) => parseUpdateElement(el, ctx))
      .filter((u): u is NonNullable<typeof u> => u !== null)
      .map(({ at, text, by, status }) => ({ at, text, by, status }));
  }
  if (attachments?.length) {
    out.attachments = attachments
      .map((u) => resolveUrl(u, base))
      .filter((u): u is string => Boolean(u))
      .map((url) => ({ url, kind: /\.(jpe?g|png|gif|webp|bmp)(\?|#|$)/i.test(url) ? 'image' : 'link' }) as const);
  }
  return out;
}

const PATHS: Record<string, Exclude<keyof Draft, 'updates' | 'attachments' | 'lat' | 'lng' | 'url'>> = {
  title: 'title',
  description: 'description',
  category: 'category',
  'location.address': 'address',
  'reporter.name': 'reporterName',
  'reporter.phone': 'phone',
  'reporter.channel': 'channel',
  department: 'department',
  'source.caseNumber': 'caseNumber',
  reportedAt: 'reportedAt',
  status: 'status',
};

/** Recipe first, generic second: the recipe's non-empty fields override, the rest come from `generic`. */
export function overlay(recipe: Partial<Draft>, generic: Draft): Draft {
  const d = fillGaps({ ...emptyDraft(), ...recipe, updates: [], attachments: [] }, generic);
  d.updates = recipe.updates?.length ? recipe.updates : generic.updates;
  d.attachments = recipe.attachments?.length ? recipe.attachments : generic.attachments;
  return d;
}
