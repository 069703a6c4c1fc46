/** What the ballot-ingest benches share: the server they post to and the vote they post in (SQLite and PostgreSQL). */
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Linli } from '../../server/domain/linli';
import { listen } from '../../server/http/listen';
import { silentLogger } from '../../server/http/log';

/** The code vote every ingest bench casts into: a civil-code yes/no, as a 3号楼 elevator vote. */
export const INGEST_VOTE = {
  slug: 'ingest',
  title: '基准：加装电梯表决',
  phase: 'voting',
  ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-major' },
} as const;

/**
 * The real app on port 0 with rate limits lifted: every request of a bench comes from 127.0.0.1. The limiter still
 * runs on every request, so its cost is measured.
 */
export async function ingestServer(service: Linli) {
  const unlimited = { burst: 1_000_000, perMinute: 1_000_000 };
  const config = loadConfig(
    { port: 0, logLevel: 'silent' },
    { rateLimits: { read: unlimited, write: unlimited, credentialBallot: unlimited, openBallot: unlimited } },
  );
  const linli = createApp({ service, config, logger: silentLogger });
  return { linli, server: await listen(linli.app, 0, '127.0.0.1', { front: linli.front }) };
}
