import type { Context, MiddlewareHandler, Next } from 'hono';
import type { AppEnv } from './context';
import { HttpError } from './errors';

/**
 * At most `max` open event streams per client address: each holds a socket and a queue for as long as the page
 * is open, so one address must not be able to hold thousands. A slot is taken before the stream opens and given
 * back when it ends, whether the client leaves, the server ends it, or it never became a stream.
 */
export function eventStreamCap(max: number): MiddlewareHandler<AppEnv> {
  const open = new Map<string, number>();
  const release = (ip: string) => {
    const n = (open.get(ip) ?? 1) - 1;
    if (n <= 0) open.delete(ip);
    else open.set(ip, n);
  };
  const capped = async (c: Context<AppEnv>, next: Next) => {
    const ip = c.get('clientIp');
    const held = open.get(ip) ?? 0;
    if (held >= max) {
      throw new HttpError('rate_limited', `too many open event streams from this address (at most ${max})`, {
        headers: { 'Retry-After': '30' },
      });
    }
    open.set(ip, held + 1);
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      release(ip);
    };
    try {
      await next();
    } catch (error) {
      done();
      throw error;
    }
    if (!c.res.headers.get('content-type')?.startsWith('text/event-stream')) {
      done();
      return;
    }
    // The node adapter hands over its ServerResponse: 'close' fires once, when the stream ends for any reason
    // (the client left, the hub dropped a slow reader, the server stops). No wrapper on the hot stream.
    const outgoing = (c.env as { outgoing?: { once(event: 'close', listener: () => void): void } } | undefined)
      ?.outgoing;
    if (outgoing) outgoing.once('close', done);
    else c.req.raw.signal.addEventListener('abort', done, { once: true });
  };
  return (c, next) => (c.req.method !== 'GET' || !c.req.path.endsWith('/events') ? next() : capped(c, next));
}
