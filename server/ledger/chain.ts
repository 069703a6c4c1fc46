/**
 * The hash chain of the public ballot box. Anyone holding the published entries can recompute every hash:
 *   ballotHash = sha256(canonicalJSON({seq, receiptId, at, choices?, allocation?, weight}))
 *   chainHash  = sha256(prevHash + ballotHash)
 * and the first entry's prevHash is the genesis hash, which binds the chain to one consultation (the
 * consultationId is on every receipt) and to the electorate frozen with the first ballot (see electorate.ts;
 * boxes begun before that start from genesisHash(consultationId)). Changing any stored ballot changes its ballotHash and every
 * chainHash after it.
 */
import { createHash } from 'node:crypto';
import { formatHundredths } from '@linli/core';
import type { BallotContent, BallotWeight } from './types';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with object keys sorted at every level and no whitespace: one byte string per value. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`;
}

export const genesisHash = (consultationId: string) => sha256Hex(`linli-ballot-box:${consultationId}`);

/** The weight as published: area as "86.20" (omitted when the ballot carries none) and the owner count. */
export function publicWeight(weight: BallotWeight): { area?: string; count: number } {
  return weight.areaHundredths === null
    ? { count: weight.count }
    : { area: formatHundredths(weight.areaHundredths), count: weight.count };
}

export interface HashedEntryInput {
  seq: number;
  receiptId: string;
  at: string;
  content: BallotContent;
  weight: BallotWeight;
}

export function ballotHash(entry: HashedEntryInput): string {
  return sha256Hex(
    canonicalJSON({
      seq: entry.seq,
      receiptId: entry.receiptId,
      at: entry.at,
      choices: entry.content.choices,
      allocation: entry.content.allocation,
      weight: publicWeight(entry.weight),
    }),
  );
}

export const chainHash = (prevHash: string, hash: string) => sha256Hex(prevHash + hash);

/**
 * How an entry's ballotHash is formed:
 *   1 (boxes begun before per-ballot times were dropped): sha256(canonicalJSON({seq, receiptId, at, choices?,
 *     allocation?, weight}))  — the legacy `ballotHash` above
 *   2 (`public` box):   sha256(canonicalJSON({v: 2, seq, choices?, allocation?, weight}))
 *   3 (`receipts` box): sha256(canonicalJSON({v: 3, seq, choices?, allocation?, weight, secret}))
 * Formats 2 and 3 leave out the receipt id and the time, which the public box no longer shows. In format 3 the
 * secret (32 random-looking bytes only the voter's receipt holds; the server re-derives it from its pepper for the
 * audit) makes the hash useless for testing guessed choices: without it, a yes/no ballot has three candidates.
 */
export type HashFormat = 1 | 2 | 3;

export interface FormattedEntryInput extends HashedEntryInput {
  format: HashFormat;
  /** Required for format 3. */
  secret?: string;
}

export function entryHash(entry: FormattedEntryInput): string {
  if (entry.format === 1) return ballotHash(entry);
  if (entry.format === 3 && !entry.secret) throw new Error('a receipts-box ballot hash needs its secret');
  return sha256Hex(
    canonicalJSON({
      v: entry.format,
      seq: entry.seq,
      choices: entry.content.choices,
      allocation: entry.content.allocation,
      weight: publicWeight(entry.weight),
      secret: entry.format === 3 ? entry.secret : undefined,
    }),
  );
}

/** The hash of an entry as the public box shows it (format 2: content and weight published), for verifiers. */
export function publicEntryHash(entry: {
  seq: number;
  choices?: string[];
  allocation?: Record<string, number>;
  weight: { area?: string; count: number };
}): string {
  return sha256Hex(
    canonicalJSON({
      v: 2,
      seq: entry.seq,
      choices: entry.choices,
      allocation: entry.allocation,
      weight: entry.weight.area === undefined ? { count: entry.weight.count } : entry.weight,
    }),
  );
}

/**
 * Whether a retried ballot asks for exactly what its Idempotency-Key first recorded. The content stored with the
 * receipt is the request's fingerprint: what the resident chose (credentials are compared separately, by voter
 * hash); it is kept for every key ever used, so keys stored before this check existed are judged the same way.
 */
export const sameBallotContent = (a: BallotContent, b: BallotContent) => canonicalJSON(a) === canonicalJSON(b);
