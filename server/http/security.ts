import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';

/** The API returns JSON and event streams only: nothing in it may run, load or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** For the server's own HTML pages (/docs, printable code sheets): inline styles and data: images, no script. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Security headers on every response. Handlers that serve HTML set their own Content-Security-Policy, which is
 * kept (overwrite: false). Cross-Origin-Resource-Policy is cross-origin because host sites embed the widgets
 * and read the API from other origins by design.
 */
export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    overwrite: false,
    crossOriginResourcePolicy: 'cross-origin',
    // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on our own pages' form posts, which
    // the cross-site guard must refuse; other sites still never see a URL (vote links carry a code).
    referrerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async (c, next) => {
    await headers(c, async () => {
      await next();
      if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', API_CSP);
    });
  };
}

const CORS = {
  allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Last-Event-ID'],
  exposeHeaders: ['Retry-After', 'Location'],
  maxAge: 600,
};
const EXPOSED = CORS.exposeHeaders.join(',');

/**
 * CORS for the origins `isAllowed` accepts for this request's path (see sitePolicy); none for any other.
 * Preflights go through hono/cors. Every other request gets the same headers hono/cors would give it, but set on
 * the finished response: hono/cors sets them on `c.res` before the handler runs, and once `c.res` exists Hono
 * rebuilds the handler's response (a full web Response, its body turned into a stream, every header copied), which
 * on a ballot cost more than the rest of the HTTP layer together.
 */
export function corsByAllowlist(
  isAllowed: (origin: string, path: string) => boolean | Promise<boolean>,
): MiddlewareHandler {
  const allowOrigin = async (origin: string, path: string) =>
    origin && (await isAllowed(origin, path)) ? origin : null;
  const preflight = cors({ ...CORS, origin: (origin, c) => allowOrigin(origin, c.req.path) });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const allowed = await allowOrigin(c.req.header('origin') ?? '', c.req.path);
    await next();
    const headers = c.res.headers;
    if (allowed) headers.set('Access-Control-Allow-Origin', allowed);
    headers.set('Access-Control-Expose-Headers', EXPOSED);
    headers.append('Vary', 'Origin');
  };
}
