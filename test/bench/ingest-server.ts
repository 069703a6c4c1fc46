/**
 * One Linli instance for the ingest benchmarks, in its own process as `linli serve` runs: the real app on the
 * database named by argv[2] (a SQLite file or a postgres:// URL), rate limits lifted (every request of a
 * benchmark comes from 127.0.0.1; the limiter still runs on each). Prints its URL on stdout, stops on SIGTERM.
 */
import { openLinliService } from '../../server/domain/linli';
import { ingestServer } from './ingest-setup';

const location = process.argv[2];
if (!location) throw new Error('usage: ingest-server.ts DB');
const service = await openLinliService(location);
await service.warm();
const { linli, server } = await ingestServer(service);
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', async () => {
  linli.close();
  await server.close();
  await service.close();
  process.exit(0);
});
