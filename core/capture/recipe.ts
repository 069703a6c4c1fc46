/**
 * Portal recipes (DESIGN.md): shareable JSON naming CSS selectors per Issue field for one portal's pages.
 * `{id, name, match: [URL globs], fields: {path: "selector" | {selector, attr?, regex?}}, list?: {rowSelector,
 * fields}}`. A recipe wins for the fields it names; the generic extractor fills the rest.
 */
import { z } from 'zod';
import { PATH_TO_FIELD } from './draft';
import { collapse } from './text';
import { readText } from './visible-text';

export const RECIPE_FIELD_PATHS = Object.keys(PATH_TO_FIELD) as [string, ...string[]];

const Selector = z
  .string()
  .trim()
  .min(1, 'a CSS selector is required')
  .max(500)
  .refine((s) => !/[{}]/.test(s), 'not a CSS selector');

const Pattern = z
  .string()
  .max(500)
  .refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

export const FieldRule = z.union([
  Selector,
  z
    .object({
      selector: Selector,
      attr: z.string().trim().min(1).max(100).optional(),
      regex: Pattern.optional(),
    })
    .strict(),
]);
export type FieldRule = z.infer<typeof FieldRule>;

const KNOWN_PATHS = new Set<string>(RECIPE_FIELD_PATHS);

// A plain record plus a key check, so an unknown key is reported at its own path (`fields.titel`).
const Fields = z.record(z.string(), FieldRule).superRefine((fields, ctx) => {
  for (const key of Object.keys(fields)) {
    if (!KNOWN_PATHS.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `unknown field "${key}" (one of ${RECIPE_FIELD_PATHS.join(', ')})`,
      });
    }
  }
});

export const Recipe = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "_" and "-" only'),
    name: z.string().trim().min(1).max(200),
    match: z.array(z.string().trim().min(1).max(1000)).min(1, 'at least one URL pattern'),
    fields: Fields.default({}),
    list: z
      .object({
        rowSelector: Selector,
        fields: Fields.default({}),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Recipe = z.infer<typeof Recipe>;
export type RecipeInput = z.input<typeof Recipe>;

const globCache = new Map<string, RegExp>();

/** `*` matches any run of characters (slashes and `?` included); everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    const body = glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`, 'i');
    globCache.set(glob, re);
  }
  return re;
}

export function recipeMatches(recipe: Recipe, url: string): boolean {
  return recipe.match.some((g) => globToRegExp(g).test(url));
}

/** The first recipe whose patterns match the URL. */
export function findRecipe(recipes: readonly Recipe[] | undefined, url: string | undefined): Recipe | undefined {
  if (!recipes || !url) return undefined;
  return recipes.find((r) => recipeMatches(r, url));
}

function readOne(el: Element, rule: FieldRule): string | undefined {
  const r = typeof rule === 'string' ? { selector: rule } : rule;
  let raw: string | null;
  if (r.attr) raw = el.getAttribute(r.attr);
  else raw = readText(el);
  if (raw === null) return undefined;
  if (r.regex) {
    const m = new RegExp(r.regex).exec(raw);
    if (!m) return undefined;
    raw = m[1] ?? m[0];
  }
  return raw.trim() ? raw : undefined;
}

function select(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/**
 * Values a recipe's field rules find under `root`: one string per path (the first match), except `updates` and
 * `attachments`, which collect every match.
 */
export function readRecipeFields(
  root: ParentNode,
  fields: Recipe['fields'],
): { values: Partial<Record<string, string>>; updates?: Element[]; attachments?: string[] } {
  const values: Partial<Record<string, string>> = {};
  const out: { values: typeof values; updates?: Element[]; attachments?: string[] } = { values };
  for (const [path, rule] of Object.entries(fields)) {
    if (!rule) continue;
    const selector = typeof rule === 'string' ? rule : rule.selector;
    const found = select(root, selector);
    if (path === 'updates') {
      out.updates = found;
      continue;
    }
    if (path === 'attachments') {
      out.attachments = found
        .map((el) =>
          typeof rule === 'string'
            ? (el.getAttribute('src') ?? el.getAttribute('href') ?? undefined)
            : readOne(el, rule),
        )
        .filter((u): u is string => Boolean(u));
      continue;
    }
    for (const el of found) {
      const v = readOne(el, rule);
      if (v !== undefined && collapse(v)) {
        values[path] = v;
        break;
      }
    }
  }
  return out;
}

/** Parses an untrusted recipe (from a file or an import), throwing zod's error naming the bad field. */
export function parseRecipe(input: unknown): Recipe {
  return Recipe.parse(input);
}
