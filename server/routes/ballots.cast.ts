// Casting a ballot, once for both ways the route is served: Hono's handler (ballots.handlers.ts) and the Node fast
// path in front of the app (http/ballot-fast-path.ts). Validation is the route's own (validate-once.ts `routeInputs`).
import { API_PREFIX, type BallotAccepted, type BallotRequest, isBinding, NON_BINDING_NOTICE } from '@linli/core';
import type { RouteDeps } from './deps';

export interface BallotCast {
  slug: string;
  ballot: BallotRequest;
  idempotencyKey?: string;
  clientIp: string;
}

/** A cast ballot's answer: 201 once durable, 200 for a replay; its body and `Location`. */
export interface BallotAnswer {
  status: 200 | 201;
  body: BallotAccepted;
  headers: { Location: string };
}

/** Casts one validated ballot; throws the refusals (domain errors, the open ballot's 429) as the handlers do. */
export async function castBallotAnswer(deps: RouteDeps, cast: BallotCast): Promise<BallotAnswer> {
  const { service, limiter } = deps;
  // Not the whole consultation view (it sums the roll): the cached eligibility is all a ballot needs here.
  // Answered from the desk's cache while fresh: awaited only when it is a promise (an await is a turn of its own).
  const known = service.ballotEligibility(cast.slug);
  const eligibility = typeof known === 'string' ? known : await known;
  // Only open ballots are limited per address: code and signed ballots are already one per voter, and a
  // 居委会 office where many residents vote from one network must not be throttled.
  if (eligibility === 'open') limiter.enforce('openBallot', cast.clientIp);
  const { receipt, replayed } = await service.castBallot(cast.slug, cast.ballot, {
    idempotencyKey: cast.idempotencyKey,
    clientIp: cast.clientIp,
  });
  const binding = isBinding({ eligibility });
  const body: BallotAccepted = { ...receipt, binding, replayed, ...(binding ? {} : { notice: NON_BINDING_NOTICE }) };
  return { status: replayed ? 200 : 201, body, headers: { Location: `${API_PREFIX}/receipts/${receipt.receiptId}` } };
}
