/**
 * Checks a receipt against its entry in the public ballot box, in the browser, with what the box publishes: the
 * chain link, and in a `public` box (or a `receipts` box that gives the weight, with the receipt's secret) the
 * ballot hash recomputed from the content, which must be what this browser cast. What is hashed is defined once in
 * core/ledger/chain.ts, shared with the server; here only SHA-256 is supplied, by WebCrypto.
 */
import { ballotHashWith, canonicalJSON, chainHashWith, type Sha256 } from '@linli/core/ledger/chain';
import type { BallotAccepted, BallotBoxResponse } from './api';

type Entry = BallotBoxResponse['entries'][number];
export interface Content {
  choices?: string[];
  allocation?: Record<string, number>;
}

export type Verdict =
  /** seq, hashes and chain link agree, and the ballot hash was recomputed from the content (and secret). */
  | 'verified'
  /** seq, hashes and chain link agree; the box does not publish what the ballot hash needs (weight), so no more. */
  | 'linked'
  /** the entry is missing or contradicts the receipt: never say "in the box". */
  | 'mismatch';

export const sha256Hex: Sha256<Promise<string>> = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};

const sameContent = (a: Content, b: Content) =>
  canonicalJSON({ c: a.choices, a: a.allocation }) === canonicalJSON({ c: b.choices, a: b.allocation });

export async function verifyReceipt(
  receipt: Pick<BallotAccepted, 'seq' | 'ballotHash' | 'chainHash' | 'secret'>,
  entry: Entry | undefined,
  mine?: Content,
): Promise<Verdict> {
  if (!entry || entry.seq !== receipt.seq) return 'mismatch';
  if (entry.ballotHash !== receipt.ballotHash || entry.chainHash !== receipt.chainHash) return 'mismatch';
  if ((await chainHashWith(sha256Hex, entry.prevHash, entry.ballotHash)) !== entry.chainHash) return 'mismatch';
  if (!entry.weight || entry.receiptId) return 'linked'; // receipts box (no weight), or a legacy format-1 entry
  const published: Content = { choices: entry.choices, allocation: entry.allocation };
  const shown = entry.choices !== undefined || entry.allocation !== undefined;
  // A public box shows the content: it must be what this browser cast, and hash to the published ballotHash.
  if (shown && mine && !sameContent(published, mine)) return 'mismatch';
  const content = shown ? published : mine;
  if (!content) return 'linked';
  const ballot = { seq: entry.seq, ...content, weight: entry.weight, secret: receipt.secret };
  const hash = await ballotHashWith(sha256Hex, receipt.secret ? 3 : 2, ballot);
  return hash === entry.ballotHash ? 'verified' : 'mismatch';
}
