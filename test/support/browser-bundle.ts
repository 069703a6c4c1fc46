import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a browser entry the way the extension's content script gets it (ES2022, no Node built-ins), so tests
 * and benchmarks run the very code staff run on a portal page. Returns the script text. `minify` as the extension's
 * production build does: the same code in three fifths of the characters, for a suite that sends it into hundreds of
 * pages.
 */
export async function bundleForBrowser(
  entry: string,
  globalName: string,
  { minify = false }: { minify?: boolean } = {},
): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, `file://${root}/`))],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify,
    // The directory, so `@linli/core` (its index.ts) and `@linli/core/capture` both resolve.
    alias: { '@linli/core': `${root}/core` },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
