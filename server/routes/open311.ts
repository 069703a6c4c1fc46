/**
 * Open311 GeoReport v2 at /open311/v2 (issue 17 §8). Its own OpenAPI document (/open311/v2/openapi.json): the
 * spec's snake_case fields, form bodies and `[{code, description}]` errors are not the /api/v1 contract, and an
 * Open311 client reads one document for one base URL.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { type Issue, type IssueInput, type Open311Error as Open311ErrorBody, zodIssues } from '@linli/core';
import {
  filterServiceRequests,
  findService,
  issueFromOpen311,
  open311Services,
  toServiceRequest,
} from '@linli/core/api/open311-map';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { newId } from '../domain/context';
import type { LinliService, StaffIdentity } from '../domain/service';
import type { AppEnv } from '../http/context';
import type { RouteDeps } from './deps';
import { createRequest, getRequest, listRequests, listServices } from './open311.routes';

export const OPEN311_PREFIX = '/open311/v2';
// The media types zod-openapi validates (and nothing else reaches the handler validated).
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Where Open311 reads and writes issues: the published issues (the city's open cases) of the staff side panel. */
export interface Open311Issues {
  list(): Promise<Issue[]>;
  /** By id, whatever the age: `list()` holds only the newest. */
  get(ids: readonly string[]): Promise<Issue[]>;
  create(issue: IssueInput, by: StaffIdentity): Promise<Issue>;
}

export function open311Issues(service: LinliService): Open311Issues {
  return {
    list: () => service.listIssues(),
    get: (ids) => service.getIssues(ids),
    async create(issue, by) {
      const { issues } = await service.publishIssues(issue, { by });
      const stored = issues[0];
      if (!stored) throw new Error('publishIssues stored nothing');
      return stored;
    },
  };
}

const errorList = (code: number, description: string): Open311ErrorBody => [{ code, description }];

function firstProblem(error: z.ZodError): string {
  const first = zodIssues(error)[0];
  return first ? `${first.path}: ${first.message}` : 'invalid request';
}

/**
 * Every refusal on these paths in Open311's shape, whichever layer made it (rate limit, body limit, cross-site
 * guard, unknown route): the Linli `{error: {message}}` body is rewritten as `[{code, description}]`.
 */
export function open311Errors(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (res.status < 400 || !res.headers.get('content-type')?.includes('application/json')) return;
    const body = (await res.clone().json()) as unknown;
    if (Array.isArray(body)) return;
    const message = (body as { error?: { message?: string } })?.error?.message ?? 'request refused';
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    c.res = new Response(JSON.stringify(errorList(res.status, message)), { status: res.status, headers });
  };
}

export function open311Routes({ service }: RouteDeps, issues: Open311Issues = open311Issues(service)) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorList(400, firstProblem(result.error)), 400);
    },
  });

  app.openapi(listServices, async (c) => c.json(open311Services(await service.listDepartments()), 200));

  app.openapi(listRequests, async (c) => {
    const query = c.req.valid('query');
    // Asked by id, a request is found whatever its age; otherwise the newest published ones are filtered.
    const ids = query.service_request_id;
    const candidates = ids?.length ? await issues.get(ids) : await issues.list();
    const found = filterServiceRequests(candidates, query, new Date());
    c.header('Cache-Control', 'no-store');
    return c.json(found.map(toServiceRequest), 200);
  });

  app.openapi(createRequest, async (c) => {
    const type = c.req.header('content-type') ?? '';
    const form = FORM_TYPE.test(type) ? c.req.valid('form') : JSON_TYPE.test(type) ? c.req.valid('json') : undefined;
    if (!form) return c.json(errorList(415, 'Content-Type: send a form or JSON'), 415);
    const by = form.api_key ? await service.authenticate(form.api_key) : null;
    if (!by) return c.json(errorList(403, 'api_key: missing, unknown or revoked'), 403);
    if (!findService(form.service_code)) {
      return c.json(errorList(400, `service_code: no service "${form.service_code}" (see services.json)`), 400);
    }
    const created = await issues.create(
      issueFromOpen311(form, { id: newId('o311'), now: new Date().toISOString() }),
      by,
    );
    return c.json([{ service_request_id: created.id, service_notice: null, account_id: form.account_id ?? null }], 201);
  });

  // `{id}.json` is not a Hono path: the route is declared for the document and served with a pattern.
  app.openAPIRegistry.registerPath(getRequest);
  app.get('/requests/:file{[A-Za-z0-9_-]{1,64}\\.json}', async (c) => {
    const id = c.req.param('file').slice(0, -'.json'.length);
    const [issue] = await issues.get([id]);
    if (!issue) return c.json(errorList(404, `service_request_id: no request "${id}"`), 404);
    return c.json([toServiceRequest(issue)], 200);
  });

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Linli 邻里 — Open311 GeoReport v2', version: '2' },
    servers: [{ url: OPEN311_PREFIX }],
  });
  return app;
}
