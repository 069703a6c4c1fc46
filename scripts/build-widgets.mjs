#!/usr/bin/env node
// `npm run build:widgets`: bundles widgets/src into widgets/dist/linli-<hash>.js (served immutable, cached a year)
// and the same code as widgets/dist/linli.js, the entry host pages reference (served with a short cache and an ETag),
// so a host page's one script tag picks up a new release within minutes; a site that pins a release uses the hash.
// Prints the gzip size; writes widgets/dist/manifest.json {file, bytes, gzip}.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// Not under dist/: the CLI build (scripts/build-cli.mjs) empties dist/ each time it runs.
const out = join(root, 'widgets', 'dist');

/**
 * The widgets' stylesheets (`*.styles.ts`: css`` with no interpolation) without their comments and the spaces CSS
 * does not read (around braces, semicolons, commas and `>`, after a colon, a rule's last semicolon): the same rules in
 * fewer bytes, as the markup's indentation below. Quoted strings (font names) are kept as they are.
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}

const stylesheets = {
  name: 'minify-stylesheets',
  setup(b) {
    b.onLoad({ filter: /\.styles\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.includes('${')) return undefined;
      return { contents: source.replace(/css`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``), loader: 'ts' };
    });
  },
};

export async function buildWidgets({ quiet = false } = {}) {
  const result = await build({
    plugins: [stylesheets],
    entryPoints: [join(root, 'widgets/src/index.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2021',
    write: false,
    legalComments: 'none',
    // Served as text/javascript; charset=utf-8: CJK text stays 3 bytes a character instead of a 6-byte \u escape.
    charset: 'utf8',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  // Minified JS keeps raw newlines only inside template literals (Lit's html`` and css``): the indentation after
  // them is markup and stylesheet whitespace, which means nothing there, so it goes.
  const code = Buffer.from(result.outputFiles[0].text.replace(/\n[ \t]+/g, '\n'));
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  const file = `linli-${hash}.js`;
  mkdirSync(out, { recursive: true });
  for (const old of readdirSync(out)) if (/^linli-[0-9a-f]+\.js$/.test(old) && old !== file) rmSync(join(out, old));
  writeFileSync(join(out, file), code);
  // The entry is the bundle itself, not an import of it: one request fewer before the first render.
  writeFileSync(join(out, 'linli.js'), code);
  const manifest = { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (!quiet) {
    process.stdout.write(
      `widgets: widgets/dist/${file} ${(manifest.bytes / 1024).toFixed(1)} KB, ${(manifest.gzip / 1024).toFixed(1)} KB gzip\n`,
    );
  }
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildWidgets();
