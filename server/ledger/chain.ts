/**
 * The server's side of the ballot box's hash chain: core/ledger/chain.ts defines what is hashed (the formats, the
 * link, the genesis); here it is hashed with node:crypto, synchronously inside the store's transaction, from the
 * stored form of a ballot (weights in integer hundredths of m²). Anyone holding the published entries can
 * recompute every hash; changing any stored ballot changes its ballotHash and every chainHash after it. The first
 * entry's prevHash binds the chain to one consultation (the consultationId is on every receipt) and to the
 * electorate frozen with the first ballot (see electorate.ts).
 */
import { hash } from 'node:crypto';
import {
  ballotHashWith,
  type ChainBallot,
  canonicalJSON,
  chainHashWith,
  formatHundredths,
  genesisText,
  type HashFormat,
  type Sha256,
} from '@linli/core';
import type { BallotContent, BallotWeight } from './types';

export { canonicalJSON, type HashFormat };

// One-shot: the same digest of the text's UTF-8 as createHash(…).update(text, 'utf8'), without building a Hash stream
// object per call (the writer thread hashes twice per ballot).
export const sha256Hex: Sha256<string> = (text) => hash('sha256', text, 'hex');

/** The first prevHash of a box begun before electorates were frozen (electorate.ts binds the newer ones). */
export const genesisHash = (consultationId: string) => sha256Hex(genesisText(consultationId));

/** The weight as published: area as "86.20" (omitted when the ballot carries none) and the owner count. */
export function publicWeight(weight: BallotWeight): { area?: string; count: number } {
  return weight.areaHundredths === null
    ? { count: weight.count }
    : { area: formatHundredths(weight.areaHundredths), count: weight.count };
}

export const chainHash = (prevHash: string, hash: string) => chainHashWith(sha256Hex, prevHash, hash);

export interface FormattedEntryInput {
  format: HashFormat;
  seq: number;
  receiptId: string;
  at: string;
  content: BallotContent;
  weight: BallotWeight;
  /** Required for format 3: the receipt's secret, re-derived from the install's pepper. */
  secret?: string;
}

/** A stored ballot's hash, in the format it was written with. */
export const entryHash = (entry: FormattedEntryInput): string =>
  ballotHashWith(sha256Hex, entry.format, {
    seq: entry.seq,
    receiptId: entry.receiptId,
    at: entry.at,
    choices: entry.content.choices,
    allocation: entry.content.allocation,
    weight: publicWeight(entry.weight),
    secret: entry.secret,
  });

/** The hash of an entry as the public box shows it (format 2: content and weight published), for verifiers. */
export const publicEntryHash = (entry: Omit<ChainBallot, 'receiptId' | 'at' | 'secret'>): string =>
  ballotHashWith(sha256Hex, 2, entry);

/**
 * Whether a retried ballot asks for exactly what its Idempotency-Key first recorded. The content stored with the
 * receipt is the request's fingerprint: what the resident chose (credentials are compared separately, by voter
 * hash); it is kept for every key ever used, so keys stored before this check existed are judged the same way.
 */
export const sameBallotContent = (a: BallotContent, b: BallotContent) => canonicalJSON(a) === canonicalJSON(b);
