#!/usr/bin/env node
// `npm start`: builds the widgets and the side panel extension, then runs the demo district on SQLite (and its district site on the next port).
// Seeding happens only into an empty ./linli-demo.db, so stopping and starting again keeps every ballot. The server itself prints the URLs, the staff token and sample voter codes.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWidgets } from './build-widgets.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The widget script the server hands to host pages (/widgets/linli.js) and the demo district site embeds.
await buildWidgets();
// The side panel for staff (Chrome build; `npm run build:extension` also builds Firefox's): serve prints its path.
const wxt = spawnSync(process.execPath, [join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (wxt.status !== 0)
  process.stderr.write('The side panel extension did not build (see above); the demo runs without it.\n');
const args = ['bin/linli.mjs', 'serve', '--demo', '--db', process.env.LINLI_DB ?? './linli-demo.db'];
if (process.env.PORT) args.push('--port', process.env.PORT);
args.push(...process.argv.slice(2));

const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
// Forward Ctrl-C / docker stop so the server flushes pending ballots before it exits.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 0 : 1);
});
