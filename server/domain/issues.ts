/**
 * Issues staff publish from the side panel. Each is validated as an Issue (phones masked, dates with offsets); the
 * extension's own id identifies it across publishes, the server gives it an id of its own.
 */
import { Issue, IssuePublishRequest } from '@linli/core';
import { type DomainContext, isoNow, newId, parseWith } from './context';
import type { StaffIdentity } from './service';

export async function publishIssues(
  ctx: DomainContext,
  body: unknown,
  options: { key?: string; by: StaffIdentity },
): Promise<{ issues: Issue[]; replayed: boolean }> {
  const input = parseWith(IssuePublishRequest, body);
  const list = 'issues' in input ? input.issues : [input];
  // Keys are the caller's own: one staff member's key never replays another's request.
  const key = JSON.stringify([options.by.name, options.key ?? newId('once')]);
  const outcome = await ctx.store.publishIssues(
    key,
    list.map((issue) => ({ newId: newId('iss'), clientId: issue.id, doc: issue })),
    options.by.name,
    isoNow(ctx),
  );
  const stored = await ctx.store.getPublishedIssues(outcome.ids);
  return { issues: stored.map((r) => Issue.parse(r.doc)), replayed: outcome.replayed };
}

/** The published issues with these server ids, in that order; unknown ids are left out. */
export async function getIssues(ctx: DomainContext, ids: readonly string[]): Promise<Issue[]> {
  return (await ctx.store.getPublishedIssues(ids)).map((r) => Issue.parse(r.doc));
}

export async function listIssues(ctx: DomainContext, limit = 1000): Promise<Issue[]> {
  return (await ctx.store.listPublishedIssues(limit)).map((r) => Issue.parse(r.doc));
}
