/**
 * What the public ballot box shows, and the secrets behind it. See DESIGN.md "Receipt": no voter identity and no
 * per-ballot time ever; a `public` box lists choices and weight so anyone can recount; a `receipts` box lists seq
 * and hashes only, each hash committing with a secret that only the voter's receipt holds.
 */
import {
  type BallotBoxEntry,
  type BallotBoxMode,
  type BallotDefinition,
  defaultBallotBox,
  type Receipt,
} from '@linli/core';
import { type HashFormat, publicWeight } from '../ledger/chain';
import type { StoredBallot } from '../store/types';
import { normalizeCode } from './codes';
import { pepperHmac } from './pepper';

/** The box mode of a definition (stored definitions from before the field existed take the default). */
export const boxModeOf = (def: Pick<BallotDefinition, 'ballotBox' | 'eligibility'>): BallotBoxMode =>
  def.ballotBox ?? defaultBallotBox(def.eligibility);

export const hashFormatOf = (def: Pick<BallotDefinition, 'ballotBox' | 'eligibility'>): HashFormat =>
  boxModeOf(def) === 'receipts' ? 3 : 2;

/**
 * A ballot's secret: derived from the install's pepper (kept outside the database) and the receipt id, so it is
 * stored nowhere, the audit can re-derive it, and a copy of the database alone cannot test guesses either.
 */
export const ballotSecret = (pepper: string, consultationId: string, receiptId: string) =>
  pepperHmac(pepper, `ballot-secret:${consultationId}:${receiptId}`);

/** The receipt as its voter gets it: with the secret when the box is `receipts`. */
export const receiptFor = (pepper: string, mode: BallotBoxMode, receipt: Receipt): Receipt =>
  mode === 'receipts'
    ? { ...receipt, secret: ballotSecret(pepper, receipt.consultationId, receipt.receiptId) }
    : receipt;

/**
 * An Idempotency-Key as stored: keyed by the credential that sent it (the normalised code, the token, the browser
 * key), so the same key sent with any other credential is simply a new request. Nobody can learn from a made-up
 * credential whether a key was used, with what, or get someone else's receipt back.
 */
export function scopedIdempotencyKey(
  pepper: string,
  consultationId: string,
  eligibility: BallotDefinition['eligibility'],
  credentials: { code?: string | undefined; token?: string | undefined; voterKey?: string | undefined },
  key: string,
): string {
  const credential =
    eligibility === 'code'
      ? `code:${normalizeCode(credentials.code ?? '') ?? credentials.code ?? ''}`
      : eligibility === 'signed'
        ? `token:${credentials.token ?? ''}`
        : `open:${credentials.voterKey ?? ''}`;
  const scoped = pepperHmac(pepper, `idempotency:${consultationId}:${credential}\u0000${key}`);
  return `k2:${scoped}`;
}

/**
 * One entry as the public box lists it, by the format its hash was formed with. `showContent` is false while the
 * tally is hidden (after_close before the close): the box must not reveal the result early.
 */
export function boxEntryOf(b: StoredBallot, showContent: boolean): BallotBoxEntry {
  const hashes = { ballotHash: b.ballotHash, prevHash: b.prevHash, chainHash: b.chainHash };
  if (b.hashFormat === 3) return { seq: b.seq, ...hashes };
  const content = showContent
    ? {
        ...(b.content.choices ? { choices: b.content.choices } : {}),
        ...(b.content.allocation ? { allocation: b.content.allocation } : {}),
      }
    : {};
  const legacy = b.hashFormat === 1 ? { receiptId: b.receiptId, at: b.at } : {};
  return { seq: b.seq, ...legacy, ...content, weight: publicWeight(b.weight), ...hashes };
}
