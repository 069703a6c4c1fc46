#!/usr/bin/env node
// Placeholder until the server lands: tells what exists today.
console.log('Linli 邻里 — the demo server is not built yet. Try: npx linli tally FILE (see README).');
