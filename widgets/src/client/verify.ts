/**
 * Checks a receipt against its entry in the public ballot box, in the browser, with what the box publishes
 * (server/ledger/chain.ts is the other side of these formulas):
 *   chainHash = sha256(prevHash + ballotHash)                                  — always
 *   ballotHash = sha256(canonicalJSON({v: 2, seq, choices?, allocation?, weight}))          — `public` box
 *   ballotHash = sha256(canonicalJSON({v: 3, seq, choices?, allocation?, weight, secret}))  — `receipts` box, when
 *     the entry gives the weight (the receipt's secret is what makes the hash unguessable by anyone else)
 * and that the content the box holds is what this browser cast.
 */
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

/** JSON with object keys sorted at every level and no whitespace (as canonicalJSON on the server). */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const sameContent = (a: Content, b: Content) =>
  canonicalJSON({ c: a.choices, a: a.allocation }) === canonicalJSON({ c: b.choices, a: b.allocation });

export async function verifyReceipt(
  receipt: Pick<BallotAccepted, 'seq' | 'ballotHash' | 'chainHash' | 'secret'>,
  entry: Entry | undefined,
  mine?: Content,
): Promise<Verdict> {
  if (!entry || entry.seq !== receipt.seq) return 'mismatch';
  if (entry.ballotHash !== receipt.ballotHash || entry.chainHash !== receipt.chainHash) return 'mismatch';
  if ((await sha256Hex(entry.prevHash + entry.ballotHash)) !== entry.chainHash) return 'mismatch';
  if (!entry.weight || entry.receiptId) return 'linked'; // receipts box (no weight), or a legacy format-1 entry
  const published: Content = { choices: entry.choices, allocation: entry.allocation };
  const shown = entry.choices !== undefined || entry.allocation !== undefined;
  // A public box shows the content: it must be what this browser cast, and hash to the published ballotHash.
  if (shown && mine && !sameContent(published, mine)) return 'mismatch';
  const content = shown ? published : mine;
  if (!content) return 'linked';
  const base = { seq: entry.seq, choices: content.choices, allocation: content.allocation, weight: entry.weight };
  const hash = await sha256Hex(
    canonicalJSON(receipt.secret ? { v: 3, ...base, secret: receipt.secret } : { v: 2, ...base }),
  );
  return hash === entry.ballotHash ? 'verified' : 'mismatch';
}
