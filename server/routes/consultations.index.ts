import * as h from './consultations.handlers';
import * as r from './consultations.routes';
import { router } from './openapi';

/** Reading consultations (public) and managing them: content, phases, milestones, progress (staff). */
export const consultations = () =>
  router()
    .openapi(r.listConsultations, h.listConsultations)
    .openapi(r.getConsultation, h.getConsultation)
    .openapi(r.createConsultation, h.createConsultation)
    .openapi(r.updateConsultation, h.updateConsultation)
    .openapi(r.changePhase, h.changePhase)
    .openapi(r.addMilestone, h.addMilestone)
    .openapi(r.updateMilestone, h.updateMilestone)
    .openapi(r.addProgressUpdate, h.addProgressUpdate);
