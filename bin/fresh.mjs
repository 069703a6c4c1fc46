// Whether the compiled CLI in `dir` (dist/ by default) was built from the sources as they are now: every project
// file recorded in linli.inputs.json by scripts/build-cli.mjs still has its size and modification time.
import { readFileSync, statSync } from 'node:fs';

export function bundleIsFresh(root, dir = 'dist') {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL(`${dir}/linli.inputs.json`, root), 'utf8'));
  } catch {
    return false;
  }
  for (const [file, size, mtime] of inputs) {
    const s = statSync(new URL(file, root), { throwIfNoEntry: false });
    if (!s || s.size !== size || Math.round(s.mtimeMs) !== mtime) return false;
  }
  return true;
}
