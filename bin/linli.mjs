#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so `npx linli` works right after `npm install`.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
