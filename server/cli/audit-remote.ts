/**
 * `linli audit verify SLUG --from URL`: checks a server's public ballot box with no database access, as anyone
 * may (universal verifiability): fetch the consultation, the frozen electorate and every page of the box,
 * recompute the hash chain from its genesis, compare the head with the one the server publishes and with the
 * head printed on the result notice (`--head`), and — when the box is public and the result shown — recount the
 * ballots and compare with the server's tally.
 */

import type { ConsultationView } from '@linli/core';
import {
  API_PREFIX,
  type BallotBoxEntry,
  type BallotBoxResponse,
  type BallotDefinition,
  parseHundredths,
} from '@linli/core';
import { renderTallyView, tallySpec } from '../domain/tally-view';
import { recount } from '../ledger/aggregates';
import { canonicalJSON, chainHash, publicEntryHash, sha256Hex } from '../ledger/chain';
import { genesisOf } from '../ledger/electorate';
import { CliError } from './command';

export interface RemoteAuditReport {
  ok: boolean;
  chainOk: boolean;
  /** null when the box does not show choices (a `receipts` box, or a result still hidden). */
  tallyOk: boolean | null;
  headOk: boolean;
  entries: number;
  ballotBox: 'public' | 'receipts';
  head: string | null;
  problems: string[];
}

async function getJson<T>(url: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new CliError(`--from: cannot reach ${url} (${(error as Error).message})`, 1);
  }
  if (!res.ok) throw new CliError(`--from: ${url} answered ${res.status}`, 1);
  return (await res.json()) as T;
}

/** The hash an entry's published fields give, or null when the box does not show them (receipts, sealed). */
function recomputedHash(entry: BallotBoxEntry): string | null {
  if (!entry.weight || (entry.choices === undefined && entry.allocation === undefined)) return null;
  if (entry.receiptId !== undefined && entry.at !== undefined) {
    // Entries written before per-ballot times were dropped: their hash covers receipt id and time.
    const { seq, receiptId, at, choices, allocation, weight } = entry;
    return sha256Hex(canonicalJSON({ seq, receiptId, at, choices, allocation, weight }));
  }
  return publicEntryHash({ ...entry, weight: entry.weight });
}

export async function verifyRemote(slug: string, from: string, printedHead?: string): Promise<RemoteAuditReport> {
  const base = `${from.replace(/\/+$/, '')}${API_PREFIX}/consultations/${encodeURIComponent(slug)}`;
  const view = await getJson<ConsultationView>(base);
  const def = view.ballot as BallotDefinition | undefined;
  if (!def) throw new CliError(`linli audit verify: consultation "${slug}" has no ballot`, 2);
  const pages: BallotBoxResponse[] = [];
  for (let after = 0; ; ) {
    const page = await getJson<BallotBoxResponse>(`${base}/ballot-box?after=${after}&limit=1000`);
    pages.push(page);
    if (page.next === null || page.entries.length === 0) break;
    after = page.next;
  }
  const first = pages[0]!;
  const entries = pages.flatMap((p) => p.entries);
  const problems: string[] = [];
  let prev = genesisOf(view.id, first.electorate);
  const chainAt = new Map<number, string>();
  let contentChecked = true;
  entries.forEach((entry, i) => {
    if (entry.seq !== i + 1)
      problems.push(`seq ${entry.seq}: expected seq ${i + 1} (an entry is missing or duplicated)`);
    if (entry.prevHash !== prev) problems.push(`seq ${entry.seq}: prevHash is not the chainHash of the entry before`);
    if (chainHash(prev, entry.ballotHash) !== entry.chainHash)
      problems.push(`seq ${entry.seq}: chainHash is not sha256(prevHash + ballotHash)`);
    const hash = recomputedHash(entry);
    if (hash === null) contentChecked = false;
    else if (hash !== entry.ballotHash)
      problems.push(`seq ${entry.seq}: ballotHash does not match the published ballot`);
    prev = entry.chainHash;
    chainAt.set(entry.seq, entry.chainHash);
  });
  const head = entries.length ? prev : null;
  const chainOk = problems.length === 0;

  // The head: what the server says now, and what was printed on the notice.
  const headProblems: string[] = [];
  const published = first.head;
  if (published && chainAt.get(published.seq) !== published.chainHash)
    headProblems.push(
      `head: the server publishes head ${published.chainHash} at seq ${published.seq}, the box does not lead there`,
    );
  if (!published && entries.length)
    headProblems.push('head: the server publishes no head for a box that holds ballots');
  if (printedHead !== undefined && printedHead.toLowerCase() !== head) {
    headProblems.push(
      `head: the printed head ${printedHead} is not the head of the box (${head ?? 'empty'}): the stored log was changed after the notice`,
    );
  }
  problems.push(...headProblems);

  // The count: only a public box shows what to recount.
  let tallyOk: boolean | null = null;
  const tally = await getJson<Record<string, unknown>>(`${base}/tally?lang=en`);
  if (first.ballotBox === 'public' && contentChecked && tally.hidden !== true) {
    // As the server counts: an empty frozen roll (an open poll) is no electorate at all.
    const electorate = first.electorate?.units
      ? {
          units: first.electorate.units,
          area: parseHundredths(first.electorate.area) ?? 0n,
          count: first.electorate.count,
        }
      : null;
    const spec = tallySpec(def, electorate);
    const ballots = entries.map((e) => ({
      content: { ...(e.choices ? { choices: e.choices } : {}), ...(e.allocation ? { allocation: e.allocation } : {}) },
      weight: {
        areaHundredths: e.weight?.area === undefined ? null : parseHundredths(e.weight.area),
        count: e.weight?.count ?? 1,
      },
    }));
    const mine = renderTallyView({
      slug,
      phase: view.phase,
      def,
      spec,
      aggregate: recount(spec, ballots),
      staff: true,
      lang: 'en',
      now: new Date(),
    }) as Record<string, unknown>;
    const pick = (t: Record<string, unknown>) =>
      canonicalJSON({ passed: t.passed, winner: t.winner, totals: t.totals, participation: t.participation });
    tallyOk = pick(mine) === pick(tally);
    if (!tallyOk)
      problems.push('tally: recounting the public ballot box gives a result different from the published tally');
  }
  return {
    ok: chainOk && headProblems.length === 0 && tallyOk !== false,
    chainOk,
    tallyOk,
    headOk: headProblems.length === 0,
    entries: entries.length,
    ballotBox: first.ballotBox,
    head,
    problems,
  };
}
