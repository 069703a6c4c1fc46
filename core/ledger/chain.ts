/**
 * The ballot box's hash chain, defined once: what is hashed, in which order and in which encoding. The server that
 * writes the chain (node:crypto, synchronous), the audit, and `<linli-vote>` checking a receipt in the browser
 * (WebCrypto, asynchronous) all build their hash input here and only supply SHA-256 themselves, so the two sides
 * cannot drift apart. Text is hashed as UTF-8; every hash is lowercase hex.
 *
 *   chainHash  = sha256(prevHash + ballotHash)                     the two hex strings, concatenated
 *   ballotHash = sha256(canonicalJSON(fields)), by the entry's format:
 *     1 (boxes begun before per-ballot times were dropped): {seq, receiptId, at, choices?, allocation?, weight}
 *     2 (`public` box):   {v: 2, seq, choices?, allocation?, weight}
 *     3 (`receipts` box): {v: 3, seq, choices?, allocation?, weight, secret}
 *   weight     = {area?: "86.20", count}                          area omitted when the ballot carries none
 *   genesis    = sha256("linli-ballot-box:" + consultationId [+ ":electorate:" + electorate digest])
 *
 * Formats 2 and 3 leave out the receipt id and the time, which the public box no longer shows. In format 3 the
 * secret (only the voter's receipt holds it) makes the hash useless for testing guessed choices: without it a yes/no
 * ballot has three candidates. Zod-free: the widget bundle imports this file.
 */

/** SHA-256 of UTF-8 text as lowercase hex: sync on the server (string), async in the browser (Promise<string>). */
export type Sha256<R> = (text: string) => R;

/** How an entry's ballotHash is formed (see above). */
export type HashFormat = 1 | 2 | 3;

/** JSON with object keys sorted at every level, undefined members dropped and no whitespace: one text per value. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`;
}

/** One ballot as the chain hashes it: content and the published weight, plus what its format adds. */
export interface ChainBallot {
  seq: number;
  choices?: string[] | undefined;
  allocation?: Record<string, number> | undefined;
  weight: { area?: string | undefined; count: number };
  /** Format 1 only. */
  receiptId?: string;
  /** Format 1 only. */
  at?: string;
  /** Format 3 only: the receipt's secret (hex). */
  secret?: string | undefined;
}

/** The text whose SHA-256 is the entry's ballotHash. */
export function ballotHashText(format: HashFormat, b: ChainBallot): string {
  const weight = { area: b.weight.area, count: b.weight.count };
  if (format === 1) {
    return canonicalJSON({
      seq: b.seq,
      receiptId: b.receiptId,
      at: b.at,
      choices: b.choices,
      allocation: b.allocation,
      weight,
    });
  }
  if (format === 3 && !b.secret) throw new Error('a receipts-box ballot hash needs its secret');
  const secret = format === 3 ? b.secret : undefined;
  return canonicalJSON({ v: format, seq: b.seq, choices: b.choices, allocation: b.allocation, weight, secret });
}

/** The text whose SHA-256 is the entry's chainHash: it links the entry to the one before. */
export const chainLinkText = (prevHash: string, ballotHash: string) => prevHash + ballotHash;

/** The text whose SHA-256 is the first entry's prevHash: bound to the frozen electorate's digest when given. */
export const genesisText = (consultationId: string, electorateDigest?: string) =>
  electorateDigest === undefined
    ? `linli-ballot-box:${consultationId}`
    : `linli-ballot-box:${consultationId}:electorate:${electorateDigest}`;

export const ballotHashWith = <R>(sha256: Sha256<R>, format: HashFormat, ballot: ChainBallot): R =>
  sha256(ballotHashText(format, ballot));

export const chainHashWith = <R>(sha256: Sha256<R>, prevHash: string, ballotHash: string): R =>
  sha256(chainLinkText(prevHash, ballotHash));
