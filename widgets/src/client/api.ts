/**
 * What the widgets ask of a Linli server, typed from core's schemas (type-only imports: zod never enters the
 * bundle). One place builds paths, so a widget never spells a URL.
 */
import type {
  BallotAccepted,
  BallotBoxResponse,
  ConsultationRead,
  ConsultationView,
  Proposal,
  TallyView,
} from '@linli/core';
import { firstReadUrl, takeRead, tallyLang } from './early';
import { begin } from './fetch';
import { HEIGHTS, heightKey } from './heights';
import { randomId, request, settle } from './http';
import { type BallotBody, BallotQueue, type KeyValueStore } from './queue';

export type { BallotAccepted, BallotBoxResponse, ConsultationRead, ConsultationView, Proposal, TallyView };

const slug = (s: string) => encodeURIComponent(s);

export const getConsultation = (server: string, consultation: string) =>
  request<ConsultationView>(server, `/consultations/${slug(consultation)}`);

export const getTally = (server: string, consultation: string, lang: string) =>
  request<TallyView>(server, `/consultations/${slug(consultation)}/tally?lang=${tallyLang(lang)}`);

/**
 * What a vote widget's first render needs, in one request (`include=tally`), taken from the early reads when the page
 * started one (client/early.ts). A server too old to know `include` answers the plain view: the tally is then asked
 * for separately. No ballot, no tally.
 */
export async function voteData(
  server: string,
  consultation: string,
  lang: string,
): Promise<[ConsultationView, TallyView | null]> {
  const started = takeRead(server, consultation, lang) ?? begin(firstReadUrl(server, consultation, lang));
  const { tally, ...view } = await settle<ConsultationRead>(started);
  if (tally || !view.ballot) return [view, tally ?? null];
  return [view, await getTally(server, consultation, lang)];
}

export const listProposals = (server: string, consultation: string, kind: 'proposal' | 'wish') =>
  request<{ proposals: Proposal[] }>(server, `/consultations/${slug(consultation)}/proposals?kind=${kind}`);

export const submitProposal = (
  server: string,
  consultation: string,
  body: { kind: 'proposal' | 'wish'; title: string; body?: string; authorName: string },
) => request<Proposal>(server, `/consultations/${slug(consultation)}/proposals`, { method: 'POST', body });

export const supportProposal = (server: string, id: string) =>
  request<Proposal>(server, `/proposals/${slug(id)}/support`, { method: 'POST', body: { voterKey: voterKey(server) } });

export const claimProposal = (server: string, id: string, claimedBy: string) =>
  request<Proposal>(server, `/proposals/${slug(id)}/claim`, { method: 'POST', body: { claimedBy } });

/** One attempt; the key makes a repeat of the same ballot return the first receipt. */
export const castBallot = (server: string, consultation: string, body: BallotBody, idempotencyKey: string) =>
  request<BallotAccepted>(server, `/consultations/${slug(consultation)}/ballots`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** The one ballot-box entry with this seq (works whether the box lists choices or only seq and hashes). */
export const getBallotBoxEntry = (server: string, consultation: string, seq: number) =>
  request<BallotBoxResponse>(server, `/consultations/${slug(consultation)}/ballot-box?after=${seq - 1}&limit=1`);

export const ballotBoxUrl = (server: string, consultation: string, seq?: number) =>
  `${server.replace(/\/+$/, '')}/api/v1/consultations/${slug(consultation)}/ballot-box${seq ? `?after=${seq - 1}&limit=1` : ''}`;

// ---------------------------------------------------------------------------------------------------------------
// What this browser remembers: its voter key, its receipts, what it supported, its queued ballots
// ---------------------------------------------------------------------------------------------------------------

function pageStorage(): KeyValueStore {
  try {
    const probe = '__linli_probe__';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    // Storage blocked (private mode, sandboxed frame): remember for this page only.
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}

let storage: KeyValueStore | null = null;
export const store = (): KeyValueStore => {
  storage ??= pageStorage();
  return storage;
};

const origin = (server: string) => server.replace(/\/+$/, '');

function readMap<T>(key: string): Record<string, T> {
  try {
    return JSON.parse(store().getItem(key) ?? '{}') as Record<string, T>;
  } catch {
    return {};
  }
}

function writeEntry(key: string, field: string, value: unknown): void {
  store().setItem(key, JSON.stringify({ ...readMap(key), [field]: value }));
}

/** The random id this browser votes and supports with on open polls (one per server). */
export function voterKey(server: string): string {
  const keys = readMap<string>('linli.voter-keys.v1');
  const existing = keys[origin(server)];
  if (existing) return existing;
  const created = randomId();
  writeEntry('linli.voter-keys.v1', origin(server), created);
  return created;
}

const RECEIPTS = 'linli.receipts.v1';
/** A receipt as this browser keeps it: with what it cast, so the ballot hash can be recomputed later. */
export type SavedReceipt = BallotAccepted & { mine?: { choices?: string[]; allocation?: Record<string, number> } };
export const savedReceipt = (server: string, consultation: string) =>
  readMap<SavedReceipt>(RECEIPTS)[`${origin(server)} ${consultation}`];
export const saveReceipt = (
  server: string,
  consultation: string,
  receipt: BallotAccepted,
  body: { choices?: string[]; allocation?: Record<string, number> },
) =>
  writeEntry(RECEIPTS, `${origin(server)} ${consultation}`, {
    ...receipt,
    mine: { choices: body.choices, allocation: body.allocation },
  } satisfies SavedReceipt);

/** Remembers the height of a vote widget's first complete render (client/heights.ts reads it back). */
export const rememberHeight = (server: string, consultation: string, width: number, height: number) =>
  writeEntry(HEIGHTS, heightKey(server, consultation, width), Math.ceil(height));

const SUPPORTED = 'linli.supported.v1';
export const hasSupported = (server: string, id: string) =>
  Boolean(readMap<boolean>(SUPPORTED)[`${origin(server)} ${id}`]);
export const markSupported = (server: string, id: string) => writeEntry(SUPPORTED, `${origin(server)} ${id}`, true);

let outbox: BallotQueue | null = null;

/** The page's ballot queue, flushed when the browser comes back online, every few seconds while it holds ballots, and whenever a widget's stream reopens. */
export function ballotOutbox(): BallotQueue {
  if (outbox) return outbox;
  const queue = new BallotQueue(store(), async (item) => {
    const receipt = await castBallot(item.server, item.consultation, item.body, item.key);
    saveReceipt(item.server, item.consultation, receipt, item.body);
    return { ...receipt, mine: { choices: item.body.choices, allocation: item.body.allocation } };
  });
  outbox = queue;
  const tick = () => {
    if (queue.list().length) void queue.flush();
  };
  addEventListener('online', tick);
  setInterval(tick, 4000);
  queueMicrotask(tick);
  return queue;
}
