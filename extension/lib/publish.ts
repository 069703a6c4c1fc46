/**
 * The Linli server as staff reach it: a staff token (Bearer) kept in extension storage — never handed to a page —
 * and the declared API: publish issues, list them, open a consultation from issues, post a progress update.
 */
import { API_PREFIX, type Issue, IssueList } from '@linli/core';

export interface Connection {
  /** Origin (and optional base path) of the server, e.g. `https://linli.example.org`. */
  url: string;
  token: string;
}

/** A refusal or failure the staff member should read; `retry` says whether trying again later may succeed. */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retry: boolean,
    readonly messageZh?: string,
  ) {
    super(message);
  }
}

export type Fetch = typeof fetch;

export function normaliseServerUrl(input: string): string {
  const u = new URL(input.trim());
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('the server address must start with https://');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** The origin pattern the extension asks permission for, so its requests reach that server only. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

async function call(conn: Connection, f: Fetch, method: string, path: string, body?: unknown, key?: string) {
  let res: Response;
  try {
    res = await f(`${conn.url}${API_PREFIX}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${conn.token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    // fetch rejects only when nothing came back: offline, DNS, refused connection.
    throw new PublishError(`server unreachable: ${(error as Error).message}`, 0, true, '无法连接服务器');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json as { error?: { message?: string; messageZh?: string } } | null)?.error;
    const retry = res.status >= 500 || res.status === 429 || res.status === 408;
    throw new PublishError(err?.message ?? `HTTP ${res.status}`, res.status, retry, err?.messageZh);
  }
  return json;
}

export async function publishIssues(conn: Connection, issues: readonly Issue[], key: string, f: Fetch = fetch) {
  const json = await call(conn, f, 'POST', '/issues', { issues }, key);
  return IssueList.parse(json).issues;
}

export async function listIssues(conn: Connection, f: Fetch = fetch): Promise<Issue[]> {
  return IssueList.parse(await call(conn, f, 'GET', '/issues')).issues;
}

export interface ConsultationDraft {
  slug: string;
  title: string;
  summary?: string;
  community?: string;
  issueIds: string[];
}

export async function createConsultation(conn: Connection, draft: ConsultationDraft, key: string, f: Fetch = fetch) {
  // The answer is the server's consultation view; only its slug matters here (its other fields may grow).
  return (await call(conn, f, 'POST', '/consultations', draft, key)) as { slug: string };
}

export async function postProgress(conn: Connection, slug: string, text: string, key: string, f: Fetch = fetch) {
  return call(conn, f, 'POST', `/consultations/${encodeURIComponent(slug)}/updates`, { text }, key);
}

/** Checks the address and token by listing the published issues: 401 means a wrong token. */
export async function checkConnection(conn: Connection, f: Fetch = fetch): Promise<number> {
  return (await listIssues(conn, f)).length;
}
