import { type Aggregate, rankingFromKey } from './aggregate';

export interface IrvRound {
  counts: Record<string, bigint>;
  exhausted: bigint;
  eliminated: string[];
}

export interface IrvOutcome {
  rounds: IrvRound[];
  winner: string | null;
  /** The options still tied when no tie-break could separate them. */
  tied: string[];
}

/**
 * Instant-runoff over ballots weighted by headcount. Each round counts every ballot for its highest-ranked
 * continuing option; an option with more than half of the continuing ballots wins.
 *
 * Tie rule for elimination (documented in README): among the options with the fewest votes, the one with fewer
 * votes in the most recent earlier round where they differ is eliminated (backwards tie-breaking). If they were
 * equal in every round, all of them are eliminated together, unless that would leave no option at all: then the
 * count ends in a tie and there is no winner. The rule never looks at ballot order or option order.
 */
export function instantRunoff(optionIds: readonly string[], aggregate: Aggregate): IrvOutcome {
  const rankings = Object.entries(aggregate.rankings).map(([key, weight]) => ({ order: rankingFromKey(key), weight }));
  const continuing = new Set(optionIds);
  const rounds: IrvRound[] = [];

  while (continuing.size > 0) {
    const counts: Record<string, bigint> = {};
    for (const id of continuing) counts[id] = 0n;
    let exhausted = 0n;
    for (const { order, weight } of rankings) {
      const top = order.find((id) => continuing.has(id));
      if (top === undefined) exhausted += weight;
      else counts[top]! += weight;
    }
    const round: IrvRound = { counts, exhausted, eliminated: [] };
    rounds.push(round);
    const active = Object.values(counts).reduce((a, b) => a + b, 0n);
    if (active === 0n) return { rounds, winner: null, tied: [...continuing] };

    const leader = [...continuing].find((id) => counts[id]! * 2n > active);
    if (leader) return { rounds, winner: leader, tied: [] };
    if (continuing.size === 1) return { rounds, winner: [...continuing][0]!, tied: [] };

    const fewest = [...continuing].reduce((min, id) => (counts[id]! < min ? counts[id]! : min), active);
    let lowest = [...continuing].filter((id) => counts[id] === fewest);
    for (let back = rounds.length - 2; back >= 0 && lowest.length > 1; back--) {
      const earlier = rounds[back]!.counts;
      const min = lowest.reduce((m, id) => (earlier[id]! < m ? earlier[id]! : m), earlier[lowest[0]!]!);
      lowest = lowest.filter((id) => earlier[id] === min);
    }
    if (lowest.length === continuing.size) return { rounds, winner: null, tied: lowest };
    round.eliminated = lowest;
    for (const id of lowest) continuing.delete(id);
  }
  return { rounds, winner: null, tied: [] };
}
