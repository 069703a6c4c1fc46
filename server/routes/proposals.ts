import {
  ClaimRequest,
  ModerationRequest,
  ProposalIdParam,
  ProposalListQuery,
  ProposalSubmitRequest,
  SlugParam,
  SupportRequest,
} from '@linli/core';
import { requireStaff } from '../http/context';
import { params, query, readJson } from '../http/validate';
import { type RouteDeps, router } from './deps';

/** Residents' proposals and 微心愿: list, submit, support, claim; staff moderate. */
export function proposalRoutes({ service }: RouteDeps) {
  const app = router();

  app.get('/consultations/:slug/proposals', async (c) => {
    const { slug } = params(c, SlugParam);
    const { kind, status } = query(c, ProposalListQuery);
    const proposals = await service.listProposals(slug, { kind, status, staff: Boolean(c.get('staff')) });
    return c.json({ proposals }, 200);
  });

  app.post('/consultations/:slug/proposals', async (c) => {
    const { slug } = params(c, SlugParam);
    const input = await readJson(c, ProposalSubmitRequest);
    return c.json(await service.submitProposal(slug, input), 201);
  });

  app.post('/proposals/:id/support', async (c) => {
    const { id } = params(c, ProposalIdParam);
    const { voterKey } = await readJson(c, SupportRequest);
    return c.json(await service.supportProposal(id, voterKey), 200);
  });

  app.post('/proposals/:id/claim', async (c) => {
    const { id } = params(c, ProposalIdParam);
    const { claimedBy } = await readJson(c, ClaimRequest);
    return c.json(await service.claimProposal(id, claimedBy), 200);
  });

  app.patch('/proposals/:id', async (c) => {
    const by = requireStaff(c);
    const { id } = params(c, ProposalIdParam);
    const action = await readJson(c, ModerationRequest);
    return c.json(await service.moderateProposal(id, action, by), 200);
  });

  return app;
}
