/**
 * The documented contract, as the integration tests check it: every answer the API gives must be one the route
 * declares for its status, and its JSON body must parse with the declared schema and carry no undeclared field.
 * The schemas are the zod schemas the OpenAPI document is generated from, looked up in the API's registry.
 */
import { API_PREFIX } from '@linli/core';
import type { z } from 'zod';
import type { ApiRouter } from '../../server/routes/api';

interface DeclaredRoute {
  method: string;
  path: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const isZod = (schema: unknown): schema is z.ZodType =>
  typeof schema === 'object' && schema !== null && 'safeParse' in schema;

/** The declared operations of the API, each with a matcher for concrete paths. */
export function declaredRoutes(api: ApiRouter) {
  return api.openAPIRegistry.definitions
    .filter((d): d is Extract<typeof d, { type: 'route' }> => d.type === 'route')
    .map((d) => {
      const route = d.route as unknown as DeclaredRoute;
      const pattern = new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return { ...route, pattern };
    });
}

/** Where the body differs from what the schema describes: a field the schema does not declare, or a changed value. */
function undeclared(body: unknown, parsed: unknown, at: string): string | null {
  if (Array.isArray(body) && Array.isArray(parsed)) {
    for (const [i, item] of body.entries()) {
      const found = undeclared(item, parsed[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (body && typeof body === 'object' && parsed && typeof parsed === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (!(key in parsed)) return `${at}.${key} is not declared`;
      const found = undeclared(value, (parsed as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Throws when an answer drifts from the declaration: an undeclared status or media type, a JSON body the schema
 * refuses, or a field the schema does not list. `pathname` is the URL path (with API_PREFIX).
 */
export function checkAnswer(
  api: ApiRouter,
  request: { method: string; pathname: string },
  answer: { status: number; contentType: string; body: unknown },
): void {
  if (!request.pathname.startsWith(`${API_PREFIX}/`)) return;
  const path = request.pathname.slice(API_PREFIX.length);
  const route = declaredRoutes(api).find((r) => r.method === request.method.toLowerCase() && r.pattern.test(path));
  // An undeclared route answers 404 from the not-found handler; layering-style coverage lives in openapi.test.ts.
  if (!route) return;
  const where = `${request.method} ${route.path} → ${answer.status}`;
  const declared = route.responses[String(answer.status)];
  if (!declared) throw new Error(`contract: ${where} is not a declared answer`);
  const mediaType = answer.contentType.split(';')[0]!.trim().toLowerCase();
  const content = declared.content?.[mediaType];
  if (!content) {
    throw new Error(
      `contract: ${where} answered ${mediaType || 'no content type'}, declared ${Object.keys(declared.content ?? {})}`,
    );
  }
  if (mediaType !== 'application/json' || !isZod(content.schema)) return;
  const parsed = content.schema.safeParse(answer.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`contract: ${where}: ${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  const extra = undeclared(answer.body, parsed.data, '(body)');
  if (extra) throw new Error(`contract: ${where}: ${extra}`);
}
