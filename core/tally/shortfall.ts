/**
 * How far a count is from a legal threshold, in whole owners and hundredths of a square metre, computed exactly
 * (BigInt, cross-multiplication) so the words a resident reads — "还差 3 户、126.40 m² 达到法定比例" — never disagree
 * with the verdict at a boundary. Depends only on ./exact, so the widget bundle can import it without zod.
 */
import { AT_LEAST_THREE_QUARTERS, AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, parseHundredths, type Threshold } from './exact';

/** The least x ≥ 0 with part + x meeting the threshold of a fixed whole (participation against the roll). */
export function shortfall(part: bigint, whole: bigint, threshold: Threshold): bigint {
  if (whole <= 0n) return 0n;
  const target = whole * threshold.num;
  const need = threshold.strict ? target / threshold.den + 1n : (target + threshold.den - 1n) / threshold.den;
  return need > part ? need - part : 0n;
}

/**
 * The least x ≥ 0 such that x more approving voters, who also join the whole, make part/whole meet the threshold
 * (approval among participants: every new yes ballot adds to both). (part+x)·den ≥ (whole+x)·num.
 */
export function shortfallJoining(part: bigint, whole: bigint, threshold: Threshold): bigint {
  const gap = whole * threshold.num - part * threshold.den;
  const step = threshold.den - threshold.num;
  if (step <= 0n) return 0n;
  const x = threshold.strict ? (gap < 0n ? 0n : gap / step + 1n) : gap <= 0n ? 0n : (gap + step - 1n) / step;
  // An empty count meets nothing: at least one voter is needed.
  return whole + x === 0n ? 1n : x;
}

export interface ShortfallInput {
  preset: string;
  /** Owners and area (m², "86.20") that have voted. */
  participation: { count: number; area?: string };
  electorate?: { count?: number; area?: string };
  /** Owners and area approving (yes, or the leading option). */
  approving?: { count: number; area?: string };
}

/** What is still missing: first the participation quorum, then approval; null when nothing is (or rules differ). */
export interface Shortfall {
  stage: 'participation' | 'approval';
  count: bigint;
  /** Hundredths of a square metre. */
  area: bigint;
}

const hundredths = (text: string | undefined) => (text === undefined ? 0n : (parseHundredths(text) ?? 0n));

export function civilCodeShortfall(input: ShortfallInput): Shortfall | null {
  const { preset, participation, electorate } = input;
  if (preset !== 'civil-code-major' && preset !== 'civil-code-ordinary') return null;
  if (electorate?.count === undefined || electorate.area === undefined) return null;
  const count = BigInt(participation.count);
  const area = hundredths(participation.area);
  const quorum = {
    count: shortfall(count, BigInt(electorate.count), AT_LEAST_TWO_THIRDS),
    area: shortfall(area, hundredths(electorate.area), AT_LEAST_TWO_THIRDS),
  };
  if (quorum.count > 0n || quorum.area > 0n) return { stage: 'participation', ...quorum };
  if (!input.approving) return null;
  const threshold = preset === 'civil-code-major' ? AT_LEAST_THREE_QUARTERS : MORE_THAN_HALF;
  const approval = {
    count: shortfallJoining(BigInt(input.approving.count), count, threshold),
    area: shortfallJoining(hundredths(input.approving.area), area, threshold),
  };
  if (approval.count > 0n || approval.area > 0n) return { stage: 'approval', ...approval };
  return null;
}
