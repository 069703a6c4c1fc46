import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

const core = fileURLToPath(new URL('./core', import.meta.url));

// The staff side panel: sources live under extension/ (entrypoints thin, logic in plain modules).
// Least privilege: no host permission at install. `activeTab` + `scripting` reach the page the staff member clips;
// a portal's origin is asked for (optional) only when "mark pages already clipped" is turned on for it, and a
// server's origin only when staff connect to it.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  alias: { '@linli/core': core },
  vite: () => ({ esbuild: { jsx: 'automatic', jsxImportSource: 'preact' } }),
  manifest: ({ browser, manifestVersion, mode }) => {
    const optionalOrigins = ['http://*/*', 'https://*/*'];
    // The e2e build only (`wxt build --mode e2e`): Playwright cannot answer Chrome's permission prompt nor press the
    // toolbar button, so the test portal and server on 127.0.0.1 are granted up front. Every other line of the
    // extension is the one staff install.
    const testHosts = mode === 'e2e' ? ['http://127.0.0.1/*'] : [];
    return {
      ...(testHosts.length ? { host_permissions: testHosts } : {}),
      name: 'Linli 邻里 · 随手记',
      description: '把政务平台页面上的工单、留言一键收录到侧边栏，检索、查重、导出、发布。',
      permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', 'unlimitedStorage'],
      ...(manifestVersion === 3
        ? { optional_host_permissions: optionalOrigins }
        : { optional_permissions: optionalOrigins }),
      action: { default_title: 'Linli 邻里 · 打开侧边栏' },
      commands: {
        'clip-page': {
          suggested_key: { default: 'Alt+Shift+L' },
          description: '收录当前页面为事项 (Clip this page)',
        },
      },
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'linli@linli.example.org', strict_min_version: '115.0' } } }
        : {}),
    };
  },
});
