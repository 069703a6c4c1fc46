#!/usr/bin/env node
// Compiles the `linli` CLI (server/cli/main.ts and everything it imports) into dist/linli.mjs plus lazily loaded
// chunks, so a command does not pay for TypeScript loading (tsx) nor for modules it does not use. npm runs this as
// `prepare`, so `npm install` / `npm ci` leave a working `npx linli`. bin/linli.mjs runs the bundle only while
// dist/linli.inputs.json says every project source it was built from is unchanged; otherwise it runs the sources
// through tsx, so an edit is never hidden behind a stale bundle.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// LINLI_CLI_OUTDIR: build elsewhere (inside the repository, so packages resolve), as the bundle's test does.
const outdir = path.resolve(root, process.env.LINLI_CLI_OUTDIR ?? 'dist');

/**
 * Left to Node at run time: native addons (better-sqlite3 loads a .node file relative to its package), and large
 * packages only one rare path needs (pg for a PostgreSQL store). Everything else is bundled: loading one file is
 * faster than resolving hundreds of small ESM modules.
 */
export const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native'];

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // Installed without dev dependencies: bin/linli.mjs runs the sources through tsx instead.
  console.log('linli: esbuild is not installed; the CLI will run from source (slower start).');
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: root,
  // The SQLite ballot writer runs on its own thread, from its own file (server/store/sqlite-writer.ts finds it).
  entryPoints: { linli: 'server/cli/main.ts', 'sqlite-writer': 'server/store/sqlite-writer.worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'cli/[name]-[hash]',
  tsconfig: 'tsconfig.json',
  external: EXTERNAL,
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // CommonJS packages bundled into ESM (qrcode) call require() for Node built-ins.
  banner: {
    js: "import{createRequire as __linliRequire}from'node:module';const require=__linliRequire(import.meta.url);",
  },
});

// The freshness stamp: every project file the bundle holds (node_modules are covered by package-lock.json).
const inputs = Object.keys(result.metafile.inputs)
  .filter((f) => !f.startsWith('node_modules/') && !f.includes('/node_modules/'))
  .concat(['package-lock.json', 'scripts/build-cli.mjs', 'tsconfig.json'])
  .map((file) => {
    const s = statSync(path.join(root, file));
    return [file, s.size, Math.round(s.mtimeMs)];
  });
writeFileSync(path.join(outdir, 'linli.inputs.json'), JSON.stringify(inputs));
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `linli: CLI compiled to ${path.relative(root, outdir)}/linli.mjs (${Math.round(bytes / 1024)} KB in ${Object.keys(result.metafile.outputs).length} files)`,
);
