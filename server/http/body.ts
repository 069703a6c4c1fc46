import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { nodeIncoming } from './request-header';

/**
 * hono/body-limit, minus its cost on the common case: it asks `c.req.raw.body` first, which makes the node adapter
 * build a full web Request for every request. With Node's request at hand the headers decide alone: a declared
 * Content-Length is compared with the limit (Node's parser never delivers more than it declares), and a request
 * with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3). Chunked bodies, and other
 * runtimes, go through hono's counting reader.
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return (c, next) => {
    const incoming = nodeIncoming(c);
    if (!incoming || incoming.headers['transfer-encoding'] !== undefined) return counting(c, next);
    const length = incoming.headers['content-length'];
    if (length !== undefined && Number.parseInt(length, 10) > maxSize) return Promise.resolve(onError(c));
    return next();
  };
}

/**
 * Each request's body parsed as JSON, once: `{ value }`, or null when the text is not JSON. Kept on the request
 * object under a symbol rather than in a WeakMap: a WeakMap entry per request costs the garbage collector an
 * ephemeron to trace, for what a property does as well (the request and its parse live and die together).
 */
const PARSED_JSON = Symbol('linli.parsedJson');
type WithParsed = { [PARSED_JSON]?: { value: unknown } | null };

/**
 * The request body parsed as JSON, once per request, whoever asks first (the ballot limits look for a credential,
 * jsonBody checks the syntax, the route validates the value): `{ value }`, with `{}` for an empty body, or null when
 * the text is not JSON. Nobody may change the value: every reader shares it.
 */
export async function bodyJson(c: Context): Promise<{ value: unknown } | null> {
  const known = (c.req as WithParsed)[PARSED_JSON];
  if (known !== undefined) return known;
  const parsed = jsonValueOf(await bodyText(c));
  (c.req as WithParsed)[PARSED_JSON] = parsed;
  return parsed;
}

/** A body's text parsed as JSON: `{ value }`, with `{}` for an empty body, or null when the text is not JSON. */
export function jsonValueOf(text: string): { value: unknown } | null {
  try {
    return { value: text.trim() === '' ? {} : JSON.parse(text) };
  } catch {
    return null;
  }
}

/**
 * The request body as text, cached where `c.req.text()` finds it. Served by @hono/node-server with a
 * Content-Length (which bodyLimit has already checked against the limit), the bytes are read straight from Node's
 * request: materialising a web Request (an AbortController, a web stream over the socket, a body reader) costs
 * more than everything else a ballot does. Any other case — no Content-Length, another runtime, a body someone
 * already started reading — goes through `c.req.text()` as before.
 */
/**
 * One decoder for every request, as `c.req.text()` decodes (UTF-8, a leading BOM dropped, bad bytes replaced):
 * without `{stream: true}` each decode() stands alone, so sharing it is safe, and a decoder is not built per request.
 */
const utf8 = new TextDecoder();

export function bodyText(c: Context): Promise<string> {
  // Hono keeps promises in bodyCache, whatever its declared type says.
  const cache = c.req.bodyCache as Record<string, Promise<unknown> | undefined>;
  if (cache.text) return cache.text as Promise<string>;
  const incoming = nodeIncoming(c);
  const untouched =
    incoming !== undefined &&
    Object.keys(cache).length === 0 &&
    incoming.readableFlowing === null &&
    !incoming.readableDidRead &&
    incoming.headers['content-length'] !== undefined &&
    incoming.headers['transfer-encoding'] === undefined;
  if (!untouched) return c.req.text();
  // Middleware asks for the body while Node is still parsing the request's headers; the body's bytes, which nearly
  // always come in the same packet, are parsed before any promise continuation runs. So one microtask later the
  // whole message is usually in the request's buffer (`complete`), and one synchronous read() takes it: no flowing
  // mode, no 'data'/'end' events and their ticks, which cost a ballot more than parsing its JSON.
  const text = Promise.resolve().then(() =>
    incoming.complete && incoming.readableFlowing === null && !incoming.readableDidRead
      ? utf8.decode((incoming.read() as Buffer | null) ?? EMPTY)
      : streamed(incoming),
  );
  cache.text = text;
  return text;
}

const EMPTY = new Uint8Array(0);

/**
 * The body of Node's request as text, for a handler that serves it without the app (ballot-fast-path.ts): read in one
 * step when Node has parsed the whole message already, else as it arrives.
 */
export function nodeBodyText(incoming: IncomingMessage): Promise<string> {
  if (incoming.complete && incoming.readableFlowing === null && !incoming.readableDidRead)
    return Promise.resolve(utf8.decode((incoming.read() as Buffer | null) ?? EMPTY));
  return streamed(incoming);
}

/** The body of a request still arriving: every chunk, then the text once it has ended. */
function streamed(incoming: IncomingMessage): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A ballot's body arrives in one chunk: decoded as it is, with no copy into a new buffer.
    incoming.once('end', () => resolve(utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
    incoming.once('error', reject);
    incoming.once('close', () => {
      if (!incoming.readableEnded) reject(new Error('the request body was cut off'));
    });
  });
}
