/**
 * The frozen electorate. Civil-code thresholds are judged against the roll's totals (all exclusive area, all
 * owners), so a roll edited after voting began would move the result without touching a single ballot. When the
 * first ballot of a consultation is recorded the roll is frozen: a canonical snapshot of every unit's weight, its
 * digest and totals are stored, the tally reads the frozen totals from then on, and the digest is bound into the
 * ballot box's first hash:
 *   snapshot    = canonicalJSON([[unit, areaHundredths, headcount], …])   sorted by unit, code point order
 *   digest      = sha256("linli-electorate:v1:" + snapshot)
 *   genesisHash = sha256("linli-ballot-box:" + consultationId + ":electorate:" + digest)
 * so rewriting the frozen record changes every chainHash and no longer matches the receipts residents hold, and
 * the audit recomputes the digest from the live roll to show any unit changed since.
 */
import { formatHundredths } from '@linli/core';
import type { ElectorateUnit, FrozenElectorate } from '../store/types';
import { canonicalJSON, genesisHash, sha256Hex } from './chain';

const byUnit = (a: ElectorateUnit, b: ElectorateUnit) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

/** The canonical text of a roll's weights; names are left out (they are not weights, and are personal data). */
export function electorateSnapshot(units: readonly ElectorateUnit[]): string {
  return canonicalJSON([...units].sort(byUnit).map((u) => [u.unit, u.areaHundredths.toString(), u.headcount]));
}

export const electorateDigest = (snapshot: string) => sha256Hex(`linli-electorate:v1:${snapshot}`);

export const boundGenesisHash = (consultationId: string, digest: string) =>
  sha256Hex(`linli-ballot-box:${consultationId}:electorate:${digest}`);

/** The first prevHash of the box: bound to the frozen electorate, or the plain genesis for boxes begun earlier. */
export const genesisOf = (consultationId: string, frozen: Pick<FrozenElectorate, 'digest' | 'boundToChain'> | null) =>
  frozen?.boundToChain ? boundGenesisHash(consultationId, frozen.digest) : genesisHash(consultationId);

export function parseSnapshot(snapshot: string): ElectorateUnit[] {
  return (JSON.parse(snapshot) as Array<[string, string, number]>).map(([unit, area, headcount]) => ({
    unit,
    areaHundredths: BigInt(area),
    headcount,
  }));
}

const weightText = (u: ElectorateUnit) => `${formatHundredths(u.areaHundredths)} m², ${u.headcount} owner(s)`;

/**
 * Audit lines for an electorate: the frozen record must hold together (digest, totals), and the live roll must
 * still be the roll that was frozen; each changed, added or removed unit is named.
 */
export function electorateProblems(frozen: FrozenElectorate, live: readonly ElectorateUnit[]): string[] {
  const problems: string[] = [];
  if (electorateDigest(frozen.snapshot) !== frozen.digest) {
    problems.push('roll: the frozen electorate does not match its recorded digest (the record was altered)');
  }
  const snapshot = parseSnapshot(frozen.snapshot);
  const area = snapshot.reduce((sum, u) => sum + u.areaHundredths, 0n);
  const count = snapshot.reduce((sum, u) => sum + u.headcount, 0);
  if (snapshot.length !== frozen.units || area !== frozen.area || count !== frozen.count) {
    problems.push(
      `roll: the frozen totals (${frozen.units} units, ${formatHundredths(frozen.area)} m², ${frozen.count} owners) ` +
        `do not add up to the frozen units (${snapshot.length} units, ${formatHundredths(area)} m², ${count} owners)`,
    );
  }
  const liveDigest = electorateDigest(electorateSnapshot(live));
  if (liveDigest === frozen.digest) return problems;
  problems.push(
    `roll: the voter roll changed after voting began (digest frozen ${frozen.digest.slice(0, 12)}…, now ` +
      `${liveDigest.slice(0, 12)}…): the civil-code thresholds must be judged against the frozen roll`,
  );
  const before = new Map(snapshot.map((u) => [u.unit, u]));
  const now = new Map(live.map((u) => [u.unit, u]));
  for (const [unit, was] of before) {
    const is = now.get(unit);
    if (!is) problems.push(`roll: unit ${unit} was removed after voting began (was ${weightText(was)})`);
    else if (is.areaHundredths !== was.areaHundredths || is.headcount !== was.headcount)
      problems.push(`roll: unit ${unit} changed after voting began (${weightText(was)} → ${weightText(is)})`);
  }
  for (const [unit, is] of now) {
    if (!before.has(unit)) problems.push(`roll: unit ${unit} was added after voting began (${weightText(is)})`);
  }
  return problems;
}
