import { API_PREFIX, escapeHtml } from '@linli/core';
import { PAGE_CSP } from '../http/security';
import { OPERATIONS, openApiDocument } from '../openapi';
import { type RouteDeps, router } from './deps';

/** A plain, script-free page: it works offline, behind any CSP, and in the oldest browser a 居委会 PC has. */
export function docsHtml(): string {
  const rows = OPERATIONS.map((op) => {
    const body = op.body ? ('csv' in op.body ? 'text/csv' : op.body.name) : '';
    const ok = Object.entries(op.responses)
      .map(([status, res]) => `${status} ${'name' in res ? res.name : res.type}`)
      .join(', ');
    const errors = [400, 404, 429, ...(op.errors ?? [])].sort().join(', ');
    return `<tr id="${escapeHtml(`${op.method}-${op.path}`)}"><td class="m ${op.method}">${op.method.toUpperCase()}</td>
<td><code>${escapeHtml(API_PREFIX + op.path)}</code><div>${escapeHtml(op.summary)}</div></td>
<td>${op.staff ? 'Bearer' : 'public'}</td><td><code>${escapeHtml(body)}</code></td><td>${escapeHtml(ok)}<br><small>errors: ${errors}</small></td></tr>`;
  }).join('\n');
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
<p>JSON under <code>${API_PREFIX}</code>. Errors are always <code>{"error": {"code", "message", "issues"?}}</code>.
Staff operations need <code>Authorization: Bearer &lt;token&gt;</code> (<code>linli token create</code>).
Machine-readable contract: <a href="${API_PREFIX}/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Auth</th><th>Body</th><th>Responses</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>`;
}

export function docsRoutes({ publicUrl }: RouteDeps) {
  const app = router();
  let document: Record<string, unknown> | null = null;
  app.get(`${API_PREFIX}/openapi.json`, (c) => {
    // Generated on first request: converting every schema costs a few milliseconds, once.
    document ??= openApiDocument(publicUrl());
    return c.json(document, 200);
  });
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(docsHtml(), 200);
  });
  return app;
}
