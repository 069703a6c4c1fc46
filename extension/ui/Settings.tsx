import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { locale, t } from '../lib/i18n';
import { badgeAllowed, portalOrigins, setBadge } from '../lib/portals';
import { db, largeType, saveSettings, say } from '../lib/store';

const portals = signal<{ origin: string; on: boolean }[]>([]);

async function loadPortals() {
  const origins = await portalOrigins(db());
  portals.value = await Promise.all(origins.map(async (origin) => ({ origin, on: await badgeAllowed(origin) })));
}

export function Settings() {
  useEffect(() => {
    void loadPortals();
  }, []);
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      <fieldset>
        <legend>{t('language')}</legend>
        <label>
          <input
            type="radio"
            name="lang"
            checked={locale.value === 'zh-CN'}
            onChange={() => saveSettings({ locale: 'zh-CN' })}
          />
          简体中文
        </label>
        <label>
          <input
            type="radio"
            name="lang"
            checked={locale.value === 'en'}
            onChange={() => saveSettings({ locale: 'en' })}
          />
          English
        </label>
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={largeType.value}
          onChange={(e) => saveSettings({ largeType: e.currentTarget.checked })}
        />
        {t('largeType')}
      </label>
      <fieldset>
        <legend>{t('badgeTitle')}</legend>
        <p class="hint">{t('badgeHint')}</p>
        <ul class="portal-list">
          {portals.value.map((p) => (
            <li key={p.origin}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={p.on}
                  onChange={async (e) => {
                    const want = e.currentTarget.checked;
                    const on = await setBadge(p.origin, want).catch(() => false);
                    if (want && !on) say('permissionDenied', {}, 'error');
                    await loadPortals();
                  }}
                />
                {p.origin}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </section>
  );
}
