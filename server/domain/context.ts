import { randomBytes } from 'node:crypto';
import { type BallotDefinition, formatPath, zodIssues } from '@linli/core';
import type { z } from 'zod';
import type { ConsultationRecord, Store } from '../store/types';
import { DomainError, type DomainEvent, type DomainEventListener, type DomainEvents } from './service';

/** What every domain module shares: the store, the install pepper, the clock and the event bus. */
export interface DomainContext {
  store: Store;
  pepper: string;
  now(): Date;
  emit(event: DomainEvent): void;
  /** Drops cached facts about a consultation (called after any change to it). */
  invalidate(slug: string): void;
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

export const isoNow = (ctx: Pick<DomainContext, 'now'>) => ctx.now().toISOString();

/**
 * Parses `value` or throws DomainError invalid (400): the message and `field` from the first issue, every issue
 * listed. `prefix` names where the value sits in the request (`'progress'`, `['Idempotency-Key']`). The one
 * parse-or-throw of the server: the HTTP layer and the domain both use it.
 */
export function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix: string | readonly PropertyKey[] = [],
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error, typeof prefix === 'string' ? (prefix ? [prefix] : []) : prefix);
  const first = issues[0] ?? { path: formatPath(typeof prefix === 'string' ? [prefix] : prefix), message: 'invalid' };
  throw new DomainError('invalid', `${first.path}: ${first.message}`, { field: first.path, issues });
}

export async function requireConsultation(ctx: DomainContext, slug: string, staff = true): Promise<ConsultationRecord> {
  const record = typeof slug === 'string' ? await ctx.store.getConsultationBySlug(slug) : null;
  // Drafts are invisible to the public: a 404, not a 403, so their existence does not leak.
  if (!record || (!staff && record.phase === 'draft')) {
    throw new DomainError('not_found', `no consultation "${String(slug)}"`, { field: 'slug' });
  }
  return record;
}

export function requireBallot(record: ConsultationRecord): BallotDefinition {
  if (!record.doc.ballot) throw new DomainError('not_found', `consultation "${record.slug}" has no ballot`);
  return record.doc.ballot;
}

/** A simple synchronous event bus; a throwing listener is isolated from the others and from the caller. */
export class EventBus implements DomainEvents {
  private readonly listeners = new Set<DomainEventListener>();

  subscribe(listener: DomainEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: DomainEvent) {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber must never undo or fail a committed change.
      }
    }
  }
}
