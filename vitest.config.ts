import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Same mapping as tsconfig "paths": the barrel, and `@linli/core/*` subpaths (e.g. the Node-only capture entry).
    alias: [
      { find: /^@linli\/core$/, replacement: fileURLToPath(new URL('./core/index.ts', import.meta.url)) },
      { find: /^@linli\/core\/(.*)$/, replacement: `${fileURLToPath(new URL('./core/', import.meta.url))}$1` },
    ],
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
