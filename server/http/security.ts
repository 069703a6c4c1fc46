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

/** CORS for the origins `isAllowed` accepts for this request's path (see sitePolicy); none for any other. */
export function corsByAllowlist(
  isAllowed: (origin: string, path: string) => boolean | Promise<boolean>,
): MiddlewareHandler {
  return cors({
    origin: async (origin, c) => (origin && (await isAllowed(origin, c.req.path)) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Last-Event-ID'],
    exposeHeaders: ['Retry-After', 'Location'],
    maxAge: 600,
  });
}
