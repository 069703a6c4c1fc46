/**
 * JSON over fetch with a timeout and errors a resident can read. Every failure becomes a LinliError whose
 * `kind` tells the caller whether trying again later can help (network, timeout, 5xx) or not (4xx).
 */
import { apiUrl, begin, type FetchOptions, type Started } from './fetch';
import { type Lang, messages } from './messages';

export type ErrorKind = 'network' | 'timeout' | 'server' | 'client';

/** The server's error body: `{"error": {"code", "message", "messageZh", "issues"?}}` (DESIGN.md "HTTP API"). */
interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    messageZh?: string;
    issues?: Array<{ path?: unknown[]; message?: string }>;
  };
}

export class LinliError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    /** The zh-CN and English sentences; `text(lang)` picks one. */
    readonly zh: string,
    readonly en: string,
    readonly status = 0,
    /** Field → message, when the server named fields (400). */
    readonly fields: Record<string, string> = {},
  ) {
    super(en);
    this.name = 'LinliError';
  }

  text(lang: Lang): string {
    return lang === 'en' ? this.en : this.zh;
  }

  /** Worth trying again later: the request may never have reached the server, or it failed there. */
  get retryable(): boolean {
    return this.kind !== 'client';
  }
}

export { DEFAULT_TIMEOUT_MS } from './fetch';
export type RequestOptions = FetchOptions;

const local = (key: 'errNetwork' | 'errTimeout' | 'errServer') =>
  [messages('zh-CN')[key], messages('en')[key]] as const;

/** GET or POST JSON under `${server}/api/v1`; resolves to the parsed body of a 2xx answer. */
export const request = <T>(server: string, path: string, options: RequestOptions = {}): Promise<T> =>
  settle<T>(begin(apiUrl(server, path), options));

/** The parsed body of a started request's 2xx answer, or a LinliError saying what went wrong in words. */
export async function settle<T>(started: Started): Promise<T> {
  let response: Response;
  try {
    response = await started.response;
  } catch {
    started.done();
    const timeout = started.timedOut();
    const [zh, en] = local(timeout ? 'errTimeout' : 'errNetwork');
    throw new LinliError(timeout ? 'timeout' : 'network', 'unreachable', zh, en);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  } finally {
    started.done();
  }
  if (response.ok) return body as T;
  const error = (body as ErrorBody | null)?.error;
  const kind: ErrorKind = response.status >= 500 ? 'server' : 'client';
  const [fallbackZh, fallbackEn] = local('errServer');
  const fields: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const field = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
    if (field && issue.message && !(field in fields)) fields[field] = issue.message;
  }
  throw new LinliError(
    kind,
    error?.code ?? `http_${response.status}`,
    error?.messageZh ?? error?.message ?? fallbackZh,
    error?.message ?? fallbackEn,
    response.status,
    fields,
  );
}

/** A random id for Idempotency-Key and voter keys (letters and digits only, as the server's VoterKey allows). */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
