import { defineConfig } from 'wxt';

// The staff side panel: sources live under extension/ (entrypoints thin, logic in plain modules).
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'Linli 邻里 · 随手记',
    description: '把政务平台页面上的工单、留言一键收录到侧边栏，检索、查重、导出、发布。',
  },
});
