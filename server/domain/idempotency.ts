/**
 * Idempotency-Key semantics (IETF draft "The Idempotency-Key HTTP Header Field"): the same key with the same
 * request replays the first response; the same key with a different request is refused with 422, because
 * replaying the old receipt would tell a resident their new choice was recorded when it was not.
 */

import type { BallotContent } from '../store/types';
import { canonicalJSON } from './chain';
import { DomainError } from './service';

/**
 * Whether a retried ballot asks for exactly what the key first recorded. The content stored with the receipt is
 * the request's fingerprint: it is what the resident chose (credentials are compared separately, by voter hash),
 * and it is kept for every key ever used, so keys stored before this check existed are judged the same way.
 */
export const sameBallotContent = (a: BallotContent, b: BallotContent) => canonicalJSON(a) === canonicalJSON(b);

export const idempotencyKeyReused = () =>
  new DomainError(
    'idempotency_key_reused',
    'Idempotency-Key 已用于另一份内容不同的选票，原选票不变；新的请求请使用新的 Key / ' +
      'this Idempotency-Key was already used with a different ballot; the ballot recorded with it stands unchanged ' +
      '(send a new request with a new key)',
    { field: 'Idempotency-Key' },
  );
