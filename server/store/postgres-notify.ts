/**
 * Messages between the instances sharing one PostgreSQL database, over LISTEN/NOTIFY. One dedicated connection
 * listens (a pooled one would be handed to queries); sending goes through the pool. Each message carries this
 * process's id so an instance ignores its own. When the listening connection drops it is opened again after a
 * short pause; messages sent meanwhile are lost, which costs a late live update, never a ballot (the SSE layer
 * reads the current tally whenever it sends one).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PgPool } from './postgres-schema';
import type { Broadcast } from './types';

const CHANNEL = 'linli_events';
/** NOTIFY payloads must stay under 8000 bytes; larger messages are dropped with a warning, not sent cut. */
const MAX_PAYLOAD = 7900;

export class PostgresBroadcast implements Broadcast {
  private readonly origin = randomBytes(6).toString('base64url');
  private readonly listeners = new Set<(message: string) => void>();
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly pool: PgPool,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Connects the listening connection; resolves once LISTEN is in place. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'linli-listen' });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const cut = n.payload.indexOf(' ');
      if (cut < 0 || n.payload.slice(0, cut) === this.origin) return;
      const message = n.payload.slice(cut + 1);
      for (const listener of this.listeners) {
        try {
          listener(message);
        } catch (error) {
          this.onError(error);
        }
      }
    });
    client.on('error', (error) => {
      this.onError(error);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private reconnect(dead: pg.Client) {
    if (this.closed || this.client !== dead || this.retry) return;
    this.client = null;
    dead.end().catch(() => {});
    this.retry = setTimeout(() => {
      this.retry = null;
      this.start().catch((error) => {
        this.onError(error);
        // Try again: the database may still be restarting.
        this.client = new pg.Client();
        this.reconnect(this.client);
      });
    }, 1000);
    this.retry.unref();
  }

  publish(message: string): void {
    if (this.closed) return;
    const payload = `${this.origin} ${message}`;
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
      this.onError(new Error(`broadcast message of ${payload.length} characters is too large for NOTIFY; dropped`));
      return;
    }
    this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error) => this.onError(error));
  }

  subscribe(listener: (message: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
