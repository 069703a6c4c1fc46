import { useState } from 'preact/hooks';
import { download, readFile, stamp } from '../lib/download';
import { BackupError, backup, restore, toCsv, toXlsx } from '../lib/export';
import { locale, type MessageKey, t } from '../lib/i18n';
import { queryLibrary } from '../lib/library';
import { discard, retry } from '../lib/outbox';
import {
  connect,
  connection,
  disconnect,
  loadServerIssues,
  offline,
  outboxRows,
  postUpdate,
  publish,
  published,
  refreshOutbox,
  send,
  serverIssues,
  startConsultation,
} from '../lib/server';
import { db, notice, query, refresh, refreshFacets, say, selectedIds } from '../lib/store';

/** Every issue under the library's current filters (not only the page shown). */
async function filtered() {
  return (await queryLibrary(db(), { ...query.value, offset: 0, limit: 1_000_000 })).issues;
}

function ExportBox() {
  const [skipped, setSkipped] = useState<string[]>([]);
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p class="hint">{t('exportScope')}</p>
      <div class="actions">
        <button
          type="button"
          onClick={async () =>
            download(`linli-${stamp()}.csv`, toCsv(await filtered(), locale.value), 'text/csv;charset=utf-8')
          }
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          onClick={async () =>
            download(
              `linli-${stamp()}.xlsx`,
              await toXlsx(await filtered(), locale.value),
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            )
          }
        >
          {t('exportXlsx')}
        </button>
        <button
          type="button"
          onClick={async () =>
            download(`linli-backup-${stamp()}.json`, JSON.stringify(await backup(db()), null, 1), 'application/json')
          }
        >
          {t('backup')}
        </button>
        <label class="button">
          {t('restore')}
          <input
            type="file"
            class="visually-hidden"
            accept="application/json,.json"
            onChange={async (e) => {
              const text = await readFile(e.currentTarget);
              if (text === null) return;
              try {
                const r = await restore(db(), text);
                setSkipped(r.skipped.map((s) => `${s.kind} #${s.index}${s.id ? ` (${s.id})` : ''}: ${s.reason}`));
                say('restored', { issues: r.issues, recipes: r.recipes });
                await Promise.all([refresh(), refreshFacets()]);
              } catch (error) {
                setSkipped([]);
                const detail = error instanceof BackupError ? error.message : String(error);
                notice.value = { kind: 'error', text: t('badBackup', { detail }) };
              }
            }}
          />
        </label>
      </div>
      {skipped.length > 0 && (
        <div class="skipped" role="status">
          <p>{t('restoreSkipped', { n: skipped.length })}</p>
          <ul>
            {skipped.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ConnectBox() {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const conn = connection.value;
  if (conn) {
    return (
      <div class="row">
        <span>{conn.url}</span>
        <button type="button" onClick={disconnect}>
          {t('disconnect')}
        </button>
      </div>
    );
  }
  return (
    <form
      class="form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const n = await connect(url, token);
          say('connected', { url, n });
        } catch (error) {
          notice.value = { kind: 'error', text: (error as Error).message };
        }
      }}
    >
      <label>
        {t('serverUrl')}
        <input type="url" required value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <label>
        {t('token')}
        <input
          type="password"
          required
          value={token}
          autocomplete="off"
          onInput={(e) => setToken(e.currentTarget.value)}
        />
      </label>
      <p class="hint">{t('tokenHint')}</p>
      <button type="submit" class="primary">
        {t('connect')}
      </button>
    </form>
  );
}

function PublishBox() {
  const ids = [...selectedIds.value];
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [pSlug, setPSlug] = useState('');
  const [pText, setPText] = useState('');
  const after = async (run: Promise<{ waiting: number; offline: boolean }>) => {
    try {
      const r = await run;
      const refused = outboxRows.value.find((row) => row.refused);
      if (refused) say('refused', { detail: refused.lastError ?? '' }, 'error');
      else say(r.waiting ? (r.offline ? 'outboxOffline' : 'queued') : 'sent');
    } catch (error) {
      notice.value = { kind: 'error', text: (error as Error).message };
    }
  };
  return (
    <>
      <div class="actions">
        <button type="button" class="primary" disabled={ids.length === 0} onClick={() => after(publish(ids))}>
          {t('publishSelected', { n: ids.length })}
        </button>
      </div>
      {ids.length === 0 && <p class="hint">{t('publishHint')}</p>}
      <details>
        <summary>{t('consultationFrom')}</summary>
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void after(startConsultation({ slug, title, summary: summary || undefined }, ids));
          }}
        >
          <label>
            {t('slug')}
            <input
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              value={slug}
              onInput={(e) => setSlug(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('cTitle')}
            <input required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label>
            {t('cSummary')}
            <textarea rows={2} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={ids.length === 0}>
            {t('send')}
          </button>
        </form>
      </details>
      <details>
        <summary>{t('progressTitle')}</summary>
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void after(postUpdate(pSlug, pText));
          }}
        >
          <label>
            {t('progressSlug')}
            <input required value={pSlug} onInput={(e) => setPSlug(e.currentTarget.value)} />
          </label>
          <label>
            {t('progressText')}
            <textarea required rows={3} value={pText} onInput={(e) => setPText(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('send')}</button>
        </form>
      </details>
    </>
  );
}

function Outbox() {
  const rows = outboxRows.value;
  return (
    <section aria-labelledby="outbox-title" class="outbox">
      <h3 id="outbox-title">{rows.length ? t('outbox', { n: rows.length }) : t('outboxEmpty')}</h3>
      {offline.value && rows.length > 0 && <p class="hint">{t('outboxOffline')}</p>}
      <ul>
        {rows.map((r) => (
          <li key={r.key}>
            <strong>{t(`k_${r.kind}` as MessageKey)}</strong> {r.issueIds.length ? `(${r.issueIds.length})` : r.slug}
            {r.lastError && <span class="error-text"> {r.lastError}</span>}
            <button
              type="button"
              onClick={async () => {
                await retry(db(), r.seq!);
                await send();
              }}
            >
              {t('retry')}
            </button>
            <button
              type="button"
              onClick={async () => {
                await discard(db(), r.seq!);
                await refreshOutbox();
              }}
            >
              {t('discard')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ExportPublish() {
  const list = serverIssues.value;
  return (
    <div class="export-publish">
      <ExportBox />
      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t('publishTitle')}</h2>
        <ConnectBox />
        {connection.value && (
          <>
            <PublishBox />
            <Outbox />
            <h3>
              {t('serverIssues')}{' '}
              <button
                type="button"
                onClick={() =>
                  loadServerIssues().catch((e) => (notice.value = { kind: 'error', text: String(e.message) }))
                }
              >
                {t('refresh')}
              </button>
            </h3>
            {list && (
              <ul class="server-issues" data-testid="server-issues">
                {list.map((i) => (
                  <li key={i.id}>
                    {i.title} <code>{i.id}</code>
                  </li>
                ))}
              </ul>
            )}
            <p class="hint">{Object.keys(published.value).length} ✓</p>
          </>
        )}
      </section>
    </div>
  );
}
