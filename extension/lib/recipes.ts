/**
 * Portal recipes in the library: listed, imported and exported as JSON (the same files `linli extract --recipes`
 * reads), and made from the current page by picking one element per field.
 */
import { type FieldRule, Recipe } from '@linli/core/capture';
import type { LinliDb } from './db';

export function listRecipes(db: LinliDb): Promise<Recipe[]> {
  return db.recipes.orderBy('id').toArray();
}

export async function saveRecipe(db: LinliDb, recipe: Recipe): Promise<Recipe> {
  const valid = Recipe.parse(recipe);
  await db.recipes.put(valid);
  return valid;
}

export function deleteRecipe(db: LinliDb, id: string) {
  return db.recipes.delete(id);
}

export interface RecipeImport {
  imported: Recipe[];
  skipped: { index: number; reason: string }[];
}

/** One recipe, an array of them, or `{recipes: […]}`; each invalid one is reported by position and field. */
export async function importRecipes(db: LinliDb, text: string): Promise<RecipeImport> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && Array.isArray((json as { recipes?: unknown }).recipes)
      ? (json as { recipes: unknown[] }).recipes
      : [json];
  const imported: Recipe[] = [];
  const skipped: RecipeImport['skipped'] = [];
  list.forEach((raw, i) => {
    const r = Recipe.safeParse(raw);
    if (r.success) imported.push(r.data);
    else {
      const first = r.error.issues[0];
      skipped.push({ index: i + 1, reason: `${first?.path.join('.') || '(recipe)'}: ${first?.message ?? 'invalid'}` });
    }
  });
  await db.transaction('rw', db.recipes, () => db.recipes.bulkPut(imported));
  return { imported, skipped };
}

export async function exportRecipes(db: LinliDb): Promise<string> {
  return `${JSON.stringify({ recipes: await listRecipes(db) }, null, 2)}\n`;
}

/** The pages a recipe made on `url` should apply to: same host, same folder, any page and query in it. */
export function matchFor(url: string): string {
  const u = new URL(url);
  const folder = u.pathname.replace(/[^/]*$/, '');
  return `${u.origin}${folder}*`;
}

export function idFor(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.pathname.replace(/[^/]*$/, '')}`
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** A recipe from picked elements: one selector per field path (title, location.address, …). */
export function recipeFromPicks(url: string, name: string, picks: Record<string, FieldRule>): Recipe {
  return Recipe.parse({
    id: idFor(url) || 'recipe',
    name: name.trim() || new URL(url).hostname,
    match: [matchFor(url)],
    fields: picks,
  });
}
