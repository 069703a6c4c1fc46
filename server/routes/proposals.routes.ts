// Proposals and 微心愿: what the world sees — paths, inputs, one answer per status. No logic.
import { createRoute } from '@hono/zod-openapi';
import { ProposalIdParam, ProposalListQuery, SlugParam } from '@linli/core';
import { errors, json, jsonBody, STAFF, writeErrors } from './openapi';
import * as s from './schemas';

const tags = ['proposals'];

export const listProposals = createRoute({
  method: 'get',
  path: '/consultations/{slug}/proposals',
  tags,
  summary: 'Proposals and 微心愿 of a consultation (public statuses; others for staff)',
  request: { params: SlugParam, query: ProposalListQuery },
  responses: { 200: json(s.ProposalList, 'the proposals'), ...errors(400, 403, 404) },
});

export const submitProposal = createRoute({
  method: 'post',
  path: '/consultations/{slug}/proposals',
  tags,
  summary: 'Submit a proposal or 微心愿 (pending moderation unless the board publishes at once)',
  request: { params: SlugParam, body: jsonBody(s.ProposalSubmitRequest) },
  responses: { 201: json(s.Proposal, 'submitted'), ...writeErrors(404, 410) },
});

export const supportProposal = createRoute({
  method: 'post',
  path: '/proposals/{id}/support',
  tags,
  summary: 'Support a proposal (one support per browser key)',
  request: { params: ProposalIdParam, body: jsonBody(s.SupportRequest) },
  responses: { 200: json(s.Proposal, 'supported'), ...writeErrors(404, 409) },
});

export const claimProposal = createRoute({
  method: 'post',
  path: '/proposals/{id}/claim',
  tags,
  summary: 'Claim a published 微心愿',
  request: { params: ProposalIdParam, body: jsonBody(s.ClaimRequest) },
  responses: { 200: json(s.Proposal, 'claimed'), ...writeErrors(404, 409) },
});

export const moderateProposal = createRoute({
  method: 'patch',
  path: '/proposals/{id}',
  tags,
  summary: 'Moderate: publish, reject, merge, adopt, done (staff; a department only marks done a wish it claimed)',
  security: STAFF,
  request: { params: ProposalIdParam, body: jsonBody(s.ModerationRequest) },
  responses: { 200: json(s.Proposal, 'moderated'), ...writeErrors(404, 409) },
});
