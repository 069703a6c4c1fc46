import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';

/** The API returns JSON and event streams only: nothing in it may run, load or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

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
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async (c, next) => {
    await headers(c, async () => {
      await next();
      if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', API_CSP);
    });
  };
}

const LOCAL_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/;

/** Whether a browser on `origin` may read responses: the configured sites, plus any local origin in demo mode. */
export function originPolicy(allowed: ReadonlySet<string>, demo: boolean): (origin: string) => boolean {
  return (origin) => allowed.has(origin) || (demo && LOCAL_ORIGIN.test(origin));
}

export function corsByAllowlist(isAllowed: (origin: string) => boolean): MiddlewareHandler {
  return cors({
    origin: (origin) => (origin && isAllowed(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Last-Event-ID'],
    exposeHeaders: ['Retry-After', 'Location'],
    maxAge: 600,
  });
}
