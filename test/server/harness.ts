import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp, type LinliApp } from '../../server/app';
import { loadConfig, type ServerConfigInput } from '../../server/config';
import { type Linli, openLinliService } from '../../server/domain/linli';
import type { FrontHandler } from '../../server/http/ballot-fast-path';
import { type Listening, listen } from '../../server/http/listen';
import { createLogger, silentLogger } from '../../server/http/log';
import { createDatabase, databaseName } from '../support/pg-cluster';
import { checkAnswer } from './contract';

/** Which store this run of the integration suite uses: vitest's `postgres` project sets LINLI_TEST_STORE. */
export const STORE_KIND: 'sqlite' | 'postgres' = process.env.LINLI_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh database for one test: a SQLite file in `dir`, or a new database in the run's PostgreSQL cluster
 * (started once by test/support/pg-global-setup.ts). Every test/server file thus runs against both stores.
 */
export async function testDatabase(dir: string, hint = 'linli'): Promise<string> {
  if (STORE_KIND === 'sqlite') return join(dir, `${hint}.db`);
  const base = inject('pgBase');
  if (!base) throw new Error('LINLI_TEST_STORE=postgres but no PostgreSQL cluster was started (globalSetup)');
  return createDatabase(base, databaseName(hint));
}

// biome-ignore lint/suspicious/noExplicitAny: tests read reply bodies field by field
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body (string) with its own content type. */
  raw?: { text: string; type: string };
  token?: string;
  headers?: Record<string, string>;
}

/**
 * A real server for one test file: @hono/node-server on port 0, on SQLite in a temp directory or on a fresh
 * PostgreSQL database (STORE_KIND). `restart()` closes server and store and opens the same database again, as a
 * crash-free restart would.
 */
export class TestServer {
  service!: Linli;
  linli!: LinliApp;
  server!: Listening;
  token = '';
  readonly dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  /** The SQLite file or PostgreSQL URL, chosen at the first start. */
  db = '';

  /**
   * `front` picks the Node handler put in front of the app, as `linli serve` puts the ballot's fast path
   * (the default); a test that compares the fast path with the app alone passes `() => undefined` for the other.
   */
  constructor(
    private readonly config: ServerConfigInput = {},
    private readonly front: (linli: LinliApp) => FrontHandler | undefined = (linli) => linli.front,
  ) {}

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<this> {
    this.db ||= await testDatabase(this.dir);
    this.service = await openLinliService(this.db);
    const config = loadConfig({ port: 0, logLevel: 'silent' }, this.config);
    this.linli = createApp({
      service: this.service,
      config,
      logger: process.env.LINLI_TEST_LOG ? createLogger('error') : silentLogger,
      publicUrl: () => this.url,
    });
    this.server = await listen(this.linli.app, 0, '127.0.0.1', {
      requestTimeoutMs: config.timeouts.requestMs,
      headersTimeoutMs: config.timeouts.headersMs,
      front: this.front(this.linli),
    });
    if (!this.token) this.token = await this.service.createToken({ name: 'test staff' });
    return this;
  }

  async stop(): Promise<void> {
    this.linli.close();
    await this.server.close();
    await this.service.close();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  // biome-ignore lint/suspicious/noExplicitAny: as Reply
  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.raw) {
      body = options.raw.text;
      headers['content-type'] = options.raw.type;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(
      `${this.url}${path.startsWith('/api') || path.startsWith('/docs') || path.startsWith('/healthz') ? '' : '/api/v1'}${path}`,
      {
        method,
        headers,
        body,
      },
    );
    const text = await res.text();
    let parsed: unknown = text;
    const contentType = res.headers.get('content-type') ?? '';
    if (contentType.includes('json')) parsed = JSON.parse(text);
    // Every answer a test sees must be the one the API documents for its status (test/server/contract.ts).
    checkAnswer(
      this.linli.api,
      { method, pathname: new URL(res.url).pathname },
      { status: res.status, contentType, body: parsed },
    );
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  /** As staff. */
  // biome-ignore lint/suspicious/noExplicitAny: as Reply
  staff<T = any>(method: string, path: string, options: CallOptions = {}) {
    return this.call<T>(method, path, { ...options, token: this.token });
  }
}

export const ROLL_CSV = [
  '房号,姓名,面积,人数',
  '101,王**,86.20,1',
  '102,李**,93.48,1',
  '201,张**,121.75,2',
  '202,刘**,58.30,1',
].join('\n');

/** A yes/no elevator vote under the civil code, with a roll of four units. */
export const electionBody = (slug: string) => ({
  slug,
  title: '3号楼加装电梯',
  summary: 'test',
  community: 'heping',
  phase: 'voting',
  ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-major' },
});

export type VoterCode = { unit: string; code: string };

/**
 * A code vote ready to cast, as staff set one up: electionBody (with `ballot` fields and other fields overridden),
 * the ROLL_CSV roll imported and a code printed for every unit, which it returns.
 */
export async function openCodeVote(
  t: TestServer,
  slug: string,
  overrides: { ballot?: Record<string, unknown>; [field: string]: unknown } = {},
): Promise<VoterCode[]> {
  const { ballot, ...fields } = overrides;
  const body = electionBody(slug);
  const created = await t.staff('POST', '/consultations', {
    body: { ...body, ...fields, ballot: { ...body.ballot, ...ballot } },
  });
  if (created.status !== 201) throw new Error(`creating ${slug}: ${created.status} ${created.text}`);
  await t.staff('POST', `/consultations/${slug}/roll`, { raw: { text: ROLL_CSV, type: 'text/csv' } });
  return (await t.staff('POST', `/consultations/${slug}/codes`, { body: {} })).body.codes;
}

export const pollBody = (slug: string) => ({
  slug,
  title: '停车方案',
  community: 'heping',
  phase: 'voting',
  ballot: {
    method: 'single',
    eligibility: 'open',
    rule: 'plurality',
    options: [
      { id: 'a', label: '方案一' },
      { id: 'b', label: '方案二' },
    ],
  },
});

export async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
