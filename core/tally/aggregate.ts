import type { CountableBallot, TallySpec, Weight } from './read';

export interface OptionTotal {
  count: bigint;
  area: bigint;
  /** Budget points (points × the ballot's count weight). */
  points: bigint;
}

/**
 * Running totals of a ballot box. Adding a ballot is O(choices), and the result is read from the totals, so the
 * server keeps one of these per consultation and never recounts. Addition is commutative: ballot order cannot
 * change anything.
 */
export interface Aggregate {
  ballots: number;
  participation: Weight;
  options: Record<string, OptionTotal>;
  /** Ranked ballots grouped by their exact ranking (key: ids joined by "\u001f"), weighted by count. */
  rankings: Record<string, bigint>;
}

export function emptyAggregate(spec: Pick<TallySpec, 'options'>): Aggregate {
  const options: Record<string, OptionTotal> = {};
  for (const o of spec.options) options[o.id] = { count: 0n, area: 0n, points: 0n };
  return { ballots: 0, participation: { area: 0n, count: 0n }, options, rankings: {} };
}

const RANK_SEPARATOR = '\u001f';
export const rankingKey = (choices: readonly string[]) =>
  choices.length === 1 ? choices[0]! : choices.join(RANK_SEPARATOR);
export const rankingFromKey = (key: string) => key.split(RANK_SEPARATOR);

/** Adds one ballot in place. A ballot's whole weight goes to each option it names: a unit is never split. */
export function addBallot(aggregate: Aggregate, spec: Pick<TallySpec, 'method'>, ballot: CountableBallot): void {
  const { weight } = ballot;
  aggregate.ballots += 1;
  aggregate.participation.area += weight.area;
  aggregate.participation.count += weight.count;
  if (spec.method === 'budget') {
    for (const [id, points] of Object.entries(ballot.allocation ?? {})) {
      const total = aggregate.options[id]!;
      total.points += BigInt(points) * weight.count;
      if (points > 0) {
        total.count += weight.count;
        total.area += weight.area;
      }
    }
    return;
  }
  if (spec.method === 'ranked') {
    const key = rankingKey(ballot.choices);
    aggregate.rankings[key] = (aggregate.rankings[key] ?? 0n) + weight.count;
  }
  // For ranked ballots the per-option totals hold first preferences.
  const counted = spec.method === 'ranked' ? Math.min(1, ballot.choices.length) : ballot.choices.length;
  for (let i = 0; i < counted; i++) {
    const total = aggregate.options[ballot.choices[i]!]!;
    total.count += weight.count;
    total.area += weight.area;
  }
}

/** Ballots per exact ranking, kept as a tree of choices so that counting one allocates nothing once it is seen. */
interface RankingNode {
  ballots: number;
  next: Map<string, RankingNode> | null;
}

/**
 * Counts many ballots into `aggregate`: ballots of one owner with no area (the common case) are summed in plain
 * integers and added as BigInt once, at `flush()`; every other ballot goes through `addBallot`. A BigInt addition
 * per ballot allocates, and on 100,000 ballots the collector cost more than the count. Still exact: each plain sum
 * grows by one per ballot, far below 2^53. Rankings are counted in a tree of choices rather than by their joined
 * key, for the same reason: the key (a new string per ballot) is built once per distinct ranking, at `flush()`.
 */
export function ballotCounter(aggregate: Aggregate, spec: Pick<TallySpec, 'method'>) {
  const firstOnly = spec.method === 'ranked';
  let owners = 0;
  const perOption = new Map<string, number>();
  const rankings: RankingNode = { ballots: 0, next: null };
  const addParts = (choices: string[], allocation: Record<string, number> | undefined, weight: Weight): void => {
    if (spec.method === 'budget' || weight.area !== 0n || weight.count !== 1n) {
      addBallot(aggregate, spec, { choices, ...(allocation ? { allocation } : {}), weight });
      return;
    }
    aggregate.ballots += 1;
    owners += 1;
    if (firstOnly) {
      let node = rankings;
      for (let i = 0; i < choices.length; i++) {
        node.next ??= new Map();
        let child = node.next.get(choices[i]!);
        if (!child) {
          child = { ballots: 0, next: null };
          node.next.set(choices[i]!, child);
        }
        node = child;
      }
      node.ballots += 1;
    }
    const counted = firstOnly ? Math.min(1, choices.length) : choices.length;
    for (let i = 0; i < counted; i++) {
      const id = choices[i]!;
      perOption.set(id, (perOption.get(id) ?? 0) + 1);
    }
  };
  const flushRankings = (node: RankingNode, path: string[]) => {
    if (node.ballots > 0) {
      const key = rankingKey(path);
      aggregate.rankings[key] = (aggregate.rankings[key] ?? 0n) + BigInt(node.ballots);
      node.ballots = 0;
    }
    if (!node.next) return;
    for (const [id, child] of node.next) {
      path.push(id);
      flushRankings(child, path);
      path.pop();
    }
  };
  return {
    add(ballot: CountableBallot): void {
      addParts(ballot.choices, ballot.allocation, ballot.weight);
    },
    /** `add` for a ballot not held in an object (the tally file reader makes none). */
    addParts,
    /** Adds the plain sums to the aggregate; call once, after the last ballot. */
    flush(): void {
      aggregate.participation.count += BigInt(owners);
      for (const [id, n] of perOption) aggregate.options[id]!.count += BigInt(n);
      flushRankings(rankings, []);
      rankings.next = null;
      owners = 0;
      perOption.clear();
    },
  };
}

/** JSON-safe form (BigInt as decimal strings) so a store can persist running totals. */
export function aggregateToJSON(aggregate: Aggregate): unknown {
  return JSON.parse(JSON.stringify(aggregate, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)));
}

export function aggregateFromJSON(json: unknown): Aggregate {
  const raw = json as {
    ballots: number;
    participation: { area: string; count: string };
    options: Record<string, { count: string; area: string; points: string }>;
    rankings: Record<string, string>;
  };
  const options: Record<string, OptionTotal> = {};
  for (const [id, t] of Object.entries(raw.options)) {
    options[id] = { count: BigInt(t.count), area: BigInt(t.area), points: BigInt(t.points) };
  }
  const rankings: Record<string, bigint> = {};
  for (const [key, w] of Object.entries(raw.rankings)) rankings[key] = BigInt(w);
  return {
    ballots: raw.ballots,
    participation: { area: BigInt(raw.participation.area), count: BigInt(raw.participation.count) },
    options,
    rankings,
  };
}
