#!/usr/bin/env node
// `linli`: runs the compiled CLI (dist/linli.mjs, built by `npm install` / `npm ci` through the prepare script, or
// `npm run build:cli`) while it matches the sources, else the TypeScript sources through tsx, so an edited source is
// never hidden behind an old bundle. LINLI_FROM_SOURCE=1 forces the sources.
import { bundleIsFresh } from './fresh.mjs';

const root = new URL('..', import.meta.url);
let main;
if (process.env.LINLI_FROM_SOURCE !== '1' && bundleIsFresh(root)) {
  ({ main } = await import('../dist/linli.mjs'));
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: new URL('tsconfig.json', root).pathname });
  ({ main } = await import('../server/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
