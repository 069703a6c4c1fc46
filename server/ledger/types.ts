/**
 * The values the ballot box hashes, shared by the store (which writes the chain inside its transaction) and the
 * domain (which audits it). Plain data only: this layer sits below both and imports neither.
 */

/** One unit's weight in the electorate. */
export interface ElectorateUnit {
  unit: string;
  areaHundredths: bigint;
  headcount: number;
}

/** The roll as it stood when the first ballot was recorded (see electorate.ts). */
export interface FrozenElectorate {
  /** sha256 of the snapshot: bound into the ballot box's genesis hash when `boundToChain`. */
  digest: string;
  /** Canonical JSON `[[unit, areaHundredths, headcount], …]`, sorted by unit. */
  snapshot: string;
  units: number;
  /** Hundredths of m². */
  area: bigint;
  count: number;
  /** False for boxes begun before electorates were frozen: recorded at upgrade, the chain's genesis is the plain one. */
  boundToChain: boolean;
  frozenAt: string;
}

/** The public content of a ballot, exactly what is hashed into the ballot box. */
export interface BallotContent {
  choices?: string[];
  allocation?: Record<string, number>;
}

export interface BallotWeight {
  /** Hundredths of m², or null when the ballot carries no area (open ballots, signed tokens without one). */
  areaHundredths: bigint | null;
  count: number;
}
