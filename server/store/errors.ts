/**
 * What a store refuses, as plain values. The store knows nothing of HTTP or of the domain's error type; the domain
 * turns these into DomainErrors (domain/store-refusals.ts), so any store (SQLite, PostgreSQL) reports alike.
 */

/** Why one ballot of a group-commit batch was not appended (the others in its batch are unaffected). */
export type StoreRefusal =
  | { reason: 'no_consultation' }
  | { reason: 'not_voting'; phase: string }
  /** The Idempotency-Key was first used with different ballot content. */
  | { reason: 'key_reused' }
  | { reason: 'already_voted' }
  /** The roll unit's code changed (reissued) since eligibility was checked. */
  | { reason: 'code_invalid' }
  | { reason: 'code_used' };

/** A write refused because it would break a uniqueness or ordering rule of the data. */
export class StoreConflict extends Error {
  constructor(
    readonly subject: 'consultation_slug' | 'department' | 'roll_after_ballots',
    message: string,
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'StoreConflict';
  }
}
