/**
 * The store reports refusals as plain values (store/errors.ts); here they become the DomainErrors a client sees,
 * with one message per reason whichever store refused.
 */
import { StoreConflict, type StoreRefusal } from '../store/errors';
import { DomainError } from './service';

export function refusalError(refusal: StoreRefusal): DomainError {
  switch (refusal.reason) {
    case 'no_consultation':
      return new DomainError('not_found', 'no such consultation');
    case 'not_voting':
      return new DomainError('gone', `voting is not open (the consultation is in phase "${refusal.phase}")`);
    case 'key_reused':
      return new DomainError(
        'idempotency_key_reused',
        'Idempotency-Key 已用于另一份内容不同的选票，原选票不变；新的请求请使用新的 Key / ' +
          'this Idempotency-Key was already used with a different ballot; the ballot recorded with it stands ' +
          'unchanged (send a new request with a new key)',
        { field: 'Idempotency-Key' },
      );
    case 'already_voted':
      return new DomainError('conflict', 'a ballot from this voter is already in the ballot box');
    case 'code_invalid':
      return new DomainError('forbidden', 'this code is not valid (it may have been reissued)', { field: 'code' });
    case 'code_used':
      return new DomainError('conflict', 'this code has already been used', { field: 'code' });
  }
}

/** Runs a store write, turning a StoreConflict into DomainError conflict naming the field. */
export async function storeWrite<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof StoreConflict) {
      throw new DomainError('conflict', error.message, error.field === undefined ? {} : { field: error.field });
    }
    throw error;
  }
}
