/**
 * The panel's link to a Linli server: the connection (address + staff token in extension storage, which pages never
 * see), the outbox and what the server holds. The server's origin is asked for as an optional host permission when
 * staff connect, so the extension's requests reach that server (and no other) without CORS help from it.
 */
import type { Issue } from '@linli/core';
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { OutboxRow } from './db';
import { flush, publishedMap, queueConsultation, queuePublish, queueUpdate } from './outbox';
import { type Connection, checkConnection, listIssues, normaliseServerUrl, originPattern } from './publish';
import { db } from './store';

const CONNECTION_KEY = 'linli.connection';

export const connection = signal<Connection | null>(null);
export const outboxRows = signal<OutboxRow[]>([]);
export const offline = signal(false);
export const serverIssues = signal<Issue[] | null>(null);
export const published = signal<Record<string, string>>({});

export async function loadConnection() {
  const got = await browser.storage.local.get(CONNECTION_KEY);
  connection.value = (got[CONNECTION_KEY] as Connection | undefined) ?? null;
  await refreshOutbox();
}

export async function refreshOutbox() {
  outboxRows.value = await db().outbox.orderBy('seq').toArray();
  published.value = await publishedMap(db());
}

/** Must be called from the click that connects: the permission prompt needs that gesture. */
export async function connect(url: string, token: string): Promise<number> {
  const conn = { url: normaliseServerUrl(url), token: token.trim() };
  const origins = [originPattern(conn.url)];
  const has = await browser.permissions.contains({ origins }).catch(() => false);
  if (!has) await browser.permissions.request({ origins }).catch(() => false);
  const n = await checkConnection(conn);
  await browser.storage.local.set({ [CONNECTION_KEY]: conn });
  connection.value = conn;
  return n;
}

export async function disconnect() {
  await browser.storage.local.remove(CONNECTION_KEY);
  connection.value = null;
  serverIssues.value = null;
}

export async function send() {
  const r = await flush(db(), connection.value);
  offline.value = r.offline;
  await refreshOutbox();
  return r;
}

export async function publish(ids: string[]) {
  await queuePublish(db(), ids);
  return send();
}

export async function startConsultation(draft: { slug: string; title: string; summary?: string }, ids: string[]) {
  await queueConsultation(db(), draft, ids);
  return send();
}

export async function postUpdate(slug: string, text: string) {
  await queueUpdate(db(), slug, text);
  return send();
}

export async function loadServerIssues() {
  if (!connection.value) return;
  serverIssues.value = await listIssues(connection.value);
}

/** Retries what waits whenever the browser comes back online, and every half minute while the panel is open. */
export function keepSending() {
  const go = () => void send().catch(() => {});
  globalThis.addEventListener?.('online', go);
  const timer = setInterval(go, 30_000);
  const first = setTimeout(go, 1000); // after the list has loaded
  return () => {
    globalThis.removeEventListener?.('online', go);
    clearInterval(timer);
    clearTimeout(first);
  };
}
