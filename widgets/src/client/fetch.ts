/**
 * The start of every request the widgets make: fetch with a timeout, as an anonymous resident (no cookies of the host
 * site travel to Linli). No imports, so the early reads (early.ts) can start before the rest of the client evaluates;
 * http.ts turns the answer into JSON or a LinliError.
 */

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface FetchOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A request on its way: the answer, and whether it was cut off by the timeout. */
export interface Started {
  response: Promise<Response>;
  timedOut(): boolean;
  /** Stops the timeout once the body is read. */
  done(): void;
}

/** The full address of an API path on a Linli server. */
export const apiUrl = (server: string, path: string) => `${server.replace(/\/+$/, '')}/api/v1${path}`;

export function begin(url: string, options: FetchOptions = {}): Started {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = (options.fetch ?? fetch)(url, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: controller.signal,
    credentials: 'omit',
    mode: 'cors',
  });
  // Read later (or never, if no widget takes an early read): a failure is reported where it is read.
  response.catch(() => {});
  return { response, timedOut: () => controller.signal.aborted, done: () => clearTimeout(timer) };
}
