/**
 * One Linli instance for the ingest benchmarks, in its own process as `linli serve` runs: the real app on the
 * database named by argv[2] (a SQLite file or a postgres:// URL), rate limits lifted (every request of a
 * benchmark comes from 127.0.0.1; the limiter still runs on each). Prints its URL on stdout, stops on SIGTERM.
 */
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openLinliService } from '../../server/domain/linli';
import { listen } from '../../server/http/listen';
import { silentLogger } from '../../server/http/log';

const location = process.argv[2];
if (!location) throw new Error('usage: ingest-server.ts DB');
const service = await openLinliService(location);
await service.warm();
const unlimited = { burst: 1_000_000, perMinute: 1_000_000 };
const config = loadConfig(
  { port: 0, logLevel: 'silent' },
  { rateLimits: { read: unlimited, write: unlimited, credentialBallot: unlimited, openBallot: unlimited } },
);
const linli = createApp({ service, config, logger: silentLogger });
const server = await listen(linli.app, 0, '127.0.0.1');
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', async () => {
  linli.close();
  await server.close();
  await service.close();
  process.exit(0);
});
