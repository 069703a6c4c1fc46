import {
  API_PREFIX,
  ConsultationCreateRequest,
  ConsultationPatchRequest,
  MilestoneCreateRequest,
  MilestoneParam,
  MilestonePatchRequest,
  PhaseChangeRequest,
  ProgressUpdateRequest,
  SlugParam,
} from '@linli/core';
import { z } from 'zod';
import { requireManager } from '../http/context';
import { params, query, readJson } from '../http/validate';
import { type RouteDeps, router } from './deps';

const ListQuery = z.object({ community: z.string().trim().min(1).max(100).optional() });

/** Reading consultations (public) and managing them: content, phases, milestones, progress (staff). */
export function consultationRoutes({ service }: RouteDeps) {
  const app = router();

  app.get('/consultations', async (c) => {
    const { community } = query(c, ListQuery);
    const consultations = await service.listConsultations({ staff: Boolean(c.get('staff')), community });
    return c.json({ consultations }, 200);
  });

  app.get('/consultations/:slug', async (c) => {
    const { slug } = params(c, SlugParam);
    return c.json(await service.getConsultation(slug, { staff: Boolean(c.get('staff')) }), 200);
  });

  app.post('/consultations', async (c) => {
    const by = requireManager(c);
    const input = await readJson(c, ConsultationCreateRequest);
    const view = await service.createConsultation(input, by);
    c.header('Location', `${API_PREFIX}/consultations/${view.slug}`);
    return c.json(view, 201);
  });

  app.patch('/consultations/:slug', async (c) => {
    const by = requireManager(c);
    const { slug } = params(c, SlugParam);
    const patch = await readJson(c, ConsultationPatchRequest);
    return c.json(await service.updateConsultation(slug, patch, by), 200);
  });

  app.post('/consultations/:slug/phase', async (c) => {
    const by = requireManager(c);
    const { slug } = params(c, SlugParam);
    const { phase } = await readJson(c, PhaseChangeRequest);
    return c.json(await service.changePhase(slug, phase, by), 200);
  });

  app.post('/consultations/:slug/milestones', async (c) => {
    requireManager(c);
    const { slug } = params(c, SlugParam);
    const input = await readJson(c, MilestoneCreateRequest);
    return c.json(await service.addMilestone(slug, input), 201);
  });

  app.patch('/consultations/:slug/milestones/:milestoneId', async (c) => {
    requireManager(c);
    const { slug, milestoneId } = params(c, MilestoneParam);
    const patch = await readJson(c, MilestonePatchRequest);
    return c.json(await service.updateMilestone(slug, milestoneId, patch), 200);
  });

  app.post('/consultations/:slug/updates', async (c) => {
    const by = requireManager(c);
    const { slug } = params(c, SlugParam);
    const input = await readJson(c, ProgressUpdateRequest);
    return c.json(await service.addProgressUpdate(slug, input, by), 201);
  });

  return app;
}
