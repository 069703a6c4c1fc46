import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { HttpError } from './errors';
import type { RateLimiter } from './rate-limit';

/**
 * POSTs whose limit depends on the body: ballots and evaluations (same eligibility rules), through the API or
 * the server-rendered vote page that a printed QR code opens.
 */
const BALLOT_PATH = /^(?:\/api\/v1\/consultations\/([^/]+)\/(?:ballots|evaluations)|\/vote\/([^/]+))$/;

export const isBallotPost = (method: string, path: string) => method === 'POST' && BALLOT_PATH.test(path);

/**
 * Refused codes per key (address + consultation) in a sliding window. A code is the one-time credential, so
 * the thing to stop is guessing codes, not voting: only failures count.
 */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  /** Seconds until the key may try again (0 when it may now). */
  wait(key: string): number {
    const times = this.recent(key);
    if (times.length < this.max) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.max]! + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    if (!this.failures.has(key) && this.failures.size >= this.maxKeys) this.sweep();
    const times = this.recent(key);
    times.push(this.now());
    if (times.length > this.max) times.shift();
    this.failures.set(key, times);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
    // Still full (an address scan): forget the oldest half rather than grow without bound.
    let drop = this.failures.size >= this.maxKeys ? Math.floor(this.failures.size / 2) : 0;
    for (const key of this.failures.keys()) {
      if (drop-- <= 0) break;
      this.failures.delete(key);
    }
  }
}

/**
 * Which credential a ballot body carries. Read whatever the Content-Type says (or when there is none): a
 * guesser must not slip past the wrong-code count by leaving the header out. Reading it here is cheap: the
 * body limit has already applied.
 */
async function credentialOf(c: Parameters<MiddlewareHandler>[0]): Promise<'code' | 'token' | null> {
  const type = c.req.header('content-type') ?? '';
  const form = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type);
  try {
    // HonoRequest caches the text and the parsed form (the vote page parses with the same options), so the
    // route reads the same body again without touching the stream.
    const body = form ? await c.req.parseBody({ all: true }) : (JSON.parse(await c.req.text()) as unknown);
    if (typeof body !== 'object' || body === null) return null;
    const { code, token } = body as { code?: unknown; token?: unknown };
    if (typeof code === 'string' && code !== '') return 'code';
    if (typeof token === 'string' && token !== '') return 'token';
  } catch {
    // Not JSON, or a broken form: the route answers 400; it is limited as any other public write.
  }
  return null;
}

/**
 * Limits public ballot POSTs by what they carry. Open ballots (no credential) share the tight `write` bucket
 * (the route adds its own `openBallot` limit); ballots with a code or token get the large `credentialBallot`
 * bucket, and an address that keeps sending refused codes to one consultation gets 429 for a while.
 */
export function ballotLimits(limiter: RateLimiter, guard: FailureCounter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = c.req.method === 'POST' && !c.req.header('authorization') ? BALLOT_PATH.exec(c.req.path) : null;
    if (!match) return next();
    const ip = c.get('clientIp');
    const credential = await credentialOf(c);
    if (!credential) {
      limiter.enforce('write', ip);
      return next();
    }
    limiter.enforce('credentialBallot', ip);
    if (credential === 'token') return next();
    const key = `${ip}\u0000${match[1] ?? match[2]}`;
    const wait = guard.wait(key);
    if (wait > 0) {
      throw new HttpError('rate_limited', `too many wrong voting codes from this network: try again in ${wait} s`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
    await next();
    // 403 is an unknown code; a used code (409) or a malformed one (400) tells a guesser nothing new.
    if (c.res.status === 403) guard.fail(key);
  };
}
