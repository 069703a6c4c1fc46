import type { IssueStatus } from '@linli/core';
import { useState } from 'preact/hooks';
import { STATUSES } from '../lib/db';
import { type MessageKey, t } from '../lib/i18n';
import type { SortKey } from '../lib/library';
import {
  applyStatus,
  applyTags,
  facetValues,
  hasMore,
  loaded,
  openDetail,
  query,
  refresh,
  results,
  selectAllShown,
  selectedCount,
  selectedIds,
  setQuery,
  toggleSelected,
} from '../lib/store';

const SORTS: [SortKey, MessageKey][] = [
  ['newest', 'sortNewest'],
  ['oldest', 'sortOldest'],
  ['updated', 'sortUpdated'],
  ['reported', 'sortReported'],
  ['title', 'sortTitle'],
];

/** Local midnight of a yyyy-mm-dd date (the start, or with `end` the last instant, of that day), as an ISO instant. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const at = end ? new Date(y!, m! - 1, d!, 23, 59, 59, 999) : new Date(y!, m! - 1, d!);
  return at.toISOString();
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

function Filters() {
  const q = query.value;
  const f = facetValues.value;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <details class="filters">
      <summary>{t('filters')}</summary>
      <div class="filter-grid">
        <label>
          {t('status')}
          <select
            value={q.statuses?.[0] ?? ''}
            onChange={(e) =>
              setQuery({ statuses: e.currentTarget.value ? [e.currentTarget.value as IssueStatus] : undefined })
            }
          >
            <option value="">{t('anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`st_${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('category')}
          <select value={q.category ?? ''} onChange={(e) => setQuery({ category: e.currentTarget.value || undefined })}>
            <option value="">{t('anyCategory')}</option>
            {f.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('portal')}
          <select value={q.portal ?? ''} onChange={(e) => setQuery({ portal: e.currentTarget.value || undefined })}>
            <option value="">{t('anyPortal')}</option>
            {f.portals.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tags')}
          <select
            value={q.tags?.[0] ?? ''}
            onChange={(e) => setQuery({ tags: e.currentTarget.value ? [e.currentTarget.value] : undefined })}
          >
            <option value="">—</option>
            {f.tags.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('from')}
          <input
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              setQuery({ from: dayBound(e.currentTarget.value, false) });
            }}
          />
        </label>
        <label>
          {t('to')}
          <input
            type="date"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setQuery({ to: dayBound(e.currentTarget.value, true) });
            }}
          />
        </label>
      </div>
    </details>
  );
}

function BulkBar() {
  const [status, setStatus] = useState<IssueStatus>('accepted');
  const [tag, setTag] = useState('');
  if (selectedCount.value === 0) return null;
  return (
    <section class="bulk" aria-label={t('selected', { n: selectedCount.value })}>
      <strong>{t('selected', { n: selectedCount.value })}</strong>
      <div class="row">
        <select
          aria-label={t('setStatus')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as IssueStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`st_${s}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => applyStatus(status)}>
          {t('setStatus')}
        </button>
      </div>
      <div class="row">
        <input
          aria-label={t('tags')}
          value={tag}
          placeholder={t('tags')}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button type="button" disabled={!tag.trim()} onClick={() => applyTags({ add: [tag] })}>
          {t('addTag')}
        </button>
        <button type="button" disabled={!tag.trim()} onClick={() => applyTags({ remove: [tag.trim()] })}>
          {t('removeTag')}
        </button>
      </div>
    </section>
  );
}

export function Library() {
  const q = query.value;
  const list = results.value;
  const allOn = list.length > 0 && list.every((i) => selectedIds.value.has(i.id));
  return (
    <section class="library" aria-label={t('tabLibrary')}>
      <div class="search-row">
        <input
          type="search"
          aria-label={t('searchLabel')}
          placeholder={t('search')}
          value={q.text ?? ''}
          onInput={(e) => setQuery({ text: e.currentTarget.value })}
        />
        <select
          aria-label={t('sort')}
          value={q.sort}
          onChange={(e) => setQuery({ sort: e.currentTarget.value as SortKey })}
        >
          {SORTS.map(([k, label]) => (
            <option key={k} value={k}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      <Filters />
      <BulkBar />
      {loaded.value && list.length === 0 ? (
        <p class="empty">
          {q.text || q.statuses || q.category || q.portal || q.tags || q.from || q.to ? t('noMatch') : t('empty')}
        </p>
      ) : (
        <>
          <label class="select-all">
            <input type="checkbox" checked={allOn} onChange={(e) => selectAllShown(e.currentTarget.checked)} />
            {t('selectAll')}
          </label>
          <ul class="issues" data-testid="issue-list">
            {list.map((issue) => (
              <li key={issue.id} class="issue">
                <input
                  type="checkbox"
                  class="issue-check"
                  aria-label={issue.title}
                  checked={selectedIds.value.has(issue.id)}
                  onChange={(e) => toggleSelected(issue.id, e.currentTarget.checked)}
                />
                <button type="button" class="issue-open" onClick={() => openDetail(issue.id)}>
                  <span class="issue-title">{issue.title}</span>
                  <span class="meta">
                    <span class={`badge st-${issue.status}`}>{t(`st_${issue.status}` as MessageKey)}</span>
                    {issue.category && <span>{issue.category}</span>}
                    <span>{formatDate(issue.reportedAt ?? issue.createdAt)}</span>
                    {issue.location.address && <span>{issue.location.address}</span>}
                    {issue.tags.map((tag) => (
                      <span class="tag" key={tag}>
                        #{tag}
                      </span>
                    ))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {hasMore.value && (
            <button type="button" onClick={() => refresh(true)}>
              {t('loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
