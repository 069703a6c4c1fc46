import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path, { join } from 'node:path';
import { HttpError } from '../http/errors';
import { packageRoot } from '../paths';
import { type RouteDeps, router } from './deps';

/**
 * Where `npm run build:widgets` writes the bundle: widgets/dist at the package root. LINLI_WIDGETS_DIR overrides it.
 */
export function widgetsDir(): string {
  return process.env.LINLI_WIDGETS_DIR ?? path.join(packageRoot(), 'widgets', 'dist');
}

const ENTRY_MAX_AGE = 300;
const HASHED = /^linli-[0-9a-f]{10}\.js$/;

/**
 * The widget script. `/widgets/linli.js` is the entry host pages reference: cached five minutes and revalidated with
 * its ETag, so a release reaches every site soon. `/widgets/linli-<hash>.js` is the same code under a name that
 * never changes, cached for a year, for sites that pin a release. Both answer any origin
 * (Access-Control-Allow-Origin: *): module scripts load with CORS, and the code is public.
 */
export function widgetRoutes(_deps: RouteDeps, dir = widgetsDir()) {
  const app = router();
  // Read once per build (the file's mtime), not once per request.
  const cache = new Map<string, { mtime: number; body: Uint8Array<ArrayBuffer>; etag: string }>();
  app.get('/widgets/:file', async (c) => {
    const file = c.req.param('file');
    const entry = file === 'linli.js';
    if (!entry && !HASHED.test(file)) throw new HttpError('not_found', `no widget file "${file}"`);
    let cached = cache.get(file);
    try {
      const { mtimeMs } = await stat(join(dir, file));
      if (cached?.mtime !== mtimeMs) {
        const body = new Uint8Array(await readFile(join(dir, file)));
        const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
        cached = { mtime: mtimeMs, body, etag };
        cache.set(file, cached);
      }
    } catch {
      throw new HttpError(
        'not_found',
        entry ? 'the widgets are not built: run `npm run build:widgets`' : `no widget file "${file}"`,
      );
    }
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', entry ? `public, max-age=${ENTRY_MAX_AGE}` : 'public, max-age=31536000, immutable');
    c.header('ETag', cached.etag);
    if (c.req.header('if-none-match') === cached.etag) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(cached.body.buffer, 200);
  });
  return app;
}
