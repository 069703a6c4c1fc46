import { router } from './openapi';
import * as h from './proposals.handlers';
import * as r from './proposals.routes';

/** Residents' proposals and 微心愿: list, submit, support, claim; staff moderate. */
export const proposals = () =>
  router()
    .openapi(r.listProposals, h.listProposals)
    .openapi(r.submitProposal, h.submitProposal)
    .openapi(r.supportProposal, h.supportProposal)
    .openapi(r.claimProposal, h.claimProposal)
    .openapi(r.moderateProposal, h.moderateProposal);
