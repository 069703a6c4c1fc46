import { existsSync } from 'node:fs';
import path from 'node:path';
import { API_PREFIX } from '@linli/core';
import { createApp } from '../app';
import { ConfigError, configFromEnv, loadConfig, type ServerConfigInput } from '../config';
import { type DistrictSite, serveDistrictSite } from '../demo/district-site';
import { listen } from '../http/listen';
import { createLogger } from '../http/log';
import { packageRoot } from '../paths';
import { shownLocation } from '../store/location';
import { CliError, type Command, databaseLocation, parseCommandArgs } from './command';
import { openService } from './open-service';

/** Where the built side panel is, to load unpacked (chrome://extensions → Load unpacked). */
function extensionLine(): string {
  const dir = path.join(packageRoot(), '.output', 'chrome-mv3');
  return existsSync(path.join(dir, 'manifest.json'))
    ? `Side panel extension (load unpacked in Chrome): ${dir}`
    : 'Side panel extension: not built yet — run  npm run build:extension  (then load .output/chrome-mv3 unpacked)';
}

/** Consultations the demo seeds (DESIGN.md "Demo"); their slugs are part of the contract. */
const DEMO_SLUGS = ['elevator-3', 'parking-2026', 'wishes', 'garbage-room'] as const;

/** `--host` alone means every interface; `--host ADDR` names one. */
function normalizeHostFlag(argv: string[]): string[] {
  const out = [...argv];
  const i = out.indexOf('--host');
  if (i >= 0 && (i === out.length - 1 || out[i + 1]!.startsWith('--'))) out.splice(i + 1, 0, '0.0.0.0');
  return out;
}

export const serveCommand: Command = {
  name: 'serve',
  help: `
Usage: linli serve [--port 8787] [--db FILE | postgres://…] [--demo] [--host [ADDR]]

Runs the Linli server: the JSON API under ${API_PREFIX}, live events (SSE), /docs and /healthz.

Options:
  --port N           port to listen on (default 8787, LINLI_PORT; 0 picks a free port)
  --db FILE|URL      SQLite database file (default LINLI_DB, else ./linli.db; created if missing), or a
                     postgres://user:pass@host/db URL: any number of instances may share one PostgreSQL
                     database behind a load balancer (every instance needs the same LINLI_CODE_PEPPER)
  --demo             seed the demo district into an empty database (never touches existing data);
                     CORS also allows any http://localhost:* and http://127.0.0.1:* origin
  --host [ADDR]      listen address (default 127.0.0.1); --host alone listens on every interface
  --public-url URL   the URL residents reach this server at (printed code sheets link to it)
  --cors ORIGINS     comma-separated origins of host sites allowed to call the API (LINLI_CORS_ORIGINS)
  --log-level LEVEL  debug, info, warn, error or silent (default info)
  -h, --help         show this help

Exit codes: 0 stopped by SIGINT/SIGTERM; 2 bad options or database; 1 unexpected failure.

Example:
  linli serve --demo --db ./linli-demo.db
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('serve', normalizeHostFlag(argv), {
      port: { type: 'string' },
      db: { type: 'string' },
      demo: { type: 'boolean' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      cors: { type: 'string' },
      'log-level': { type: 'string' },
    });
    if (positionals.length) throw new CliError(`linli serve: unexpected argument "${positionals[0]}"`);
    const db = databaseLocation(values.db);
    const flags: ServerConfigInput = { db };
    if (values.port !== undefined) {
      if (!/^\d+$/.test(values.port)) throw new CliError(`linli serve: --port must be a number (got "${values.port}")`);
      flags.port = Number(values.port);
    }
    if (values.host !== undefined) flags.host = values.host;
    if (values.demo) flags.demo = true;
    if (values['public-url'] !== undefined) flags.publicUrl = values['public-url'];
    if (values['log-level'] !== undefined) flags.logLevel = values['log-level'] as ServerConfigInput['logLevel'];
    const env = configFromEnv();
    if (values.cors !== undefined) flags.sites = { ...env.sites, cli: values.cors.split(',').map((s) => s.trim()) };
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig(env, flags);
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(`linli serve: ${error.message}`);
      throw error;
    }

    const logger = createLogger(config.logLevel);
    // A PostgreSQL URL may carry a password: never print it.
    const shownDb = shownLocation(config.db);
    const { service, demo } = await openService(config.db, { demo: config.demo });
    // The first ballots should not wait for the SQLite writer thread to start.
    await service.warm();
    let url = '';
    const linli = createApp({ service, config, logger, publicUrl: () => config.publicUrl ?? url });
    let server: Awaited<ReturnType<typeof listen>>;
    try {
      server = await listen(linli.app, config.port, config.host, {
        requestTimeoutMs: config.timeouts.requestMs,
        headersTimeoutMs: config.timeouts.headersMs,
        front: linli.front,
      });
    } catch (error) {
      await service.close();
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(
        `linli serve: cannot listen on ${config.host}:${config.port} (${code ?? (error as Error).message})`,
      );
    }
    url = server.url;
    const base = (config.publicUrl ?? url).replace(/\/$/, '');
    // The demo district site runs on the next port (a free one when that is taken or the server's port is 0),
    // so its page is another origin than the API, as on a real 小区 site.
    let site: DistrictSite | null = null;
    if (config.demo) {
      const sitePort = config.port === 0 ? 0 : server.port + 1;
      site = await serveDistrictSite(() => base, sitePort, config.host).catch(() =>
        serveDistrictSite(() => base, 0, config.host),
      );
    }
    const lines = [
      `Linli 邻里 listening on ${url} (database ${shownDb})`,
      `  API        ${base}${API_PREFIX}`,
      `  docs       ${base}/docs`,
      `  OpenAPI    ${base}${API_PREFIX}/openapi.json`,
      `  health     ${base}/healthz`,
    ];
    if (config.demo) {
      lines.push('Demo consultations:');
      for (const slug of DEMO_SLUGS) lines.push(`  ${slug.padEnd(13)} ${base}${API_PREFIX}/consultations/${slug}`);
      lines.push(
        `  code sheet    ${base}${API_PREFIX}/consultations/elevator-3/codes.html (staff token; prints A4 cards)`,
      );
      if (demo?.seeded) {
        lines.push(`Staff token (shown once): ${demo.token}`);
        if (demo.codes.length) {
          lines.push(`Sample voter codes for elevator-3: ${demo.codes.map((c) => `${c.unit} ${c.code}`).join(', ')}`);
          // What the QR code on a printed card opens: a resident votes from here.
          lines.push(`  vote page     ${base}/vote/elevator-3?code=${demo.codes[0]!.code}`);
        }
      } else {
        // Tokens and codes are stored hashed, so the ones printed at the first start cannot be shown again.
        lines.push(
          'Demo data already present and kept. The staff token and codes were printed at the first start; new ones:',
          `  npx linli token create --name demo --db ${shownDb}`,
          `  npx linli roll codes elevator-3 --db ${shownDb}   (add --reissue to replace unused codes)`,
        );
      }
      lines.push('CORS: any http://localhost:* and http://127.0.0.1:* origin is allowed (demo).');
      if (site) {
        lines.push(`District site (widgets embedded): ${site.url}   English: ${site.url}?lang=en`);
        lines.push(`Sample portal pages to clip: ${site.url}portals/`);
      }
      lines.push(extensionLine());
    }
    process.stdout.write(`${lines.join('\n')}\n`);

    return new Promise<number>((resolve) => {
      const stop = async () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        linli.close();
        await site?.close();
        await server.close();
        // Pending ballots are flushed before the store closes: nothing acknowledged is lost.
        await service.close();
        resolve(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
