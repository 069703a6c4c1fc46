import { API_PREFIX } from '@linli/core';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { HttpError } from './errors';
import { headerOf } from './request-header';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Machine APIs: refused with a JSON error rather than a page. Open311 (/open311/v2) takes forms, so no jsonOnly. */
const API_ROOTS = [`${API_PREFIX}/`, '/open311/v2/'];
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * API writes that take a body other than JSON: the roll (CSV), the code sheet form a browser posts, residents'
 * reports (multipart with photos). Every other write under the API prefix takes JSON only.
 */
const NON_JSON_API = [/\/consultations\/[^/]+\/roll$/, /\/consultations\/[^/]+\/codes\.html$/, /^\/reports$/];

/** Where the request came from, as the browser says; `null` is an opaque origin (sandboxed frame, data: page). */
export interface CrossSiteOptions {
  /** Whether a host site on `origin` may call `path` (the CORS policy of site-cors.ts). */
  isAllowed: (origin: string, path: string) => boolean | Promise<boolean>;
  /** The URL the public reaches this server at: a form posted from one of our own pages carries its origin. */
  publicUrl: () => string;
  /** The HTML a person sees when one of our own pages' forms arrives from elsewhere. */
  refusalPage: () => string;
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

const ownOrigin = (c: Context, origin: string, publicUrl: () => string) =>
  origin === originOf(c.req.url) || origin === originOf(publicUrl());

const hasBody = (c: Context) => {
  const length = headerOf(c, 'content-length');
  return (length !== undefined && length !== '0') || headerOf(c, 'transfer-encoding') !== undefined;
};

/**
 * Whether a write from `origin` passes, given whether the request comes from this server's own pages or from a host
 * site allowed for its path: an opaque `null` origin never does. Shared with the ballot's fast path.
 */
export const allowedSiteWrite = (origin: string, ownOrAllowed: boolean) => origin !== 'null' && ownOrAllowed;

/**
 * Refuses cross-site writes. A browser sends a form, a multipart body, `text/plain` or no Content-Type to any
 * site without a preflight, with the visitor's cookies; CORS only hides the answer, the write still happens.
 * So every state-changing request whose `Origin` is present must come from this server's own pages or, under
 * the API, from a host site allowed for that path; an opaque `null` origin never passes. Requests without an
 * Origin (curl, the CLI, server-to-server) are not from a browser page and pass; so do requests carrying an
 * `Authorization` header, which a browser never attaches by itself (staff tools, the extension).
 * The server's own HTML pages (/vote/:slug, …/codes.html) accept only their own origin: no host site posts them.
 */
export function crossSiteGuard({ isAllowed, publicUrl, refusalPage }: CrossSiteOptions): MiddlewareHandler {
  const guard = async (c: Context, next: Next, origin: string) => {
    const path = c.req.path;
    const page = !API_ROOTS.some((root) => path.startsWith(root)) || path.endsWith('.html');
    const allowed = allowedSiteWrite(
      origin,
      ownOrigin(c, origin, publicUrl) || (!page && origin !== 'null' && (await isAllowed(origin, path))),
    );
    if (!allowed && page) {
      c.header('Cache-Control', 'no-store');
      return c.html(refusalPage(), 403);
    }
    if (!allowed) {
      const shown = origin === 'null' ? 'an opaque origin (null)' : origin;
      throw new HttpError('forbidden', `Origin: ${shown} may not send this request (cross-site writes are refused)`);
    }
    return next();
  };
  return (c, next) => {
    const origin = headerOf(c, 'origin');
    if (origin === undefined || !STATE_CHANGING.has(c.req.method) || headerOf(c, 'authorization')) return next();
    return guard(c, next, origin);
  };
}

/**
 * JSON endpoints take `application/json` only (415 otherwise), so a body no browser could send cross-site
 * without a preflight is the only body they read. An empty body stays allowed: it means `{}`.
 */
export function jsonOnly(): MiddlewareHandler {
  return (c, next) => {
    if (!STATE_CHANGING.has(c.req.method) || !hasBody(c)) return next();
    const path = c.req.path.slice(API_PREFIX.length);
    if (NON_JSON_API.some((re) => re.test(path))) return next();
    const type = headerOf(c, 'content-type');
    if (type === undefined || !JSON_TYPE.test(type)) {
      throw new HttpError(
        'unsupported_media_type',
        `Content-Type: send JSON as application/json (got ${type === undefined ? 'none' : JSON.stringify(type)})`,
      );
    }
    return next();
  };
}
