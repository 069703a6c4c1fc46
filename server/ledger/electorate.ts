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
 * the audit (domain/electorate.ts) recomputes the digest from the live roll to show any unit changed since.
 */

import { genesisText } from '@linli/core';
import { canonicalJSON, genesisHash, sha256Hex } from './chain';
import type { ElectorateUnit, FrozenElectorate } from './types';

const byUnit = (a: ElectorateUnit, b: ElectorateUnit) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

/** The canonical text of a roll's weights; names are left out (they are not weights, and are personal data). */
export function electorateSnapshot(units: readonly ElectorateUnit[]): string {
  return canonicalJSON([...units].sort(byUnit).map((u) => [u.unit, u.areaHundredths.toString(), u.headcount]));
}

export const electorateDigest = (snapshot: string) => sha256Hex(`linli-electorate:v1:${snapshot}`);

const boundGenesisHash = (consultationId: string, digest: string) => sha256Hex(genesisText(consultationId, digest));

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
