import type { FieldRule, Recipe } from '@linli/core/capture';
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { download, readFile } from '../lib/download';
import { type MessageKey, t } from '../lib/i18n';
import type { ClipResult } from '../lib/messages';
import { deleteRecipe, exportRecipes, importRecipes, listRecipes, recipeFromPicks, saveRecipe } from '../lib/recipes';
import { clipPlain as ask, db, failureText, notice, pickOnPage, say, testRecipe } from '../lib/store';

const PICKABLE: [string, MessageKey][] = [
  ['title', 'fTitle'],
  ['description', 'fDescription'],
  ['source.caseNumber', 'fCaseNumber'],
  ['reportedAt', 'fReportedAt'],
  ['status', 'fStatus'],
  ['category', 'fCategory'],
  ['location.address', 'fAddress'],
  ['reporter.name', 'fReporter'],
  ['department', 'fDepartment'],
];

const recipes = signal<Recipe[]>([]);
const building = signal<{ url: string; name: string; picks: Record<string, { rule: FieldRule; text: string }> } | null>(
  null,
);
const picking = signal<string | null>(null);
const tested = signal<ClipResult | null>(null);

async function reload() {
  recipes.value = await listRecipes(db());
}

async function start() {
  const answer = await ask(false);
  if (!answer.ok) {
    notice.value = { kind: 'error', text: failureText(answer) };
    return;
  }
  building.value = { url: answer.clip.url, name: new URL(answer.clip.url).hostname, picks: {} };
  tested.value = null;
}

async function pick(field: string, label: MessageKey) {
  picking.value = field;
  say('picking', { field: t(label) });
  try {
    const answer = await pickOnPage({ field, label: t(label), hint: t('pickHint') });
    if (!answer.ok) {
      notice.value = { kind: 'error', text: failureText(answer) };
      return;
    }
    const b = building.value;
    if (answer.picked && b) {
      building.value = {
        ...b,
        picks: { ...b.picks, [field]: { rule: answer.picked.selector, text: answer.picked.text } },
      };
    }
    notice.value = null;
  } finally {
    picking.value = null;
  }
}

function draftRecipe(): Recipe | null {
  const b = building.value;
  if (!b) return null;
  const fields = Object.fromEntries(Object.entries(b.picks).map(([k, v]) => [k, v.rule]));
  return recipeFromPicks(b.url, b.name, fields);
}

async function test() {
  const recipe = draftRecipe();
  if (!recipe) return;
  const answer = await testRecipe(recipe);
  if (!answer.ok) notice.value = { kind: 'error', text: failureText(answer) };
  else tested.value = answer.clip;
}

export function Recipes() {
  useEffect(() => {
    void reload();
  }, []);
  const b = building.value;
  return (
    <section class="recipes" aria-labelledby="recipes-title">
      <h2 id="recipes-title">{t('recipes')}</h2>
      <p class="hint">{t('recipesHint')}</p>
      {recipes.value.length === 0 ? (
        <p>{t('noRecipes')}</p>
      ) : (
        <ul class="recipe-list">
          {recipes.value.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> <code>{r.match.join(' ')}</code>
              <button
                type="button"
                onClick={async () => {
                  await deleteRecipe(db(), r.id);
                  await reload();
                }}
              >
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <label class="button">
          {t('importRecipes')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={async (e) => {
              const text = await readFile(e.currentTarget);
              if (text === null) return;
              try {
                const r = await importRecipes(db(), text);
                notice.value = {
                  kind: r.skipped.length ? 'error' : 'info',
                  text: `${t('imported', { n: r.imported.length, skipped: r.skipped.length })} ${r.skipped.map((s) => `#${s.index} ${s.reason}`).join('；')}`,
                };
                await reload();
              } catch (error) {
                notice.value = { kind: 'error', text: (error as Error).message };
              }
            }}
          />
        </label>
        <button
          type="button"
          onClick={async () => download('linli-recipes.json', await exportRecipes(db()), 'application/json')}
        >
          {t('exportRecipes')}
        </button>
        <button type="button" class="primary" onClick={start}>
          {t('newRecipe')}
        </button>
      </div>
      {b && (
        <div class="builder">
          <label>
            {t('recipeName')}
            <input value={b.name} onInput={(e) => (building.value = { ...b, name: e.currentTarget.value })} />
          </label>
          <p class="hint">
            <code>{b.url}</code>
          </p>
          <ul class="picks">
            {PICKABLE.map(([field, label]) => (
              <li key={field}>
                <span class="pick-label">{t(label)}</span>
                <button
                  type="button"
                  disabled={picking.value !== null}
                  onClick={() => pick(field, label)}
                  data-field={field}
                >
                  {t('pick')}
                </button>
                {b.picks[field] && (
                  <span class="picked">
                    <code>{String(b.picks[field]!.rule)}</code> {b.picks[field]!.text}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" disabled={Object.keys(b.picks).length === 0} onClick={test}>
              {t('testRecipe')}
            </button>
            <button
              type="button"
              class="primary"
              disabled={Object.keys(b.picks).length === 0}
              onClick={async () => {
                const recipe = draftRecipe();
                if (!recipe) return;
                await saveRecipe(db(), recipe);
                building.value = null;
                tested.value = null;
                await reload();
                say('recipeSaved');
              }}
            >
              {t('saveRecipe')}
            </button>
          </div>
          {tested.value && (
            <div class="tested" aria-live="polite">
              <h3>{t('recipeTest')}</h3>
              {tested.value.issues.slice(0, 3).map((i) => (
                <dl key={i.id} class="test-result">
                  <dt>{t('fTitle')}</dt>
                  <dd>{i.title}</dd>
                  <dt>{t('fCaseNumber')}</dt>
                  <dd>{i.source.caseNumber ?? '—'}</dd>
                  <dt>{t('fReportedAt')}</dt>
                  <dd>{i.reportedAt ?? '—'}</dd>
                  <dt>{t('fStatus')}</dt>
                  <dd>{t(`st_${i.status}` as MessageKey)}</dd>
                  <dt>{t('fAddress')}</dt>
                  <dd>{i.location.address ?? '—'}</dd>
                </dl>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
