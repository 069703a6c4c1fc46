/**
 * Auditing the frozen electorate (its hashing lives in ledger/electorate.ts, below the store that writes it).
 */
import { formatHundredths } from '@linli/core';
import { electorateDigest, electorateSnapshot, parseSnapshot } from '../ledger/electorate';
import type { ElectorateUnit, FrozenElectorate } from '../ledger/types';

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
