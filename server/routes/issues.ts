import { IdempotencyKey, IssuePublishRequest } from '@linli/core';
import { parseWith } from '../domain/context';
import { requireStaff } from '../http/context';
import { readJson } from '../http/validate';
import { type RouteDeps, router } from './deps';

/** Issues staff publish from the side panel (Bearer token): `POST /issues` one or `{issues: […]}`, `GET /issues`. */
export function issueRoutes({ service }: RouteDeps) {
  const app = router();

  app.post('/issues', async (c) => {
    const by = requireStaff(c);
    const header = c.req.header('idempotency-key');
    const key = header === undefined ? undefined : parseWith(IdempotencyKey, header, ['Idempotency-Key']);
    const body = await readJson(c, IssuePublishRequest);
    const { issues, replayed } = await service.publishIssues(body, { key, by });
    return c.json({ issues }, replayed ? 200 : 201);
  });

  app.get('/issues', async (c) => {
    requireStaff(c);
    c.header('Cache-Control', 'no-store');
    return c.json({ issues: await service.listIssues() }, 200);
  });

  return app;
}
