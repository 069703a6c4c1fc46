// Ballots: each handler turns a validated request into a domain call and a typed answer.
import { API_PREFIX, isBinding, NON_BINDING_NOTICE } from '@linli/core';
import { answerJson } from '../http/security';
import type * as routes from './ballots.routes';
import type { AppRouteHandler } from './openapi';

const BALLOT_BOX_PAGE = 1000;

export const castBallot: AppRouteHandler<typeof routes.castBallot> = async (c) => {
  // c.get, not c.var: Hono builds a whole object from its variables on every `c.var` read.
  const { service, limiter } = c.get('deps');
  const { slug } = c.req.valid('param');
  const idempotencyKey = c.req.valid('header')['idempotency-key'];
  // Not the whole consultation view (it sums the roll): the cached eligibility is all a ballot needs here.
  // Answered from the desk's cache while fresh: awaited only when it is a promise (an await is a turn of its own).
  const known = service.ballotEligibility(slug);
  const eligibility = typeof known === 'string' ? known : await known;
  const open = eligibility === 'open';
  const clientIp = c.get('clientIp');
  // Only open ballots are limited per address: code and signed ballots are already one per voter, and a
  // 居委会 office where many residents vote from one network must not be throttled.
  if (open) limiter.enforce('openBallot', clientIp);
  const { receipt, replayed } = await service.castBallot(slug, c.req.valid('json'), { idempotencyKey, clientIp });
  const binding = isBinding({ eligibility });
  const body = { ...receipt, binding, replayed, ...(binding ? {} : { notice: NON_BINDING_NOTICE }) };
  // Built with its headers in one plain object (http/security.ts): the hot path of a vote.
  const headers = { Location: `${API_PREFIX}/receipts/${receipt.receiptId}` };
  return replayed ? answerJson(c, body, 200, headers) : answerJson(c, body, 201, headers);
};

export const getTally: AppRouteHandler<typeof routes.getTally> = async (c) => {
  const { slug } = c.req.valid('param');
  const { lang } = c.req.valid('query');
  return c.json(await c.var.deps.service.getTally(slug, { staff: Boolean(c.var.staff), lang }), 200);
};

export const getReceipt: AppRouteHandler<typeof routes.getReceipt> = async (c) => {
  const { receiptId } = c.req.valid('param');
  return c.json(await c.var.deps.service.getReceipt(receiptId), 200);
};

export const getBallotBox: AppRouteHandler<typeof routes.getBallotBox> = async (c) => {
  const { service } = c.var.deps;
  const { slug } = c.req.valid('param');
  const { after, limit = BALLOT_BOX_PAGE } = c.req.valid('query');
  const entries = await service.getBallotBox(slug, { after, limit });
  const electorate = await service.getFrozenElectorate(slug);
  const next = entries.length === limit ? (entries.at(-1)?.seq ?? null) : null;
  const { ballotBox, head } = await service.getBallotBoxHead(slug);
  return c.json({ slug, electorate, ballotBox, head, entries, next }, 200);
};
