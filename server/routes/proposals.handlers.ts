// Proposals and 微心愿: each handler turns a validated request into one domain call and a typed answer.
import { requireStaff } from '../http/context';
import type { AppRouteHandler } from './openapi';
import type * as routes from './proposals.routes';

export const listProposals: AppRouteHandler<typeof routes.listProposals> = async (c) => {
  const { slug } = c.req.valid('param');
  const { kind, status } = c.req.valid('query');
  const proposals = await c.var.deps.service.listProposals(slug, { kind, status, staff: Boolean(c.var.staff) });
  return c.json({ proposals }, 200);
};

export const submitProposal: AppRouteHandler<typeof routes.submitProposal> = async (c) => {
  const { slug } = c.req.valid('param');
  return c.json(await c.var.deps.service.submitProposal(slug, c.req.valid('json')), 201);
};

export const supportProposal: AppRouteHandler<typeof routes.supportProposal> = async (c) => {
  const { id } = c.req.valid('param');
  return c.json(await c.var.deps.service.supportProposal(id, c.req.valid('json').voterKey), 200);
};

export const claimProposal: AppRouteHandler<typeof routes.claimProposal> = async (c) => {
  const { id } = c.req.valid('param');
  return c.json(await c.var.deps.service.claimProposal(id, c.req.valid('json').claimedBy), 200);
};

export const moderateProposal: AppRouteHandler<typeof routes.moderateProposal> = async (c) => {
  const by = requireStaff(c);
  const { id } = c.req.valid('param');
  return c.json(await c.var.deps.service.moderateProposal(id, c.req.valid('json'), by), 200);
};
