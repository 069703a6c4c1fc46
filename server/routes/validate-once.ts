/**
 * The hot route's inputs validated in one synchronous step. `router.openapi(route, handler)` puts one async
 * validator per declared part in front of the handler (path parameters, headers, a media-type gate, the JSON body),
 * each a middleware of its own that reads the request again through the web Request and awaits `safeParseAsync`;
 * on a ballot that was about a tenth of the server's time. `openapiOnce` declares the route in the router's OpenAPI
 * registry exactly as `.openapi` does (the document and /docs are generated from it) and serves it with one
 * middleware that checks the same parts, in the same order, with the same schemas, through the same hook: the
 * answers — 400 naming the field, 415 — are those of `.openapi`.
 */

import type { OpenAPIHono, RouteConfig, z } from '@hono/zod-openapi';
import type { Context, Handler, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyJson } from '../http/body';
import type { AppEnv } from '../http/context';
import { headerOf } from '../http/request-header';
import { type AppRouteHandler, defaultHook } from './openapi';

// What @hono/zod-openapi and hono/validator match, so a body passes or fails the gate exactly as it did there.
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

type Target = 'query' | 'param' | 'header' | 'json';

/** Parses one part; a failure goes through the routers' validation hook, which throws the project's 400. */
function parsed(target: Target, schema: z.ZodType, value: unknown): object {
  const result = schema.safeParse(value);
  // The hook does nothing with a success: it is called (with the target it names in its 400) only on a failure.
  if (!result.success) defaultHook({ ...result, target }, undefined as never);
  return result.data as object;
}

/** The media type of a Content-Type value, without parameters: `application/json; charset=utf-8` → `application/json`. */
const mediaType = (type: string) => {
  const semicolon = type.indexOf(';');
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim();
};

const hasBody = (c: Context) => {
  const length = headerOf(c, 'content-length');
  return (length !== undefined && length !== '0') || headerOf(c, 'transfer-encoding') !== undefined;
};

/** What a request offers a route's validation, however it was served (Hono's context, or Node's request). */
export interface RouteParts {
  query?: () => Record<string, string[]>;
  param: () => Record<string, string>;
  header: (name: string) => string | undefined;
}

export interface RouteInputs {
  /** The declared query, path parameters and headers, in that order: the validated values, or the hook's 400. */
  head(parts: RouteParts): { query?: object; param?: object; header?: object };
  /** The declared JSON body (the parsed value, `{}` for an empty body): the validated value, or the hook's 400. */
  json(value: unknown): object;
  /** Whether the route declares a JSON body. */
  hasJson: boolean;
}

/**
 * The validation of `route`'s declared inputs, with the same schemas, order and hook as `.openapi`: one function for
 * every way the route is served (the Hono middleware below, and the ballot's Node fast path, http/ballot-fast-path.ts).
 * Only what the hot route declares is supported.
 */
export function routeInputs(route: RouteConfig): RouteInputs {
  const { query, params, headers, body, cookies } = route.request ?? {};
  const content = body?.content ?? {};
  const media = content['application/json'];
  const jsonSchema = media && 'schema' in media ? (media.schema as z.ZodType) : undefined;
  if (cookies || Object.keys(content).some((type) => type !== 'application/json') || (body && !body.required))
    throw new Error(`${route.method} ${route.path}: validateOnce takes required JSON bodies, no cookies or forms`);
  const queries = query as z.ZodType | undefined;
  const paramSchema = params as z.ZodType | undefined;
  // Headers are declared in lower case (as HTTP/2 and Node give them); only the declared ones are read.
  const headerSchema = headers as z.ZodObject | undefined;
  const headerNames = headerSchema ? Object.keys(headerSchema.shape) : [];
  return {
    hasJson: jsonSchema !== undefined,
    head(parts) {
      const out: { query?: object; param?: object; header?: object } = {};
      if (queries) {
        const all = parts.query?.() ?? {};
        out.query = parsed(
          'query',
          queries,
          Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length === 1 ? v[0] : v])),
        );
      }
      if (paramSchema) out.param = parsed('param', paramSchema, parts.param());
      if (headerSchema) {
        const value: Record<string, string> = {};
        for (const name of headerNames) {
          const header = parts.header(name.toLowerCase());
          if (header !== undefined) value[name] = header;
        }
        out.header = parsed('header', headerSchema, value);
      }
      return out;
    },
    json: (value) => (jsonSchema ? parsed('json', jsonSchema, value) : {}),
  };
}

/** The single validation of `route`'s declared inputs, as a middleware. */
export function validateOnce(route: RouteConfig): MiddlewareHandler<AppEnv> {
  const inputs = routeInputs(route);
  return async (c, next) => {
    const head = inputs.head({
      query: () => c.req.queries(),
      param: () => c.req.param() as Record<string, string>,
      header: (name) => headerOf(c, name),
    });
    if (head.query) c.req.addValidatedData('query', head.query);
    if (head.param) c.req.addValidatedData('param', head.param);
    if (head.header) c.req.addValidatedData('header', head.header);
    if (inputs.hasJson) {
      const type = headerOf(c, 'content-type');
      if (type !== undefined ? !JSON_REQUEST.test(type) : hasBody(c))
        throw new HTTPException(415, { message: 'Unsupported Media Type' });
      let value: unknown = {};
      if (type !== undefined && JSON_MEDIA.test(mediaType(type))) {
        const body = await bodyJson(c);
        if (!body) throw new HTTPException(400, { message: 'Malformed JSON in request body' });
        value = body.value;
      }
      c.req.addValidatedData('json', inputs.json(value));
    }
    await next();
  };
}

/**
 * `api.openapi(route, handler)` with one synchronous validation (see above): the route is in the OpenAPI document as
 * any other, and its handler reads `c.req.valid(…)` as any other.
 */
export function openapiOnce<R extends RouteConfig>(
  api: OpenAPIHono<AppEnv>,
  route: R,
  handler: AppRouteHandler<R>,
): OpenAPIHono<AppEnv> {
  api.openAPIRegistry.registerPath(route);
  const path = route.path.replaceAll(/\/{(.+?)}/g, '/:$1');
  api.on([route.method], [path], validateOnce(route), handler as unknown as Handler<AppEnv>);
  return api;
}
