import type { MiddlewareHandler } from 'hono';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Whether a line of this level would be written (so a caller can skip building it); every level when absent. */
  writes?(level: Exclude<LogLevel, 'silent'>): boolean;
}

function serializable(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    // Stacks stay in the server log (never in a response) so an operator can fix a 500.
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

/** One JSON object per line on stdout (stderr for warnings and errors), so any log collector can parse it. */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string, level: LogLevel) => void = (line, lv) =>
    (RANK[lv] >= RANK.warn ? process.stderr : process.stdout).write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  const emit =
    (lv: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (RANK[lv] < RANK[level]) return;
      write(JSON.stringify({ time: now().toISOString(), level: lv, msg, ...serializable(fields) }), lv);
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    writes: (lv) => RANK[lv] >= RANK[level],
  };
}

export const silentLogger: Logger = createLogger('silent');

/**
 * One line per request. Deliberately no IP, no query string (it may hold a code or token), no body and no
 * Authorization: the log must never become a register of who voted.
 */
/** Whether `requestLog` would ever write a line with this logger (a silent one writes none, not even a 500's). */
export const logsRequests = (logger: Logger) => !logger.writes || logger.writes('info') || logger.writes('error');

export function requestLog(logger: Logger, now: () => number = () => performance.now()): MiddlewareHandler {
  // A logger that writes no request line: pass every request on, without timing or awaiting it.
  if (!logsRequests(logger)) return (_c, next) => next();
  return async (c, next) => {
    const start = now();
    await next();
    const slug = c.req.param('slug');
    const route = c.req.routePath;
    logRequest(logger, {
      method: c.req.method,
      route,
      status: c.res.status,
      ms: now() - start,
      slug,
      path: route === '/*' || route === '*' ? c.req.path : undefined,
    });
  };
}

/**
 * One request's line: the route pattern and the consultation, never the full path (a receipt id next to a time
 * could be matched with a ballot in the public box). `path` only for requests no route matched. Shared by
 * requestLog and the ballot's Node fast path (ballot-fast-path.ts).
 */
export function logRequest(
  logger: Logger,
  at: { method: string; route: string; status: number; ms: number; slug?: string; path?: string },
): void {
  const fields: Record<string, unknown> = {
    method: at.method,
    route: at.route,
    status: at.status,
    ms: Math.round(at.ms * 10) / 10,
  };
  if (at.slug) fields.slug = at.slug.slice(0, 64);
  if (at.path !== undefined) fields.path = at.path.slice(0, 200);
  if (at.status >= 500) logger.error('request', fields);
  else logger.info('request', fields);
}
