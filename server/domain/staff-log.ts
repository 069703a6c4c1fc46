/**
 * The staff action log: who changed a phase, moderated a proposal, imported a roll or issued codes. Recorded after
 * the action succeeded, naming the token's holder (its name and department) or, from the CLI, the operator.
 */
import type { StaffAction, StaffActionKind } from '@linli/core';
import { type DomainContext, isoNow, requireConsultation } from './context';
import type { StaffIdentity } from './service';

/** Who acted when no token was involved: `linli` run on the server by its operator. */
export const CLI_OPERATOR: StaffIdentity = { name: 'linli CLI' };

export async function recordStaffAction(
  ctx: DomainContext,
  consultationId: string | null,
  by: StaffIdentity | undefined,
  action: StaffActionKind,
  detail: Record<string, unknown>,
): Promise<void> {
  const who = by ?? { name: '(unknown)' };
  await ctx.store.recordStaffAction({
    consultationId,
    at: isoNow(ctx),
    actor: who.name,
    department: who.department ?? null,
    action,
    detail: JSON.stringify(detail),
  });
}

export async function listStaffActions(ctx: DomainContext, slug: string): Promise<StaffAction[]> {
  const record = await requireConsultation(ctx, slug);
  const rows = await ctx.store.listStaffActions(record.id);
  return rows.map((r) => ({
    at: r.at,
    by: r.department === null ? { name: r.actor } : { name: r.actor, department: r.department },
    action: r.action as StaffActionKind,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
