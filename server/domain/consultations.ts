/**
 * Consultations: the documents, their forward-only phases, milestones and progress updates.
 */

import type {
  ConsultationCreateInput,
  ConsultationPatchInput,
  ConsultationSummary,
  ConsultationView,
  MilestoneCreateRequest,
  MilestonePatchRequest,
  ProgressUpdateRequest,
} from '@linli/core';
import {
  Consultation,
  effectiveProgress,
  formatHundredths,
  isBinding,
  Milestone,
  type Phase,
  Phase as PhaseSchema,
  ProgressUpdate,
  phaseChangeError,
  phaseIndex,
} from '@linli/core';
import { z } from 'zod';
import type { ConsultationDoc, ConsultationRecord } from '../store/types';
import { type DomainContext, isoNow, newId, parseWith, requireConsultation } from './context';
import { DomainError, type StaffIdentity } from './service';
import { storeWrite } from './store-refusals';

/** Whether a ballot is accepted at `now`: phase voting and inside opensAt/closesAt. Null when open, else why not. */
export function votingClosedReason(record: Pick<ConsultationRecord, 'phase' | 'doc'>, now: Date): string | null {
  const def = record.doc.ballot;
  if (!def) return 'this consultation has no ballot';
  if (record.phase !== 'voting') {
    return phaseIndex(record.phase) < phaseIndex('voting')
      ? `voting has not started yet (the consultation is in phase "${record.phase}")`
      : `voting has ended (the consultation is in phase "${record.phase}")`;
  }
  if (def.opensAt && now < new Date(def.opensAt)) return `voting opens at ${def.opensAt}`;
  if (def.closesAt && now >= new Date(def.closesAt)) return `voting closed at ${def.closesAt}`;
  return null;
}

export async function viewOf(ctx: DomainContext, record: ConsultationRecord): Promise<ConsultationView> {
  const totals = await ctx.store.rollTotals(record.id);
  const view: ConsultationView = {
    ...(record.doc as Consultation),
    phase: record.phase,
    milestones: record.milestones,
    updates: record.updates,
    progress: effectiveProgress(record.milestones, record.progressManual),
    progressManual: record.progressManual !== null,
    ballots: record.ballots,
    votingOpen: votingClosedReason(record, ctx.now()) === null,
    autoPublish: record.autoPublish,
  };
  if (record.doc.ballot) view.binding = isBinding(record.doc.ballot);
  if (totals) view.electorate = { units: totals.units, area: formatHundredths(totals.area), count: totals.count };
  return view;
}

function splitDoc(c: Consultation): ConsultationDoc {
  const { milestones: _m, updates: _u, progress: _p, phase: _ph, ...doc } = c;
  return doc;
}

export async function createConsultation(ctx: DomainContext, input: ConsultationCreateInput) {
  const at = isoNow(ctx);
  const progressManual = input.progress ?? null;
  const milestones = (Array.isArray(input.milestones) ? input.milestones : []).map((m) => ({ id: newId('m'), ...m }));
  const doc = parseWith(Consultation, {
    ...input,
    id: newId('c'),
    milestones: input.milestones === undefined ? [] : milestones,
    progress: progressManual ?? 0,
    updates: [],
    meetings: [],
    createdAt: at,
    updatedAt: at,
  });
  const autoPublish = parseWith(z.boolean().optional(), input.autoPublish, 'autoPublish') ?? false;
  if (phaseIndex(doc.phase) === phaseIndex('voting') && !doc.ballot) {
    throw new DomainError('invalid', 'a consultation in phase "voting" needs a ballot', { field: 'ballot' });
  }
  await storeWrite(
    ctx.store.insertConsultation({
      id: doc.id,
      slug: doc.slug,
      phase: doc.phase,
      doc: splitDoc(doc),
      progressManual,
      autoPublish,
      milestones: doc.milestones,
      updates: [],
      createdAt: at,
      updatedAt: at,
    }),
  );
  ctx.invalidate(doc.slug);
  return viewOf(ctx, (await ctx.store.getConsultationById(doc.id))!);
}

export async function updateConsultation(ctx: DomainContext, slug: string, patch: ConsultationPatchInput) {
  const record = await requireConsultation(ctx, slug);
  if (patch.ballot !== undefined && (record.ballots > 0 || phaseIndex(record.phase) >= phaseIndex('voting'))) {
    throw new DomainError('conflict', 'the ballot cannot change once voting has started', { field: 'ballot' });
  }
  const at = isoNow(ctx);
  const progressManual = patch.progress === undefined ? record.progressManual : (patch.progress ?? null);
  const { progress: _p, autoPublish: _a, ...fields } = patch;
  const doc = parseWith(Consultation, {
    ...record.doc,
    ...fields,
    phase: record.phase,
    milestones: record.milestones,
    updates: record.updates,
    progress: progressManual ?? 0,
    updatedAt: at,
  });
  const autoPublish = parseWith(z.boolean().optional(), patch.autoPublish, 'autoPublish') ?? record.autoPublish;
  await ctx.store.updateConsultation(record.id, { doc: splitDoc(doc), progressManual, autoPublish, updatedAt: at });
  ctx.invalidate(slug);
  const view = await viewOf(ctx, (await ctx.store.getConsultationById(record.id))!);
  if (patch.progress !== undefined) ctx.emit({ type: 'progress', slug, data: progressData(view) });
  return view;
}

export async function changePhase(ctx: DomainContext, slug: string, to: Phase) {
  const target = parseWith(PhaseSchema, to, 'phase');
  const record = await requireConsultation(ctx, slug);
  const refusal = phaseChangeError(record.phase, target);
  if (refusal) throw new DomainError('conflict', refusal, { field: 'phase' });
  if (target === 'voting' && !record.doc.ballot) {
    throw new DomainError('conflict', 'a consultation without a ballot cannot enter phase "voting"', {
      field: 'phase',
    });
  }
  // Compare-and-set: if another request moved the phase meanwhile, re-check against what it is now.
  if (!(await ctx.store.setPhase(record.id, record.phase, target, isoNow(ctx)))) {
    ctx.invalidate(slug);
    return changePhase(ctx, slug, target);
  }
  ctx.invalidate(slug);
  ctx.emit({ type: 'phase', slug, data: { phase: target, from: record.phase } });
  return viewOf(ctx, (await ctx.store.getConsultationById(record.id))!);
}

export async function listConsultations(ctx: DomainContext, options: { staff?: boolean; community?: string } = {}) {
  const records = await ctx.store.listConsultations();
  return records
    .filter(
      (r) => (options.staff || r.phase !== 'draft') && (!options.community || r.doc.community === options.community),
    )
    .map(
      (r): ConsultationSummary => ({
        slug: r.slug,
        title: r.doc.title,
        summary: r.doc.summary,
        community: r.doc.community,
        phase: r.phase,
        progress: effectiveProgress(r.milestones, r.progressManual),
        ...(r.doc.ballot ? { method: r.doc.ballot.method } : {}),
        updatedAt: r.updatedAt,
      }),
    );
}

function progressData(view: ConsultationView, update?: ProgressUpdate) {
  return { progress: view.progress, milestones: view.milestones, ...(update ? { update } : {}) };
}

export async function addMilestone(ctx: DomainContext, slug: string, input: MilestoneCreateRequest) {
  const record = await requireConsultation(ctx, slug);
  if (record.milestones.length >= 200) throw new DomainError('conflict', 'a consultation holds at most 200 milestones');
  const milestone = parseWith(Milestone, { ...(input as object), id: newId('m') });
  await ctx.store.upsertMilestone(record.id, milestone, isoNow(ctx));
  await emitProgress(ctx, slug, record.id);
  return milestone;
}

export async function updateMilestone(
  ctx: DomainContext,
  slug: string,
  milestoneId: string,
  patch: MilestonePatchRequest,
) {
  const record = await requireConsultation(ctx, slug);
  const existing = record.milestones.find((m) => m.id === milestoneId);
  if (!existing)
    throw new DomainError('not_found', `no milestone "${String(milestoneId)}" in "${slug}"`, { field: 'milestoneId' });
  const milestone = parseWith(Milestone, { ...existing, ...patch });
  await ctx.store.upsertMilestone(record.id, milestone, isoNow(ctx));
  await emitProgress(ctx, slug, record.id);
  return milestone;
}

export async function addProgressUpdate(
  ctx: DomainContext,
  slug: string,
  input: ProgressUpdateRequest,
  by?: StaffIdentity,
) {
  const record = await requireConsultation(ctx, slug);
  const progressManual = input.progress;
  const update = parseWith(ProgressUpdate, {
    id: newId('u'),
    at: isoNow(ctx),
    text: input.text,
    ...((input.by ?? by?.name) ? { by: input.by ?? by?.name } : {}),
    phase: record.phase,
  });
  await ctx.store.addProgressUpdate(record.id, update, progressManual);
  await emitProgress(ctx, slug, record.id, update);
  return update;
}

async function emitProgress(ctx: DomainContext, slug: string, id: string, update?: ProgressUpdate) {
  ctx.invalidate(slug);
  const view = await viewOf(ctx, (await ctx.store.getConsultationById(id))!);
  ctx.emit({ type: 'progress', slug, data: progressData(view, update) });
}
