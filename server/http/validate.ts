import type { Context } from 'hono';
import type { z } from 'zod';
import { parseWith } from '../domain/context';
import { bodyText } from './body';
import { HttpError, invalid } from './errors';

/**
 * Reads a JSON body and validates it. An empty body counts as `{}` so a schema with only optional fields
 * accepts a bare POST; anything that is not JSON is a 400 naming the body.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  const text = await bodyText(c);
  let json: unknown = {};
  if (text.trim() !== '') {
    if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
      throw new HttpError(
        'unsupported_media_type',
        `(body): send JSON with Content-Type: application/json (got ${type})`,
      );
    }
    try {
      json = JSON.parse(text);
    } catch {
      throw invalid([{ path: '(body)', message: 'not valid JSON' }]);
    }
  }
  return parseWith(schema, json);
}

export const params = <S extends z.ZodType>(c: Context, schema: S): z.output<S> => parseWith(schema, c.req.param());
export const query = <S extends z.ZodType>(c: Context, schema: S): z.output<S> => parseWith(schema, c.req.query());
