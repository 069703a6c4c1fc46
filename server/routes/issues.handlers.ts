// Issues: each handler turns a validated request into one domain call and a typed answer.
import { requireStaff } from '../http/context';
import type * as routes from './issues.routes';
import type { AppRouteHandler } from './openapi';

export const publishIssues: AppRouteHandler<typeof routes.publishIssues> = async (c) => {
  const by = requireStaff(c);
  const key = c.req.valid('header')['idempotency-key'];
  const { issues, replayed } = await c.var.deps.service.publishIssues(c.req.valid('json'), { key, by });
  return replayed ? c.json({ issues }, 200) : c.json({ issues }, 201);
};

export const listIssues: AppRouteHandler<typeof routes.listIssues> = async (c) => {
  requireStaff(c);
  c.header('Cache-Control', 'no-store');
  return c.json({ issues: await c.var.deps.service.listIssues() }, 200);
};
