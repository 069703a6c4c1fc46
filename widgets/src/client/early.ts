/**
 * The vote widgets' first reads, started when the bundle begins to evaluate (start-reads.ts is the first module of
 * index.ts), before Lit and the elements: only fetch.ts here, not http.ts and its message tables, so the requests
 * leave before those evaluate too. A widget takes its read once (api.ts voteData). They wait on globalThis under a
 * registered symbol: a page that (wrongly) loads two copies of the script still sends each read once.
 */
import { apiUrl, begin, type Started } from './fetch';

const EARLY = Symbol.for('linli.early-reads.v1');
type Reads = Map<string, Started>;
const reads = (): Reads => {
  const global = globalThis as unknown as Record<symbol, Reads | undefined>;
  let map = global[EARLY];
  if (!map) global[EARLY] = map = new Map();
  return map;
};

export const tallyLang = (lang: string) => (lang === 'en' ? 'en' : 'zh-CN');
const key = (server: string, consultation: string, lang: string) =>
  `${server.replace(/\/+$/, '')} ${consultation} ${tallyLang(lang)}`;

/** The consultation with its tally in one read (`include=tally`): everything a vote widget's first render needs. */
export const firstReadUrl = (server: string, consultation: string, lang: string) =>
  apiUrl(server, `/consultations/${encodeURIComponent(consultation)}?include=tally&lang=${tallyLang(lang)}`);

/** Starts the first read of every <linli-vote> in `root` (what the parser has seen when the script runs). */
export function startReads(root: ParentNode | undefined = globalThis.document): void {
  for (const el of root?.querySelectorAll?.('linli-vote[server][consultation]') ?? []) {
    const server = el.getAttribute('server') ?? '';
    const consultation = el.getAttribute('consultation') ?? '';
    const lang = el.getAttribute('lang') ?? 'zh-CN';
    const k = key(server, consultation, lang);
    if (server && consultation && !reads().has(k)) reads().set(k, begin(firstReadUrl(server, consultation, lang)));
  }
}

/** The early read for this widget, if one was started and nobody took it yet (stale after the first use). */
export function takeRead(server: string, consultation: string, lang: string): Started | undefined {
  const k = key(server, consultation, lang);
  const started = reads().get(k);
  reads().delete(k);
  return started;
}
