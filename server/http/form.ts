import type { Context } from 'hono';

export type FormBody = Record<string, string | File | (string | File)[]>;

/**
 * The posted form, or null when the body is not a form that can be read (multipart without a boundary, a
 * truncated multipart body, a broken encoding): a person's browser never sends that, and a page answers it
 * with a 400 of its own rather than a 500.
 */
export async function readForm(c: Context): Promise<FormBody | null> {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    return null;
  }
}
