/**
 * The panel's state, as signals, and the actions that change it. Components read signals and call these actions;
 * they never touch storage themselves.
 */
import type { Issue, IssueStatus } from '@linli/core';
import type { Recipe } from '@linli/core/capture';
import { batch, computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { type LinliDb, openDb } from './db';
import { type DuplicateHint, findDuplicates } from './duplicates';
import { type Locale, locale, type MessageKey, t } from './i18n';
import {
  bulkSetStatus,
  bulkTags,
  deleteIssues,
  facets,
  getIssue,
  type LibraryQuery,
  queryLibrary,
  type SortKey,
  saveIssues,
  updateFromClip,
} from './library';
import type { ClipAnswer, ClipResult, PanelMessage, PickAnswer, PickRequest } from './messages';
import { PENDING_CLIP } from './messages';

export type View = 'library' | 'edit' | 'detail' | 'recipes' | 'export' | 'settings';

export interface Draft {
  issue: Issue;
  include: boolean;
  hints: DuplicateHint[];
}

let dbInstance: LinliDb | null = null;
export const dbOutdated = signal(false);
export function db(): LinliDb {
  dbInstance ??= openDb('linli', () => {
    dbOutdated.value = true;
  });
  return dbInstance;
}

export const view = signal<View>('library');
export const notice = signal<{ kind: 'info' | 'error'; text: string } | null>(null);
export const busy = signal(false);
export const largeType = signal(false);

// Library
export const query = signal<LibraryQuery>({ sort: 'newest' });
export const results = signal<Issue[]>([]);
export const hasMore = signal(false);
export const loaded = signal(false);
export const selectedIds = signal<Set<string>>(new Set());
export const facetValues = signal<{ categories: string[]; portals: string[]; tags: string[] }>({
  categories: [],
  portals: [],
  tags: [],
});
export const current = signal<Issue | null>(null);

// Clipping
export const drafts = signal<Draft[]>([]);
export const clipKind = signal<ClipResult['kind'] | null>(null);
export const clipUrl = signal<string>('');
/** What the capture engine says about the clip (why nothing came out, what it skipped), in both languages. */
export const clipNotes = signal<ClipResult['notes']>([]);

/** The tab the panel works on: given in its address (`?tab=`) or the active tab of the window. */
export const targetTabId = signal<number | undefined>(
  (() => {
    const v = new URLSearchParams(globalThis.location?.search ?? '').get('tab');
    return v ? Number(v) : undefined;
  })(),
);

export const selectedCount = computed(() => selectedIds.value.size);

export function say(key: MessageKey, params?: Record<string, string | number>, kind: 'info' | 'error' = 'info') {
  notice.value = { kind, text: t(key, params) };
}

let queryToken = 0;
export async function refresh(append = false) {
  const token = ++queryToken;
  const q = query.value;
  const offset = append ? results.value.length : 0;
  const page = await queryLibrary(db(), { ...q, offset, limit: 50 });
  if (token !== queryToken) return;
  batch(() => {
    results.value = append ? [...results.value, ...page.issues] : page.issues;
    hasMore.value = page.more;
    loaded.value = true;
  });
}

export async function refreshFacets() {
  facetValues.value = await facets(db());
}

export function setQuery(patch: Partial<LibraryQuery>) {
  query.value = { ...query.value, ...patch };
  void refresh();
}

export function setSort(sort: SortKey) {
  setQuery({ sort });
}

export function toggleSelected(id: string, on?: boolean) {
  const next = new Set(selectedIds.value);
  if (on ?? !next.has(id)) next.add(id);
  else next.delete(id);
  selectedIds.value = next;
}

export function selectAllShown(on: boolean) {
  selectedIds.value = on ? new Set(results.value.map((i) => i.id)) : new Set();
}

export async function applyStatus(status: IssueStatus) {
  const ids = [...selectedIds.value];
  const n = await bulkSetStatus(db(), ids, status, t('statusNote', { status: t(`st_${status}` as MessageKey) }));
  await refresh();
  say('saved', { n });
}

export async function applyTags(change: { add?: string[]; remove?: string[] }) {
  const n = await bulkTags(db(), [...selectedIds.value], change);
  await Promise.all([refresh(), refreshFacets()]);
  say('saved', { n });
}

export async function openDetail(id: string) {
  current.value = (await getIssue(db(), id)) ?? null;
  view.value = 'detail';
}

export async function removeIssue(id: string) {
  await deleteIssues(db(), [id]);
  current.value = null;
  view.value = 'library';
  await refresh();
}

function ask(message: PanelMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export function failureText(answer: { error: 'no-tab' | 'no-access' | 'failed'; detail?: string }): string {
  const key = answer.error === 'no-tab' ? 'err_no_tab' : answer.error === 'no-access' ? 'err_no_access' : 'err_failed';
  return t(key, { detail: answer.detail ?? '' });
}

/** Shows a clip's issues in the edit form, each with its duplicate hints. */
export async function showClip(answer: ClipAnswer) {
  if (!answer.ok) {
    notice.value = { kind: 'error', text: failureText(answer) };
    return;
  }
  const { clip } = answer;
  const list: Draft[] = [];
  for (const issue of clip.issues) {
    list.push({ issue, include: true, hints: await findDuplicates(db(), issue, clip.url) });
  }
  batch(() => {
    drafts.value = list;
    clipKind.value = clip.kind;
    clipUrl.value = clip.url;
    clipNotes.value = clip.notes ?? [];
    view.value = 'edit';
    notice.value = clip.issues.length ? null : { kind: 'info', text: t('nothingFound') };
  });
}

export async function clipPage(selection: boolean) {
  busy.value = true;
  notice.value = { kind: 'info', text: t('clipping') };
  try {
    const answer = (await ask({ type: 'clip', tabId: targetTabId.value, selection })) as ClipAnswer;
    await showClip(answer);
  } finally {
    busy.value = false;
  }
}

/** Runs the capture with only the given recipe (testing one before it is saved). */
export async function testRecipe(recipe: Recipe): Promise<ClipAnswer> {
  return (await ask({ type: 'clip', tabId: targetTabId.value, selection: false, recipes: [recipe] })) as ClipAnswer;
}

export async function pickOnPage(request: PickRequest): Promise<PickAnswer> {
  return (await ask({ type: 'pick', tabId: targetTabId.value, request })) as PickAnswer;
}

export function updateDraft(index: number, issue: Issue) {
  drafts.value = drafts.value.map((d, i) => (i === index ? { ...d, issue } : d));
}

export function includeDraft(index: number, include: boolean) {
  drafts.value = drafts.value.map((d, i) => (i === index ? { ...d, include } : d));
}

export async function saveDrafts() {
  const chosen = drafts.value.filter((d) => d.include).map((d) => d.issue);
  const saved = await saveIssues(db(), chosen);
  batch(() => {
    drafts.value = [];
    view.value = 'library';
  });
  await Promise.all([refresh(), refreshFacets()]);
  say('saved', { n: saved.length });
}

export async function updateStored(index: number, storedId: string) {
  const d = drafts.value[index];
  if (!d) return;
  await updateFromClip(db(), storedId, d.issue);
  drafts.value = drafts.value.filter((_, i) => i !== index);
  if (drafts.value.length === 0) view.value = 'library';
  await refresh();
  say('updatedStored');
}

/** A clip made from the context menu or the shortcut waits in session storage: show it, then forget it. */
export async function takePendingClip() {
  const got = await browser.storage.session.get(PENDING_CLIP);
  const pending = got[PENDING_CLIP] as { answer: ClipAnswer } | undefined;
  if (!pending) return;
  await browser.storage.session.remove(PENDING_CLIP);
  await showClip(pending.answer);
}

const SETTINGS_KEY = 'ui';
export async function loadSettings() {
  const row = await db().settings.get(SETTINGS_KEY);
  const v = (row?.value ?? {}) as { locale?: Locale; largeType?: boolean };
  batch(() => {
    if (v.locale) locale.value = v.locale;
    largeType.value = Boolean(v.largeType);
  });
}

export async function saveSettings(patch: { locale?: Locale; largeType?: boolean }) {
  batch(() => {
    // A message shown in the old language would stay in it: clear it.
    if (patch.locale && patch.locale !== locale.value) notice.value = null;
    if (patch.locale) locale.value = patch.locale;
    if (patch.largeType !== undefined) largeType.value = patch.largeType;
  });
  await db().settings.put({ key: SETTINGS_KEY, value: { locale: locale.value, largeType: largeType.value } });
}

export async function saveEdited(issue: Issue) {
  const [saved] = await saveIssues(db(), [{ ...issue, updatedAt: new Date().toISOString() }]);
  current.value = saved ?? null;
  await Promise.all([refresh(), refreshFacets()]);
  say('saved', { n: 1 });
}

/** A plain clip of the target page (no recipe): how the recipe builder learns the page's address. */
export async function clipPlain(selection: boolean): Promise<ClipAnswer> {
  return (await ask({ type: 'clip', tabId: targetTabId.value, selection, recipes: [] })) as ClipAnswer;
}
