// Consultations: each handler turns a validated request into one domain call and a typed answer.
import { API_PREFIX } from '@linli/core';
import { requireManager } from '../http/context';
import type * as routes from './consultations.routes';
import type { AppRouteHandler } from './openapi';

export const listConsultations: AppRouteHandler<typeof routes.listConsultations> = async (c) => {
  const { community } = c.req.valid('query');
  const consultations = await c.var.deps.service.listConsultations({ staff: Boolean(c.var.staff), community });
  return c.json({ consultations }, 200);
};

export const getConsultation: AppRouteHandler<typeof routes.getConsultation> = async (c) => {
  const { slug } = c.req.valid('param');
  const { include, lang } = c.req.valid('query');
  const { service } = c.var.deps;
  const staff = Boolean(c.var.staff);
  const view = await service.getConsultation(slug, { staff });
  // A vote widget's first render in one round trip: the tally rides along when asked for and there is a ballot.
  if (include !== 'tally' || !view.ballot) return c.json(view, 200);
  return c.json({ ...view, tally: await service.getTally(slug, { staff, lang }) }, 200);
};

export const createConsultation: AppRouteHandler<typeof routes.createConsultation> = async (c) => {
  const by = requireManager(c);
  const view = await c.var.deps.service.createConsultation(c.req.valid('json'), by);
  c.header('Location', `${API_PREFIX}/consultations/${view.slug}`);
  return c.json(view, 201);
};

export const updateConsultation: AppRouteHandler<typeof routes.updateConsultation> = async (c) => {
  const by = requireManager(c);
  const { slug } = c.req.valid('param');
  return c.json(await c.var.deps.service.updateConsultation(slug, c.req.valid('json'), by), 200);
};

export const changePhase: AppRouteHandler<typeof routes.changePhase> = async (c) => {
  const by = requireManager(c);
  const { slug } = c.req.valid('param');
  return c.json(await c.var.deps.service.changePhase(slug, c.req.valid('json').phase, by), 200);
};

export const addMilestone: AppRouteHandler<typeof routes.addMilestone> = async (c) => {
  requireManager(c);
  const { slug } = c.req.valid('param');
  return c.json(await c.var.deps.service.addMilestone(slug, c.req.valid('json')), 201);
};

export const updateMilestone: AppRouteHandler<typeof routes.updateMilestone> = async (c) => {
  requireManager(c);
  const { slug, milestoneId } = c.req.valid('param');
  return c.json(await c.var.deps.service.updateMilestone(slug, milestoneId, c.req.valid('json')), 200);
};

export const addProgressUpdate: AppRouteHandler<typeof routes.addProgressUpdate> = async (c) => {
  const by = requireManager(c);
  const { slug } = c.req.valid('param');
  return c.json(await c.var.deps.service.addProgressUpdate(slug, c.req.valid('json'), by), 201);
};
