import type { Context, MiddlewareHandler } from 'hono';
import type { BucketConfig } from '../config';
import { HttpError } from './errors';

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * Token buckets keyed by (route class, client). In memory: a single process is the unit of rate limiting, and
 * several instances behind a balancer each get their share, which is fine for abuse control.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: Record<string, BucketConfig>,
    private readonly now: () => number = Date.now,
    /** Above this many keys, idle (full) buckets are swept so an address scan cannot exhaust memory. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
  take(kind: string, client: string): number {
    const limit = this.limits[kind];
    if (!limit) return 0;
    const now = this.now();
    const key = `${kind}\u0000${client}`;
    const rate = limit.perMinute / 60_000;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.sweep(now);
      bucket = { tokens: limit.burst, updated: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.updated) * rate);
      bucket.updated = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }

  /** Throws a 429 carrying Retry-After when the client has no token left. */
  enforce(kind: string, client: string): void {
    const wait = this.take(kind, client);
    if (wait > 0) {
      throw new HttpError('rate_limited', `too many requests: try again in ${wait} s`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const kind = key.slice(0, key.indexOf('\u0000'));
      const limit = this.limits[kind];
      if (!limit || bucket.tokens + (now - bucket.updated) * (limit.perMinute / 60_000) >= limit.burst) {
        this.buckets.delete(key);
      }
    }
    // Still full of busy clients: drop the oldest half rather than grow without bound.
    if (this.buckets.size >= this.maxKeys) {
      let drop = Math.floor(this.buckets.size / 2);
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** Limits every request of a route class; the class is chosen per request (e.g. by method). */
export function rateLimit(
  limiter: RateLimiter,
  classify: (c: Context) => string | null,
  clientOf: (c: Context) => string,
): MiddlewareHandler {
  return (c, next) => {
    const kind = classify(c);
    if (kind) limiter.enforce(kind, clientOf(c));
    return next();
  };
}
