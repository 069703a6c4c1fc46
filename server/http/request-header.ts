import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** Node's request when served by @hono/node-server, else undefined (app.request in tests, other runtimes). */
export const nodeIncoming = (c: Context) => (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;

/**
 * A request header (`name` in lower case), as `c.req.header(name)` gives it. Served by @hono/node-server, it is
 * read from Node's own parsed headers: `c.req.header` asks the adapter's web Request for its `headers`, which builds
 * a whole web `Headers` from Node's raw list on first use and validates every name and value again on each `get`.
 * The middleware every request passes reads about ten headers; through Node they cost a property read each, and no
 * `Headers` is made for a request nobody else asks about.
 *
 * One difference, on requests no conforming client sends: a field that must appear once (Authorization,
 * Content-Type, Content-Length, Host…) sent twice is the first value in Node (it drops the repeats), the two joined
 * with ", " in a web `Headers`. Repeatable fields (Origin, X-Forwarded-For, Idempotency-Key…) are joined alike.
 */
export function headerOf(c: Context, name: string): string | undefined {
  const incoming = nodeIncoming(c);
  return incoming ? nodeHeader(incoming, name) : c.req.header(name);
}

/** A header of Node's request (`name` in lower case), as `headerOf` gives it. */
export function nodeHeader(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  // Only Set-Cookie arrives as an array in Node; a request never needs it here, but keep the web form.
  return Array.isArray(value) ? value.join(', ') : value;
}
