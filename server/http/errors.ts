import {
  type ApiIssue,
  ERROR_MESSAGE_ZH,
  ERROR_STATUS,
  type ErrorCode,
  type ErrorResponse,
  zodIssues,
} from '@linli/core';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { isDomainError } from '../domain/service';
import type { Logger } from './log';

/** A refusal decided by the HTTP layer itself (bad JSON, missing token, rate limit…). */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** "choices[0]: Invalid input" — the first problem, naming the field, is the message a person reads. */
export function invalid(issues: ApiIssue[]): HttpError {
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}` : 'invalid request';
  return new HttpError('invalid', message, { issues });
}

export function errorBody(code: ErrorCode, message: string, issues?: ApiIssue[]): ErrorResponse {
  const field = issues?.[0]?.path;
  const messageZh = field && field !== '(body)' ? `${ERROR_MESSAGE_ZH[code]}：${field}` : ERROR_MESSAGE_ZH[code];
  return { error: issues?.length ? { code, message, messageZh, issues } : { code, message, messageZh } };
}

function respond(c: Context, code: ErrorCode, message: string, issues?: ApiIssue[], headers?: Record<string, string>) {
  for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
  return c.json(errorBody(code, message, issues), ERROR_STATUS[code] as ContentfulStatusCode);
}

/** A refusal as the project answers it: status, the error body and any headers of its own (Retry-After…). */
export interface ErrorAnswer {
  status: ContentfulStatusCode;
  body: ErrorResponse;
  headers?: Record<string, string>;
}

const answer = (code: ErrorCode, message: string, issues?: ApiIssue[], headers?: Record<string, string>) => ({
  status: ERROR_STATUS[code] as ContentfulStatusCode,
  body: errorBody(code, message, issues),
  ...(headers ? { headers } : {}),
});

/**
 * Anything thrown while serving a request, as the one error shape. Unknown errors become a bare 500: their message
 * and stack may hold SQL, paths or personal data, so they go to the log only. Shared by Hono's error handler and
 * the ballot's Node fast path (ballot-fast-path.ts).
 */
export function errorAnswer(error: unknown, logger: Logger, at: { method: string; route: string }): ErrorAnswer {
  if (error instanceof HttpError) return answer(error.code, error.message, error.extra.issues, error.extra.headers);
  if (isDomainError(error)) {
    const issues = error.issues ?? (error.field ? [{ path: error.field, message: error.message }] : undefined);
    const headers =
      error.code === 'rate_limited' ? { 'Retry-After': String(Math.max(1, error.retryAfterSeconds ?? 1)) } : undefined;
    const message =
      error.field && !error.message.includes(error.field) ? `${error.field}: ${error.message}` : error.message;
    return answer(error.code, message, issues, headers);
  }
  if (error instanceof z.ZodError) return answer('invalid', invalid(zodIssues(error)).message, zodIssues(error));
  if (error instanceof HTTPException && error.status < 500) {
    const code = (Object.entries(ERROR_STATUS).find(([, s]) => s === error.status)?.[0] ?? 'invalid') as ErrorCode;
    return answer(code, error.message || 'request refused');
  }
  logger.error('unhandled error', { ...at, error });
  return answer('internal', 'internal error: the server could not complete the request');
}

/** Turns anything thrown by a route into the one error shape (errorAnswer). */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    const { status, body, headers } = errorAnswer(error, logger, { method: c.req.method, route: c.req.routePath });
    for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
    return c.json(body, status);
  };
}

export const notFoundHandler: NotFoundHandler = (c) =>
  respond(c, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
