import type { MiddlewareHandler } from 'hono';
import { bodyJson } from './body';
import type { AppEnv } from './context';
import { HttpError } from './errors';
import type { RateLimiter } from './rate-limit';
import { headerOf } from './request-header';

/**
 * POSTs whose limit depends on the body: ballots and evaluations (same eligibility rules), through the API or
 * the server-rendered vote page that a printed QR code opens.
 */
const BALLOT_PATH = /^(?:\/api\/v1\/consultations\/([^/]+)\/(?:ballots|evaluations)|\/vote\/([^/]+))$/;

export const isBallotPost = (method: string, path: string) => method === 'POST' && BALLOT_PATH.test(path);

/** Where refused codes are counted: the store, so every instance on one database sees the same counts. */
export interface FailureLog {
  recentCodeFailures(key: string, since: number): Promise<number[]>;
  recordCodeFailure(key: string, at: number, forgetUpTo: number): Promise<void>;
  /** Keys failing after `since` when this process alone writes failures (SQLite); null when others do too. */
  codeFailureKeys(since: number): Promise<string[] | null>;
}

/**
 * Refused codes per key (address + consultation) in a sliding window. A code is the one-time credential, so
 * the thing to stop is guessing codes, not voting: only failures count. The counts live in the database, not in
 * this process: a guesser spreading attempts over several instances behind a load balancer meets one lockout,
 * and a restart forgets nothing.
 *
 * Nearly every ballot comes from an address that has never sent a wrong code, so asking the database each time
 * is wasted work on the hot path. When the store says this process is its only writer, the counter keeps the
 * keys with a failure in the window (seeded from the store, so a restart keeps them) and asks the database only
 * for those; the counts themselves still come from the database. A store shared by instances is always asked.
 */
export class FailureCounter {
  /** Key → time of its latest failure, or null when other instances write failures (ask every time). */
  private failing: Map<string, number> | null | undefined;
  private seeding: Promise<void> | null = null;

  constructor(
    private readonly log: FailureLog,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Seconds until the key may try again (0 when it may now). Answered at once, without a promise, when this process
   * knows every failing key (SQLite) and this one is not among them: every ballot with a code asks.
   */
  wait(key: string): number | Promise<number> {
    if (this.failing) {
      const last = this.failing.get(key);
      if (last === undefined) return 0;
      if (last <= this.now() - this.windowMs) {
        this.failing.delete(key);
        return 0;
      }
    }
    return this.ask(key);
  }

  private async ask(key: string): Promise<number> {
    if (this.failing === undefined) {
      await this.seed();
      return this.wait(key);
    }
    const times = await this.log.recentCodeFailures(key, this.now() - this.windowMs);
    if (times.length < this.max) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.max]! + this.windowMs - this.now()) / 1000));
  }

  async fail(key: string): Promise<void> {
    if (this.failing === undefined) await this.seed();
    const now = this.now();
    await this.log.recordCodeFailure(key, now, now - this.windowMs);
    if (!this.failing) return;
    this.failing.set(key, now);
    // Forget keys whose window has passed, as the store does, so an address scan cannot grow the map for ever.
    if (this.failing.size % 1024 === 0) {
      for (const [k, at] of this.failing) if (at <= now - this.windowMs) this.failing.delete(k);
    }
  }

  private seed(): Promise<void> {
    this.seeding ??= this.log.codeFailureKeys(this.now() - this.windowMs).then(
      (keys) => {
        // A seeded key counts as failing now; its first check asks the store and finds the real times.
        if (this.failing === undefined) this.failing = keys ? new Map(keys.map((k) => [k, this.now()])) : null;
      },
      (error: unknown) => {
        this.seeding = null;
        throw error;
      },
    );
    return this.seeding;
  }
}

/** Which credential a parsed ballot body carries: a code, a signed token, or none (an open ballot). */
export function credentialIn(body: unknown): 'code' | 'token' | null {
  if (typeof body !== 'object' || body === null) return null;
  const { code, token } = body as { code?: unknown; token?: unknown };
  if (typeof code === 'string' && code !== '') return 'code';
  if (typeof token === 'string' && token !== '') return 'token';
  return null;
}

/**
 * Which credential a ballot body carries. Read whatever the Content-Type says (or when there is none): a
 * guesser must not slip past the wrong-code count by leaving the header out. Reading it here is cheap: the
 * body limit has already applied.
 */
async function credentialOf(c: Parameters<MiddlewareHandler>[0]): Promise<'code' | 'token' | null> {
  const type = headerOf(c, 'content-type') ?? '';
  const form = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type);
  try {
    // The parsed JSON (body.ts) and HonoRequest's parsed form (the vote page parses with the same options) are
    // cached, so the route reads the same body again without touching the stream or parsing it twice.
    return credentialIn(form ? await c.req.parseBody({ all: true }) : (await bodyJson(c))?.value);
  } catch {
    // Not JSON, or a broken form: the route answers 400; it is limited as any other public write.
    return null;
  }
}

/**
 * The limits of one public ballot POST by what it carries. Open ballots (no credential) share the tight `write`
 * bucket (the route adds its own `openBallot` limit); ballots with a code or token get the large `credentialBallot`
 * bucket, and an address that keeps sending refused codes to one consultation gets 429 for a while. Returns the
 * key under which a refused code (403) must then be counted (`failed`), or null; throws the 429. Shared by the
 * middleware below and the ballot's Node fast path (ballot-fast-path.ts).
 */
export class BallotGate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly guard: FailureCounter,
  ) {}

  /** `slug` as it appears in the path. Answered without a promise unless the failure counter must ask the store. */
  admit(ip: string, slug: string, credential: 'code' | 'token' | null): string | null | Promise<string | null> {
    if (!credential) {
      this.limiter.enforce('write', ip);
      return null;
    }
    this.limiter.enforce('credentialBallot', ip);
    if (credential === 'token') return null;
    // Stored in the database as text: a separator that neither an address nor a slug contains (PostgreSQL refuses NUL).
    const key = `${ip} ${slug}`;
    const known = this.guard.wait(key);
    return typeof known === 'number' ? refuseWhile(known, key) : known.then((wait) => refuseWhile(wait, key));
  }

  /** After the answer: 403 is an unknown code; a used code (409) or a malformed one (400) tells a guesser nothing new. */
  failed(key: string | null, status: number): Promise<void> | undefined {
    return key !== null && status === 403 ? this.guard.fail(key) : undefined;
  }
}

function refuseWhile(wait: number, key: string): string {
  if (wait > 0) {
    throw new HttpError('rate_limited', `too many wrong voting codes from this network: try again in ${wait} s`, {
      headers: { 'Retry-After': String(wait) },
    });
  }
  return key;
}

/** The BallotGate on every public ballot POST (API and the vote page), before the route reads the body. */
export function ballotLimits(gate: BallotGate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = c.req.method === 'POST' && !headerOf(c, 'authorization') ? BALLOT_PATH.exec(c.req.path) : null;
    if (!match) return next();
    const admitted = gate.admit(c.get('clientIp'), match[1] ?? match[2]!, await credentialOf(c));
    const key = admitted instanceof Promise ? await admitted : admitted;
    await next();
    await gate.failed(key, c.res.status);
  };
}
