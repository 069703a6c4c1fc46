import { firstIssueLine, Slug } from '@linli/core';
import { z } from 'zod';
import { proxyMatcher } from './http/proxy';

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
const Origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s?#]+$/, 'an origin such as https://example.org (scheme and host, no path)');

/**
 * A host site: the origins its pages are served from and what they may call. Without `consultations` and
 * `communities` the site may call every consultation; otherwise only those listed, or those of the listed
 * communities (小区). The short form `["https://origin", …]` means every consultation.
 */
const Site = z.preprocess(
  (value) => (Array.isArray(value) ? { origins: value } : value),
  z
    .object({
      origins: z.array(Origin),
      consultations: z.array(Slug).optional(),
      communities: z.array(z.string().trim().min(1)).optional(),
    })
    .strict(),
);
export type SiteConfig = z.infer<typeof Site>;

/** Token bucket: `burst` requests at once, then `perMinute` on average. */
const Bucket = z.object({
  burst: z.number().int().positive(),
  perMinute: z.number().positive(),
});
export type BucketConfig = z.infer<typeof Bucket>;

export const RateLimitConfig = z.object({
  /** Every GET (including opening an event stream). */
  read: Bucket.default({ burst: 300, perMinute: 600 }),
  /** Every POST/PATCH by the public (proposals, supports, claims, open ballots). */
  write: Bucket.default({ burst: 30, perMinute: 60 }),
  /**
   * Ballots and evaluations carrying a `code` or `token`: the credential is one-time, so the address matters
   * little, and a 居委会 office where a whole building votes from one network must not be throttled.
   */
  credentialBallot: Bucket.default({ burst: 600, perMinute: 1200 }),
  /** Open (non-binding) ballots: one browser one ballot is only a promise, so an IP also gets few. */
  openBallot: Bucket.default({ burst: 10, perMinute: 6 }),
  /** Staff calls (authenticated): generous, they import rolls and print sheets. */
  staff: Bucket.default({ burst: 120, perMinute: 600 }),
});
export type RateLimitConfig = z.infer<typeof RateLimitConfig>;

export const ServerConfig = z.object({
  port: z.number().int().min(0).max(65_535).default(8787),
  /** 127.0.0.1 unless asked: a demo on a laptop should not be reachable from the café network. */
  host: z.string().min(1).default('127.0.0.1'),
  /** SQLite file, or a postgres:// URL once that store exists. */
  db: z.string().min(1).default('./linli.db'),
  /** Public base URL, used in printed code sheets and the docs; defaults to http://host:port. */
  publicUrl: z.url().optional(),
  /** Host sites allowed to embed the widgets: name → origins (and the consultations they may call). */
  sites: z.record(z.string().min(1), Site).default({}),
  /** Demo mode: also allows any http://localhost:* and http://127.0.0.1:* origin. */
  demo: z.boolean().default(false),
  /** Largest request body in bytes (a roll of a few thousand units fits in 1 MB). */
  bodyLimit: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  rateLimits: RateLimitConfig.default(RateLimitConfig.parse({})),
  /**
   * Code guessing: after `failures` refused codes from one address on one consultation within `windowMinutes`,
   * further code ballots from it there get 429 until the oldest failure ages out.
   */
  codeFailures: z
    .object({
      failures: z.number().int().positive().default(20),
      windowMinutes: z.number().positive().default(10),
    })
    .default({ failures: 20, windowMinutes: 10 }),
  /**
   * Reverse proxies allowed to name the client in X-Forwarded-For: a hop count (1 = one proxy in front), or the
   * proxies' addresses / CIDR subnets. The client is the right-most entry not written by a trusted proxy.
   * `true` (the old boolean form) means one hop.
   */
  trustProxy: z
    .union([
      z.boolean().transform((on) => (on ? 1 : false)),
      z.number().int().min(0).max(16),
      z.array(z.string().trim().min(1)).superRefine((list, ctx) => {
        try {
          proxyMatcher(list);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
    ])
    .default(false),
  /**
   * Slow clients: a request whose headers take longer than `headersMs`, or whose whole body takes longer than
   * `requestMs`, is cut with 408 (a trickled body would otherwise hold a connection and a body buffer forever).
   */
  timeouts: z
    .object({
      requestMs: z.number().int().min(100).default(30_000),
      headersMs: z.number().int().min(100).default(10_000),
    })
    .refine((t) => t.headersMs <= t.requestMs, { message: 'headersMs must not exceed requestMs', path: ['headersMs'] })
    .default({ requestMs: 30_000, headersMs: 10_000 }),
  /**
   * Open event streams per client address (429 beyond). Generous: a 居委会 office or a school shares one address,
   * and every resident's page holds one stream.
   */
  eventStreamsPerAddress: z.number().int().positive().default(500),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});
export type ServerConfig = z.infer<typeof ServerConfig>;
export type ServerConfigInput = z.input<typeof ServerConfig>;

const bool = (v: string | undefined) => (v === undefined ? undefined : v === '1' || v.toLowerCase() === 'true');

/**
 * Reads LINLI_* variables. `LINLI_CORS_ORIGINS` is a comma list (site "default", every consultation);
 * `LINLI_SITES` is JSON `{"site": ["https://origin", …]}` or
 * `{"site": {"origins": [...], "consultations": ["elevator-3"], "communities": ["heping"]}}`.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfigInput {
  const out: Record<string, unknown> = {};
  if (env.LINLI_PORT) out.port = Number(env.LINLI_PORT);
  if (env.LINLI_HOST) out.host = env.LINLI_HOST;
  if (env.LINLI_DB) out.db = env.LINLI_DB;
  if (env.LINLI_PUBLIC_URL) out.publicUrl = env.LINLI_PUBLIC_URL;
  if (env.LINLI_LOG_LEVEL) out.logLevel = env.LINLI_LOG_LEVEL;
  if (env.LINLI_BODY_LIMIT) out.bodyLimit = Number(env.LINLI_BODY_LIMIT);
  if (env.LINLI_REQUEST_TIMEOUT_MS || env.LINLI_HEADERS_TIMEOUT_MS) {
    out.timeouts = {
      ...(env.LINLI_REQUEST_TIMEOUT_MS ? { requestMs: Number(env.LINLI_REQUEST_TIMEOUT_MS) } : {}),
      ...(env.LINLI_HEADERS_TIMEOUT_MS ? { headersMs: Number(env.LINLI_HEADERS_TIMEOUT_MS) } : {}),
    };
  }
  if (env.LINLI_EVENT_STREAMS_PER_ADDRESS) out.eventStreamsPerAddress = Number(env.LINLI_EVENT_STREAMS_PER_ADDRESS);
  if (env.LINLI_TRUST_PROXY !== undefined) out.trustProxy = trustProxyOf(env.LINLI_TRUST_PROXY);
  const sites: Record<string, unknown> = {};
  if (env.LINLI_SITES) {
    try {
      Object.assign(sites, JSON.parse(env.LINLI_SITES));
    } catch {
      throw new ConfigError('LINLI_SITES: not valid JSON (expected {"site": ["https://origin"]})');
    }
  }
  if (env.LINLI_CORS_ORIGINS) {
    sites.default = env.LINLI_CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (Object.keys(sites).length) out.sites = sites;
  return out as ServerConfigInput;
}

/** LINLI_TRUST_PROXY: `1` (hops), `true`/`false`, or a comma list of proxy addresses and subnets. */
function trustProxyOf(value: string): boolean | number | string[] {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const flag = bool(text);
  if (text === '' || /^(?:true|false)$/i.test(text)) return flag ?? false;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class ConfigError extends Error {}

/** Parses the configuration once, naming the offending setting. Later layers override earlier ones. */
export function loadConfig(...layers: ServerConfigInput[]): ServerConfig {
  const merged = Object.assign({}, ...layers) as ServerConfigInput;
  const parsed = ServerConfig.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(`configuration ${firstIssueLine(parsed.error, [], '(root)')}`);
  }
  return parsed.data;
}

/** Every configured origin, across sites (each may still be limited to some consultations). */
export const allowedOrigins = (config: Pick<ServerConfig, 'sites'>) =>
  new Set(Object.values(config.sites).flatMap((site) => site.origins));

export const publicUrlOf = (config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>, port = config.port) =>
  (
    config.publicUrl ??
    `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`
  ).replace(/\/$/, '');
