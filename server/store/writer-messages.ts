/**
 * What travels between the main thread and the SQLite writer thread (sqlite-writer.ts), as JSON text of positional
 * rows. postMessage's structured clone walks every object and writes every key of every ballot: on the main thread,
 * which is the one that bounds ingest, that cost more per ballot than reading its HTTP request. One JSON string of
 * arrays is a fraction of it, and the thread parses it on its own core. Nothing is lost on the way: contents are
 * JSON already (that is how they are stored and hashed), and the one bigint (the area) goes as its decimal digits.
 */
import type { AppendOutcome, BallotToAppend } from './types';

type BallotRow = [
  consultationId: string,
  voterHash: string,
  idempotencyKey: string | null,
  unit: string | null,
  codeHash: string | null,
  content: BallotToAppend['content'],
  area: string | null,
  count: number,
  receiptId: string,
  at: string,
  hashFormat: BallotToAppend['hashFormat'],
  secret: string | null,
];

export function encodeBatch(batch: readonly BallotToAppend[]): string {
  const rows = batch.map(
    (b): BallotRow => [
      b.consultationId,
      b.voterHash,
      b.idempotencyKey ?? null,
      b.rollUnit?.unit ?? null,
      b.rollUnit?.codeHash ?? null,
      b.content,
      b.weight.areaHundredths === null ? null : b.weight.areaHundredths.toString(),
      b.weight.count,
      b.receiptId,
      b.at,
      b.hashFormat,
      b.secret ?? null,
    ],
  );
  return JSON.stringify(rows);
}

export function decodeBatch(text: string): BallotToAppend[] {
  return (JSON.parse(text) as BallotRow[]).map(
    ([consultationId, voterHash, key, unit, codeHash, content, area, count, receiptId, at, hashFormat, secret]) => ({
      consultationId,
      voterHash,
      ...(key !== null ? { idempotencyKey: key } : {}),
      ...(unit !== null && codeHash !== null ? { rollUnit: { unit, codeHash } } : {}),
      content,
      weight: { areaHundredths: area === null ? null : BigInt(area), count },
      receiptId,
      at,
      hashFormat,
      ...(secret !== null ? { secret } : {}),
    }),
  );
}

/**
 * An outcome: a ballot appended as sent is `[seq, ballotHash, chainHash]` (its receipt's other fields are the
 * ballot's own); anything else (a replay of another receipt, a refusal) goes whole.
 */
type OutcomeRow = [seq: number, ballotHash: string, chainHash: string] | AppendOutcome;

export function encodeOutcomes(batch: readonly BallotToAppend[], outcomes: readonly AppendOutcome[]): string {
  const rows = outcomes.map((o, i): OutcomeRow => {
    const b = batch[i]!;
    const own =
      o.ok &&
      !o.replayed &&
      o.receipt.receiptId === b.receiptId &&
      o.receipt.consultationId === b.consultationId &&
      o.receipt.at === b.at;
    return own ? [o.receipt.seq, o.receipt.ballotHash, o.receipt.chainHash] : o;
  });
  return JSON.stringify(rows);
}

export function decodeOutcomes(batch: readonly BallotToAppend[], text: string): AppendOutcome[] {
  return (JSON.parse(text) as OutcomeRow[]).map((row, i) => {
    if (!Array.isArray(row)) return row;
    const b = batch[i]!;
    const [seq, ballotHash, chainHash] = row;
    return {
      ok: true,
      receipt: { receiptId: b.receiptId, consultationId: b.consultationId, seq, ballotHash, chainHash, at: b.at },
      replayed: false,
    };
  });
}
