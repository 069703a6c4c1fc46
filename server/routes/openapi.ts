/**
 * What every resource's routes module uses to declare itself: the router type, the one validation hook, and
 * shorthands for bodies and answers. The OpenAPI document and the docs page are generated from these declarations
 * (docs.index.ts), so a route that is served is a route that is documented.
 */

import type { Hook } from '@hono/zod-openapi';
import { OpenAPIHono, type RouteConfig, type RouteHandler, z } from '@hono/zod-openapi';
import { type ERROR_STATUS, type ErrorCode, zodIssues } from '@linli/core';
import { DomainError } from '../domain/service';
import type { AppEnv } from '../http/context';
import { ErrorResponse as NamedErrorResponse } from './schemas';

/** A validated request that failed: the same 400 as every other refusal, naming the field (`Idempotency-Key: …`). */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every shape
export const defaultHook: Hook<any, AppEnv, any, any> = (result) => {
  if (result.success) return;
  // Headers arrive lower-cased; name them as people write them.
  const issues = zodIssues(result.error).map((issue) =>
    result.target === 'header' ? { ...issue, path: headerName(issue.path) } : issue,
  );
  const first = issues[0] ?? { path: '(body)', message: 'invalid' };
  throw new DomainError('invalid', `${first.path}: ${first.message}`, { field: first.path, issues });
};

const headerName = (path: string) =>
  path.replace(/^[a-z0-9-]+/, (name) => name.replace(/(^|-)([a-z])/g, (_, dash, ch) => dash + ch.toUpperCase()));

/** A resource's router: validation failures go through `defaultHook`. */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook });

export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** A JSON request body. Always validated: an empty body counts as `{}` (see http/json-body.ts). */
export const jsonBody = <S extends z.ZodType>(schema: S, description?: string) => ({
  content: { 'application/json': { schema } },
  required: true as const,
  ...(description ? { description } : {}),
});

/** A JSON answer. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A page a person reads (text/html). */
export const html = (description: string) => ({
  content: { 'text/html': { schema: z.string() } },
  description,
});

const ERROR_DESCRIPTIONS: Partial<Record<number, string>> = {
  400: 'invalid input: `issues` name each field (code `invalid`)',
  401: 'staff token missing or invalid (code `unauthorized`)',
  403: 'not allowed: cross-site write, wrong credential or a token without the right (code `forbidden`)',
  404: 'no such consultation, proposal or receipt (code `not_found`)',
  409: 'conflicts with what is recorded, e.g. a second ballot from the same voter (code `conflict`)',
  410: 'closed: voting or submissions are over (code `gone`)',
  413: 'body larger than the limit (code `payload_too_large`)',
  415: 'body not in the media type this operation takes (code `unsupported_media_type`)',
  422: 'Idempotency-Key already used with a different body (code `idempotency_key_reused`)',
  429: 'too many requests: retry after `Retry-After` seconds (code `rate_limited`)',
  500: 'the server could not complete the request (code `internal`; no detail is ever sent)',
};

const ErrorBody = NamedErrorResponse;

type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

// Any operation can answer these: a bad Bearer token is refused even on public routes (401), every address has a
// rate limit (429), and an unexpected failure is a bare `internal` error whose detail stays in the log (500).
const ALWAYS = [401, 429, 500] as const;

/**
 * The project's error answer for each status: `{"error": {code, message, messageZh, issues?}}`. A route names only
 * the statuses its own checks can give; what every operation can answer is added here (ALWAYS).
 */
export function errors<S extends ErrorStatus>(...statuses: S[]) {
  const all = [...new Set([...statuses, ...ALWAYS])].sort();
  return Object.fromEntries(
    all.map((status) => [status, json(ErrorBody, ERROR_DESCRIPTIONS[status] ?? 'error')]),
  ) as Record<S | (typeof ALWAYS)[number], ReturnType<typeof json<typeof ErrorBody>>>;
}

/**
 * The errors of an operation that takes a body, plus its own: an invalid body (400), a write from a site not
 * allowed (403, checked before the body is read), a body over the limit (413), a media type it does not take (415).
 */
export const writeErrors = <S extends ErrorStatus>(...statuses: S[]) =>
  errors<400 | 403 | 413 | 415 | S>(400, 403, 413, 415, ...statuses);

/** Staff operations carry `Authorization: Bearer <token>` (from `linli token create`). */
export const STAFF = [{ bearer: [] }];
