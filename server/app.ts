import { API_PREFIX } from '@linli/core';
import { type Context, Hono } from 'hono';
import { publicUrlOf, type ServerConfig } from './config';
import type { LinliService } from './domain/service';
import { connectFeed } from './events/feed';
import { type Clock, EventHub } from './events/hub';
import { ballotFastPath, type FrontHandler } from './http/ballot-fast-path';
import { BallotGate, ballotLimits, FailureCounter, isBallotPost } from './http/ballot-limits';
import { limitBody } from './http/body';
import { type AppEnv, clientIp, staffAuth } from './http/context';
import { crossSiteGuard, jsonOnly } from './http/cross-site';
import { errorBody, errorHandler, notFoundHandler } from './http/errors';
import { jsonBody } from './http/json-body';
import { createLogger, type Logger, logsRequests, requestLog } from './http/log';
import { RateLimiter, rateLimit } from './http/rate-limit';
import { headerOf } from './http/request-header';
import { headerPolicy, PAGE_CSP, responseHeaders } from './http/security';
import { cachedCommunityOf, sitePolicy } from './http/site-cors';
import { eventStreamCap } from './http/stream-cap';
import { messagePage } from './pages/vote-page';
import { type ApiRouter, apiRouter, docsHtml, documentOf } from './routes/api';
import type { RouteDeps } from './routes/deps';
import { health } from './routes/health.index';
import { noticeRoutes } from './routes/notice';
import { OPEN311_PREFIX, open311Errors, open311Routes } from './routes/open311';
import { voteRoutes } from './routes/vote';
import { widgetRoutes } from './routes/widgets';

export interface AppOptions {
  service: LinliService;
  config: ServerConfig;
  logger?: Logger;
  /** Clock for rate limits and event coalescing (tests move time by hand). */
  clock?: Clock;
  hub?: EventHub;
  /** The URL residents reach this server at; known only after listening when the port is 0. */
  publicUrl?: () => string;
}

export interface LinliApp {
  app: Hono<AppEnv>;
  /** The API under API_PREFIX, with the declarations its OpenAPI document is generated from. */
  api: ApiRouter;
  hub: EventHub;
  /**
   * The ballot route's Node handler, to put in front of `app` when listening (http/listen.ts): the same answers
   * as the app's ballot route, without its web Request/Response adapter (http/ballot-fast-path.ts).
   */
  front: FrontHandler;
  /** Stops live events (the service is closed by whoever opened it). */
  close(): void;
}

function classify(c: Context): string | null {
  const method = c.req.method;
  if (method === 'OPTIONS' || method === 'HEAD' || c.req.path === '/healthz') return null;
  if (headerOf(c, 'authorization')) return 'staff';
  if (method === 'GET') return 'read';
  // A ballot's bucket depends on its body (open, or carrying a code/token): ballotLimits decides after the body limit.
  return isBallotPost(method, c.req.path) ? null : 'write';
}

/** The whole HTTP surface: middleware in order of cost (cheap refusals first), then one router per resource. */
export function createApp(options: AppOptions): LinliApp {
  const { service, config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const hub =
    options.hub ??
    new EventHub({ clock: options.clock, onError: (error, at) => logger.warn('event not sent', { ...at, error }) });
  const now = options.clock ? () => options.clock!.now() : undefined;
  const limiter = new RateLimiter(config.rateLimits, now);
  const codeGuard = new FailureCounter(
    service,
    config.codeFailures.failures,
    config.codeFailures.windowMinutes * 60_000,
    now,
  );
  const publicUrl = options.publicUrl ?? (() => publicUrlOf(config));
  const deps: RouteDeps = { service, hub, config, limiter, logger, publicUrl, startedAt: Date.now() };
  const isAllowed = sitePolicy(config, cachedCommunityOf(service));
  const policy = headerPolicy(isAllowed);
  const gate = new BallotGate(limiter, codeGuard);

  const app = new Hono<AppEnv>();
  app.onError(errorHandler(logger));
  app.notFound(notFoundHandler);
  // Middleware whose common case only passes the request on is a plain function returning next(): an async
  // wrapper per layer costs a promise and a microtask turn on every request, and a ballot passes a dozen layers.
  app.use('*', (c, next) => {
    c.set('deps', deps);
    return next();
  });
  // A logger that writes no request line (a bench's, `--log-level silent`) costs no layer on every request.
  if (logsRequests(logger)) app.use('*', requestLog(logger));
  // Open311 clients read `[{code, description}]`: every refusal below, on its paths, is rewritten into it.
  app.use(`${OPEN311_PREFIX}/*`, open311Errors());
  app.use('*', responseHeaders(policy));
  app.use(
    '*',
    crossSiteGuard({ isAllowed, publicUrl, refusalPage: () => messagePage('无法提交', '请在投票页面上直接提交。') }),
  );
  app.use(`${API_PREFIX}/*`, jsonOnly());
  app.use('*', clientIp(config.trustProxy));
  app.use(
    '*',
    rateLimit(limiter, classify, (c) => c.get('clientIp')),
  );
  app.use(
    '*',
    limitBody(config.bodyLimit, (c) =>
      c.json(errorBody('payload_too_large', `(body): larger than the limit of ${config.bodyLimit} bytes`), 413),
    ),
  );
  app.use('*', ballotLimits(gate));
  app.use(`${API_PREFIX}/*`, eventStreamCap(config.eventStreamsPerAddress));
  app.use(`${API_PREFIX}/*`, staffAuth(service));
  app.use(`${API_PREFIX}/*`, jsonBody());

  const api = apiRouter(publicUrl);
  app.route(API_PREFIX, api);
  app.route(OPEN311_PREFIX, open311Routes(deps));
  app.route('/', health());
  let docs: string | null = null;
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    docs ??= docsHtml(documentOf(api, publicUrl()));
    return c.html(docs, 200);
  });
  app.route('/', voteRoutes(deps));
  app.route('/', noticeRoutes(deps));
  app.route('/', widgetRoutes(deps));

  const disconnect = connectFeed(service, hub);
  return {
    app,
    api,
    hub,
    front: ballotFastPath({ deps, policy, gate, config, logger }),
    close() {
      disconnect();
      hub.close();
    },
  };
}
