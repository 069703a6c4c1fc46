import type { HealthResponse } from '@linli/core';
import { type RouteDeps, router } from './deps';

const VERSION = '0.1.0';

/** Liveness for load balancers and `npm start`: answers without touching the database. */
export function healthRoutes({ startedAt }: RouteDeps) {
  const app = router();
  app.get('/healthz', (c) => {
    const body: HealthResponse = {
      status: 'ok',
      version: VERSION,
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  });
  return app;
}
