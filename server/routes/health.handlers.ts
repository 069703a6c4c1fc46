import type * as routes from './health.routes';
import type { AppRouteHandler } from './openapi';

const VERSION = '0.1.0';

export const health: AppRouteHandler<typeof routes.health> = (c) => {
  c.header('Cache-Control', 'no-store');
  const uptimeSeconds = Math.floor((Date.now() - c.var.deps.startedAt) / 1000);
  return c.json({ status: 'ok' as const, version: VERSION, uptimeSeconds }, 200);
};
