import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@linli/core': fileURLToPath(new URL('./core/index.ts', import.meta.url)) },
  },
  test: {
    include: [
      'core/**/*.test.ts',
      'server/**/*.test.ts',
      'widgets/**/*.test.ts',
      'extension/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['node_modules', '.output', '.wxt', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
