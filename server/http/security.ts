import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import { cors } from 'hono/cors';
import type { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import type { AppEnv } from './context';
import { headerOf } from './request-header';

/** The API returns JSON and event streams only: nothing in it may run, load or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** For the server's own HTML pages (/docs, printable code sheets): inline styles and data: images, no script. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * What hono/secure-headers sets on every response with the options below, spelled out once: the answer to a ballot
 * is built with these already in a plain object (see `answerJson`), so nothing on the hot path touches a web
 * `Headers`. server/http/security.test.ts checks that the list is exactly what hono/secure-headers gives.
 */
export const SECURE_HEADERS_OPTIONS: Parameters<typeof secureHeaders>[0] = {
  overwrite: false,
  crossOriginResourcePolicy: 'cross-origin',
  // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on our own pages' form posts, which
  // the cross-site guard must refuse; other sites still never see a URL (vote links carry a code).
  referrerPolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
});
const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

const CORS = {
  allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Last-Event-ID'],
  exposeHeaders: ['Retry-After', 'Location'],
  maxAge: 600,
};
const EXPOSED = CORS.exposeHeaders.join(',');

/**
 * Marks responses built by `answerJson`: they carry every header already, so `responseHeaders` leaves them alone.
 * A property, not a WeakSet: a WeakSet entry per answer is an ephemeron the garbage collector must trace.
 */
const COMPLETE = Symbol('linli.completeHeaders');
type Marked = { [COMPLETE]?: true };

/**
 * Security headers and CORS for every response, in one middleware.
 *
 * Security: SECURITY_HEADERS, each unless the handler set its own (pages set their own Content-Security-Policy);
 * API_CSP where none was set.
 *
 * CORS for the origins `isAllowed` accepts for this request's path (see sitePolicy); none for any other.
 * Preflights go through hono/cors. Every other request gets the same headers hono/cors would give it, but set on
 * the finished response: hono/cors sets them on `c.res` before the handler runs, and once `c.res` exists Hono
 * rebuilds the handler's response (a full web Response, its body turned into a stream, every header copied), which
 * on a ballot cost more than the rest of the HTTP layer together.
 *
 * The hot path (a ballot) answers through `answerJson`, which puts all of these in the response it builds, as a
 * plain object that @hono/node-server hands to Node as it is: no web `Headers` is made, filled, sorted and read
 * back per response. Every other response gets them set here after its handler, as before.
 */
export function responseHeaders(
  isAllowed: ((origin: string, path: string) => boolean | Promise<boolean>) | HeaderPolicy,
): MiddlewareHandler<AppEnv> {
  const policy = typeof isAllowed === 'function' ? headerPolicy(isAllowed) : isAllowed;
  const preflight = cors({ ...CORS, origin: (origin, c) => policy.allowOrigin(origin, c.req.path) });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const answer = await preflight(c, next);
      if (answer) c.res = answer;
      secure(c.res.headers);
      return;
    }
    // No Origin (same-origin GETs, non-browser clients): nothing to ask the site policy, no promise to wait for.
    const origin = headerOf(c, 'origin');
    const allowed = origin ? await policy.allowOrigin(origin, c.req.path) : null;
    c.set('responseHeaders', policy.headersFor(allowed));
    await next();
    if ((c.res as Marked)[COMPLETE]) return;
    const headers = c.res.headers;
    secure(headers);
    if (allowed) headers.set('Access-Control-Allow-Origin', allowed);
    headers.set('Access-Control-Expose-Headers', EXPOSED);
    headers.append('Vary', 'Origin');
  };
}

/**
 * Which origin may read an answer, and the headers every answer carries: one policy per app, asked by
 * `responseHeaders` and by the ballot's Node fast path (ballot-fast-path.ts), so both give the same headers.
 */
export interface HeaderPolicy {
  /** The origin to name in Access-Control-Allow-Origin for a request on `path`, or null for none. */
  allowOrigin(origin: string, path: string): Promise<string | null>;
  /** Security and CORS headers of an answer (`allowed` from allowOrigin): a shared object when there is none. */
  headersFor(allowed: string | null): Readonly<Record<string, string>>;
}

export function headerPolicy(isAllowed: (origin: string, path: string) => boolean | Promise<boolean>): HeaderPolicy {
  const withoutOrigin: Record<string, string> = sharedHeaders({
    ...SECURITY_HEADERS,
    'Content-Security-Policy': API_CSP,
    'Access-Control-Expose-Headers': EXPOSED,
    Vary: 'Origin',
  });
  return {
    allowOrigin: async (origin, path) => (origin && (await isAllowed(origin, path)) ? origin : null),
    headersFor: (allowed) => (allowed ? { ...withoutOrigin, 'Access-Control-Allow-Origin': allowed } : withoutOrigin),
  };
}

/** The security headers a handler did not set itself. */
function secure(headers: Headers) {
  for (const [name, value] of SECURITY_ENTRIES) if (!headers.has(name)) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', API_CSP);
}

/**
 * Per shared header set (`responseHeaders`' set for requests without an Origin, made once per app): the answer's
 * headers with empty slots for the handler's own, in the order the spread below gives them. Copying this one object
 * and filling its slots costs a third of spreading the sixteen headers and adding the rest one by one (each added
 * name a new hidden class for V8). A WeakMap holding one entry per app, never one per request.
 */
const templates = new WeakMap<object, { names: string[]; template: Record<string, string> }>();
const shared = new WeakSet<object>();

/** Marks a header set that many answers share (made once, never changed), so answers built on it use a template. */
export function sharedHeaders<T extends Record<string, string>>(headers: T): T {
  shared.add(headers);
  return headers;
}

const sameNames = (a: string[], b: string[]) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** The headers of a JSON answer built on `base` (a policy's headersFor) with the handler's own `headers`. */
export function answerHeaders(
  base: Readonly<Record<string, string>> | undefined,
  headers: Record<string, string> | undefined,
): Record<string, string> {
  if (base === undefined || headers === undefined || !shared.has(base) || 'Content-Type' in headers)
    return { ...base, ...headers, 'Content-Type': 'application/json' };
  const names = Object.keys(headers);
  let known = templates.get(base);
  if (!known || !sameNames(known.names, names)) {
    known = { names, template: { ...base, ...headers, 'Content-Type': 'application/json' } };
    templates.set(base, known);
  }
  const answer = { ...known.template };
  for (const name of names) answer[name] = headers[name]!;
  return answer;
}

/**
 * A JSON answer with every header of `responseHeaders` already in it (plus `headers`), as `c.json` would give it
 * otherwise. For the hot path: see responseHeaders.
 */
export function answerJson<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  body: T,
  status: S,
  headers?: Record<string, string>,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  const base = c.get('responseHeaders');
  const response = new Response(JSON.stringify(body), { status, headers: answerHeaders(base, headers) });
  if (base) (response as Marked)[COMPLETE] = true;
  return response as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}
