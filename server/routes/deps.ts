import { Hono } from 'hono';
import type { ServerConfig } from '../config';
import type { LinliService } from '../domain/service';
import type { EventHub } from '../events/hub';
import type { AppEnv } from '../http/context';
import type { Logger } from '../http/log';
import type { RateLimiter } from '../http/rate-limit';

/** Everything a route module needs; passed explicitly so tests can build an app around any service. */
export interface RouteDeps {
  service: LinliService;
  hub: EventHub;
  config: ServerConfig;
  limiter: RateLimiter;
  logger: Logger;
  /** Base URL the public reaches this server at (for printed code sheets and Location headers). */
  publicUrl: () => string;
  startedAt: number;
}

export const router = () => new Hono<AppEnv>();
