import { z } from 'zod';

/** Every error code a client can receive; the HTTP status follows from it (see ERROR_STATUS). */
export const ErrorCode = z.enum([
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  /** The Idempotency-Key was already used with a different request body (IETF idempotency-key draft: 422). */
  'idempotency_key_reused',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

export const ApiIssue = z.object({
  /** Path of the offending field, e.g. `choices[0]` or `ballot.options[1].id`; `(body)` for the whole body. */
  path: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

/** The only shape of an error response: never a stack trace. */
export const ErrorResponse = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(ApiIssue).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
