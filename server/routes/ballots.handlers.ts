// Ballots: each handler turns a validated request into a domain call and a typed answer.
import { answerJson } from '../http/security';
import { castBallotAnswer } from './ballots.cast';
import type * as routes from './ballots.routes';
import type { AppRouteHandler } from './openapi';

const BALLOT_BOX_PAGE = 1000;

export const castBallot: AppRouteHandler<typeof routes.castBallot> = async (c) => {
  // c.get, not c.var: Hono builds a whole object from its variables on every `c.var` read.
  const { status, body, headers } = await castBallotAnswer(c.get('deps'), {
    slug: c.req.valid('param').slug,
    ballot: c.req.valid('json'),
    idempotencyKey: c.req.valid('header')['idempotency-key'],
    clientIp: c.get('clientIp'),
  });
  // Built with its headers in one plain object (http/security.ts): the hot path of a vote.
  return status === 200 ? answerJson(c, body, 200, headers) : answerJson(c, body, 201, headers);
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
