import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError } from '../http/errors';
import { type RouteDeps, router } from './deps';

/** Where `npm run build:widgets` writes the bundle (dist/widgets at the repository root). */
export const WIDGETS_DIR = fileURLToPath(new URL('../../dist/widgets/', import.meta.url));

const ENTRY_MAX_AGE = 300;
const HASHED = /^linli-[0-9a-f]{10}\.js$/;

/**
 * The widget script. `/widgets/linli.js` is a one-line entry importing the hashed bundle: host pages reference it,
 * it is cached five minutes, so a release reaches every site soon. `/widgets/linli-<hash>.js` never changes and is
 * cached for a year. Both answer any origin (Access-Control-Allow-Origin: *): module scripts load with CORS, and
 * the code is public.
 */
export function widgetRoutes(_deps: RouteDeps, dir = WIDGETS_DIR) {
  const app = router();
  const cache = new Map<string, Buffer>();
  app.get('/widgets/:file', async (c) => {
    const file = c.req.param('file');
    const entry = file === 'linli.js';
    if (!entry && !HASHED.test(file)) throw new HttpError('not_found', `no widget file "${file}"`);
    let body = entry ? undefined : cache.get(file);
    if (!body) {
      try {
        body = await readFile(join(dir, file));
      } catch {
        throw new HttpError(
          'not_found',
          entry ? 'the widgets are not built: run `npm run build:widgets`' : `no widget file "${file}"`,
        );
      }
      if (!entry) cache.set(file, body);
    }
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', entry ? `public, max-age=${ENTRY_MAX_AGE}` : 'public, max-age=31536000, immutable');
    return c.body(new Uint8Array(body), 200);
  });
  return app;
}
