/**
 * What <linli-vote> sends and how it words a refusal: what stops the form before the confirmation, the ballot body
 * for the resident's choice and eligibility, and the API's errors in a resident's words (the API's own message is
 * written for developers).
 */

import { type ConsultationView, voterKey } from '../client/api';
import { LinliError } from '../client/http';
import { messages } from '../client/messages';
import type { BallotBody } from '../client/queue';
import { budgetLeft, normalizeCode } from './vote.logic';
import type { Choice } from './vote.views';

type Ballot = NonNullable<ConsultationView['ballot']>;

/** The field that stops the form from reaching the confirmation ('choice', 'budget', 'code'), or '' when none. */
export function formProblem(ballot: Ballot, choice: Pick<Choice, 'chosen' | 'allocation' | 'code'>): string {
  if (
    (ballot.method === 'yesno' || ballot.method === 'single' || ballot.method === 'multiple') &&
    !choice.chosen.length
  )
    return 'choice';
  if (ballot.method === 'budget' && budgetLeft(ballot.budget ?? 0, choice.allocation) < 0) return 'budget';
  if (ballot.method === 'budget' && budgetLeft(ballot.budget ?? 0, choice.allocation) === ballot.budget)
    return 'choice';
  if (ballot.eligibility === 'code' && !normalizeCode(choice.code)) return 'code';
  return '';
}

/** A refused ballot in a resident's words. */
export function ballotError(error: LinliError): LinliError {
  const pick = (key: 'errCodeUsed' | 'errCodeWrong' | 'errVoted' | 'errClosed' | 'errTooMany') =>
    new LinliError(error.kind, error.code, messages('zh-CN')[key], messages('en')[key], error.status, error.fields);
  const code = 'code' in error.fields;
  if (error.code === 'conflict') return pick(code ? 'errCodeUsed' : 'errVoted');
  if (error.code === 'forbidden' && code) return pick('errCodeWrong');
  if (error.code === 'gone') return pick('errClosed');
  if (error.code === 'rate_limited') return pick('errTooMany');
  return error;
}

/** The body to cast, or null when a `signed` ballot has no token (none set and the host's getToken gave none). */
export async function ballotBody(
  ballot: Ballot,
  choice: Pick<Choice, 'chosen' | 'ranking' | 'allocation' | 'code'>,
  voter: { server: string; token: string; getToken?: () => string | Promise<string> },
): Promise<BallotBody | null> {
  const body: BallotBody =
    ballot.method === 'budget'
      ? { allocation: Object.fromEntries(Object.entries(choice.allocation).filter(([, n]) => n > 0)) }
      : { choices: ballot.method === 'ranked' ? [...choice.ranking] : [...choice.chosen] };
  if (ballot.eligibility === 'code') body.code = normalizeCode(choice.code) ?? choice.code;
  else if (ballot.eligibility === 'open') body.voterKey = voterKey(voter.server);
  else {
    const token = voter.token || (voter.getToken ? await voter.getToken() : '');
    if (!token) return null;
    body.token = token;
  }
  return body;
}
