// Consultations: what the world sees — paths, inputs, one answer per status. No logic.
import { createRoute } from '@hono/zod-openapi';
import { ConsultationListQuery, ConsultationQuery, MilestoneParam, SlugParam } from '@linli/core';
import { errors, json, jsonBody, STAFF, writeErrors } from './openapi';
import * as s from './schemas';

const tags = ['consultations'];

export const listConsultations = createRoute({
  method: 'get',
  path: '/consultations',
  tags,
  summary: 'List consultations, newest first (drafts only for staff); `community` narrows to one 小区',
  request: { query: ConsultationListQuery },
  responses: { 200: json(s.ConsultationList, 'the consultations'), ...errors(400) },
});

export const getConsultation = createRoute({
  method: 'get',
  path: '/consultations/{slug}',
  tags,
  summary:
    'One consultation: document, effective progress, whether voting is open; `include=tally` adds its tally (in `lang`)',
  request: { params: SlugParam, query: ConsultationQuery },
  responses: {
    200: json(s.ConsultationRead, 'the consultation (with `tally` when asked and it has a ballot)'),
    ...errors(400, 404),
  },
});

export const createConsultation = createRoute({
  method: 'post',
  path: '/consultations',
  tags,
  summary: 'Create a consultation (staff)',
  security: STAFF,
  request: { body: jsonBody(s.ConsultationCreateRequest) },
  responses: {
    201: json(s.ConsultationView, 'created; `Location` names it'),
    ...writeErrors(409),
  },
});

export const updateConsultation = createRoute({
  method: 'patch',
  path: '/consultations/{slug}',
  tags,
  summary: 'Change a consultation (staff); the ballot only before voting starts',
  security: STAFF,
  request: { params: SlugParam, body: jsonBody(s.ConsultationPatchRequest) },
  responses: { 200: json(s.ConsultationView, 'changed'), ...writeErrors(404, 409) },
});

export const changePhase = createRoute({
  method: 'post',
  path: '/consultations/{slug}/phase',
  tags,
  summary: 'Move the consultation forward to a later phase (staff; phases may be skipped, never reordered)',
  security: STAFF,
  request: { params: SlugParam, body: jsonBody(s.PhaseChangeRequest) },
  responses: { 200: json(s.ConsultationView, 'moved'), ...writeErrors(404, 409) },
});

export const addMilestone = createRoute({
  method: 'post',
  path: '/consultations/{slug}/milestones',
  tags,
  summary: 'Add a milestone (staff)',
  security: STAFF,
  request: { params: SlugParam, body: jsonBody(s.MilestoneCreateRequest) },
  responses: { 201: json(s.Milestone, 'added'), ...writeErrors(404, 409) },
});

export const updateMilestone = createRoute({
  method: 'patch',
  path: '/consultations/{slug}/milestones/{milestoneId}',
  tags,
  summary: 'Change a milestone, e.g. mark it done (staff)',
  security: STAFF,
  request: { params: MilestoneParam, body: jsonBody(s.MilestonePatchRequest) },
  responses: { 200: json(s.Milestone, 'changed'), ...writeErrors(404) },
});

export const addProgressUpdate = createRoute({
  method: 'post',
  path: '/consultations/{slug}/updates',
  tags,
  summary: 'Post a progress update, optionally setting manual progress (staff)',
  security: STAFF,
  request: { params: SlugParam, body: jsonBody(s.ProgressUpdateRequest) },
  responses: { 201: json(s.ProgressUpdate, 'posted'), ...writeErrors(404) },
});
