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

/**
 * What each error means to a resident or staff member, in zh-CN: `message` is the precise English detail (naming
 * the field), `messageZh` the sentence a Chinese-language page shows first.
 */
export const ERROR_MESSAGE_ZH = {
  invalid: '提交的内容有误',
  unauthorized: '需要工作人员令牌',
  forbidden: '没有权限，或凭证无效',
  not_found: '找不到该内容',
  conflict: '与已有记录冲突（例如已经投过票）',
  gone: '已经截止，不再接受提交',
  idempotency_key_reused: '同一请求编号已用于另一份不同的提交',
  payload_too_large: '提交的内容过大',
  unsupported_media_type: '不支持的内容格式',
  rate_limited: '操作过于频繁，请稍后再试',
  internal: '服务器出错，请稍后再试',
} as const satisfies Record<ErrorCode, string>;

/** The only shape of an error response: never a stack trace. */
export const ErrorResponse = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** zh-CN first: the same refusal in Chinese, with the offending field when there is one. */
    messageZh: z.string(),
    issues: z.array(ApiIssue).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
