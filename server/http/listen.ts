import http, { type RequestListener, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { FrontHandler } from './ballot-fast-path';
import type { AppEnv } from './context';

export interface Listening {
  port: number;
  url: string;
  /** Stops accepting, ends open connections (event streams never end by themselves), resolves when closed. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Whole request (headers and body) must arrive within this; else 408 and the connection is closed. */
  requestTimeoutMs?: number;
  /** Headers must arrive within this. */
  headersTimeoutMs?: number;
  /** A Node handler that may answer a request before the app does (LinliApp's `front`: the ballot's fast path). */
  front?: FrontHandler;
}

export function listen(app: Hono<AppEnv>, port: number, host: string, options: ListenOptions = {}): Promise<Listening> {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  // Node checks these deadlines on a timer (30 s by default): check often enough that a deadline means what it says.
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4)));
  return new Promise((resolve, reject) => {
    const serverOptions = { requestTimeout, headersTimeout, connectionsCheckingInterval };
    const front = options.front;
    // The app's listener is @hono/node-server's; a front handler sees each request first and passes on the rest.
    const createServer = front
      ? (((opts: ServerOptions, listener: RequestListener) =>
          http.createServer(opts, (req, res) => front(req, res, listener))) as typeof http.createServer)
      : undefined;
    const server = serve(
      { fetch: app.fetch, port, hostname: host, serverOptions, createServer },
      (info: AddressInfo) => {
        const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
        resolve({
          port: info.port,
          url: `http://${shownHost}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
