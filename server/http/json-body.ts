import type { MiddlewareHandler } from 'hono';
import { bodyJson, bodyText } from './body';
import { invalid } from './errors';
import { headerOf } from './request-header';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads a JSON body once, before the route's validator: an empty body counts as `{}` (a bare POST to an
 * operation whose fields are all optional is fine), and text that is not JSON is a 400 naming the body, in the
 * project's error shape rather than the framework's.
 */
export function jsonBody(): MiddlewareHandler {
  return async (c, next) => {
    const type = headerOf(c, 'content-type');
    if (!WRITES.has(c.req.method) || type === undefined || !JSON_TYPE.test(type)) return next();
    const text = await bodyText(c);
    if (text.trim() === '') {
      // The validator parses the cached text: give it the object an empty body stands for.
      (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve('{}');
      return next();
    }
    if ((await bodyJson(c)) === null) throw notJson();
    return next();
  };
}

/** The 400 for a JSON body that does not parse (shared with the ballot's fast path). */
export const notJson = () => invalid([{ path: '(body)', message: 'not valid JSON' }]);
