/**
 * Layers point one way: core ← ledger ← store ← domain ← http/routes. A store that imports the domain would drag
 * it into every other store (PostgreSQL) and into the CLI commands that only read data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Every module a file imports (static, type-only, re-exports and dynamic), resolved to a repo-relative path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1]!);
  return specifiers.map((s) => {
    if (s.startsWith('.')) return relative(root, resolve(root, dirname(file), s));
    if (s.startsWith('@linli/core')) return s.replace('@linli/core', 'core');
    return s;
  });
}

function violations(dir: string, forbidden: readonly string[]) {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
      .map((target) => `${file} imports ${target}`),
  );
}

describe('layering', () => {
  it('the import scanner sees relative, type-only and dynamic imports', () => {
    expect(importsOf('server/domain/store-refusals.ts')).toContain('server/store/errors');
    expect(importsOf('server/store/types.ts')).toContain('server/ledger/types');
  });

  it('no file under server/store imports from server/domain (or the HTTP layer)', () => {
    expect(violations('server/store', ['server/domain', 'server/http', 'server/routes', 'server/app'])).toEqual([]);
  });

  it('the ledger (hashing shared by store and domain) imports neither the store nor the domain', () => {
    expect(violations('server/ledger', ['server/store', 'server/domain', 'server/http', 'server/routes'])).toEqual([]);
  });

  it('the widget bundle holds no zod: widgets reach core only through zod-free modules or type-only imports', async () => {
    const bundled = await build({
      entryPoints: [join(root, 'widgets/src/index.ts')],
      bundle: true,
      format: 'esm',
      write: false,
      metafile: true,
      tsconfig: join(root, 'tsconfig.json'),
      logLevel: 'silent',
    });
    const inputs = Object.keys(bundled.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith('core/'))).toContain('core/ledger/chain.ts');
    expect(inputs.filter((f) => /node_modules\/zod\//.test(f) || f.startsWith('core/models/ballot.ts'))).toEqual([]);
  });

  it('core imports nothing from server, widgets or extension', () => {
    expect(violations('core', ['server', 'widgets', 'extension'])).toEqual([]);
  });
});
