import type { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { LinliService, StaffIdentity } from '../domain/service';
import type { RouteDeps } from '../routes/deps';
import { HttpError } from './errors';
import { clientAddress, proxyMatcher, type TrustProxy } from './proxy';
import { headerOf, nodeHeader } from './request-header';

export interface AppEnv {
  Variables: {
    clientIp: string;
    staff: StaffIdentity | undefined;
    /** What route handlers call: the service, the event hub, the limiter (set once per request by app.ts). */
    deps: RouteDeps;
    /** Security and CORS headers of this request's answer, for handlers that build it themselves (security.ts). */
    responseHeaders: Readonly<Record<string, string>> | undefined;
  };
}

/**
 * The client address, used only as a rate-limit key (never logged). Behind trusted proxies it is the right-most
 * X-Forwarded-For entry no trusted proxy wrote (see proxy.ts); the left-most entry is whatever the client sent.
 */
function clientIpOf(c: Context, trust: TrustProxy, isTrusted?: (address: string) => boolean): string {
  let remote = 'unknown';
  try {
    remote = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (app.request in unit tests) have no socket.
  }
  return clientAddress(remote, headerOf(c, 'x-forwarded-for'), trust, isTrusted);
}

/** The client address of Node's request, as `clientIp` gives it (for the ballot's fast path, ballot-fast-path.ts). */
export function nodeClientIp(trust: TrustProxy): (incoming: IncomingMessage) => string {
  const isTrusted = Array.isArray(trust) ? proxyMatcher(trust) : undefined;
  return (incoming) =>
    clientAddress(
      incoming.socket.remoteAddress ?? 'unknown',
      nodeHeader(incoming, 'x-forwarded-for'),
      trust,
      isTrusted,
    );
}

export function clientIp(trust: TrustProxy): MiddlewareHandler<AppEnv> {
  const isTrusted = Array.isArray(trust) ? proxyMatcher(trust) : undefined;
  return (c, next) => {
    c.set('clientIp', clientIpOf(c, trust, isTrusted));
    return next();
  };
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Resolves a Bearer token when one is sent: a bad token is always a 401, even on public routes, so a staff
 * tool with an expired token fails loudly instead of silently seeing the public view.
 */
export function staffAuth(service: Pick<LinliService, 'authenticate'>): MiddlewareHandler<AppEnv> {
  const withToken = async (c: Context<AppEnv>, next: Next, header: string) => {
    const token = BEARER.exec(header)?.[1];
    if (!token) throw unauthorized('Authorization: expected "Bearer <token>"');
    const staff = await service.authenticate(token);
    if (!staff) throw unauthorized('Authorization: the token is unknown or revoked');
    c.set('staff', staff);
    await next();
  };
  return (c, next) => {
    const header = headerOf(c, 'authorization');
    if (header !== undefined) return withToken(c, next, header);
    c.set('staff', undefined);
    return next();
  };
}

function unauthorized(message: string): HttpError {
  return new HttpError('unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer realm="linli"' } });
}

/** The authenticated staff member, or a 401. */
export function requireStaff(c: Context<AppEnv>): StaffIdentity {
  const staff = c.get('staff');
  if (!staff) throw unauthorized('this operation needs a staff token (Authorization: Bearer <token>)');
  return staff;
}

/**
 * Managing consultations belongs to 街道/居委会 staff. A token scoped to a department (房管办, 城管中队…) is for
 * handling residents' reports, so it is refused here with 403.
 */
export function requireManager(c: Context<AppEnv>): StaffIdentity {
  const staff = requireStaff(c);
  if (staff.department) {
    throw new HttpError('forbidden', `a token of the department "${staff.department}" cannot manage consultations`);
  }
  return staff;
}
