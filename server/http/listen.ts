import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
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
}

export function listen(app: Hono<AppEnv>, port: number, host: string, options: ListenOptions = {}): Promise<Listening> {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  // Node checks these deadlines on a timer (30 s by default): check often enough that a deadline means what it says.
  const connectionsCheckingInterval = Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4)));
  return new Promise((resolve, reject) => {
    const serverOptions = { requestTimeout, headersTimeout, connectionsCheckingInterval };
    const server = serve({ fetch: app.fetch, port, hostname: host, serverOptions }, (info: AddressInfo) => {
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
    });
    server.once('error', reject);
  });
}
