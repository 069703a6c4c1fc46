/**
 * Residents' proposals and 微心愿: submit, support (one per browser key), claim a wish, staff moderation.
 * Status changes are compare-and-set in the store, so two staff members (or two neighbours claiming the same
 * wish) cannot both win.
 */
import type { ModerationRequest, ProposalSubmitRequest } from '@linli/core';
import { Proposal, type ProposalStatus } from '@linli/core';
import { type DomainContext, isoNow, newId, parseWith, requireConsultation } from './context';
import { pepperHmac } from './pepper';
import { DomainError, type ProposalListOptions, PUBLIC_PROPOSAL_STATUSES, type StaffIdentity } from './service';

const isPublic = (status: ProposalStatus) => PUBLIC_PROPOSAL_STATUSES.includes(status);

export async function listProposals(ctx: DomainContext, slug: string, options: ProposalListOptions = {}) {
  const record = await requireConsultation(ctx, slug, options.staff ?? false);
  const statuses = options.status?.length ? options.status : undefined;
  if (!options.staff && statuses?.some((s) => !isPublic(s))) {
    throw new DomainError('forbidden', 'only staff may list proposals that are not published', { field: 'status' });
  }
  const { kind } = options;
  return ctx.store.listProposals(record.id, {
    statuses: statuses ?? PUBLIC_PROPOSAL_STATUSES,
    ...(kind ? { kind } : {}),
  });
}

export async function submitProposal(ctx: DomainContext, slug: string, input: ProposalSubmitRequest) {
  const record = await requireConsultation(ctx, slug, false);
  if (record.phase === 'closed') throw new DomainError('gone', `consultation "${slug}" is closed`);
  const fields = input;
  const proposal = parseWith(Proposal, {
    ...fields,
    id: newId('p'),
    consultationId: record.id,
    // The 微心愿 board's contract slug is `wishes` (DESIGN.md): residents posting there mean a wish.
    kind: fields.kind ?? (slug === 'wishes' ? 'wish' : 'proposal'),
    status: record.autoPublish ? 'published' : 'pending',
    supports: 0,
    createdAt: isoNow(ctx),
  });
  await ctx.store.insertProposal(proposal);
  if (isPublic(proposal.status)) ctx.emit({ type: 'proposal', slug, data: proposal });
  return proposal;
}

async function requireProposal(ctx: DomainContext, id: string) {
  const proposal = typeof id === 'string' && id.length <= 64 ? await ctx.store.getProposal(id) : null;
  if (!proposal) throw new DomainError('not_found', `no proposal "${String(id)}"`, { field: 'id' });
  const consultation = await ctx.store.getConsultationById(proposal.consultationId!);
  return { proposal, slug: consultation!.slug };
}

async function reread(ctx: DomainContext, id: string, slug: string, emit: boolean) {
  const { mergedInto: _m, ...proposal } = (await ctx.store.getProposal(id))!;
  if (emit) ctx.emit({ type: 'proposal', slug, data: proposal });
  return proposal as Proposal;
}

export async function supportProposal(ctx: DomainContext, id: string, voterKey: string) {
  const { proposal, slug } = await requireProposal(ctx, id);
  if (!['published', 'claimed', 'adopted'].includes(proposal.status)) {
    throw new DomainError(
      isPublic(proposal.status) ? 'conflict' : 'not_found',
      `proposal is ${proposal.status}: it cannot be supported`,
    );
  }
  const hash = pepperHmac(ctx.pepper, `support:${id}:${voterKey}`);
  if (!(await ctx.store.addSupport(id, hash, isoNow(ctx)))) {
    throw new DomainError('conflict', 'this browser has already supported the proposal', { field: 'voterKey' });
  }
  return reread(ctx, id, slug, true);
}

export async function claimProposal(ctx: DomainContext, id: string, claimedBy: string) {
  const who = claimedBy;
  const { proposal, slug } = await requireProposal(ctx, id);
  if (!isPublic(proposal.status)) throw new DomainError('not_found', `no proposal "${id}"`, { field: 'id' });
  if (proposal.kind !== 'wish')
    throw new DomainError('conflict', 'only a 微心愿 (wish) can be claimed', { field: 'id' });
  if (!(await ctx.store.updateProposalStatus(id, ['published'], { status: 'claimed', claimedBy: who }, isoNow(ctx)))) {
    throw new DomainError('conflict', 'this wish has already been claimed', { field: 'id' });
  }
  return reread(ctx, id, slug, true);
}

/** Which statuses each moderation action may start from. */
const MODERATION_FROM: Record<ModerationRequest['action'], readonly ProposalStatus[]> = {
  publish: ['pending', 'rejected'],
  reject: ['pending', 'published'],
  merge: ['pending', 'published'],
  adopt: ['pending', 'published', 'claimed'],
  done: ['published', 'claimed', 'adopted'],
};

const TO: Record<ModerationRequest['action'], ProposalStatus> = {
  publish: 'published',
  reject: 'rejected',
  merge: 'merged',
  adopt: 'adopted',
  done: 'done',
};

export async function moderateProposal(ctx: DomainContext, id: string, action: ModerationRequest, by?: StaffIdentity) {
  const { proposal, slug } = await requireProposal(ctx, id);
  departmentMayModerate(proposal, action.action, by);
  let mergedInto: string | undefined;
  if (action.action === 'merge') {
    const target = await ctx.store.getProposal(action.into);
    if (!target || target.consultationId !== proposal.consultationId) {
      throw new DomainError('invalid', 'into must be a proposal of the same consultation', { field: 'into' });
    }
    if (target.id === id)
      throw new DomainError('invalid', 'a proposal cannot be merged into itself', { field: 'into' });
    if (target.status === 'merged' || target.status === 'rejected') {
      throw new DomainError('conflict', `cannot merge into a ${target.status} proposal`, { field: 'into' });
    }
    mergedInto = target.id;
  }
  const from = MODERATION_FROM[action.action];
  const to = TO[action.action];
  const changed = await ctx.store.updateProposalStatus(
    id,
    from,
    { status: to, ...(mergedInto ? { mergedInto } : {}) },
    isoNow(ctx),
  );
  if (!changed) {
    const verb = { publish: 'published', reject: 'rejected', merge: 'merged', adopt: 'adopted', done: 'marked done' }[
      action.action
    ];
    throw new DomainError('conflict', `a ${proposal.status} proposal cannot be ${verb}`, {
      field: 'action',
    });
  }
  // Broadcast whenever the public board changes: something appears, changes, or leaves it.
  return reread(ctx, id, slug, isPublic(proposal.status) || isPublic(to));
}

/**
 * What a department's token may do to a proposal: publishing, rejecting, merging and adopting belong to the
 * 街道/居委会 that runs the consultation; a department (房管办, 城管中队…) may only mark done a 微心愿 it claimed
 * itself (claimedBy is the department's name). Anything else is 403.
 */
function departmentMayModerate(
  proposal: { status: string; claimedBy?: string },
  action: ModerationRequest['action'],
  by: StaffIdentity | undefined,
) {
  const department = by?.department;
  if (!department) return;
  if (action === 'done' && proposal.status === 'claimed' && proposal.claimedBy === department) return;
  throw new DomainError(
    'forbidden',
    `a token of the department "${department}" may only mark done a wish that department claimed`,
    { field: 'action' },
  );
}
