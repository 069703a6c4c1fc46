/**
 * The API under /api/v1, composed from one router per resource. The OpenAPI document and the /docs page are
 * generated from the same declarations that route and validate requests; nothing is listed by hand.
 */
import { API_PREFIX, escapeHtml } from '@linli/core';
import { ballots } from './ballots.index';
import { consultations } from './consultations.index';
import { openApiDocument } from './docs.routes';
import { events } from './events.index';
import { health } from './health.index';
import { issues } from './issues.index';
import { router } from './openapi';
import { proposals } from './proposals.index';
import { staff } from './staff.index';

/** Every resource of the API, in the order the docs list them. Add a new resource's router here. */
const RESOURCES = [health, consultations, proposals, ballots, events, staff, issues];

export type ApiRouter = ReturnType<typeof apiRouter>;

export function apiRouter(publicUrl: () => string) {
  const api = router();
  for (const resource of RESOURCES) api.route('/', resource());
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'a staff token from `linli token create` (stored hashed); a department token is scoped',
  });
  let document: ReturnType<typeof documentOf> | null = null;
  // Generated on first request: converting every schema costs a few milliseconds, once.
  api.openapi(openApiDocument, (c) => {
    document ??= documentOf(api, publicUrl());
    return c.json(document, 200);
  });
  return api;
}

export function documentOf(api: ReturnType<typeof router>, serverUrl: string) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Linli 邻里 API',
      version: '1',
      description:
        'Consultations, proposals, 微心愿, ballots with receipts and live events for neighbourhood governance. ' +
        'Errors are always {"error": {"code", "message", "messageZh", "issues"?}}.',
    },
    servers: [{ url: `${serverUrl}${API_PREFIX}` }],
  });
}

type Document = ReturnType<typeof documentOf>;
const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

/** A plain, script-free page listing every operation of the document: works offline, behind any CSP. */
export function docsHtml(doc: Document): string {
  const rows: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const body = Object.keys(op.requestBody && 'content' in op.requestBody ? op.requestBody.content : {}).join(', ');
      const answers = Object.entries(op.responses ?? {})
        .map(([status, res]) => `${status} ${Object.keys(('content' in res && res.content) || {}).join(' | ')}`)
        .join('<br>');
      rows.push(`<tr id="${escapeHtml(`${method}-${path}`)}"><td class="m ${method}">${method.toUpperCase()}</td>
<td><code>${escapeHtml(API_PREFIX + path)}</code><div>${escapeHtml(op.summary ?? '')}</div></td>
<td>${op.security?.length ? 'Bearer' : 'public'}</td><td><code>${escapeHtml(body)}</code></td><td><small>${answers}</small></td></tr>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Linli 邻里 API</title>
<style>
body{font:16px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}
code{font-size:.95em}.m{font-weight:700;font-family:monospace}.get{color:#05603a}.post{color:#1d4ed8}.patch{color:#9a3412}
td div{color:#444}small{color:#666}
</style></head><body>
<h1>Linli 邻里 API <small>v1</small></h1>
<p>JSON under <code>${API_PREFIX}</code>. Errors are always <code>{"error": {"code", "message", "messageZh", "issues"?}}</code>.
Staff operations need <code>Authorization: Bearer &lt;token&gt;</code> (<code>linli token create</code>).
Machine-readable contract: <a href="${API_PREFIX}/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Auth</th><th>Body</th><th>Answers</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></body></html>`;
}
