import { availableParallelism } from 'node:os';
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
    // No `include` here: a project that `extends` this config adds its own to any set here (arrays merge), and the
    // PostgreSQL project would then run every file of the suite a second time, not only the server's.
    exclude: ['node_modules', '.output', '.wxt', 'test/e2e/**'],
    // Vitest's default for a run is one worker fewer than the cores: a single worker on the 2-core CI machine, with
    // one core idle for the whole run. The test files are independent (each server file has its own temp directory
    // or PostgreSQL database and port 0), so every core works.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The server integration suite runs twice: on SQLite (with everything else) and on PostgreSQL, against one
    // cluster started for the run (initdb + pg_ctl in a temp dir; the run fails if it cannot start).
    projects: [
      // test/server/pg-*.test.ts need the PostgreSQL cluster (several instances, moving a SQLite install over).
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: [
            'core/**/*.test.ts',
            'server/**/*.test.ts',
            'widgets/**/*.test.ts',
            'extension/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          exclude: ['node_modules', '.output', '.wxt', 'test/e2e/**', 'test/server/pg-*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/server/**/*.test.ts'],
          // These test SQLite itself or the source tree, not behaviour a store could change.
          exclude: ['test/server/sqlite-*.test.ts', 'test/server/layering.test.ts', 'test/server/config.test.ts'],
          globalSetup: ['test/support/pg-global-setup.ts'],
          env: {
            LINLI_TEST_STORE: 'postgres',
            // Every instance of a PostgreSQL install shares one pepper from the environment (a test-only value).
            LINLI_CODE_PEPPER: 'test-pepper-0123456789-0123456789-abcdef',
          },
        },
      },
    ],
  },
});
