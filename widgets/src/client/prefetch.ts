/**
 * The first render's data, asked for as early as the bundle can: index.ts imports this module first, so the
 * requests for every <linli-vote> already in the page leave while Lit and the elements are still being evaluated,
 * instead of after the element upgrades. A widget then takes its promise (once) instead of asking again.
 */
import { type ConsultationView, getConsultationWithTally, getTally, type TallyView } from './api';

export type FirstData = Promise<[ConsultationView, TallyView | null]>;

const early = new Map<string, FirstData>();
const key = (server: string, consultation: string, lang: string) =>
  `${server.replace(/\/+$/, '')} ${consultation} ${lang === 'en' ? 'en' : 'zh-CN'}`;

/**
 * What a vote widget's first render needs, in one request (`include=tally`). A server too old to know `include`
 * answers the plain view: the tally is then asked for separately. No ballot, no tally.
 */
export async function voteData(server: string, consultation: string, lang: string): FirstData {
  const { tally, ...view } = await getConsultationWithTally(server, consultation, lang);
  if (tally || !view.ballot) return [view, tally ?? null];
  return [view, await getTally(server, consultation, lang)];
}

/** Starts the reads for the vote widgets in `root` (what the parser has seen by the time the module runs). */
export function prefetchVotes(root: ParentNode | undefined = globalThis.document): void {
  for (const el of root?.querySelectorAll?.('linli-vote[server][consultation]') ?? []) {
    const server = el.getAttribute('server') ?? '';
    const consultation = el.getAttribute('consultation') ?? '';
    const lang = el.getAttribute('lang') ?? 'zh-CN';
    const k = key(server, consultation, lang);
    if (!server || !consultation || early.has(k)) continue;
    const data = voteData(server, consultation, lang);
    data.catch(() => {}); // a failure is the widget's to report when it takes the promise
    early.set(k, data);
  }
}

/** The early reads for this widget, if they were started and nobody took them yet (stale after the first use). */
export function takePrefetched(server: string, consultation: string, lang: string): FirstData | undefined {
  const k = key(server, consultation, lang);
  const data = early.get(k);
  early.delete(k);
  return data;
}
