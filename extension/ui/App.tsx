import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { locale, type MessageKey, t } from '../lib/i18n';
import { PENDING_CLIP } from '../lib/messages';
import { keepSending, loadConnection } from '../lib/server';
import {
  busy,
  clipPage,
  dbOutdated,
  drafts,
  largeType,
  loadSettings,
  notice,
  refresh,
  refreshFacets,
  takePendingClip,
  type View,
  view,
} from '../lib/store';
import { Detail } from './Detail';
import { EditView } from './EditView';
import { ExportPublish } from './ExportPublish';
import { Library } from './Library';
import { Recipes } from './Recipes';
import { Settings } from './Settings';

const TABS: [View, MessageKey][] = [
  ['library', 'tabLibrary'],
  ['recipes', 'tabRecipes'],
  ['export', 'tabExport'],
  ['settings', 'tabSettings'],
];

export function App() {
  useEffect(() => {
    // The list first: it is what staff look for when the panel opens.
    void loadSettings();
    void refresh().then(() => {
      // After the list is painted: what the panel-open benchmark and the e2e suite wait for.
      requestAnimationFrame(() => {
        document.body.dataset.ready = 'true';
        performance.mark('linli-list-visible');
        // The rest reads the database only once the list is up, so it never delays it.
        void refreshFacets();
        void loadConnection();
        void takePendingClip();
      });
    });
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && PENDING_CLIP in changes) void takePendingClip();
    };
    browser.storage.onChanged.addListener(onStorage);
    const stop = keepSending();
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      stop();
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale.value;
    document.documentElement.classList.toggle('large', largeType.value);
  }, [locale.value, largeType.value]);

  const v = view.value;
  const tab = v === 'edit' || v === 'detail' ? 'library' : v;
  return (
    <div class="app">
      <header>
        <h1>{t('appTitle')}</h1>
        <div class="clip-buttons">
          <button type="button" class="primary" disabled={busy.value} onClick={() => clipPage(false)}>
            {t('clipPage')}
          </button>
          <button type="button" disabled={busy.value} onClick={() => clipPage(true)}>
            {t('clipSelection')}
          </button>
        </div>
        <nav aria-label="Linli">
          {TABS.map(([id, label]) => (
            <button
              type="button"
              key={id}
              aria-current={tab === id ? 'page' : undefined}
              onClick={() => (view.value = id === 'library' && drafts.value.length ? 'edit' : id)}
            >
              {t(label)}
            </button>
          ))}
        </nav>
      </header>
      {dbOutdated.value && (
        <div class="notice error" role="alert">
          {t('dbChanged')}{' '}
          <button type="button" onClick={() => location.reload()}>
            {t('reload')}
          </button>
        </div>
      )}
      {notice.value && (
        <div class={`notice ${notice.value.kind}`} role={notice.value.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.value.text}</span>
          <button type="button" class="close" aria-label={t('close')} onClick={() => (notice.value = null)}>
            ×
          </button>
        </div>
      )}
      <main>
        {v === 'library' && <Library />}
        {v === 'edit' && <EditView />}
        {v === 'detail' && <Detail />}
        {v === 'recipes' && <Recipes />}
        {v === 'export' && <ExportPublish />}
        {v === 'settings' && <Settings />}
      </main>
    </div>
  );
}
