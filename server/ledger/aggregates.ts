/**
 * The running totals a ballot box keeps beside its chain: the store folds each committed batch into them inside
 * the same transaction, and the audit recounts from the ballots. Plain core tally code, below both store and
 * domain, so the SQLite writer thread (store/sqlite-writer.worker.ts) can fold ballots exactly as the main thread
 * does.
 */
import {
  type Aggregate,
  addBallot,
  aggregateFromJSON,
  aggregateToJSON,
  type CountableBallot,
  emptyAggregate,
  type TallySpec,
} from '@linli/core';
import type { BallotContent, BallotWeight } from './types';

export const countable = (content: BallotContent, weight: BallotWeight): CountableBallot => ({
  choices: content.choices ?? [],
  ...(content.allocation ? { allocation: content.allocation } : {}),
  weight: { area: weight.areaHundredths ?? 0n, count: BigInt(weight.count) },
});

/**
 * The reducer a store folds each batch into (it satisfies store/types' AggregateReducer). Specs are registered by
 * the service before it queues a ballot (a consultation's options cannot change once ballots exist, so a spec
 * never goes stale).
 */
export class AggregateRegistry {
  private readonly specs = new Map<string, TallySpec>();

  register(consultationId: string, spec: TallySpec) {
    this.specs.set(consultationId, spec);
  }

  spec(consultationId: string): TallySpec {
    const spec = this.specs.get(consultationId);
    if (!spec) throw new Error(`no tally spec registered for consultation ${consultationId}`);
    return spec;
  }

  load(consultationId: string, json: unknown | null): unknown {
    return json === null ? emptyAggregate(this.spec(consultationId)) : aggregateFromJSON(json);
  }
  add(consultationId: string, state: unknown, ballot: { content: BallotContent; weight: BallotWeight }) {
    addBallot(state as Aggregate, this.spec(consultationId), countable(ballot.content, ballot.weight));
  }
  save(_consultationId: string, state: unknown): unknown {
    return aggregateToJSON(state as Aggregate);
  }
}

/** Recounts stored ballots from scratch (the audit's independent second count). */
export function recount(
  spec: TallySpec,
  ballots: Iterable<{ content: BallotContent; weight: BallotWeight }>,
): Aggregate {
  const aggregate = emptyAggregate(spec);
  for (const b of ballots) addBallot(aggregate, spec, countable(b.content, b.weight));
  return aggregate;
}
